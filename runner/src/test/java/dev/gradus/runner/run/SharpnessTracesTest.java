package dev.gradus.runner.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.runner.RunResults;
import dev.gradus.runner.TestSuites;
import dev.gradus.runner.plan.Plan;
import dev.gradus.runner.plan.RunSpec;
import dev.gradus.runner.results.CheckpointFiles;
import dev.gradus.runner.results.FlatTables;
import dev.gradus.runner.results.ResultsFolder;
import dev.gradus.runner.results.ResultsLayout;
import dev.gradus.runner.results.RunRecords;
import dev.gradus.runner.results.TraceWriter;
import dev.gradus.runner.suite.SuiteException;
import dev.gradus.spi.Iteration;
import dev.gradus.spi.RunInfo;
import dev.gradus.spi.RunListener;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code output.sharpness_every}: the Hessian's largest eigenvalue at x_t in the traces, at the
 * interval's rows and the last, equal to the closed form where there is one, without changing
 * anything the run does, and the same bits on any thread count and after a resume.
 */
class SharpnessTracesTest {
  @TempDir Path dir;

  static final String SUITE =
      """
      suite: sharpness
      seed: 3
      budget: {max_iterations: 23}
      output: {checkpoint_every: 10OUTPUT}
      functions:
        - {name: rosenbrock, dim: 2, start: [-1.2, 1.0]}
        - {name: rosenbrock, dim: 2, start: [-1.2, 1.0], gradient: numerical}
        - name: logistic-regression
          data: {generate: {n: 60, weights: [1.0, -1.0]}, test_fraction: 0.25}
          batch_size: 8
      optimizers:
        - {name: gd, lr: 1.0e-3}
        - {name: adam, lr: 0.05}
      """;

  private static final String TRACKED = ", sharpness_every: 5";

  /** Every row a run reports, and the point x_t at each iteration. */
  private static final class Recorder implements RunListener {
    final List<Iteration> rows = new ArrayList<>();
    final List<double[]> points = new ArrayList<>();
    final long stopAfter;

    Recorder(long stopAfter) {
      this.stopAfter = stopAfter;
    }

    @Override
    public void iteration(RunInfo run, Iteration r) {
      if (r.iteration() > stopAfter) {
        throw new IllegalStateException("killed");
      }
      rows.add(r);
    }

    /** The rows without their wall-clock seconds, as text, bit for bit. */
    List<String> timeless() {
      return rows.stream()
          .map(
              r ->
                  List.of(
                          r.iteration(),
                          r.evaluations(),
                          r.f(),
                          r.gap(),
                          r.gradNorm(),
                          r.stepNorm(),
                          r.lr(),
                          r.inDomain(),
                          r.trainLoss(),
                          r.testLoss(),
                          r.testAccuracy())
                      .toString())
          .toList();
    }
  }

  private static RunSpec spec(Plan plan, int function, int optimizer) {
    return plan.runs().stream()
        .filter(r -> r.function().index() == function && r.optimizer().index() == optimizer)
        .findFirst()
        .orElseThrow();
  }

  /** Rosenbrock's Hessian's largest eigenvalue at x, from the 2×2 closed form. */
  private static double rosenbrockSharpness(double[] x) {
    double h11 = 2 - 400 * x[1] + 1200 * x[0] * x[0];
    double h12 = -400 * x[0];
    double h22 = 200;
    return (h11 + h22) / 2 + Math.hypot((h11 - h22) / 2, h12);
  }

  @Test
  void atTheIntervalAndTheLastRowItIsTheHessiansLargestEigenvalueThere() {
    Plan plan = TestSuites.plan(SUITE.replace("OUTPUT", TRACKED));
    for (int function : new int[] {0, 1}) {
      RunSpec spec = spec(plan, function, 0);
      Recorder rows = new Recorder(Long.MAX_VALUE);
      new RunEngine(plan.rules()).run(spec, rows, null, x -> rows.points.add(x.clone()));
      List<Long> measured = new ArrayList<>();
      for (Iteration r : rows.rows) {
        if (Double.isNaN(r.sharpness())) {
          assertTrue(Double.isNaN(r.sharpnessBound()), "a bound only with a value");
          continue;
        }
        measured.add(r.iteration());
        double expected = rosenbrockSharpness(rows.points.get((int) r.iteration()));
        // exact for autodiff (two products span the plane); differences of numerical gradients
        double tolerance = function == 0 ? 1e-10 : 1e-4;
        assertEquals(expected, r.sharpness(), tolerance * expected, "iteration " + r.iteration());
        assertTrue(r.sharpnessBound() <= 1e-3 * Math.abs(r.sharpness()), "bound " + r);
      }
      assertEquals(List.of(0L, 5L, 10L, 15L, 20L, 23L), measured, "function " + function);
    }
  }

