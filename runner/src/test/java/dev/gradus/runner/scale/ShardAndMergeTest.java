package dev.gradus.runner.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.runner.GradusProcess;
import dev.gradus.runner.TestCli;
import dev.gradus.runner.results.RunRecords;
import dev.gradus.runner.run.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A suite run as 4 shards in 4 separate JVM processes, then merged, equals the same suite run in
 * one process: the runs.jsonl lines (wall times aside) and summary.csv.
 */
class ShardAndMergeTest {
  @TempDir Path dir;

  static final String SUITE =
      """
      suite: sharded
      seed: 11
      repeats: 3
      budget: {max_iterations: 400}
      stop: {target: 1.0e-9}
      functions:
        - name: rosenbrock
          dim: 3
          start: random
        - name: beale
      optimizers:
        - name: gd
          lr: [1.0e-3, 1.0e-2]
        - name: adam
          lr: 1.0e-2
        - name: lbfgs
          line_search: strong_wolfe
      """;

  static String gradus(String... args) {
    return TestCli.run(args).text();
  }

  private Process shard(Path suite, int index) throws IOException {
    return GradusProcess.start(
        dir.resolve("shard" + index + ".log"),
        "run",
        suite.toString(),
        "--shard",
        index + "/4",
        "--out",
        dir.resolve("shard" + index).toString(),
        "--threads",
        "1",
        "--quiet");
  }

