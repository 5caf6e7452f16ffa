package dev.gradus.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.runner.analysis.Targets;
import dev.gradus.runner.plan.RunRules;
import dev.gradus.runner.results.ResultsFolder;
import dev.gradus.runner.suite.SuiteException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code output: {trace: log}}: few rows, yet every runtime to a target as exact as a full trace.
 */
class TraceSpacingTest {
  @TempDir Path dir;

  private static final String SUITE =
      """
      suite: spacing
      seed: 5
      budget: {max_iterations: 1500}
      functions:
        - {name: rosenbrock, dim: 2, start: [-1.2, 1.0]}
      optimizers:
        - {name: adam, lr: 0.01}
      """;

  @Test
  void logSpacedRowsAreEveryIterationAtFirstThenAHundredADecade() {
    List<Long> rows = new ArrayList<>();
    for (long t = 0; t <= 1500; t++) {
      if (RunRules.logSpacedRow(t)) {
        rows.add(t);
      }
    }
    for (long t = 0; t <= 40; t++) {
      assertTrue(rows.contains(t), "row " + t);
    }
    // 10^(k/100) steps: from 1000 to 1500 there are 100 * log10(1.5) ≈ 17.6 of them
    long late = rows.stream().filter(t -> t >= 1000).count();
    assertTrue(late >= 17 && late <= 19, "rows from 1000 on: " + late);
    assertTrue(rows.size() < 300, "rows: " + rows.size());
  }

  @Test
  void aLogSpacedTraceKeepsTheFirstHitOfEveryTarget() throws Exception {
    TestSuites.run(SUITE, dir.resolve("dense"), 1);
    TestSuites.run(SUITE + "output: {trace: log}\n", dir.resolve("sparse"), 1);
    ResultsFolder.Trace dense = only(dir.resolve("dense"));
    ResultsFolder.Trace sparse = only(dir.resolve("sparse"));
    assertTrue(sparse.iteration().length < dense.iteration().length / 4, "a sparse trace");
    for (double target : Targets.coco()) {
      assertEquals(firstHit(dense, target), firstHit(sparse, target), "target " + target);
    }
    assertEquals(
        dense.iteration()[dense.iteration().length - 1],
        sparse.iteration()[sparse.iteration().length - 1],
        "the last row is kept");
  }

  @Test
  void aStepAndALogSpacingDoNotMix() {
    SuiteException e =
        assertThrows(
            SuiteException.class,
            () -> TestSuites.plan(SUITE + "output: {trace: log, trace_every: 5}\n"));
    assertTrue(
        e.getMessage().contains("output.trace_every applies to 'trace: every'"), e.getMessage());
    SuiteException unknown =
        assertThrows(
            SuiteException.class, () -> TestSuites.plan(SUITE + "output: {trace: logs}\n"));
    assertTrue(unknown.getMessage().contains("did you mean 'log'"), unknown.getMessage());
  }

  private static ResultsFolder.Trace only(Path folder) {
    return ResultsFolder.read(folder).traces().values().iterator().next();
  }

  private static double firstHit(ResultsFolder.Trace t, double target) {
    for (int k = 0; k < t.gap().length; k++) {
      if (t.gap()[k] <= target) {
        return t.evaluations()[k];
      }
    }
    return Double.POSITIVE_INFINITY;
  }
}
