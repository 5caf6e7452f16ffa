package dev.gradus.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradus.runner.pipeline.ExitCodes;
import dev.gradus.runner.pipeline.SuiteOutcome;
import dev.gradus.runner.plan.Plan;
import dev.gradus.runner.results.FolderGuard;
import dev.gradus.runner.results.RunRecords;
import dev.gradus.runner.results.Summary;
import dev.gradus.runner.run.RunResult;
import dev.gradus.runner.run.RunStatus;
import dev.gradus.spi.RunListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a results folder says must be true: one row per configuration, nothing converged outside its
 * domain, final and best values apart, strict JSON, traces whose lr is the rate used, folders never
 * mixed or silently replaced, failures with their stack traces, and exit codes that tell.
 */
class TrustworthyResultsTest {
  @TempDir Path dir;

  @Test
  void everySettingThatDiffersMakesItsOwnRowAndLabel() throws Exception {
    String yaml =
        """
        suite: distinct
        budget: {max_iterations: 30}
        functions:
          - {name: sphere, dim: 2, start: [1.0, 1.0]}
          - {name: sphere, dim: 2, start: [1.0, 1.0], gradient: numerical}
          - {name: sphere, dim: 2, start: random}
        optimizers:
          - {name: gd, lr: 0.1}
          - {name: gd, lr: 0.1, schedule: {step: {step_size: 10, gamma: 0.5}}}
          - {name: gd, lr: 0.1, schedule: {exponential: {gamma: 0.9}}}
          - {name: gd, lr: 0.1, clip_grad_norm: 0.5}
          - {name: gd, lr: 1.0e-4}
        """;
    SuiteOutcome outcome = TestSuites.run(yaml, dir, 2);
    List<Summary.Row> rows = outcome.summary().rows();
    assertEquals(3 * 5, rows.size(), "one row per (function, optimizer) configuration");
    rows.forEach(r -> assertEquals(1, r.runs(), r.function() + " / " + r.optimizer()));
    Set<String> labels = new HashSet<>();
    rows.forEach(r -> labels.add(r.function() + " / " + r.optimizer()));
    assertEquals(15, labels.size(), "labels tell every configuration apart: " + labels);
    Plan plan = TestSuites.plan(yaml);
    assertEquals(
        List.of(
            "gd lr=0.1 schedule=constant clip_grad_norm=none",
            "gd lr=0.1 schedule=step(step_size=10,gamma=0.5) clip_grad_norm=none",
            "gd lr=0.1 schedule=exponential(gamma=0.9) clip_grad_norm=none",
            "gd lr=0.1 clip_grad_norm=0.5 schedule=constant",
            "gd lr=1e-4 schedule=constant clip_grad_norm=none"),
        plan.optimizers().stream().map(o -> o.label()).toList());
    assertEquals(
        List.of(
            "sphere dim=2 start=[1,1] gradient=autodiff",
            "sphere dim=2 start=[1,1] gradient=numerical",
            "sphere dim=2 start=random gradient=autodiff"),
        plan.functions().stream().map(f -> f.label()).toList());
    for (String line : Files.readAllLines(dir.resolve("runs.jsonl"))) {
      JsonNode json = new ObjectMapper().readTree(line);
      RunResult r = RunRecords.fromJson(line);
      assertTrue(json.has("function_index") && json.has("optimizer_index"), line);
      assertTrue(r.runId().startsWith("f" + r.functionIndex() + "-"), r.runId());
      assertTrue(r.runId().contains("_o" + r.optimizerIndex() + "-"), r.runId());
    }
    List<String> csv = Files.readAllLines(dir.resolve("summary.csv"));
    assertTrue(csv.get(1).startsWith("0,0,"), csv.get(1));
    assertTrue(csv.get(15).startsWith("2,4,"), csv.get(15));
  }

  @Test
  void theSameEntryTwiceStillGetsTwoRows() {
    Plan plan =
        TestSuites.plan(
            "suite: twice\nfunctions: [{name: sphere}]\n"
                + "optimizers: [{name: adam, lr: 0.01}, {name: adam, lr: 0.01}]\n");
    assertEquals("adam lr=0.01 #0", plan.optimizers().get(0).label());
    assertEquals("adam lr=0.01 #1", plan.optimizers().get(1).label());
  }

