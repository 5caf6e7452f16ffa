package dev.gradus.runner.cli;

import dev.gradus.runner.SuiteRunner;
import dev.gradus.runner.plan.Plan;
import dev.gradus.runner.plan.RunSpec;
import dev.gradus.runner.run.LocalExecutor;
import dev.gradus.runner.run.MemoryBudget;
import dev.gradus.runner.run.ProgressListener;
import dev.gradus.runner.scale.Shard;
import dev.gradus.runner.scale.Shards;
import dev.gradus.runner.wiring.Gradus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
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

  @Option(
      names = "--shard",
      paramLabel = "I/N|auto",
      description =
          "Run only shard I (0-based) of N; auto reads Slurm's or Kubernetes' job-array"
              + " variables. Default output: results/<suite>/shard-I-of-N.")
  String shard;

  @Option(
      names = "--costs",
      paramLabel = "DIR",
      description =
          "Balance shards by the wall times in DIR/runs.jsonl (default: results/<suite>"
              + " when it has one).")
  Path costs;

  @Option(
      names = "--runs",
      split = ",",
      paramLabel = "RUN_ID",
      description = "Run only these run ids (as 'merge --only-missing' prints them).")
  List<String> runIds;

  @Option(
      names = "--no-report",
      description =
          "Skip plots/ and report.html (build them later with 'gradus report DIR'), as shards"
              + " do before a merge.")
  boolean noReport;

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
    SuiteOptions.Checked checked = SuiteOptions.check(gradus, suite);
    Plan plan = checked.plan();
    int requested = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (requested < 1) {
      throw new IllegalArgumentException("--threads must be at least 1, got " + requested);
    }
    int n =
        MemoryBudget.concurrency(
            checked.perRunBytes(), requested, Runtime.getRuntime().maxMemory(), checked.largest());
    if (n < requested) {
      LoggerFactory.getLogger(RunCommand.class)
          .warn(
              "running {} runs at once instead of {}: a run of '{}' needs about {} MiB of the {} MiB"
                  + " heap",
              n,
              requested,
              checked.largest(),
              checked.perRunBytes() >> 20,
              Runtime.getRuntime().maxMemory() >> 20);
    }
    List<RunSpec> selected = Selection.byIds(plan, runIds);
    Shard part = null;
    Path defaultDir = Path.of("results", plan.suite().name());
    if (shard != null) {
      part = shard.equals("auto") ? Shard.fromEnvironment(System.getenv()) : Shard.parse(shard);
      selected = Shards.select(selected, part, Selection.costs(costs, defaultDir));
    }
    Path dir =
        out != null
            ? out
            : part == null
                ? defaultDir
                : defaultDir.resolve("shard-" + part.index() + "-of-" + part.count());
    SuiteRunner.Outcome outcome =
        gradus
            .suiteRunner()
            .run(
                plan,
                selected,
                part == null ? null : part.toString(),
                dir,
                new LocalExecutor(n),
                resume);
    var stdout = spec.commandLine().getOut();
    stdout.println();
    stdout.print(outcome.summary().toTable());
    stdout.println();
    stdout.println(outcome.results().size() + " runs; results in " + dir);
    if (noReport) {
      dev.gradus.runner.report.SuiteCopy.save(dir, suite); // so 'gradus report DIR' can draw paths
    } else {
      stdout.println("report: " + dev.gradus.runner.report.ReportWriter.afterRun(dir, plan, suite));
    }
    stdout.flush();
    return 0;
  }
}