  private static List<String> withoutWallTimes(Path runs) throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(runs)) {
      out.add(
          line.replaceAll("\"wall_ms\":\\d+", "\"wall_ms\":0")
              .replaceAll("\"seconds_to_target\":[0-9.eE-]+", "\"seconds_to_target\":0"));
    }
    return out;
  }

  private static List<String> summaryWithoutWallTimes(Path summary) throws IOException {
    return Files.readAllLines(summary).stream()
        .map(l -> l.substring(0, l.lastIndexOf(',')))
        .toList();
  }

  @Test
  void fourShardProcessesMergedEqualOneProcess() throws Exception {
    Path suite = dir.resolve("suite.yaml");
    Files.writeString(suite, SUITE);
    List<Process> processes = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      processes.add(shard(suite, i));
    }
    for (int i = 0; i < 4; i++) {
      assertTrue(processes.get(i).waitFor(180, TimeUnit.SECONDS), "shard " + i + " finished");
      assertEquals(
          0, processes.get(i).exitValue(), Files.readString(dir.resolve("shard" + i + ".log")));
    }
    String merged =
        gradus(
            "merge",
            dir.resolve("shard0").toString(),
            dir.resolve("shard1").toString(),
            dir.resolve("shard2").toString(),
            dir.resolve("shard3").toString(),
            "--out",
            dir.resolve("merged").toString());
    assertTrue(merged.startsWith("0\n") && merged.contains("24 of 24 runs merged"), merged);

    assertTrue(
        gradus("run", suite.toString(), "--out", dir.resolve("single").toString(), "--quiet")
            .startsWith("0\n"));
    List<String> single = withoutWallTimes(dir.resolve("single/runs.jsonl"));
    single.sort(null);
    List<String> fromShards = withoutWallTimes(dir.resolve("merged/runs.jsonl"));
    List<RunResult> ordered = fromShards.stream().map(RunRecords::fromJson).toList();
    for (int i = 1; i < ordered.size(); i++) {
      assertTrue(
          ordered.get(i - 1).runId().compareTo(ordered.get(i).runId()) < 0, "merged in run order");
    }
    List<String> sortedShards = new ArrayList<>(fromShards);
    sortedShards.sort(null);
    assertEquals(single, sortedShards);
    assertEquals(
        summaryWithoutWallTimes(dir.resolve("single/summary.csv")),
        summaryWithoutWallTimes(dir.resolve("merged/summary.csv")));
    try (var traces = Files.list(dir.resolve("merged/traces"))) {
      assertEquals(24, traces.count());
    }
    assertTrue(Files.exists(dir.resolve("merged/report.html")));
    for (String plot : List.of("paths-beale", "ecdf", "performance-profile")) {
      assertTrue(
          Files.size(dir.resolve("merged/plots/" + plot + ".png")) > 1000, "merged: " + plot);
    }
    assertTrue(
        Files.size(
                dir.resolve("merged/plots/convergence-iterations-rosenbrock-dim3-startrandom.png"))
            > 1000);
  }

  @Test
  void missingRunsAreListedAndCanBeFilledIn() throws Exception {
    Path suite = dir.resolve("suite.yaml");
    Files.writeString(suite, SUITE);
    for (int i = 0; i < 3; i++) {
      assertTrue(
          gradus(
                  "run",
                  suite.toString(),
                  "--shard",
                  i + "/4",
                  "--out",
                  dir.resolve("s" + i).toString(),
                  "--quiet")
              .startsWith("0\n"));
    }
    String missing =
        gradus(
            "merge",
            dir.resolve("s0").toString(),
            dir.resolve("s1").toString(),
            dir.resolve("s2").toString(),
            "--only-missing");
    assertTrue(missing.startsWith("2\n"), missing);
    List<String> ids = missing.lines().skip(1).filter(l -> l.matches("f\\d-.*")).toList();
    assertEquals(6, ids.size(), missing); // runs 3, 7, 11, 15, 19, 23 fall to shard 3
    assertTrue(
        missing.contains("./gradus run SUITE.yaml --runs " + String.join(",", ids)), missing);

    String partial =
        gradus(
            "merge",
            dir.resolve("s0").toString(),
            dir.resolve("s1").toString(),
            dir.resolve("s2").toString(),
            "--out",
            dir.resolve("partial").toString());
    assertTrue(partial.startsWith("2\n") && partial.contains("6 runs are missing"), partial);

    assertTrue(
        gradus(
                "run",
                suite.toString(),
                "--runs",
                String.join(",", ids),
                "--out",
                dir.resolve("fill").toString(),
                "--quiet")
            .startsWith("0\n"));
    String complete =
        gradus(
            "merge",
            dir.resolve("s0").toString(),
            dir.resolve("s1").toString(),
            dir.resolve("s2").toString(),
            dir.resolve("fill").toString(),
            "--out",
            dir.resolve("all").toString());
    assertTrue(complete.startsWith("0\n") && complete.contains("24 of 24 runs merged"), complete);
  }

  @Test
  void mergeRefusesDuplicatesAndOtherSuites() throws Exception {
    Path suite = dir.resolve("suite.yaml");
    Files.writeString(suite, SUITE);
    Path other = dir.resolve("other.yaml");
    Files.writeString(other, SUITE.replace("seed: 11", "seed: 12"));
    gradus(
        "run", suite.toString(), "--shard", "0/2", "--out", dir.resolve("a").toString(), "--quiet");
    gradus(
        "run", other.toString(), "--shard", "1/2", "--out", dir.resolve("b").toString(), "--quiet");
    String suites =
        gradus(
            "merge",
            dir.resolve("a").toString(),
            dir.resolve("b").toString(),
            "--out",
            dir.resolve("x").toString());
    assertTrue(suites.startsWith("1\n") && suites.contains("another suite"), suites);

    String duplicate =
        gradus(
            "merge",
            dir.resolve("a").toString(),
            dir.resolve("a").toString(),
            "--out",
            dir.resolve("y").toString());
    assertTrue(duplicate.startsWith("1\n") && duplicate.contains("appears twice"), duplicate);

    String notResults = gradus("merge", dir.toString(), "--out", dir.resolve("z").toString());
    assertTrue(notResults.contains("is not a Gradus results folder"), notResults);
  }

  @Test
  void mergeRefusesResultsMadeWithOtherPluginJars() throws Exception {
    Path suite = dir.resolve("suite.yaml");
    Files.writeString(suite, SUITE);
    gradus(
        "run", suite.toString(), "--shard", "0/2", "--out", dir.resolve("a").toString(), "--quiet");
    gradus(
        "run", suite.toString(), "--shard", "1/2", "--out", dir.resolve("b").toString(), "--quiet");
    Path runs = dir.resolve("b/runs.jsonl");
    Files.writeString(
        runs,
        Files.readString(runs).replace("\"plugins\":{}", "\"plugins\":{\"lion.jar\":\"abc\"}"));
    String message =
        gradus(
            "merge",
            dir.resolve("a").toString(),
            dir.resolve("b").toString(),
            "--out",
            dir.resolve("m").toString());
    assertTrue(message.startsWith("1\n") && message.contains("other plugin jars"), message);
    assertThrows(
        IllegalArgumentException.class,
        () -> new Merger().inspect(List.of(dir.resolve("a"), dir.resolve("b"))));
  }
}