  /**
   * Adam with a large rate on Eggholder from near its minimizer (512, 404.2319) on the domain's
   * edge steps outside [−512, 512]², where f is lower than the minimum: such a run must not
   * converge, and its gap must not enter any statistic.
   */
  static final String EGGHOLDER =
      """
      suite: edge
      budget: {max_iterations: 200}
      stop: {target: 1.0e-6}
      functions:
        - {name: eggholder, start: [511.0, 404.0]}
      optimizers:
        - {name: adam, lr: 2.0}
      """;

  @Test
  void aRunThatEndsOutsideTheDomainNeverConverges() {
    SuiteOutcome outcome = TestSuites.run(EGGHOLDER, dir, 1);
    RunResult r = outcome.results().get(0);
    assertFalse(r.xFinalInDomain(), "x_final = " + java.util.Arrays.toString(r.xFinal()));
    assertTrue(r.xFinal()[0] > 512, java.util.Arrays.toString(r.xFinal()));
    assertNotEquals(RunStatus.CONVERGED, r.status());
    assertTrue(r.bestGap() >= 0, "the best point is one inside the domain: " + r.bestGap());
    Summary.Row row = outcome.summary().rows().get(0);
    assertEquals(1, row.outOfDomain());
    assertEquals(0.0, row.successRate());
    assertTrue(Double.isNaN(row.finalGapMedian()), "an outside final gap is no result");
  }

  @Test
  void boundsProjectKeepsEveryIterateInTheDomain() {
    SuiteOutcome outcome =
        TestSuites.run(
            EGGHOLDER.replace("start: [511.0, 404.0]}", "start: [511.0, 404.0], bounds: project}"),
            dir,
            1);
    RunResult r = outcome.results().get(0);
    assertTrue(r.xFinalInDomain());
    assertTrue(r.xFinal()[0] <= 512 && r.xFinal()[0] >= -512);
    assertTrue(r.finalGap() >= 0 && r.bestGap() >= 0);
    String error =
        assertThrows(
                RuntimeException.class,
                () ->
                    TestSuites.plan(
                        "suite: b\nfunctions: [{name: linear-regression, bounds: project}]\n"
                            + "optimizers: [{name: gd}]\n"))
            .getMessage();
    assertTrue(error.contains("bounds: project needs a search domain"), error);
  }

  @Test
  void finalAndBestAreApartAndDivergedRunsStayOutOfGapStatistics() throws Exception {
    SuiteOutcome outcome =
        TestSuites.run(
            "suite: apart\nrepeats: 2\nbudget: {max_iterations: 500}\n"
                + "functions: [{name: rosenbrock, dim: 2}]\n"
                + "optimizers: [{name: gd, lr: 10}, {name: adam, lr: 0.05}]\n",
            dir,
            2);
    RunResult wild = outcome.results().get(0);
    assertEquals(RunStatus.DIVERGED, wild.status());
    assertNull(wild.finalGap(), "a diverged run has no final gap");
    assertEquals(24.2, wild.bestGap(), 1e-9, "its best gap is its start's");
    Summary.Row gd = outcome.summary().rows().get(0);
    assertEquals(2, gd.diverged());
    assertTrue(Double.isNaN(gd.finalGapMedian()) && Double.isNaN(gd.bestGapMedian()));
    Summary.Row adam = outcome.summary().rows().get(1);
    RunResult tame = outcome.results().get(2);
    assertEquals(tame.finalGap(), adam.finalGapMedian());
    assertEquals(tame.bestGap(), adam.bestGapMedian());
    assertTrue(tame.bestGap() <= tame.finalGap());
    String header = Files.readAllLines(dir.resolve("summary.csv")).get(0);
    assertTrue(header.contains("final_gap_median") && header.contains("best_gap_median"), header);
  }

