package dev.gradus.runner.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.runner.RunResults;
import dev.gradus.runner.TestSuites;
import dev.gradus.runner.plan.Plan;
import dev.gradus.runner.plan.RunSpec;
import dev.gradus.runner.results.CheckpointFiles;
import dev.gradus.runner.results.ResultsLayout;
import dev.gradus.runner.results.RunRecords;
import dev.gradus.spi.Iteration;
import dev.gradus.spi.RunInfo;
import dev.gradus.spi.RunListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The matrix optimizers (muon, shampoo) run end to end on the mlp objective from a suite: the
 * runner hands them the blocks W1 [64, 12], b1, W2 [12, 10], b2, they train, and they continue from
 * a checkpoint bit for bit.
 */
class MatrixMethodsRunTest {
  @TempDir Path dir;

  static final String SUITE =
      """
      suite: matrix
      seed: 5
      budget: {max_iterations: 60}
      output: {checkpoint_every: 20}
      functions:
        - name: mlp
          data: {dataset: digits, test_fraction: 0.5}
          hidden: [12]
          batch_size: 32
      optimizers:
        - {name: muon, lr: 0.02, weight_decay: 0, fallback_lr: 0.01}
        - {name: adamw, lr: 0.01, betas: [0.9, 0.95], eps: 1.0e-10, weight_decay: 0}
        - {name: shampoo, lr: 0.05, update_interval: 5}
      """;

  /** f at every trace row; throws (as a kill would) past {@code stopAfter}. */
  private static final class Rows implements RunListener {
    final List<String> rows = new ArrayList<>();
    final List<Double> f = new ArrayList<>();
    final long stopAfter;

    Rows(long stopAfter) {
      this.stopAfter = stopAfter;
    }

    @Override
    public void iteration(RunInfo run, Iteration r) {
      if (r.iteration() > stopAfter) {
        throw new IllegalStateException("killed");
      }
      rows.add(r.iteration() + " " + r.f() + " " + r.gradNorm());
      f.add(r.f());
    }
  }

  @Test
  void muonAndShampooTrainTheMlp() {
    Plan plan = TestSuites.plan(SUITE);
    RunEngine engine = new RunEngine(plan.rules());
    List<Rows> traces = new ArrayList<>();
    for (RunSpec spec : plan.runs()) {
      Rows rows = new Rows(Long.MAX_VALUE);
      RunResult result = engine.run(spec, rows);
      assertEquals(
          RunStatus.BUDGET_EXHAUSTED, result.status(), spec.runId() + ": " + result.error());
      assertEquals(60, result.iterations(), spec.runId());
      double first = rows.f.get(0);
      double last = rows.f.get(rows.f.size() - 1);
      assertTrue(
          Double.isFinite(last) && last < 0.8 * first, spec.runId() + ": " + first + " → " + last);
      traces.add(rows);
    }
    // muon steps the matrices by Newton–Schulz, not by its AdamW fallback (the adamw entry has the
    // fallback's values): had the blocks not reached it, the two runs would agree
    assertEquals(traces.get(0).rows.get(0), traces.get(1).rows.get(0), "the same start");
    assertNotEquals(traces.get(0).rows.get(59), traces.get(1).rows.get(59));
  }

  @Test
  void matrixRunsContinueFromACheckpointBitForBit() {
    Plan plan = TestSuites.plan(SUITE);
    CheckpointFiles files = new CheckpointFiles(new ResultsLayout(dir), null);
    RunEngine checkpointing = new RunEngine(plan.rules(), plan.suiteSha256(), files);
    for (RunSpec spec : List.of(plan.runs().get(0), plan.runs().get(2))) {
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
}
