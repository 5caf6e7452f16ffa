package dev.gradus.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradus.runner.pipeline.Pipeline;
import dev.gradus.runner.pipeline.RunRequest;
import dev.gradus.runner.pipeline.SuiteOutcome;
import dev.gradus.runner.plan.Plan;
import dev.gradus.runner.results.FolderGuard;
import dev.gradus.runner.results.ResultsFolder;
import dev.gradus.runner.run.LocalExecutor;
import dev.gradus.runner.run.RunResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tuned suite end to end: trials, winners, the evaluation, and what the folder then holds. */
class TunedSuiteTest {
  static final String SUITE =
      """
      suite: tuned
      seed: 11
      repeats: 3
      budget: {max_iterations: 60}
      tuning: {strategy: halving, trials: 6, eta: 2, seeds: 2}
      functions:
        - {name: rosenbrock, dim: 2, start: random}
        - {name: sphere, dim: 3, start: random}
      optimizers:
        - {name: gd, lr: {log_uniform: [1.0e-4, 1.0e-1]}}
        - {name: adam, lr: 0.01}
      """;
  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<JsonNode> records(Path file) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      out.add(JSON.readTree(line));
    }
    return out;
  }

  /** The records as runs.jsonl has them, wall times zeroed: what must be the same. */
  private static List<String> timeless(List<RunResult> runs) {
    return runs.stream()
        .map(r -> dev.gradus.runner.results.RunRecords.toJson(TestSuites.withoutTime(r)))
        .toList();
  }

  @Test
  void theWinnerIsTheTrialWithTheBestMedianAndIsEvaluatedOnFreshSeeds(@TempDir Path dir)
      throws Exception {
    Path out = dir.resolve("out");
    SuiteOutcome outcome = TestSuites.run(SUITE, out, 2);
    // the evaluation: (gd tuned, gd at its defaults, adam) × 2 functions × 3 repeats
    assertEquals(18, outcome.results().size());
    List<JsonNode> trials = records(out.resolve("tuning/runs.jsonl"));
    List<JsonNode> evaluation = records(out.resolve("runs.jsonl"));
    trials.forEach(r -> assertEquals("tuning", r.get("phase").asText()));
    evaluation.forEach(r -> assertEquals("evaluation", r.get("phase").asText()));
    // 6 trials → 3 → 1, at 15, 30 and 60 iterations, each on 2 seeds and 2 functions
    assertEquals((6 + 3 + 1) * 2 * 2, trials.size());
    // the last rung's trial on each function, found from the records alone
    for (int f = 0; f < 2; f++) {
      Map<String, List<Double>> gaps = new HashMap<>();
      for (JsonNode r : trials) {
        if (r.get("function_index").asInt() == f
            && r.get("iterations").asLong() <= 60
            && r.get("optimizer_label").asText().contains("rung=2")) {
          gaps.computeIfAbsent(r.get("optimizer_label").asText(), k -> new ArrayList<>())
              .add(r.get("final_gap").asDouble());
        }
      }
      assertEquals(1, gaps.size(), "one trial reaches the last rung: " + gaps);
      String winner = gaps.keySet().iterator().next();
      double lr = Double.parseDouble(winner.replaceAll(".* lr=", ""));
      for (JsonNode r : evaluation) {
        if (r.get("function_index").asInt() == f
            && r.get("optimizer_label").asText().equals("gd lr=tuned")) {
          assertEquals(lr, r.get("hyperparameters").get("lr").asDouble(), 1e-15);
        }
      }
    }
    java.util.Set<Long> trialSeeds = new java.util.HashSet<>();
    trials.forEach(r -> trialSeeds.add(r.get("seed").asLong()));
    evaluation.forEach(r -> assertTrue(!trialSeeds.contains(r.get("seed").asLong())));
    String table = Files.readString(out.resolve("tables/tuning.md"));
    assertTrue(table.contains("| gd lr=tuned |"), table);
    String trialsCsv = Files.readString(out.resolve("tuning/trials.csv"));
    assertEquals(1 + (6 + 3 + 1) * 2, trialsCsv.lines().count(), trialsCsv);
    String resolved = Files.readString(out.resolve("suite.resolved.yaml"));
    assertTrue(resolved.contains("winners:"), resolved);
  }

  @Test
  void theSameSuiteTunesAlikeOnOneThreadOrTwo(@TempDir Path dir) throws Exception {
    SuiteOutcome one = TestSuites.run(SUITE, dir.resolve("one"), 1);
    SuiteOutcome two = TestSuites.run(SUITE, dir.resolve("two"), 2);
    assertEquals(timeless(one.results()), timeless(two.results()));
    assertEquals(
        Files.readString(dir.resolve("one/tuning/trials.csv")),
        Files.readString(dir.resolve("two/tuning/trials.csv")));
    assertEquals(
        Files.readString(dir.resolve("one/tables/tuning.csv")),
        Files.readString(dir.resolve("two/tables/tuning.csv")));
  }

  @Test
  void aSuiteStoppedDuringItsTrialsResumesToTheSameResults(@TempDir Path dir) throws Exception {
    SuiteOutcome whole = TestSuites.run(SUITE, dir.resolve("whole"), 2);
    Path cut = dir.resolve("cut");
    TestSuites.run(SUITE, cut, 2);
    // as a kill in the second rung leaves it: half the trials' records, no evaluation yet
    Path records = cut.resolve("tuning/runs.jsonl");
    List<String> lines = Files.readAllLines(records, StandardCharsets.UTF_8);
    Files.write(records, lines.subList(0, 30), StandardCharsets.UTF_8);
    for (String name : List.of("runs.jsonl", "plan.json", "summary.csv", "suite.resolved.yaml")) {
      Files.delete(cut.resolve(name));
    }
    SuiteOutcome resumed = TestSuites.run(SUITE, cut, 2, FolderGuard.Mode.RESUME);
    assertEquals(timeless(whole.results()), timeless(resumed.results()));
    assertEquals(lines.size(), Files.readAllLines(records).size());
    // a report of the folder finds the same evaluation from the trials it holds
    Plan plan = TestSuites.plan(SUITE);
    Plan again = Pipeline.evaluationOf(plan, cut);
    assertEquals(Plan.Phase.EVALUATION, again.phase());
    assertEquals(
        whole.results().get(0).hyperparameters(), resumed.results().get(0).hyperparameters());
  }

  @Test
  void shardsEachRunTheTrialsAndSplitTheEvaluationWhichMergesAsOneRun(@TempDir Path dir)
      throws Exception {
    Plan plan = TestSuites.plan(SUITE);
    SuiteOutcome whole = TestSuites.run(SUITE, dir.resolve("whole"), 2);
    // the shards keep the suite, as the command line does, so that the merge can report
    Path suiteFile = dir.resolve("tuned.yaml");
    Files.writeString(suiteFile, SUITE);
    List<Path> shards = new ArrayList<>();
    for (int s = 0; s < 2; s++) {
      Path shard = dir.resolve("shard-" + s);
      TestSuites.pipeline(List.of())
          .run(
              new RunRequest(
                  plan,
                  plan.runs(),
                  s + "/2",
                  shard,
                  FolderGuard.Mode.NEW,
                  new LocalExecutor(1),
                  suiteFile,
                  false));
      shards.add(shard);
    }
    assertEquals(9, records(dir.resolve("shard-0/runs.jsonl")).size());
    Path merged = dir.resolve("merged");
    TestSuites.pipeline(List.of()).merge(shards, merged, false, problem -> {});
    assertEquals(
        timeless(whole.results()),
        timeless(ResultsFolder.read(merged).runs()),
        "the merged evaluation is the whole run's");
    assertEquals(
        Files.readString(dir.resolve("whole/tables/tuning.csv")),
        Files.readString(merged.resolve("tables/tuning.csv")));
    // --runs cannot pick trials: the winners depend on all of them
    FolderGuard.RefusedException e =
        assertThrows(
            FolderGuard.RefusedException.class,
            () ->
                TestSuites.pipeline(List.of())
                    .run(
                        new RunRequest(
                            plan,
                            plan.runs().subList(0, 10),
                            null,
                            dir.resolve("some"),
                            FolderGuard.Mode.NEW,
                            new LocalExecutor(1),
                            null,
                            false)));
    assertTrue(e.getMessage().contains("no --runs"), e.getMessage());
    // shards of other trials do not merge
    Path other = dir.resolve("other");
    TestSuites.run(SUITE.replace("seed: 11", "seed: 12"), other, 1);
    Files.writeString(
        shards.get(1).resolve("tuning/trials.csv"),
        Files.readString(other.resolve("tuning/trials.csv")));
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () -> TestSuites.pipeline(List.of()).merge(shards, dir.resolve("m2"), false, p -> {}));
    assertTrue(refused.getMessage().contains("did not run the same tuning"), refused.getMessage());
  }

  @Test
  void aTunedFolderReportsItsTuning(@TempDir Path dir) throws Exception {
    Plan plan = TestSuites.plan(SUITE);
    Path out = dir.resolve("out");
    TestSuites.run(SUITE, out, 2);
    Path report = TestSuites.pipeline(List.of()).report(out, Pipeline.evaluationOf(plan, out));
    String html = Files.readString(report);
    assertTrue(html.contains("<h2>Tuning</h2>"), "no tuning section");
    assertTrue(html.contains("gd lr=tuned"), "no tuned row");
    ResultsFolder folder = ResultsFolder.read(out);
    assertEquals(18, folder.runs().size());
  }
}
