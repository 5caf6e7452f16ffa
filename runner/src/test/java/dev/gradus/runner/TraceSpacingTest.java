package dev.gradus.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
  void theNextLogSpacedRowIsTheOneTestingEveryIterationFinds() {
    // every iteration up to 3·10⁶, and stretches around powers of ten up to 10¹⁵
    long expected = 0;
    for (long t = 0; t <= 3_000_000; t++) {
      if (t > expected) {
        expected = t;
        while (!RunRules.logSpacedRow(expected)) {
          expected++;
        }
      }
      assertEquals(expected, RunRules.nextLogSpacedRow(t), "from " + t);
    }
    // beyond, rows are too far apart to walk to: the answer r is a row, and no level of the
    // spacing changes between t + 1 and r, so no iteration in [t, r) is one
    for (long decade = 10_000_000L; decade <= 1_000_000_000_000_000L; decade *= 10) {
      for (long t = decade - 50; t <= decade + 50; t++) {
        checkNext(t);
        long r = RunRules.nextLogSpacedRow(t);
        checkNext(r - 1);
        checkNext(r + 1);
      }
    }
  }

  private static void checkNext(long t) {
    long r = RunRules.nextLogSpacedRow(t);
    assertTrue(r >= t && RunRules.logSpacedRow(r), t + " -> " + r);
    if (r > t) {
      assertFalse(RunRules.logSpacedRow(t), "from " + t);
      assertEquals(
          Math.floor(100 * StrictMath.log10(t + 1)),
          Math.floor(100 * StrictMath.log10(r)),
          "a level changes between " + (t + 1) + " and " + r);
    }
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
