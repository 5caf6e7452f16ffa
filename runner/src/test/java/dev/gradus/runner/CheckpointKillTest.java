package dev.gradus.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.runner.cli.Main;
import dev.gradus.runner.results.RunRecords;
import dev.gradus.runner.run.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long run killed with SIGKILL in a real separate JVM continues from its last checkpoint with
 * {@code --resume}, says so in its record, and ends bit for bit where an uninterrupted run ends;
 * its trace is the uninterrupted trace (wall times aside).
 */
class CheckpointKillTest {
  @TempDir Path dir;

  static final String SUITE =
      """
      suite: long-run
      seed: 11
      budget: {max_iterations: 20000}
      output: {checkpoint_every: 500, trace_every: 50}
      functions:
        - name: rosenbrock
          dim: 4000
          start: random
      optimizers:
        - name: adam
          lr: 1.0e-3
          schedule: {cosine: {t_max: 20000}}
          clip_grad_norm: 100
      """;

  @Test
  void aKilledRunContinuesFromItsCheckpointBitForBit() throws Exception {
    Path suite = dir.resolve("suite.yaml");
    Files.writeString(suite, SUITE);
    Path killed = dir.resolve("killed");
    Path checkpoint = killed.resolve("checkpoints/f0-rosenbrock_o0-adam_r0.ckpt");
    Process process =
        GradusProcess.start(
            dir.resolve("killed.log"),
            "run",
            suite.toString(),
            "--out",
            killed.toString(),
            "--no-report",
            "--quiet");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    // wait for the second checkpoint, so that one checkpoint has replaced another
    long firstSeen = -1;
    while (process.isAlive() && System.nanoTime() < deadline) {
      if (Files.exists(checkpoint)) {
        long modified = Files.getLastModifiedTime(checkpoint).toMillis();
        if (firstSeen < 0) {
          firstSeen = modified;
        } else if (modified != firstSeen) {
          break;
        }
      }
      Thread.sleep(2);
    }
    assertTrue(process.isAlive(), "the run ended before it could be killed; make it longer");
    process.destroyForcibly();
    assertTrue(process.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, Files.readString(killed.resolve("runs.jsonl")).length(), "no run finished");
    assertTrue(Files.exists(checkpoint), "a checkpoint survived the kill");

    assertEquals(
        0,
        Main.run(
            "run", suite.toString(), "--out", killed.toString(), "--resume", "--no-report", "-q"));
    Path whole = dir.resolve("whole");
    assertEquals(
        0, Main.run("run", suite.toString(), "--out", whole.toString(), "--no-report", "-q"));

    RunResult resumed = only(killed);
    RunResult uninterrupted = only(whole);
    assertNotNull(resumed.resumedFrom(), "the record says it was continued");
    assertTrue(resumed.resumedFrom() > 0 && resumed.resumedFrom() % 500 == 0);
    assertNull(uninterrupted.resumedFrom());
    assertEquals(
        RunRecords.sha256(uninterrupted.xFinal()), RunRecords.sha256(resumed.xFinal()), "x_final");
    assertEquals(uninterrupted.fFinal(), resumed.fFinal());
    assertEquals(uninterrupted.fBest(), resumed.fBest());
    assertEquals(uninterrupted.iterations(), resumed.iterations());
    assertEquals(uninterrupted.evaluations(), resumed.evaluations());
    assertEquals(uninterrupted.status(), resumed.status());
    assertEquals(
        withoutSeconds(TestSuites.traceLines(whole, "f0-rosenbrock_o0-adam_r0")),
        withoutSeconds(TestSuites.traceLines(killed, "f0-rosenbrock_o0-adam_r0")));
    try (Stream<Path> left = Files.list(killed.resolve("checkpoints"))) {
      assertEquals(0, left.count(), "a finished run's checkpoint is removed");
    }
  }

  private static RunResult only(Path dir) throws Exception {
    List<String> lines = Files.readAllLines(dir.resolve("runs.jsonl"));
    assertEquals(1, lines.size());
    return RunRecords.fromJson(lines.get(0));
  }

  private static List<String> withoutSeconds(List<String> trace) throws Exception {
    return trace.stream()
        .map(
            line -> {
              String[] cells = line.split(",", -1);
              cells[2] = "";
              return String.join(",", cells);
            })
        .toList();
  }
}