  @Test
  void everyLineIsStrictJson() throws Exception {
    TestSuites.run(
        "suite: strict\nbudget: {max_iterations: 100}\n"
            + "functions: [{name: f, expression: \"x^2\", start: {x: 1}}]\n"
            + "optimizers: [{name: gd, lr: 1.0e10}]\n",
        dir,
        1);
    String line = Files.readAllLines(dir.resolve("runs.jsonl")).get(0);
    JsonNode json = new ObjectMapper().readTree(line); // strict: no NaN or Infinity tokens
    assertEquals("diverged", json.get("status").asText());
    List<String> texts = new java.util.ArrayList<>();
    json.fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().isTextual()) {
                texts.add(e.getValue().asText());
              }
            });
    assertFalse(
        texts.contains("NaN") || texts.contains("Infinity") || texts.contains("-Infinity"), line);
    assertTrue(json.get("f_final").isNull(), line);
  }

  @Test
  void rowTsLrIsTheRateOfTheStepThatProducedIt() throws Exception {
    TestSuites.run(
        "suite: rates\nbudget: {max_iterations: 4}\n"
            + "functions: [{name: sphere, dim: 1, start: [1.0]}]\n"
            + "optimizers: [{name: gd, lr: 0.1, schedule: {exponential: {gamma: 0.5}}}]\n",
        dir,
        1);
    List<String> rows = TestSuites.traceLines(dir, "f0-sphere_o0-gd_r0");
    assertEquals(
        "iteration,evaluations,seconds,f,f_gap,grad_norm,step_norm,lr,in_domain", rows.get(0));
    String[] first = rows.get(1).split(",", -1);
    assertEquals("", first[7], "no step produced x_0");
    double[] expected = {0.1, 0.05, 0.025, 0.0125};
    double x = 1;
    double previousSeconds = 0;
    for (int t = 1; t <= 4; t++) {
      String[] cells = rows.get(t + 1).split(",", -1);
      assertEquals(t, Long.parseLong(cells[0]));
      assertEquals(t + 1, Long.parseLong(cells[1]), "evaluations so far");
      double lr = Double.parseDouble(cells[7]);
      assertEquals(expected[t - 1], lr, 1e-15, "row " + t);
      // the step that produced x_t used that rate: x_t = x_{t-1} − lr·2x_{t-1}
      x = x - lr * 2 * x;
      assertEquals(x * x, Double.parseDouble(cells[3]), 1e-15, "f at row " + t);
      double seconds = Double.parseDouble(cells[2]);
      assertTrue(seconds >= previousSeconds);
      previousSeconds = seconds;
      assertEquals("true", cells[8]);
    }
  }

  static final String SMALL =
      "suite: small\nrepeats: 2\nbudget: {max_iterations: 20}\n"
          + "functions: [{name: sphere}, {name: beale}]\noptimizers: [{name: gd, lr: 0.01}]\n";

  @Test
  void resumeRefusesTheFolderOfAnEditedSuite() {
    TestSuites.run(SMALL, dir, 1);
    String edited = SMALL.replace("lr: 0.01", "lr: 0.05");
    FolderGuard.RefusedException e =
        assertThrows(
            FolderGuard.RefusedException.class,
            () -> TestSuites.run(edited, dir, 1, FolderGuard.Mode.RESUME));
    assertTrue(e.getMessage().contains("another suite or another version of it"), e.getMessage());
    assertTrue(e.getMessage().contains("--out") && e.getMessage().contains("--overwrite"));
    // the same suite resumes, with nothing left to run
    SuiteOutcome again = TestSuites.run(SMALL, dir, 1, FolderGuard.Mode.RESUME);
    assertEquals(4, again.results().size());
  }

  @Test
  void resumeRefusesAFolderOfOtherPluginJars() throws Exception {
    TestSuites.run(SMALL, dir, 1);
    Path runs = dir.resolve("runs.jsonl");
    Files.writeString(
        runs, Files.readString(runs).replace("\"plugins\":{}", "\"plugins\":{\"x.jar\":\"ab\"}"));
    FolderGuard.RefusedException e =
        assertThrows(
            FolderGuard.RefusedException.class,
            () -> TestSuites.run(SMALL, dir, 1, FolderGuard.Mode.RESUME));
    assertTrue(e.getMessage().contains("other plugin jars") && e.getMessage().contains("x.jar"));
  }

  @Test
  void aFolderWithResultsIsNeverReplacedSilentlyAndOverwriteLeavesNoOrphans() throws Exception {
    TestSuites.run(SMALL, dir, 1);
    Files.writeString(dir.resolve("notes.txt"), "mine");
    FolderGuard.RefusedException e =
        assertThrows(FolderGuard.RefusedException.class, () -> TestSuites.run(SMALL, dir, 1));
    assertTrue(e.getMessage().contains("--resume") && e.getMessage().contains("--overwrite"));
    assertEquals(4, Files.readAllLines(dir.resolve("runs.jsonl")).size(), "nothing was touched");

    String smaller = SMALL.replace("repeats: 2", "repeats: 1");
    TestSuites.run(smaller, dir, 1, FolderGuard.Mode.OVERWRITE);
    assertEquals(2, Files.readAllLines(dir.resolve("runs.jsonl")).size());
    try (Stream<Path> traces = Files.list(dir.resolve("traces"))) {
      assertEquals(2, traces.count(), "no orphan traces of the replaced results");
    }
    assertEquals("mine", Files.readString(dir.resolve("notes.txt")), "only Gradus's files go");
  }

  @Test
  void aFailedRunKeepsItsStackTraceAndTheExitCodeSaysSo() throws Exception {
    RunListener flaky = TestSuites.failingOnRepeat(1);
    Plan plan = TestSuites.plan(SMALL);
    SuiteOutcome outcome = TestSuites.run(plan, dir, 1, FolderGuard.Mode.NEW, List.of(flaky));
    RunResult failed = outcome.results().get(1);
    assertEquals(RunStatus.FAILED, failed.status());
    assertEquals("failures/" + failed.runId() + ".txt", failed.errorFile());
    String trace = Files.readString(dir.resolve(failed.errorFile()));
    assertTrue(trace.contains("IllegalStateException: listener broke"), trace);
    assertTrue(trace.contains("\tat "), "a real stack trace: " + trace);
    assertEquals(ExitCodes.RUNS_FAILED, outcome.exitCode());
    RunResult back = RunRecords.fromJson(Files.readAllLines(dir.resolve("runs.jsonl")).get(1));
    assertEquals(failed.errorFile(), back.errorFile());
  }

  @Test
  void exitCodesTellOutcomesFromFailuresFromSuitesThatCannotStart() throws Exception {
    Path diverging = dir.resolve("diverging.yaml");
    Files.writeString(
        diverging, "suite: d\nfunctions: [{name: rosenbrock}]\noptimizers: [{name: gd, lr: 10}]\n");
    assertEquals(
        ExitCodes.OK, cli("run", diverging.toString(), "--out", dir.resolve("a").toString()));
    Path timing = dir.resolve("timing.yaml");
    Files.writeString(
        timing,
        "suite: t\nbudget: {max_iterations: 1000000000, max_seconds: 0.1}\n"
            + "functions: [{name: rosenbrock, dim: 1000, start: random}]\n"
            + "optimizers: [{name: gd, lr: 1.0e-7}]\n");
    assertEquals(
        ExitCodes.RUNS_FAILED, cli("run", timing.toString(), "--out", dir.resolve("b").toString()));
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "suite: b\nfunctions: [{name: spehre}]\noptimizers: [{name: gd}]\n");
    assertEquals(
        ExitCodes.COULD_NOT_START,
        cli("run", bad.toString(), "--out", dir.resolve("c").toString()));
    assertEquals(
        ExitCodes.COULD_NOT_START,
        cli("run", diverging.toString(), "--out", dir.resolve("a").toString()),
        "a folder holding results is refused");
    assertEquals(ExitCodes.USAGE, TestCli.run("run", "--no-such-option").code());
  }

  private static int cli(String... args) {
    return TestCli.quietly(args);
  }
}
