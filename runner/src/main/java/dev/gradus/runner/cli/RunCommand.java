package dev.gradus.runner.cli;

import dev.gradus.runner.pipeline.Pipeline;
import dev.gradus.runner.pipeline.RunRequest;
import dev.gradus.runner.pipeline.SuiteOutcome;
import dev.gradus.runner.plan.MemoryBudget;
import dev.gradus.runner.plan.Plan;
import dev.gradus.runner.plan.RunSpec;
import dev.gradus.runner.results.FolderGuard;
import dev.gradus.runner.run.LocalExecutor;
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
            + " and write runs.jsonl, traces, summary.csv, suite.resolved.yaml, plots/ and report.html.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every run ended in an outcome (converged, budget exhausted, diverged)",
      "1:the suite could not start or stopped (a suite error, a refused folder, a failed write)",
      "2:a command-line usage error",
      "3:some run failed or timed out (its record and failures/ say why)"
    })
final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SUITE.yaml", description = "The suite file.")
  Path suite;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Results folder (default: results/<suite>, where a folder of the same suite is"
              + " continued as with --resume).")
  Path out;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Runs in parallel (default: all cores).")
  Integer threads;

  @Option(
      names = "--no-warm-up",
      description =
          "Do not warm up each function and optimizer on a thread before its first run there;"
              + " the first runs' wall_ms then include the JIT compiler's work. Results are the"
              + " same either way.")
  boolean noWarmUp;

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

  @Option(
      names = "--resume",
      description =
          "Continue the results in the folder: skip the runs recorded there, continue unfinished"
              + " ones from their checkpoints. Refused for a folder of another suite.")
  boolean resume;

  @Option(
      names = "--overwrite",
      description = "Replace every result file in the folder (and only those) before running.")
  boolean overwrite;

  @Option(
      names = {"-q", "--quiet"},
      description = "Log warnings only, and no progress bar.")
  boolean quiet;

  @Option(
      names = {"-v", "--verbose"},
      description =
          "-v logs each run as it ends and the stack trace of each failed run (DEBUG); -vv also"
              + " every recorded iteration (TRACE).")
  boolean[] verbose = new boolean[0];

  @Override
  public Integer call() {
    if (resume && overwrite) {
      throw new IllegalArgumentException("--resume and --overwrite exclude each other: choose one");
    }
    if (costs != null && shard == null) {
      throw new IllegalArgumentException(
          "--costs balances shards by wall time: use it with --shard, or leave it out");
    }
    Logging.configure(quiet, verbose.length);
    // with -v the log lines tell the progress; a bar redrawn between them would overwrite them
    boolean bar = !quiet && verbose.length == 0 && ProgressListener.onTerminal();
    Gradus gradus = SuiteOptions.wire(plugins, bar);
    Pipeline pipeline = gradus.pipeline();
    Plan plan = pipeline.plan(suite);
    int requested = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (requested < 1) {
      throw new IllegalArgumentException("--threads must be at least 1, got " + requested);
    }
    Plan.MemoryEstimate memory = plan.memory();
    int n =
        MemoryBudget.concurrency(
            memory.perRunBytes(), requested, Runtime.getRuntime().maxMemory(), memory.largest());
    if (n < requested) {
      LoggerFactory.getLogger(RunCommand.class)
          .warn(
              "running {} runs at once instead of {}: a run of '{}' needs about {} MiB of the {} MiB"
                  + " heap",
              n,
              requested,
              memory.largest(),
              memory.perRunBytes() >> 20,
              Runtime.getRuntime().maxMemory() >> 20);
    }
    List<RunSpec> selected = Selection.byIds(plan, runIds);
    Shard part = null;
    Path defaultDir = Path.of("results", plan.suiteName());
    if (shard != null) {
      part = shard.equals("auto") ? Shard.fromEnvironment(System.getenv()) : Shard.parse(shard);
      if (plan.phase() == Plan.Phase.TUNING) {
        // every shard runs all the trials; the pipeline splits the evaluation they pick
        if (costs != null) {
          throw new IllegalArgumentException(
              "--costs balances a suite's runs, and a tuned suite's evaluation is known only after"
                  + " its trials: leave --costs out");
        }
      } else {
        selected = Shards.select(selected, part, Selection.costs(costs, defaultDir));
      }
    }
    Path dir =
        out != null
            ? out
            : part == null
                ? defaultDir
                : defaultDir.resolve("shard-" + part.index() + "-of-" + part.count());
    FolderGuard.Mode mode =
        overwrite
            ? FolderGuard.Mode.OVERWRITE
            : resume
                ? FolderGuard.Mode.RESUME
                : out == null ? FolderGuard.Mode.DEFAULT_FOLDER : FolderGuard.Mode.NEW;
    SuiteOutcome outcome =
        pipeline.run(
            new RunRequest(
                plan,
                selected,
                part == null ? null : part.toString(),
                dir,
                mode,
                new LocalExecutor(n, !noWarmUp),
                suite,
                !noReport));
    var stdout = spec.commandLine().getOut();
    stdout.println();
    stdout.print(outcome.summary().toTable(Terminal.width()));
    stdout.println();
    stdout.println(outcome.results().size() + " runs; results in " + dir);
    if (outcome.report() != null) {
      stdout.println("report: " + outcome.report());
    }
    if (outcome.notCompleted() > 0) {
      stdout.println(
          outcome.notCompleted()
              + " runs failed or timed out: their records say why, failures/ holds the stack"
              + " traces (-v prints them)");
    }
    stdout.flush();
    return outcome.exitCode();
  }
}
