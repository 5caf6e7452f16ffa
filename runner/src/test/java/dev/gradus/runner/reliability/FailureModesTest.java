package dev.gradus.runner.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.runner.TestSuites;
import dev.gradus.runner.cli.Main;
import dev.gradus.runner.pipeline.SuiteOutcome;
import dev.gradus.runner.plan.MemoryBudget;
import dev.gradus.runner.plan.Plan;
import dev.gradus.runner.results.FolderGuard;
import dev.gradus.runner.run.RunResult;
import dev.gradus.runner.run.RunStatus;
import dev.gradus.runner.suite.SuiteLoader;
import dev.gradus.runner.wiring.Gradus;
import dev.gradus.runner.wiring.Plugins;
import dev.gradus.runner.wiring.TestJars;
import dev.gradus.spi.OptimizerProvider;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Divergence, stuck plugins, full disks, unwritable folders, memory limits and plugin trust. */
class FailureModesTest {
  @TempDir Path dir;

  private SuiteOutcome run(String yaml) {
    return TestSuites.run(yaml, dir.resolve("out"), 2, FolderGuard.Mode.OVERWRITE);
  }

  private static RunResult only(SuiteOutcome outcome) {
    assertEquals(1, outcome.results().size());
    return outcome.results().get(0);
  }

  @Test
  void nanInfOverflowAndHugeGradientsEndRunsAsDivergedWithTheIteration() {
    // sqrt(x) from x = 1 with lr 10: x₁ = 1 − 10·½ = −4, where sqrt is NaN.
    RunResult nan =
        only(
            run(
                "suite: nan\nfunctions: [{name: f, expression: \"sqrt(x)\", start: {x: 1}}]\noptimizers: [{name: gd, lr: 10}]\n"));
    assertEquals(RunStatus.DIVERGED, nan.status());
    assertEquals(1, nan.iterations());
    assertTrue(nan.error().startsWith("diverged at iteration 1: f = NaN"), nan.error());

    RunResult inf =
        only(
            run(
                "suite: inf\nfunctions: [{name: f, expression: \"1 / x\", start: {x: 0}}]\noptimizers: [{name: gd}]\n"));
    assertEquals(RunStatus.DIVERGED, inf.status());
    assertTrue(inf.error().startsWith("diverged at iteration 0: f = Infinity"), inf.error());

    // gradient ascent on x² with a huge step: |x| grows by 2e10 per step until x² overflows 1e300
    RunResult overflow =
        only(
            run(
                "suite: up\nbudget: {max_iterations: 1000}\nfunctions: [{name: f, expression: \"x^2\", start: {x: 1}}]\noptimizers: [{name: gd, lr: 1.0e10, maximize: true}]\n"));
    assertEquals(RunStatus.DIVERGED, overflow.status());
    assertTrue(overflow.iterations() > 1 && overflow.iterations() < 40, overflow.error());

    RunResult steep =
        only(
            run(
                "suite: steep\nfunctions: [{name: f, expression: \"2e300 * x\", start: {x: 0.5}}]\noptimizers: [{name: adam}]\n"));
    assertEquals(RunStatus.DIVERGED, steep.status());
    assertEquals(0, steep.iterations());
    assertTrue(
        steep.error().contains("‖∇f‖ = 2.0E300"),
        steep.error()); // the norm itself does not overflow
  }

  @Test
  void aRealOptimizerOnARealFunctionDivergesAndTheSuiteGoesOn() {
    SuiteOutcome outcome =
        run(
            "suite: rb\nfunctions: [{name: rosenbrock}]\noptimizers: [{name: gd, lr: 10}, {name: adam, lr: 0.01}]\n");
    assertEquals(RunStatus.DIVERGED, outcome.results().get(0).status());
    assertEquals(RunStatus.BUDGET_EXHAUSTED, outcome.results().get(1).status());
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES) // a guard: without the watchdog this test hangs
  void aPluginStepThatNeverReturnsIsReportedAsTimeoutAndTheSuiteGoesOn() throws Exception {
    Path plugins = dir.resolve("plugins");
    // never returns, even when interrupted, but sleeps so as not to take a core from other tests
    String stuck =
        "for (int spin = 0; spin >= 0; spin = 0) {"
            + " try { Thread.sleep(60_000); } catch (InterruptedException ignored) { } }";
    TestJars.build(
        plugins,
        "stuck.jar",
        Map.of("demo.Stuck", TestJars.optimizer("demo", "Stuck", "stuck", "", stuck)),
        Map.of(OptimizerProvider.class.getName(), "demo.Stuck\n"),
        TestJars.manifest("1.0", "1"));
    Gradus gradus =
        Gradus.create(Plugins.discover(getClass().getClassLoader(), List.of(plugins)), false);
    Plan plan =
        gradus
            .planner()
            .plan(
                new SuiteLoader()
                    .parse(
                        "suite: stuck\nbudget: {max_iterations: 50, max_seconds: 0.5}\n"
                            + "functions: [{name: sphere}]\noptimizers: [{name: stuck}, {name: gd}]\n",
                        "s.yaml",
                        dir));
    SuiteOutcome outcome = TestSuites.run(gradus, plan, dir.resolve("out"), 1);
    RunResult stuckRun = outcome.results().get(0);
    assertEquals(RunStatus.TIMEOUT, stuckRun.status());
    assertTrue(
        stuckRun.error().contains("did not return") && stuckRun.error().contains("abandoned"),
        stuckRun.error());
    assertEquals(
        RunStatus.BUDGET_EXHAUSTED, outcome.results().get(1).status(), "the suite went on");
  }

