package dev.gradus.runner.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import dev.gradus.spi.Objective;
import dev.gradus.spi.RunInfo;
import dev.gradus.spi.RunListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wrap} from YAML to results: planned and checked with errors at their place, recorded in
 * hyperparameters and labels, and run; an averaged point is measured at the end, uncounted, and
 * recorded, identically after a resume and on any number of threads.
 */
class WrapRunTest {
  @TempDir Path dir;

  static final String SUITE =
      """
      suite: wraps
      seed: 5
      budget: {max_iterations: 60}
      output: {checkpoint_every: 20}
      functions:
        - name: mlp
          data: {dataset: digits, test_fraction: 0.9}
          hidden: [6]
          batch_size: 16
      optimizers:
        - {name: adam, lr: 0.01}
        - {name: adam, lr: 0.01, wrap: [{ema: {decay: 0.9}}]}
        - {name: adam, lr: 0.01, wrap: [{lookahead: {sync_period: 3}}, {swa: {swa_start: 30}}]}
        - {name: adam, lr: 0.01, wrap: [sam], param_groups: [{blocks: "b*", lr: 0.02}]}
      """;

  private static String error(String yaml) {
    return assertThrows(SuiteException.class, () -> TestSuites.plan(yaml)).getMessage();
  }

  /** Every trace row; throws (as a kill would) past {@code stopAfter}. */
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
  void wrappersAreRecordedAndTellConfigurationsApart() {
    Plan plan = TestSuites.plan(SUITE);
    List<String> labels = plan.optimizers().stream().map(o -> o.label()).toList();
    assertEquals(4, labels.stream().distinct().count(), labels.toString());
    assertTrue(labels.get(0).contains("wrap=none"), labels.toString());
    assertTrue(labels.get(1).contains("wrap=ema(decay=0.9)"), labels.get(1));
    assertTrue(labels.get(2).contains("wrap=lookahead(sync_period=3)+swa"), labels.get(2));
    assertEquals(
        List.of(
            Map.of("lookahead", Map.of("sync_period", 3L, "slow_step_size", 0.5)),
            Map.of("swa", Map.of("swa_start", 30L, "swa_freq", 1L))),
        plan.optimizers().get(2).hyperparameters().get("wrap"));
    assertNull(plan.optimizers().get(0).hyperparameters().get("wrap"));
  }

  @Test
  void aLoneWrappedEntryStillShowsItsWrappingInItsLabel() {
    Plan plan =
        TestSuites.plan(
            SUITE.substring(0, SUITE.indexOf("  - {name: adam, lr: 0.01}\n"))
                + "  - {name: adam, lr: 0.01, wrap: [ema]}\n");
    assertEquals("adam lr=0.01 wrap=ema", plan.optimizers().get(0).label());
  }

  @Test
  void emaLeavesTheTrajectoryAndRecordsTheAveragedPointUncounted() {
    Plan plan = TestSuites.plan(SUITE);
    RunEngine engine = new RunEngine(plan.rules());
    Rows plainRows = new Rows(Long.MAX_VALUE);
    Rows emaRows = new Rows(Long.MAX_VALUE);
    RunResult plain = engine.run(plan.runs().get(0), plainRows);
    RunResult ema = engine.run(plan.runs().get(1), emaRows);
    assertEquals(plainRows.rows, emaRows.rows, "the iterate's rows, evaluations included");
    assertEquals(plain.evaluations(), ema.evaluations(), "the averaged point costs no evaluation");
    assertEquals(plain.fFinal(), ema.fFinal());
    assertNull(plain.averaged());
    RunResult.Averaged averaged = ema.averaged();
    assertNotNull(averaged);
    assertEquals("ema", averaged.name());
    // f there is the objective's exact value, measured afresh here
    Objective objective = plan.runs().get(1).function().factory().get();
    assertEquals(objective.value(averaged.x().clone()), averaged.f(), 0);
    assertTrue(!java.util.Arrays.equals(averaged.x(), ema.xFinal()), "an average, not the iterate");
    String line = RunRecords.toJson(ema);
    assertTrue(line.contains("\"averaged\":\"ema\",\"x_averaged\":["), line);
    assertTrue(!RunRecords.toJson(plain).contains("averaged"), "absent without a point");
    RunResult read = RunRecords.fromJson(line);
    assertEquals(averaged.f(), read.averaged().f());
    assertEquals(line, RunRecords.toJson(read));
  }

  @Test
  void samCountsItsSecondEvaluation() {
    Plan plan = TestSuites.plan(SUITE);
    RunResult sam = new RunEngine(plan.rules()).run(plan.runs().get(3), new Rows(Long.MAX_VALUE));
    assertEquals(60 * 2 + 1, sam.evaluations(), "60 steps of two evaluations, and the last");
    assertNull(sam.averaged());
  }

