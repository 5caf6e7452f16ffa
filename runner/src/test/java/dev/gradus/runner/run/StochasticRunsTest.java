package dev.gradus.runner.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.runner.RunResults;
import dev.gradus.runner.TestSuites;
import dev.gradus.runner.plan.Plan;
import dev.gradus.runner.plan.RunSpec;
import dev.gradus.runner.results.CheckpointFiles;
import dev.gradus.runner.results.ResultsLayout;
import dev.gradus.runner.results.RunRecords;
import dev.gradus.runner.suite.SuiteException;
import dev.gradus.spi.Iteration;
import dev.gradus.spi.RunInfo;
import dev.gradus.spi.RunListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs whose gradients are samples (gradient_noise on any function, the noisy quadratic model) are
 * pure functions of their seed: on any thread count, and continued from a checkpoint bit for bit.
 */
class StochasticRunsTest {
  @TempDir Path dir;

  static final String SUITE =
      """
      suite: stochastic
      seed: 9
      repeats: 2
      budget: {max_iterations: 80}
      output: {checkpoint_every: 20, trace_every: 1}
      functions:
        - {name: rosenbrock, dim: 3, gradient_noise: [0, 0.5]}
        - {name: noisy-quadratic, dim: 8, noise: 0.3, batch_size: 2}
        - name: logistic-regression
          data: {generate: {n: 30, weights: [1.0, -1.0]}}
          batch_size: 8
      optimizers:
        - {name: gd, lr: 1.0e-3}
        - {name: adam, lr: 0.01}
        - {name: lbfgs}
      """;

  /** Every trace row's values; throws (as a kill would) past {@code stopAfter}. */
  private static final class Rows implements RunListener {
    final List<String> rows = new ArrayList<>();
    final long stopAfter;

    Rows(long stopAfter) {
      this.stopAfter = stopAfter;
    }

    @Override
    public void iteration(RunInfo run, Iteration r) {
      if (r.iteration() > stopAfter) {
        throw new IllegalStateException("killed");
      }
      rows.add(r.iteration() + " " + r.evaluations() + " " + r.f() + " " + r.gradNorm());
    }
  }

  @Test
  void aNoiseSweepIsTwoConfigurationsThatStartAlike() {
    Plan plan = TestSuites.plan(SUITE);
    assertEquals(4, plan.functions().size());
    assertEquals(0.0, plan.functions().get(0).parameters().get("gradient_noise"));
    assertEquals(0.5, plan.functions().get(1).parameters().get("gradient_noise"));
    assertNotEquals(plan.functions().get(0).label(), plan.functions().get(1).label());
    RunSpec quiet = plan.runs().get(0);
    RunSpec noisy = plan.runs().get(plan.optimizers().size() * plan.repeats());
    assertEquals(1, noisy.function().index());
    assertEquals(quiet.seed(), noisy.seed(), "the noise level is not part of the seed");
  }

  @Test
  void noiseZeroIsTheFunctionItselfAndNoiseChangesTheGradients() {
    Plan sweep = TestSuites.plan(SUITE);
    Plan plain = TestSuites.plan(SUITE.replace(", gradient_noise: [0, 0.5]", ""));
    RunEngine engine = new RunEngine(sweep.rules());
    Rows zero = new Rows(Long.MAX_VALUE);
    Rows none = new Rows(Long.MAX_VALUE);
    engine.run(sweep.runs().get(0), zero);
    new RunEngine(plain.rules()).run(plain.runs().get(0), none);
    assertEquals(none.rows, zero.rows);
    Rows noisy = new Rows(Long.MAX_VALUE);
    engine.run(sweep.runs().get(sweep.optimizers().size() * sweep.repeats()), noisy);
    assertEquals(zero.rows.get(0).split(" ")[2], noisy.rows.get(0).split(" ")[2], "same f at x0");
    assertNotEquals(zero.rows.get(0), noisy.rows.get(0), "but a noisy gradient");
  }

