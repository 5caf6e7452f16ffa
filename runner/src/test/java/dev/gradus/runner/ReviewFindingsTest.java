package dev.gradus.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.runner.pipeline.RunRequest;
import dev.gradus.runner.plan.Plan;
import dev.gradus.runner.plan.RunSpec;
import dev.gradus.runner.results.FolderGuard;
import dev.gradus.runner.results.ResultsLayout;
import dev.gradus.runner.results.Summary;
import dev.gradus.runner.run.LocalExecutor;
import dev.gradus.runner.run.ResultsWriteException;
import dev.gradus.runner.run.RunEngine;
import dev.gradus.runner.run.RunExecutor;
import dev.gradus.runner.run.RunResult;
import dev.gradus.runner.run.RunStatus;
import dev.gradus.spi.Iteration;
import dev.gradus.spi.RunInfo;
import dev.gradus.spi.RunListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Edges a review of the pipeline found: each failed before its fix. */
class ReviewFindingsTest {
  @TempDir Path dir;

  static final String CHECKPOINTED =
      """
      suite: stop-and-go
      budget: {max_iterations: 120}
      output: {checkpoint_every: 50}
      functions: [{name: rosenbrock, dim: 2}]
      optimizers: [{name: adam, lr: 0.01}]
      """;

  /** Stops the suite at iteration 60 as an unwritable trace would: the run is not recorded. */
  private static final class StopAt60 implements RunListener {
    @Override
    public void iteration(RunInfo run, Iteration row) {
      if (row.iteration() == 60) {
        throw new ResultsWriteException(Path.of("trace"), new IOException("No space left"));
      }
    }
  }

  /** Runs every run again whole in this JVM and replays its events, as Spark does. */
  private static final class RerunsWhole implements RunExecutor {
    private final Plan plan;

    RerunsWhole(Plan plan) {
      this.plan = plan;
    }

    @Override
    public void execute(
        List<RunSpec> runs, RunTask unused, RunListener listener, Consumer<RunResult> finished) {
      for (RunSpec spec : runs) {
        finished.accept(new RunEngine(plan.rules()).run(spec, listener));
      }
    }
  }

  @Test
  void anExecutorThatRerunsWholeRewritesTheTraceInsteadOfAppendingToIt() throws Exception {
    Plan plan = TestSuites.plan(CHECKPOINTED);
    assertThrows(
        ResultsWriteException.class,
        () -> TestSuites.run(plan, dir, 1, FolderGuard.Mode.NEW, List.of(new StopAt60())));
    assertTrue(Files.exists(new ResultsLayout(dir).checkpoint(plan.runs().get(0).runId())));
    TestSuites.pipeline(List.of())
        .run(
            new RunRequest(
                plan,
                plan.runs(),
                null,
                dir,
                FolderGuard.Mode.RESUME,
                new RerunsWhole(plan),
                null,
                false));
    List<String> rows = TestSuites.traceLines(dir, plan.runs().get(0).runId());
    Set<String> iterations = new HashSet<>();
    for (String row : rows.subList(1, rows.size())) {
      assertTrue(iterations.add(row.split(",")[0]), "iteration " + row.split(",")[0] + " twice");
    }
    assertEquals(121, iterations.size());
  }

  @Test
  void overwriteKeepsTheSuiteFileWhenTheFolderIsItsOwn() throws Exception {
    Path suite = dir.resolve("suite.yaml");
    String text =
        "suite: own\nbudget: {max_iterations: 5}\nfunctions: [{name: sphere}]\n"
            + "optimizers: [{name: gd}]\n";
    Files.writeString(suite, text);
    assertEquals(0, cli("run", suite.toString(), "--out", dir.toString()), "its own folder is new");
    assertEquals(0, cli("run", suite.toString(), "--out", dir.toString(), "--overwrite"));
    assertEquals(text, Files.readString(suite), "the suite file is never modified or removed");
  }