  @Test
  void aFullDiskStopsTheSuiteAtTheFirstFailedWriteWithAClearError() throws Exception {
    Path out = dir.resolve("full");
    Files.createDirectories(out);
    Files.createSymbolicLink(out.resolve("runs.jsonl"), Path.of("/dev/full"));
    Plan plan =
        TestSuites.plan(
            "suite: full\nrepeats: 3\nbudget: {max_iterations: 5}\nfunctions: [{name: sphere}]\noptimizers: [{name: gd}]\n");
    UncheckedIOException e =
        assertThrows(
            UncheckedIOException.class,
            () -> TestSuites.run(plan, out, 1, FolderGuard.Mode.NEW, List.of()));
    assertTrue(
        e.getMessage().contains("cannot write " + out.resolve("runs.jsonl")), e.getMessage());
    assertTrue(e.getMessage().contains("no space left on device"), e.getMessage());
  }

  @Test
  void anUnusableOutputFolderIsAClearErrorAtTheStart() throws Exception {
    Path file = dir.resolve("a-file");
    Files.writeString(file, "x");
    Path suite = dir.resolve("s.yaml");
    Files.writeString(suite, "suite: s\nfunctions: [{name: sphere}]\noptimizers: [{name: gd}]\n");
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new PrintWriter(new StringWriter()),
            new PrintWriter(err),
            "run",
            suite.toString(),
            "--out",
            file.resolve("results").toString(),
            "-q");
    assertEquals(1, code);
    assertTrue(
        err.toString().contains("cannot create results folder " + file.resolve("results")),
        err.toString());
  }

  @Test
  void suitesThatCannotFitTheHeapAreRefusedOrRunFewerAtOnce() {
    long gib = 1L << 30;
    assertEquals(8, MemoryBudget.concurrency(100L << 20, 8, 4 * gib, "small"));
    assertEquals(2, MemoryBudget.concurrency(gib, 8, 3 * gib, "big"));
    String message =
        assertThrows(
                IllegalStateException.class,
                () -> MemoryBudget.concurrency(3 * gib, 8, 2 * gib, "rosenbrock dim=10000000"))
            .getMessage();
    assertTrue(
        message.contains("'rosenbrock dim=10000000' needs about 3.0 GiB")
            && message.contains("-Xmx"),
        message);

    Plan plan =
        TestSuites.plan(
            "suite: m\nfunctions: [{name: rosenbrock, dim: 1000}]\noptimizers: [{name: adam}, {name: lbfgs, history_size: 10}]\n");
    var objective = plan.functions().get(0).factory().get();
    long bytes = MemoryBudget.perRun(objective, plan.optimizers());
    // at least the runner's 6 vectors, L-BFGS's 24 and the graph's values and gradients of x
    assertTrue(bytes >= 8L * 1000 * (6 + 24 + 2), "estimate " + bytes);
    assertTrue(bytes < 8L * 1000 * 200, "estimate " + bytes);
  }

  @Test
  void jarsBesideASuiteAreNotLoadedUnlessNamedWithPlugins() throws Exception {
    Path suiteDir = dir.resolve("suite-folder");
    TestJars.build(
        suiteDir,
        "sneaky.jar",
        Map.of("demo.Sneaky", TestJars.optimizer("demo", "Sneaky", "sneaky", "", "")),
        Map.of(OptimizerProvider.class.getName(), "demo.Sneaky\n"),
        TestJars.manifest("1.0", "1"));
    Path suite = suiteDir.resolve("s.yaml");
    Files.writeString(
        suite, "suite: s\nfunctions: [{name: sphere}]\noptimizers: [{name: sneaky}]\n");
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new PrintWriter(new StringWriter()),
            new PrintWriter(err),
            "validate",
            suite.toString());
    assertEquals(1, code);
    assertTrue(err.toString().contains("unknown optimizer 'sneaky'"), err.toString());
    StringWriter out = new StringWriter();
    assertEquals(
        0,
        Main.run(
            new PrintWriter(out),
            new PrintWriter(err),
            "validate",
            suite.toString(),
            "--plugins",
            suiteDir.toString()));
  }
}
