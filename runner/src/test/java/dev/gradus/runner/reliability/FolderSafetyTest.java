package dev.gradus.runner.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.runner.GradusProcess;
import dev.gradus.runner.TestCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A results folder is written by one process at a time, a lock left by a killed process does not
 * block --resume, and merge never rewrites its inputs or a folder holding results, nor leaves a
 * half-written output.
 */
class FolderSafetyTest {
  @TempDir Path dir;

  static final String LONG =
      """
      suite: busy
      seed: 1
      repeats: 6
      budget: {max_iterations: 3000}
      functions: [{name: rosenbrock, dim: 3000, start: random}]
      optimizers: [{name: adam, lr: 1.0e-3}]
      """;

  private static String gradus(String... args) {
    return TestCli.run(args).text();
  }

  @Test
  void aSecondProcessOnTheSameFolderIsRefusedNamingTheHolder() throws Exception {
    Path suite = dir.resolve("busy.yaml");
    Files.writeString(suite, LONG);
    Path out = dir.resolve("out");
    Process first =
        GradusProcess.start(
            dir.resolve("first.log"), "run", suite.toString(), "--out", out.toString(), "-q");
    Path lock = out.resolve(".gradus.lock");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (first.isAlive()
        && !(Files.exists(lock) && Files.readString(lock).startsWith("PID"))
        && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertTrue(first.isAlive(), "the first process is still writing");

    String second = gradus("run", suite.toString(), "--out", out.toString(), "--resume", "-q");
    assertTrue(second.startsWith("1\n"), second);
    assertTrue(
        second.contains("is in use by another gradus process (PID " + first.pid() + " on "),
        second);

    first.destroyForcibly();
    assertTrue(first.waitFor(30, TimeUnit.SECONDS));
    String resumed =
        gradus("run", suite.toString(), "--out", out.toString(), "--resume", "--no-report", "-q");
    assertTrue(resumed.startsWith("0\n"), "the killed holder's lock is gone: " + resumed);
    assertEquals(6, Files.readAllLines(out.resolve("runs.jsonl")).size());
  }

  static final String SMALL =
      "suite: small\nrepeats: 2\nbudget: {max_iterations: 10}\n"
          + "functions: [{name: sphere}]\noptimizers: [{name: gd}]\n";

  @Test
  void mergeWritesNeitherIntoItsInputsNorOverResults() throws Exception {
    Path suite = dir.resolve("small.yaml");
    Files.writeString(suite, SMALL);
    for (int i = 0; i < 2; i++) {
      gradus(
          "run",
          suite.toString(),
          "--shard",
          i + "/2",
          "--out",
          dir.resolve("s" + i).toString(),
          "--no-report",
          "-q");
    }
    String before = Files.readString(dir.resolve("s0/runs.jsonl"));
    String intoInput =
        gradus(
            "merge",
            dir.resolve("s0").toString(),
            dir.resolve("s1").toString(),
            "--out",
            dir.resolve("s0").toString());
    assertTrue(intoInput.startsWith("1\n") && intoInput.contains("is one of the folders"));
    assertEquals(before, Files.readString(dir.resolve("s0/runs.jsonl")), "the shard is untouched");

    Path merged = dir.resolve("merged");
    assertTrue(
        gradus(
                "merge",
                dir.resolve("s0").toString(),
                dir.resolve("s1").toString(),
                "--out",
                merged.toString())
            .startsWith("0\n"));
    String again = gradus("merge", dir.resolve("s0").toString(), "--out", merged.toString());
    assertTrue(again.startsWith("1\n") && again.contains("already holds results"), again);
    assertEquals(2, Files.readAllLines(merged.resolve("runs.jsonl")).size());
    assertTrue(
        gradus("merge", dir.resolve("s0").toString(), "--out", merged.toString(), "--overwrite")
            .startsWith("2\n"),
        "one shard of two: runs are missing");
    assertEquals(1, Files.readAllLines(merged.resolve("runs.jsonl")).size(), "replaced wholly");
    try (var left = Files.list(dir)) {
      assertFalse(
          left.anyMatch(p -> p.getFileName().toString().contains(".merging-")),
          "no staging folder is left behind");
    }
  }

  @Test
  void aFailedMergeLeavesNoHalfWrittenOutput() throws Exception {
    Path suite = dir.resolve("small.yaml");
    Files.writeString(suite, SMALL);
    gradus("run", suite.toString(), "--out", dir.resolve("a").toString(), "--no-report", "-q");
    String duplicate =
        gradus(
            "merge",
            dir.resolve("a").toString(),
            dir.resolve("a").toString(),
            "--out",
            dir.resolve("m").toString());
    assertTrue(duplicate.startsWith("1\n") && duplicate.contains("appears twice"), duplicate);
    assertFalse(Files.exists(dir.resolve("m/runs.jsonl")), "nothing half-written");
  }

  /**
   * SIGTERM (as Ctrl-C's SIGINT, or a container stopping) runs the hook that says how to resume.
   */
  @Test
  void aStoppedSuiteSaysWhatIsKeptAndHowToResume() throws Exception {
    Path suite = dir.resolve("busy.yaml");
    Files.writeString(suite, LONG);
    Path out = dir.resolve("stopped");
    Path log = dir.resolve("stopped.log");
    Process process = GradusProcess.start(log, "run", suite.toString(), "--out", out.toString());
    Path runs = out.resolve("runs.jsonl");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (process.isAlive()
        && !(Files.exists(runs) && Files.size(runs) > 0)
        && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertTrue(process.isAlive(), "still running after its first run");
    process.destroy(); // SIGTERM
    assertTrue(process.waitFor(30, TimeUnit.SECONDS));
    String said = Files.readString(log);
    assertTrue(said.contains("exiting before suite 'busy' finished"), said);
    assertTrue(
        said.contains("Continue with: ./gradus run " + suite + " --out " + out + " --resume"),
        said);
    assertTrue(said.contains("in flight: f0-rosenbrock_o0-adam_r"), said);
    assertTrue(Files.exists(out.resolve("summary.csv")), "the finished runs are summarised");
  }
}
