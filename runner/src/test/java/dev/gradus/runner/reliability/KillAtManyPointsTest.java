package dev.gradus.runner.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.runner.GradusProcess;
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
 * Kills a real suite process with SIGKILL again and again, each time at a different moment, with
 * the results writer slowed down (GRADUS_SLOW_WRITES_MS) so that many kills land in the middle of a
 * line; resumes after each kill. At the end the results equal an uninterrupted run's: no completed
 * run lost, none duplicated, no torn line left.
 */
class KillAtManyPointsTest {
  @TempDir Path dir;

  static final String SUITE =
      """
      suite: kill-often
      seed: 21
      repeats: 8
      budget: {max_iterations: 200}
      functions:
        - name: rosenbrock
          dim: 20
          start: random
      optimizers:
        - name: adam
          lr: [1.0e-3, 1.0e-2]
        - name: gd
          lr: 1.0e-4
      """;

  private Process start(Path suite, Path out, boolean resume) throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of("run", suite.toString(), "--out", out.toString(), "--threads", "2", "--quiet"));
    if (resume) {
      args.add("--resume");
    }
    return GradusProcess.start(dir.resolve("log.txt"), Map.of("GRADUS_SLOW_WRITES_MS", "40"), args);
  }

  private static int newlines(Path file) throws IOException {
    return Files.exists(file)
        ? (int) Files.readString(file).chars().filter(c -> c == '\n').count()
        : 0;
  }

  @Test
  void repeatedKillsLoseNothingAndDuplicateNothing() throws Exception {
    Path suite = dir.resolve("suite.yaml");
    Files.writeString(suite, SUITE);
    Path out = dir.resolve("killed");
    Path runs = out.resolve("runs.jsonl");
    int kills = 0;
    int tornSeen = 0;
    boolean resume = false;
    for (int attempt = 0; attempt < 12 && newlines(runs) < 24; attempt++) {
      Process process = start(suite, out, resume);
      resume = true;
      int target = newlines(runs) + 1 + attempt % 3;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (process.isAlive() && newlines(runs) < target && System.nanoTime() < deadline) {
        Thread.sleep(2);
      }
      // a varying delay moves the kill across the write of the next line
      Thread.sleep(7L * attempt % 45);
      if (process.isAlive()) {
        process.destroyForcibly();
        kills++;
      }
      assertTrue(process.waitFor(30, TimeUnit.SECONDS));
      String text = Files.exists(runs) ? Files.readString(runs) : "";
      if (!text.isEmpty() && !text.endsWith("\n")) {
        tornSeen++;
      }
    }
    Process last = start(suite, out, true);
    assertTrue(last.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, last.exitValue(), Files.readString(dir.resolve("log.txt")));
    assertTrue(kills >= 5, "killed " + kills + " times");
    assertTrue(tornSeen >= 1, "at least one kill landed inside a line (" + kills + " kills)");

    assertEquals(
        0, Main.run("run", suite.toString(), "--out", dir.resolve("whole").toString(), "--quiet"));
    Map<String, String> expected = byId(dir.resolve("whole/runs.jsonl"));
    Map<String, String> actual = byId(runs);
    assertEquals(expected, actual);
    assertEquals(24, Files.readAllLines(runs).size(), "no duplicate and no torn line");
  }

  private static Map<String, String> byId(Path file) throws IOException {
    Map<String, String> out = new TreeMap<>();
    for (String line : Files.readAllLines(file)) {
      RunResult r = RunRecords.fromJson(line);
      String previous =
          out.put(
              r.runId(),
              line.replaceAll("\"wall_ms\":\\d+", "\"wall_ms\":0")
                  .replaceAll("\"seconds_to_target\":[0-9.eE-]+", "\"seconds_to_target\":0"));
      if (previous != null) {
        throw new AssertionError("duplicate " + r.runId());
      }
    }
    return out;
  }
}
