package dev.gradus.spark;

import dev.gradus.runner.pipeline.Pipeline;
import dev.gradus.runner.pipeline.RunRequest;
import dev.gradus.runner.pipeline.SuiteOutcome;
import dev.gradus.runner.plan.Plan;
import dev.gradus.runner.results.FolderGuard;
import dev.gradus.runner.suite.Suite;
import dev.gradus.runner.suite.SuiteLoader;
import dev.gradus.runner.wiring.Gradus;
import dev.gradus.runner.wiring.Plugins;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code spark-submit --jars plugins/*.jar gradus-spark.jar SUITE.yaml --out DIR}: runs a suite's
 * runs as Spark tasks and writes its results exactly as a local run does. Spark's master and
 * resources come from spark-submit.
 */
@Command(
    name = "gradus-spark",
    mixinStandardHelpOptions = true,
    description = "Run a Gradus suite on Apache Spark; results are written as by './gradus run'.")
public final class GradusSpark implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "SUITE.yaml",
      description = "The suite file (on the driver).")
  Path suite;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Results folder (on the driver).")
  Path out;

  @Option(
      names = "--plugins",
      paramLabel = "DIR",
      description = "Plugin jars for the driver when they are not also given with --jars.")
  List<Path> plugins = new ArrayList<>();

  @Option(
      names = "--runs-per-partition",
      paramLabel = "N",
      description = "Runs per Spark task (default: 8).")
  int runsPerPartition = 8;

  @Option(
      names = "--resume",
      description =
          "Continue the results in the folder: skip the runs recorded there. Refused for a folder"
              + " of another suite.")
  boolean resume;

  @Option(
      names = "--overwrite",
      description = "Replace every result file in the folder (and only those) before running.")
  boolean overwrite;

  @Option(names = "--no-report", description = "Skip plots/ and report.html.")
  boolean noReport;

  public static void main(String[] args) {
    System.exit(new CommandLine(new GradusSpark()).execute(args));
  }

  @Override
  public Integer call() {
    if (resume && overwrite) {
      throw new IllegalArgumentException("--resume and --overwrite exclude each other: choose one");
    }
    FolderGuard.Mode mode =
        overwrite
            ? FolderGuard.Mode.OVERWRITE
            : resume ? FolderGuard.Mode.RESUME : FolderGuard.Mode.NEW;
    SparkConf conf = new SparkConf().setAppName("gradus");
    try (JavaSparkContext spark = new JavaSparkContext(conf)) {
      SuiteOutcome outcome = run(spark, suite, out, plugins, runsPerPartition, mode, !noReport);
      System.out.print(outcome.summary().toTable());
      System.out.println(outcome.results().size() + " runs; results in " + out);
      if (outcome.report() != null) {
        System.out.println("report: " + outcome.report());
      }
      return outcome.exitCode();
    }
  }

  /**
   * Runs the suite on {@code spark} into {@code out}, through the same pipeline as {@code gradus
   * run}: the same checks, folder rules, suite copy, results and report. The driver discovers
   * providers through its class path (where spark-submit puts {@code --jars}) and the given plugin
   * folders.
   */
  public static SuiteOutcome run(
      JavaSparkContext spark,
      Path suiteFile,
      Path out,
      List<Path> pluginFolders,
      int runsPerPartition,
      FolderGuard.Mode mode,
      boolean report) {
    if (runsPerPartition < 1) {
      throw new IllegalArgumentException(
          "--runs-per-partition must be at least 1, got " + runsPerPartition);
    }
    String text;
    try {
      text = Files.readString(suiteFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + suiteFile + ": " + e.getMessage(), e);
    }
    Path baseDir = suiteFile.toAbsolutePath().getParent();
    Suite suite = new SuiteLoader().parse(text, suiteFile.toString(), baseDir);
    Gradus gradus =
        Gradus.create(
            Plugins.discover(Thread.currentThread().getContextClassLoader(), pluginFolders), false);
    Pipeline pipeline = gradus.pipeline();
    Plan plan = pipeline.plan(suite);
    if (plan.phase() == Plan.Phase.TUNING) {
      // executors re-plan the suite and find runs by index, and a tuned suite's evaluation is
      // known only once its trials ran
      throw new IllegalArgumentException(
          "gradus-spark: suite '"
              + plan.suiteName()
              + "' tunes its optimizers, which Spark does not run yet: run it with ./gradus run,"
              + " or as shards (--shard I/N) and merge them");
    }
    SparkExecutor executor =
        new SparkExecutor(spark, text, suiteFile.toString(), baseDir.toString(), runsPerPartition);
    return pipeline.run(
        new RunRequest(plan, plan.runs(), null, out, mode, executor, suiteFile, report));
  }
}