  @Test
  void samsSecondGradientIsOnTheStepsOwnMinibatch() {
    // with rho = 0, SAM's perturbation is zero, so its second gradient is the first one again
    // exactly when it is taken on the same batch: the run must then be gd's, bit for bit (a fresh
    // batch for the second gradient would change every step and shift the batch stream)
    Plan plan =
        TestSuites.plan(
            """
            suite: sam-batches
            seed: 3
            budget: {max_iterations: 40}
            functions:
              - name: mlp
                data: {dataset: digits, test_fraction: 0.5}
                hidden: [8]
                batch_size: 16
            optimizers:
              - {name: gd, lr: 0.1}
              - {name: gd, lr: 0.1, wrap: [{sam: {rho: 0}}]}
              - {name: gd, lr: 0.1, wrap: [{sam: {rho: 0.05}}]}
            """);
    RunEngine engine = new RunEngine(plan.rules());
    RunResult gd = engine.run(plan.runs().get(0), new Rows(Long.MAX_VALUE));
    RunResult samZero = engine.run(plan.runs().get(1), new Rows(Long.MAX_VALUE));
    RunResult sam = engine.run(plan.runs().get(2), new Rows(Long.MAX_VALUE));
    assertTrue(java.util.Arrays.equals(gd.xFinal(), samZero.xFinal()), "sam(rho=0) is gd");
    assertEquals(gd.fFinal(), samZero.fFinal());
    assertEquals(40 * 2 + 1, samZero.evaluations(), "the second gradient is still counted");
    assertTrue(!java.util.Arrays.equals(gd.xFinal(), sam.xFinal()), "rho > 0 moves elsewhere");
  }

  @Test
  void wrappedRunsContinueFromACheckpointBitForBit() {
    Plan plan = TestSuites.plan(SUITE);
    CheckpointFiles files = new CheckpointFiles(new ResultsLayout(dir), null);
    RunEngine checkpointing = new RunEngine(plan.rules(), plan.suiteSha256(), files);
    for (RunSpec spec : plan.runs().subList(1, 4)) {
      Rows whole = new Rows(Long.MAX_VALUE);
      RunResult expected = new RunEngine(plan.rules()).run(spec, whole);
      checkpointing.run(spec, new Rows(50));
      Checkpoint checkpoint = files.read(spec.runId(), plan.suiteSha256()).orElseThrow();
      assertEquals(40, checkpoint.iteration(), spec.runId());
      Rows rest = new Rows(Long.MAX_VALUE);
      RunResult resumed = checkpointing.run(spec, rest, checkpoint, null);
      assertEquals(whole.rows.subList(40, whole.rows.size()), rest.rows, spec.runId());
      assertEquals(
          RunRecords.toJson(RunResults.of(expected).timeless().resumedFrom(null).build()),
          RunRecords.toJson(RunResults.of(resumed).timeless().resumedFrom(null).build()),
          spec.runId());
    }
  }

  @Test
  void recordsAreTheSameOnOneAndTwoThreads() throws Exception {
    TestSuites.run(SUITE, dir.resolve("one"), 1);
    TestSuites.run(SUITE, dir.resolve("two"), 2);
    List<String> one = sortedTimeless(dir.resolve("one/runs.jsonl"));
    List<String> two = sortedTimeless(dir.resolve("two/runs.jsonl"));
    assertEquals(one, two);
    assertTrue(one.stream().anyMatch(l -> l.contains("\"averaged\":\"swa\"")), one.toString());
  }

  private static List<String> sortedTimeless(Path file) throws Exception {
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      lines.add(RunRecords.toJson(RunResults.of(RunRecords.fromJson(line)).timeless().build()));
    }
    lines.sort(null);
    return lines;
  }

  @Test
  void badWrappersAreErrorsAtTheirPlace() {
    String unknown = error(SUITE.replace("wrap: [sam]", "wrap: [sma]"));
    assertTrue(unknown.startsWith("suite.yaml:14:"), unknown);
    assertTrue(unknown.contains("unknown wrapper 'sma' (did you mean"), unknown);
    assertTrue(unknown.contains("'sam'"), unknown);
    String range = error(SUITE.replace("decay: 0.9", "decay: 1.0"));
    assertTrue(range.startsWith("suite.yaml:12:"), range);
    assertTrue(range.contains("ema.decay = 1.0 is not allowed: must be a number in [0, 1)"), range);
    String typo = error(SUITE.replace("sync_period: 3", "sync_perod: 3"));
    assertTrue(typo.contains("(did you mean 'sync_period'?)"), typo);
    String swept = error(SUITE.replace("decay: 0.9", "decay: [0.9, 0.99]"));
    assertTrue(swept.contains("is a single value (wrap is not swept)"), swept);
    String shape = error(SUITE.replace("wrap: [sam]", "wrap: sam"));
    assertTrue(shape.contains("expected a non-empty list of wrappers"), shape);
    // schedule-free rebuilds its parameters from its own state, so lookahead could not sync them;
    // refused even below another wrapper and param groups
    String scheduleFree =
        error(
            SUITE.replace(
                "{name: adam, lr: 0.01, wrap: [{lookahead: {sync_period: 3}}",
                "{name: sgd-schedule-free, lr: 0.01, wrap: [ema, {lookahead: {sync_period: 3}}"));
    assertTrue(
        scheduleFree.startsWith("suite.yaml:13:53:"), "at the lookahead item: " + scheduleFree);
    assertTrue(scheduleFree.contains("lookahead cannot wrap 'sgd-schedule-free'"), scheduleFree);
    // L-BFGS takes its value and gradient as one point's; sam's pair is f(x) with ∇f(x + e)
    String lbfgs =
        error(
            SUITE.replace(
                "{name: adam, lr: 0.01, wrap: [sam], param_groups: [{blocks: \"b*\", lr: 0.02}]}",
                "{name: lbfgs, lr: 1, wrap: [sam]}"));
    assertTrue(lbfgs.startsWith("suite.yaml:14:"), "at the sam item: " + lbfgs);
    assertTrue(lbfgs.contains("sam cannot wrap 'lbfgs'"), lbfgs);
  }
}