  @Test
  void stochasticRunsContinueFromACheckpointBitForBit() {
    Plan plan = TestSuites.plan(SUITE);
    CheckpointFiles files = new CheckpointFiles(new ResultsLayout(dir), null);
    RunEngine checkpointing = new RunEngine(plan.rules(), plan.suiteSha256(), files);
    int stochastic = 0;
    for (RunSpec spec : plan.runs()) {
      if (spec.function().index() == 0) {
        continue; // no noise: CheckpointResumeTest's case
      }
      Rows whole = new Rows(Long.MAX_VALUE);
      RunResult expected = new RunEngine(plan.rules()).run(spec, whole);
      RunResult killed = checkpointing.run(spec, new Rows(50));
      assertEquals(RunStatus.FAILED, killed.status(), spec.runId());
      Checkpoint checkpoint = files.read(spec.runId(), plan.suiteSha256()).orElseThrow();
      assertEquals(40, checkpoint.iteration(), spec.runId());
      assertEquals(6, checkpoint.stream().length, spec.runId() + " saved its stream");

      Rows rest = new Rows(Long.MAX_VALUE);
      RunResult resumed = checkpointing.run(spec, rest, checkpoint, null);
      assertEquals(whole.rows.subList(40, whole.rows.size()), rest.rows, spec.runId());
      assertEquals(
          RunRecords.toJson(timeless(expected)),
          RunRecords.toJson(timeless(resumed)),
          spec.runId());

      // the saved stream is what makes it exact: restarted at the seed, the noise repeats itself
      Checkpoint withoutStream =
          new Checkpoint(
              checkpoint.runId(),
              checkpoint.suiteSha256(),
              checkpoint.iteration(),
              checkpoint.x(),
              checkpoint.xStart(),
              checkpoint.optimizer(),
              checkpoint.evaluations(),
              checkpoint.fBest(),
              checkpoint.xBest(),
              checkpoint.iterationsToTarget(),
              checkpoint.evaluationsToTarget(),
              checkpoint.secondsToTarget(),
              checkpoint.stepNorm(),
              checkpoint.lastLr(),
              checkpoint.elapsedNanos(),
              null,
              checkpoint.sampling());
      Rows restarted = new Rows(Long.MAX_VALUE);
      checkpointing.run(spec, restarted, withoutStream, null);
      assertNotEquals(rest.rows, restarted.rows, spec.runId());
      stochastic++;
    }
    assertEquals(3 * 3 * 2, stochastic);
  }

  @Test
  void resultsAreTheSameOnOneThreadAndOnTwo() {
    var one = TestSuites.run(SUITE, dir.resolve("one"), 1);
    var two = TestSuites.run(SUITE, dir.resolve("two"), 2);
    assertEquals(one.results().size(), two.results().size());
    for (int i = 0; i < one.results().size(); i++) {
      assertEquals(
          RunRecords.toJson(TestSuites.withoutTime(one.results().get(i))),
          RunRecords.toJson(TestSuites.withoutTime(two.results().get(i))));
    }
    assertEquals(
        TestSuites.traceLines(dir.resolve("one"), one.results().get(14).runId()).stream()
            .map(StochasticRunsTest::withoutSeconds)
            .toList(),
        TestSuites.traceLines(dir.resolve("two"), one.results().get(14).runId()).stream()
            .map(StochasticRunsTest::withoutSeconds)
            .toList());
  }

  @Test
  void aNegativeNoiseIsRefusedAtItsPlaceWithItsRange() {
    SuiteException e =
        assertThrows(
            SuiteException.class,
            () -> TestSuites.plan(SUITE.replace("gradient_noise: [0, 0.5]", "gradient_noise: -1")));
    assertTrue(e.getMessage().contains("gradient_noise"), e.getMessage());
    assertTrue(e.getMessage().contains(":7:"), "names the line: " + e.getMessage());
    SuiteException typo =
        assertThrows(
            SuiteException.class,
            () -> TestSuites.plan(SUITE.replace("gradient_noise:", "gradient_nosie:")));
    assertTrue(typo.getMessage().contains("did you mean 'gradient_noise'"), typo.getMessage());
  }

  @Test
  void theNoisyQuadraticCanBeGivenNoNoiseAndThenDescendsDeterministically() {
    Plan plan =
        TestSuites.plan(
            SUITE
                .replace("noise: 0.3, batch_size: 2", "noise: 0.0")
                .replace("repeats: 2", "repeats: 1"));
    RunSpec gd = plan.runs().stream().filter(r -> r.function().index() == 2).findFirst().get();
    Rows a = new Rows(Long.MAX_VALUE);
    new RunEngine(plan.rules()).run(gd, a);
    // x_i after t steps of gd from 1 is (1 − lr·h_i)^t, f = ½ Σ h_i x_i²
    double lr = 1e-3;
    double f = 0;
    for (int i = 1; i <= 8; i++) {
      f += 0.5 / i * Math.pow(1 - lr / i, 2 * 80);
    }
    String last = a.rows.get(a.rows.size() - 1);
    assertArrayEquals(
        new double[] {f}, new double[] {Double.parseDouble(last.split(" ")[2])}, 1e-14);
  }

  private static String withoutSeconds(String traceLine) {
    // iteration,evaluations,seconds,…: the wall time is the one column that differs
    String[] cells = traceLine.split(",", -1);
    if (cells.length > 2) {
      cells[2] = "";
    }
    return String.join(",", cells);
  }

  private static RunResult timeless(RunResult r) {
    return RunResults.of(r).timeless().resumedFrom(null).build();
  }
}
