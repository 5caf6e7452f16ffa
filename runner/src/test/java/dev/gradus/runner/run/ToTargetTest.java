package dev.gradus.runner.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Iterations, evaluations and seconds to the target, recorded where the target is first met. */
class ToTargetTest {
  @TempDir Path dir;

  private static final RunListener NONE = new RunListener() {};

  static final String SUITE =
      """
      suite: to-target
      seed: 1
      budget: {max_iterations: 400}
      stop: {target: 1.0e-6}
      output: {checkpoint_every: 5}
      functions:
        - {name: sphere, dim: 2, start: [1.0, 1.0]}
      optimizers:
        - {name: gd, lr: 0.1}
        - {name: lbfgs}
      """;

  @Test
  void gdMakesOneEvaluationPerIterationAndLbfgsMore() {
    Plan plan = TestSuites.plan(SUITE);
    RunEngine engine = new RunEngine(plan.rules());
    RunResult gd = engine.run(plan.runs().get(0), NONE);
    // f = 2·0.8^(2t) ≤ 1e-6 first at t = 33 (2·0.8^66 = 7.6e-7; 2·0.8^64 = 1.2e-6)
    assertEquals(33L, gd.iterationsToTarget());
    assertEquals(34L, gd.evaluationsToTarget(), "x_0 … x_33 evaluated");
    assertTrue(gd.secondsToTarget() >= 0 && gd.secondsToTarget() <= gd.wallMs() / 1e3 + 1e-3);
    RunResult lbfgs = engine.run(plan.runs().get(1), NONE);
    assertTrue(
        lbfgs.evaluationsToTarget() > lbfgs.iterationsToTarget() + 1,
        lbfgs.evaluationsToTarget() + " evaluations in " + lbfgs.iterationsToTarget());
    assertEquals(lbfgs.evaluations(), lbfgs.evaluationsToTarget(), "it stops at the target");
  }

  @Test
  void theCountsSurviveRunsJsonlAndACheckpoint() {
    // a target never met: no counts, and none after runs.jsonl
    Plan never = TestSuites.plan(SUITE.replace("1.0e-6", "1.0e-300"));
    RunResult whole = new RunEngine(never.rules()).run(never.runs().get(0), NONE);
    assertNull(whole.iterationsToTarget());
    RunResult back = RunRecords.fromJson(RunRecords.toJson(whole));
    assertNull(back.evaluationsToTarget());
    assertNull(back.secondsToTarget());

    // met after a checkpoint: the continued run counts from the evaluations before it
    Plan reaching = TestSuites.plan(SUITE.replace("max_iterations: 400", "max_iterations: 60"));
    RunSpec spec = reaching.runs().get(0);
    CheckpointFiles more = new CheckpointFiles(new ResultsLayout(dir.resolve("b")), null);
    RunEngine checkpointing = new RunEngine(reaching.rules(), reaching.suiteSha256(), more);
    RunResult killed =
        checkpointing.run(
            spec,
            new RunListener() {
              @Override
              public void iteration(RunInfo run, Iteration r) {
                if (r.iteration() > 31) {
                  throw new IllegalStateException("killed");
                }
              }
            });
    assertEquals(RunStatus.FAILED, killed.status());
    Checkpoint at30 = more.read(spec.runId(), reaching.suiteSha256()).orElseThrow();
    assertEquals(30, at30.iteration());
    assertEquals(-1, at30.evaluationsToTarget());
    RunResult resumed = checkpointing.run(spec, NONE, at30, null);
    assertEquals(33L, resumed.iterationsToTarget());
    assertEquals(34L, resumed.evaluationsToTarget());
    RunResult read = RunRecords.fromJson(RunRecords.toJson(resumed));
    assertEquals(34L, read.evaluationsToTarget());
    assertEquals(resumed.secondsToTarget(), read.secondsToTarget());
  }
}
