package dev.gradus.runner.cli;

import dev.gradus.runner.SuiteRunner;
import dev.gradus.runner.plan.Plan;
import dev.gradus.runner.run.LocalExecutor;
import dev.gradus.runner.run.ProgressListener;
import dev.gradus.runner.wiring.Gradus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description =
        "Run every (function × optimizer configuration × repeat) of a suite, in parallel,"
            + " and write runs.jsonl, traces, summary.csv, suite.resolved.yaml, plots/ and report.html.")
final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SUITE.yaml", description = "The suite file.")
  Path suite;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Results folder (default: results/<suite>).")
  Path out;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Runs in parallel (default: all cores).")
  Integer threads;

  @Option(
      names = "--plugins",
      paramLabel = "DIR",
      description = "A folder of plugin jars; repeatable.")
  List<Path> plugins = new ArrayList<>();

  @Option(names = "--resume", description = "Skip runs already recorded in the results folder.")
  boolean resume;

  @Option(
      names = {"-q", "--quiet"},
      description = "Log warnings only, and no progress bar.")
  boolean quiet;

  @Option(
      names = {"-v", "--verbose"},
      description = "Log every recorded iteration (DEBUG).")
  boolean verbose;

  @Override
  public Integer call() {
    Logging.configure(quiet, verbose);
    Gradus gradus = SuiteOptions.wire(plugins, !quiet && ProgressListener.onTerminal());
    Plan plan = SuiteOptions.plan(gradus, suite);
    int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (n < 1) {
      throw new IllegalArgumentException("--threads must be at least 1, got " + n);
    }
    Path dir = out != null ? out : Path.of("results", plan.suite().name());
    SuiteRunner.Outcome outcome = gradus.suiteRunner().run(plan, dir, new LocalExecutor(n), resume);
    var stdout = spec.commandLine().getOut();
    stdout.println();
    stdout.print(outcome.summary().toTable());
    stdout.println();
    stdout.println(outcome.results().size() + " runs; results in " + dir);
    stdout.println("report: " + dev.gradus.runner.report.ReportWriter.afterRun(dir, plan, suite));
    stdout.flush();
    return 0;
  }
}
