package dev.gradus.runner.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * Every built-in optimizer, with a schedule and clipping around it, continued from a checkpoint
 * read back from disk, ends bit for bit where the uninterrupted run ends, with the same trace rows.
 */
class CheckpointResumeTest {
  @TempDir Path dir;

  static final String SUITE =
      """
      suite: every-optimizer
      seed: 4
      budget: {max_iterations: 120}
      output: {checkpoint_every: 25, trace_every: 3}
      functions:
        - {name: rosenbrock, dim: 6, start: [-1.2, 1.0, -1.2, 1.0, 0.5, 0.5]}
      optimizers:
        - {name: gd, lr: 1.0e-4}
        - {name: momentum, lr: 1.0e-4, momentum: 0.9, nesterov: true}
        - {name: adam, lr: 0.01, amsgrad: true}
        - {name: adamw, lr: 0.01}
        - {name: rmsprop, lr: 0.001, centered: true, momentum: 0.5}
        - {name: adagrad, lr: 0.1}
        - {name: nadam, lr: 0.01}
        - {name: lbfgs, line_search: strong_wolfe}
        - {name: adam, lr: 0.02, schedule: {cosine: {t_max: 120}}, clip_grad_norm: 5}
        - {name: adam, lr: 0.02, schedule: {reduce_on_plateau: {patience: 2, cooldown: 3}}}
        - {name: momentum, lr: 1.0e-4, schedule: {one_cycle: {max_lr: 1.0e-3, total_steps: 120}}}
        - {name: gd, lr: 1.0e-4, schedule: {cyclic: {base_lr: 1.0e-5, max_lr: 1.0e-4, step_size_up: 7}}}
        - {name: nadam, lr: 0.01, schedule: {multiplicative: "0.999 + 0*t"}}
      """;

  /** Records the timeless trace rows; stops the run (as a kill would) after {@code stopAfter}. */
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
      rows.add(
          r.iteration()
              + " "
              + r.evaluations()
              + " "
              + r.f()
              + " "
              + r.gap()
              + " "
              + r.gradNorm()
              + " "
              + r.stepNorm()
              + " "
              + r.lr()
              + " "
              + r.inDomain());
    }
  }

  @Test
  void everyOptimizerContinuesBitForBit() {
    Plan plan = TestSuites.plan(SUITE);
    ResultsLayout layout = new ResultsLayout(dir);
    CheckpointFiles files = new CheckpointFiles(layout, null);
    RunEngine checkpointing = new RunEngine(plan.rules(), plan.suiteSha256(), files);
    RunEngine plain = new RunEngine(plan.rules());
    for (RunSpec spec : plan.runs()) {
      Rows whole = new Rows(Long.MAX_VALUE);
      RunResult expected = plain.run(spec, whole);

      Rows first = new Rows(60);
      RunResult killed = checkpointing.run(spec, first);
      assertEquals(RunStatus.FAILED, killed.status(), spec.runId());
      Checkpoint checkpoint = files.read(spec.runId(), plan.suiteSha256()).orElseThrow();
      assertEquals(50, checkpoint.iteration(), spec.runId());

      Rows rest = new Rows(Long.MAX_VALUE);
      RunResult resumed = checkpointing.run(spec, rest, checkpoint, null);
      assertEquals(50L, resumed.resumedFrom());
      List<String> joined = new ArrayList<>();
      first.rows.stream().filter(r -> Long.parseLong(r.split(" ")[0]) < 50).forEach(joined::add);
      joined.addAll(rest.rows);
      assertEquals(whole.rows, joined, spec.runId() + ": trace rows");
      assertEquals(
          RunRecords.toJson(timeless(expected)),
          RunRecords.toJson(timeless(resumed)),
          spec.runId());
      assertTrue(expected.iterations() > 50, spec.runId() + " ran past the checkpoint");
    }
  }

  @Test
  void aDamagedOrForeignCheckpointIsRefusedWithTheFile() throws Exception {
    Plan plan = TestSuites.plan(SUITE);
    ResultsLayout layout = new ResultsLayout(dir);
    CheckpointFiles files = new CheckpointFiles(layout, null);
    RunSpec spec = plan.runs().get(2);
    new RunEngine(plan.rules(), plan.suiteSha256(), files).run(spec, new Rows(30));
    Path file = layout.checkpoint(spec.runId());
    String other = assertThrowsMessage(() -> files.read(spec.runId(), "another-suite"));
    assertTrue(other.contains(file.toString()) && other.contains("another suite"), other);
    byte[] bytes = java.nio.file.Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 1;
    java.nio.file.Files.write(file, bytes);
    String damaged = assertThrowsMessage(() -> files.read(spec.runId(), plan.suiteSha256()));
    assertTrue(damaged.contains(file.toString()) && damaged.contains("damaged"), damaged);
  }

  private static String assertThrowsMessage(org.junit.jupiter.api.function.Executable e) {
    return org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, e)
        .getMessage();
  }

  /** The record without the fields that differ between a resumed and a whole run. */
  private static RunResult timeless(RunResult r) {
    return RunResults.of(r).timeless().resumedFrom(null).build();
  }
}
