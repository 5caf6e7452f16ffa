package dev.gradus.runner.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.runner.TestSuites;
import dev.gradus.runner.pipeline.SuiteOutcome;
import dev.gradus.runner.plan.Plan;
import dev.gradus.runner.plan.RunSpec;
import dev.gradus.runner.results.ResultsFolder;
import dev.gradus.runner.results.ResultsLayout;
import dev.gradus.spi.Objective;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/edge-of-stability.yaml does what its comment says: sharpness every 10th iteration, above
 * 2/lr at the start for lr = 2 and below it after the catapult, below 2/lr throughout for lr = 0.5;
 * and the first measurement agrees with plain power iteration on the same Hessian.
 */
class EdgeOfStabilityExampleTest {
  @TempDir Path dir;

  private static String example() throws Exception {
    return Files.readString(
        Path.of(System.getProperty("basedir", ".")).resolve("../examples/edge-of-stability.yaml"));
  }

  @Test
  void theCatapultAtLrTwoAndStabilityAtLrHalf() throws Exception {
    Plan plan = TestSuites.plan(example());
    SuiteOutcome outcome = TestSuites.run(example(), dir, 2);
    assertEquals(6, outcome.results().size());
    ResultsLayout layout = new ResultsLayout(dir);
    for (RunResult r : outcome.results()) {
      assertEquals(RunStatus.BUDGET_EXHAUSTED, r.status(), r.runId());
      ResultsFolder.Trace t = ResultsFolder.readTrace(layout.existingTrace(r.runId()));
      double lr = ((Number) r.hyperparameters().get("lr")).doubleValue();
      int measured = 0;
      for (int k = 0; k < t.iteration().length; k++) {
        long iteration = (long) t.iteration()[k];
        double s = t.sharpness()[k];
        assertEquals(iteration % 10 == 0, !Double.isNaN(s), r.runId() + " at " + iteration);
        if (Double.isNaN(s)) {
          continue;
        }
        measured++;
        assertTrue(t.sharpnessBound()[k] <= 1e-2 * s, r.runId() + " bound at " + iteration);
        if (lr == 0.5) {
          assertTrue(s < 2 / lr, r.runId() + ": " + s + " at " + iteration);
        }
        if (lr == 2.0 && iteration == 0) {
          assertTrue(s > 2 / lr, r.runId() + " starts sharper than 2/lr: " + s);
        }
        if (lr == 2.0 && iteration >= 100) {
          assertTrue(s < 2 / lr, r.runId() + " after the catapult: " + s + " at " + iteration);
        }
      }
      assertEquals(31, measured, r.runId());
    }
    // an independent estimate of the first row's value: power iteration on the same products
    // (x_0 as the run drew it: the network's initialisation comes from the run's stream)
    RunSpec spec = plan.runs().get(0);
    java.util.List<double[]> points = new java.util.ArrayList<>();
    new RunEngine(plan.rules())
        .run(
            spec,
            new dev.gradus.spi.RunListener() {},
            null,
            p -> {
              if (points.isEmpty()) {
                points.add(p.clone());
              }
            });
    double[] x = points.get(0);
    Objective objective = spec.function().factory().get();
    double[] v = new double[objective.dimension()];
    double[] hv = new double[v.length];
    java.util.Arrays.fill(v, 1 / Math.sqrt(v.length));
    double rayleigh = 0;
    for (int step = 0; step < 400; step++) {
      objective.hessianVectorProduct(x, v, hv);
      rayleigh = dot(v, hv);
      double norm = Math.sqrt(dot(hv, hv));
      for (int i = 0; i < v.length; i++) {
        v[i] = hv[i] / norm;
      }
    }
    ResultsFolder.Trace first = ResultsFolder.readTrace(layout.existingTrace(spec.runId()));
    assertEquals(rayleigh, first.sharpness()[0], 2e-3 * rayleigh);
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