  @Test
  void trackingChangesNothingTheRunDoes() {
    Plan plain = TestSuites.plan(SUITE.replace("OUTPUT", ""));
    Plan tracked = TestSuites.plan(SUITE.replace("OUTPUT", TRACKED));
    for (int function = 0; function < 3; function++) {
      for (int optimizer = 0; optimizer < 2; optimizer++) {
        Recorder without = new Recorder(Long.MAX_VALUE);
        Recorder with = new Recorder(Long.MAX_VALUE);
        RunResult a = new RunEngine(plain.rules()).run(spec(plain, function, optimizer), without);
        RunResult b = new RunEngine(tracked.rules()).run(spec(tracked, function, optimizer), with);
        String run = "function " + function + ", optimizer " + optimizer;
        // same iterations, evaluations (the products are not counted), f, ‖∇f‖, steps, lr
        assertEquals(without.timeless(), with.timeless(), run);
        assertEquals(
            RunRecords.toJson(RunResults.of(a).timeless().build()),
            RunRecords.toJson(RunResults.of(b).timeless().build()),
            run);
        assertTrue(with.rows.stream().anyMatch(r -> !Double.isNaN(r.sharpness())), run);
        assertTrue(without.rows.stream().allMatch(r -> Double.isNaN(r.sharpness())), run);
      }
    }
  }

  @Test
  void aResumedRunMeasuresTheSameBits() {
    Plan plan = TestSuites.plan(SUITE.replace("OUTPUT", TRACKED));
    CheckpointFiles files = new CheckpointFiles(new ResultsLayout(dir), null);
    RunEngine checkpointing = new RunEngine(plan.rules(), plan.suiteSha256(), files);
    for (RunSpec spec : List.of(spec(plan, 0, 1), spec(plan, 2, 1))) {
      Recorder whole = new Recorder(Long.MAX_VALUE);
      new RunEngine(plan.rules()).run(spec, whole);
      checkpointing.run(spec, new Recorder(12));
      Checkpoint checkpoint = files.read(spec.runId(), plan.suiteSha256()).orElseThrow();
      Recorder rest = new Recorder(Long.MAX_VALUE);
      checkpointing.run(spec, rest, checkpoint, null);
      List<String> expected = new ArrayList<>();
      List<String> resumed = new ArrayList<>();
      whole.rows.stream()
          .filter(r -> r.iteration() >= 10)
          .forEach(
              r -> expected.add(r.iteration() + " " + r.sharpness() + " " + r.sharpnessBound()));
      rest.rows.forEach(
          r -> resumed.add(r.iteration() + " " + r.sharpness() + " " + r.sharpnessBound()));
      assertEquals(expected, resumed, spec.runId());
    }
  }

