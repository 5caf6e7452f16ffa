package dev.gradus.runner.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.runner.TestSuites;
import dev.gradus.runner.pipeline.SuiteOutcome;
import dev.gradus.runner.suite.SuiteException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stop: {f: …}}: a loss low enough ends a run, for losses without a known minimum too. */
class StopOnLossTest {
  @TempDir Path dir;

  /**
   * gd with lr 0.1 on x² + y² from (1, 1) multiplies each coordinate by 0.8 per step: f_t = 2 ·
   * 0.64^t, first ≤ 0.01 at t = 12 (0.0137 at 11, 0.0088 at 12).
   */
  @Test
  void aRunStopsAtTheFirstIterationWhoseLossIsLowEnough() throws Exception {
    SuiteOutcome outcome =
        TestSuites.run(
            "suite: loss\nbudget: {max_iterations: 1000}\nstop: {f: 0.01}\n"
                + "functions: [{name: sphere, dim: 2, start: [1.0, 1.0]}]\n"
                + "optimizers: [{name: gd, lr: 0.1}]\n",
            dir,
            1);
    RunResult r = outcome.results().get(0);
    assertEquals(RunStatus.CONVERGED, r.status());
    assertEquals(12, r.iterations());
    assertEquals(2 * Math.pow(0.64, 12), r.fFinal(), 1e-15);
    assertTrue(Files.readString(dir.resolve("suite.resolved.yaml")).contains("f: 0.01"));
  }

  @Test
  void aLossBoundMustBeAFiniteNumber() {
    String message =
        org.junit.jupiter.api.Assertions.assertThrows(
                SuiteException.class,
                () ->
                    TestSuites.run(
                        "suite: loss\nstop: {f: 1.0e400}\nfunctions: [{name: sphere}]\n"
                            + "optimizers: [{name: gd}]\n",
                        dir.resolve("bad"),
                        1))
            .getMessage();
    assertTrue(message.contains("stop.f = Infinity must be a finite number"), message);
    assertTrue(message.matches("(?s).*:2:\\d+: .*"), "with its line and column: " + message);
  }
}