  @Test
  void aSuiteFileNamedLikeAResultIsNeverWrittenOver() throws Exception {
    Path suite = dir.resolve("summary.csv");
    String text =
        "suite: odd\nbudget: {max_iterations: 5}\nfunctions: [{name: sphere}]\n"
            + "optimizers: [{name: gd}]\n";
    Files.writeString(suite, text);
    TestCli.Result r =
        TestCli.run("run", suite.toString(), "--out", dir.toString(), "--no-report", "-q");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("would be overwritten"), r.err());
    assertEquals(text, Files.readString(suite));
  }

  @Test
  void pluginJarsAreCheckedBeforeAnyRunIsRecorded() throws Exception {
    Plan plan = TestSuites.plan(CHECKPOINTED);
    assertThrows(
        ResultsWriteException.class,
        () -> TestSuites.run(plan, dir, 1, FolderGuard.Mode.NEW, List.of(new StopAt60())));
    assertEquals(0, Files.size(dir.resolve("runs.jsonl")), "no run recorded yet");
    FolderGuard.RefusedException e =
        assertThrows(
            FolderGuard.RefusedException.class,
            () ->
                FolderGuard.check(
                    new ResultsLayout(dir),
                    FolderGuard.Mode.RESUME,
                    plan.suiteSha256(),
                    Map.of("other.jar", "abc"),
                    null));
    assertTrue(e.getMessage().contains("other plugin jars"), e.getMessage());
  }

  @Test
  void theFirstFailedWriteStopsTheOtherWorkers() {
    Plan plan =
        TestSuites.plan(
            "suite: many\nrepeats: 40\nbudget: {max_iterations: 2}\nfunctions: [{name: sphere}]\n"
                + "optimizers: [{name: gd}]\n");
    AtomicInteger started = new AtomicInteger();
    assertThrows(
        ResultsWriteException.class,
        () ->
            new LocalExecutor(2)
                .execute(
                    plan.runs(),
                    (spec, listener) -> {
                      if (started.incrementAndGet() == 2) {
                        throw new ResultsWriteException(Path.of("x"), new IOException("full"));
                      }
                      return new RunEngine(plan.rules()).run(spec, listener);
                    },
                    new RunListener() {},
                    result -> {}));
    assertTrue(started.get() <= 4, "runs taken after the failure: " + started.get());
  }

  @Test
  void valuesThatDifferOnlyPastTheCutAreShownWhole() {
    String schedule =
        "{sequential: {schedules: [{linear: {total_iters: 100}}, {cosine: {t_max: %d}}],"
            + " milestones: [100]}}";
    Plan plan =
        TestSuites.plan(
            "suite: long\nfunctions: [{name: sphere}]\noptimizers:\n"
                + "  - {name: adam, lr: 0.01, schedule: "
                + schedule.formatted(1900)
                + "}\n  - {name: adam, lr: 0.01, schedule: "
                + schedule.formatted(2900)
                + "}\n");
    String a = plan.optimizers().get(0).label();
    String b = plan.optimizers().get(1).label();
    assertFalse(a.contains("#") || b.contains("#"), a + " / " + b);
    assertTrue(a.contains("t_max=1900") && b.contains("t_max=2900"), a + " / " + b);
    assertEquals(
        "sphere dim=1e6",
        TestSuites.plan(
                "suite: big\nfunctions: [{name: sphere, dim: 1000000}]\noptimizers: [{name: gd}]\n")
            .functions()
            .get(0)
            .label());
  }

  @Test
  void statusColumnsDoNotOverlapAndADivergedRunHasItsLastRow() throws Exception {
    RunResult diverged =
        RunResults.sample().status(RunStatus.DIVERGED).inDomain(false).gaps(null, 3.0).build();
    Summary.Row row = Summary.of(List.of(diverged)).rows().get(0);
    assertEquals(1, row.diverged());
    assertEquals(0, row.outOfDomain(), "a diverged run is counted once");

    var outcome =
        TestSuites.run(
            "suite: boom\nbudget: {max_iterations: 1000}\noutput: {trace_every: 100}\n"
                + "functions: [{name: rosenbrock, dim: 2}]\noptimizers: [{name: gd, lr: 10}]\n",
            dir.resolve("boom"),
            1);
    RunResult wild = outcome.results().get(0);
    List<String> rows = TestSuites.traceLines(dir.resolve("boom"), wild.runId());
    String last = rows.get(rows.size() - 1);
    assertEquals(wild.iterations(), Long.parseLong(last.split(",")[0]), "the diverged iteration");
  }

  private static int cli(String... args) {
    return TestCli.quietly(args);
  }
}