  @Test
  void tracesHaveTheColumnsAndTheSameBitsOnOneAndTwoThreads() throws Exception {
    String suite = SUITE.replace("OUTPUT", TRACKED + ", trace_every: 4");
    TestSuites.run(suite, dir.resolve("one"), 1);
    TestSuites.run(suite, dir.resolve("two"), 2);
    String runId = "f2-logistic-regression_o1-adam_r0";
    List<String> one = TestSuites.traceLines(dir.resolve("one"), runId);
    List<String> two = TestSuites.traceLines(dir.resolve("two"), runId);
    assertEquals(TraceWriter.header(true, true), one.get(0));
    assertEquals(cells(one, 12, 14), cells(two, 12, 14));
    // rows 0, 4, 8, … of the schedule, 5, 10, … of the sharpness interval, and the last
    List<String> iterations = cells(one, 0, 1);
    assertEquals(
        List.of("0", "4", "5", "8", "10", "12", "15", "16", "20", "23"), iterations, "rows");
    for (String line : one.subList(1, one.size())) {
      String[] c = line.split(",", -1);
      long t = Long.parseLong(c[0]);
      assertEquals(t % 5 == 0 || t == 23, !c[12].isEmpty(), line);
    }
    // a deterministic function's trace has them after the plain columns
    assertEquals(
        TraceWriter.header(false, true),
        TestSuites.traceLines(dir.resolve("one"), "f0-rosenbrock_o0-gd_r0").get(0));
    // read back for the report: the same numbers
    ResultsFolder.Trace read =
        ResultsFolder.readTrace(new ResultsLayout(dir.resolve("one")).existingTrace(runId));
    assertTrue(read.hasSharpness());
    assertEquals(Double.parseDouble(one.get(3).split(",", -1)[12]), read.sharpness()[2]);
    assertTrue(Double.isNaN(read.sharpness()[1]));
    assertEquals(0.05, read.lr()[1]);
    // the long form has every column for every run, the sharpness last
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(
                    Files.newInputStream(new ResultsLayout(dir.resolve("one")).tracesCsv())),
                StandardCharsets.UTF_8))) {
      List<String> flat = in.lines().toList();
      assertEquals(FlatTables.TRACES_HEADER, flat.get(0));
      assertTrue(FlatTables.TRACES_HEADER.endsWith(",test_accuracy,sharpness,sharpness_bound"));
      int columns = FlatTables.TRACES_HEADER.split(",").length;
      String firstRosenbrock = null;
      for (String row : flat) {
        assertEquals(columns, row.split(",", -1).length, row);
        if (firstRosenbrock == null && row.startsWith("f0-rosenbrock_o0-gd_r0,")) {
          firstRosenbrock = row;
        }
      }
      String[] c = firstRosenbrock.split(",", -1);
      assertEquals("", c[columns - 3], "no held-out metrics");
      double sharpness = Double.parseDouble(c[columns - 2]);
      assertEquals(rosenbrockSharpness(new double[] {-1.2, 1.0}), sharpness, 1e-9);
    }
    String resolved = Files.readString(new ResultsLayout(dir.resolve("one")).resolvedSuite());
    assertTrue(resolved.contains("sharpness_every: 5"), resolved);
    assertTrue(resolved.contains("sharpness_tolerance: 0.001"), resolved);
    assertTrue(resolved.contains("sharpness_iterations: 30"), resolved);
  }

  @Test
  void settingsOutOfRangeOrWithoutTrackingAreNamedAtTheirPlace() {
    String base = SUITE.replace("OUTPUT", "");
    SuiteException off =
        assertThrows(
            SuiteException.class,
            () ->
                TestSuites.plan(
                    base.replace("checkpoint_every: 10", "sharpness_tolerance: 1.0e-6")));
    assertTrue(off.getMessage().contains("suite.yaml:4:"), off.getMessage());
    assertTrue(off.getMessage().contains("set output.sharpness_every"), off.getMessage());
    SuiteException tolerance =
        assertThrows(
            SuiteException.class,
            () ->
                TestSuites.plan(
                    base.replace(
                        "checkpoint_every: 10", "sharpness_every: 2, sharpness_tolerance: 2")));
    assertTrue(
        tolerance.getMessage().contains("output.sharpness_tolerance = 2.0 is out of range"),
        tolerance.getMessage());
    SuiteException products =
        assertThrows(
            SuiteException.class,
            () ->
                TestSuites.plan(
                    base.replace(
                        "checkpoint_every: 10",
                        "sharpness_every: 2, sharpness_iterations: 10000000000")));
    assertTrue(
        products
            .getMessage()
            .contains("output.sharpness_iterations = 10000000000 is out of range [1, 1000]"),
        products.getMessage());
    SuiteException negative =
        assertThrows(
            SuiteException.class,
            () -> TestSuites.plan(base.replace("checkpoint_every: 10", "sharpness_every: -1")));
    assertTrue(negative.getMessage().contains("sharpness_every = -1"), negative.getMessage());
    SuiteException type =
        assertThrows(
            SuiteException.class,
            () -> TestSuites.plan(base.replace("checkpoint_every: 10", "sharpness_every: often")));
    assertTrue(type.getMessage().contains("expected an integer"), type.getMessage());
    assertFalse(TestSuites.plan(base).rules().sharpness().tracked());
  }

  @Test
  void aBasisTooLargeForTheDimensionFailsTheRunNamingTheSetting() {
    Plan plan =
        TestSuites.plan(
            """
            suite: large
            budget: {max_iterations: 2}
            output: {sharpness_every: 1, sharpness_iterations: 1000}
            functions:
              - {name: sphere, dim: 100000}
            optimizers:
              - {name: gd, lr: 0.1}
            """);
    RunResult r = new RunEngine(plan.rules()).run(plan.runs().get(0), new Recorder(10));
    assertEquals(RunStatus.FAILED, r.status());
    assertTrue(
        r.error().contains("output.sharpness_iterations = 1000")
            && r.error().contains("allow at most 335 iterations"),
        r.error());
  }

  /** Cells [from, to) of every row after the header, joined. */
  private static List<String> cells(List<String> lines, int from, int to) {
    List<String> out = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split(",", -1);
      out.add(String.join(",", java.util.Arrays.asList(c).subList(from, to)));
    }
    return out;
  }
}
