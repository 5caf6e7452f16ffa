package dev.gradus.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.runner.cli.Main;
import dev.gradus.runner.results.RunRecords;
import dev.gradus.runner.run.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A suite killed with SIGKILL part-way and resumed ends with exactly the runs of an uninterrupted
 * suite, and no duplicates. The killed suite runs in a real separate JVM.
 */
class KillAndResumeTest {
  @TempDir Path dir;

  static final String SUITE =
      """
      suite: killme
      seed: 3
      repeats: 10
      budget: {max_iterations: 1500}
      functions:
        - name: rosenbrock
          dim: 500
          start: random
      optimizers:
        - name: adam
          lr: [1.0e-3, 1.0e-2]
        - name: gd
          lr: 1.0e-4
      """;

  @Test
  void killedSuiteResumesToExactlyTheUninterruptedRuns() throws Exception {
    Path suite = dir.resolve("suite.yaml");
    Files.writeString(suite, SUITE);
    Path killed = dir.resolve("killed");
    Path runs = killed.resolve("runs.jsonl");

    Process process =
        GradusProcess.start(
            dir.resolve("killed.log"),
            "run",
            suite.toString(),
            "--out",
            killed.toString(),
            "--threads",
            "2",
            "--quiet");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (lines(runs) < 4 && process.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    process.destroyForcibly(); // SIGKILL on Unix
    assertTrue(process.waitFor(30, TimeUnit.SECONDS));
    int before = lines(runs);
    assertTrue(
        before >= 4 && before < 30, "killed part-way, with " + before + " of 30 runs written");

    assertEquals(
        0, Main.run("run", suite.toString(), "--out", killed.toString(), "--resume", "--quiet"));
    Path whole = dir.resolve("whole");
    assertEquals(0, Main.run("run", suite.toString(), "--out", whole.toString(), "--quiet"));

    Map<String, RunResult> resumed = byId(killed);
    assertEquals(30, Files.readAllLines(runs).size(), "no duplicates");
    assertEquals(byId(whole).keySet(), resumed.keySet());
    byId(whole)
        .forEach(
            (id, expected) -> {
              RunResult actual = resumed.get(id);
              assertEquals(expected.status(), actual.status(), id);
              assertEquals(List.of(box(expected.xFinal())), List.of(box(actual.xFinal())), id);
              assertEquals(expected.fFinal(), actual.fFinal(), id);
              assertEquals(expected.iterations(), actual.iterations(), id);
            });
  }

  private static Object box(double[] values) {
    List<Double> out = new ArrayList<>();
    for (double v : values) {
      out.add(v);
    }
    return out;
  }

  private static int lines(Path file) throws IOException {
    if (!Files.exists(file)) {
      return 0;
    }
    return (int) Files.readString(file).chars().filter(c -> c == '\n').count();
  }

  private static Map<String, RunResult> byId(Path out) throws IOException {
    Map<String, RunResult> byId = new TreeMap<>();
    for (String line : Files.readAllLines(out.resolve("runs.jsonl"))) {
      RunResult r = RunRecords.fromJson(line);
      if (byId.put(r.runId(), r) != null) {
        throw new AssertionError("duplicate run " + r.runId());
      }
    }
    return byId;
  }
}
