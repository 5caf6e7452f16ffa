package dev.gradus.spark;

import dev.gradus.runner.output.RunRecords;
import dev.gradus.runner.plan.RunSpec;
import dev.gradus.runner.run.RunExecutor;
import dev.gradus.runner.run.RunResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Executes runs as Spark tasks. Runs are batched into partitions, since one task per run would cost
 * milliseconds of scheduling each, and submitted in waves of a few partitions per core, so that the
 * driver records results (and a killed job loses little) as each wave ends. Tasks re-plan the suite
 * from its text ({@link RemoteRuns}), so nothing but the text and run indices is shipped.
 *
 * <p>The run function of {@link #execute} is not used: it lives in the driver's JVM, while runs
 * execute in the executors'. Each run is still the same pure function of (suite, coordinates,
 * seed).
 */
final class SparkExecutor implements RunExecutor {
  private final JavaSparkContext spark;
  private final String suiteText;
  private final String suiteFile;
  private final Path baseDir;
  private final Path outputDir;
  private final int runsPerPartition;

  SparkExecutor(
      JavaSparkContext spark,
      String suiteText,
      String suiteFile,
      Path baseDir,
      Path outputDir,
      int runsPerPartition) {
    this.spark = spark;
    this.suiteText = suiteText;
    this.suiteFile = suiteFile;
    this.baseDir = baseDir;
    this.outputDir = outputDir;
    this.runsPerPartition = runsPerPartition;
  }

  @Override
  public void execute(
      List<RunSpec> runs, Function<RunSpec, RunResult> unused, Consumer<RunResult> finished) {
    List<Integer> indices = new ArrayList<>();
    runs.forEach(r -> indices.add(r.index()));
    int partitionsPerWave = Math.max(1, spark.defaultParallelism() * 2);
    int wave = partitionsPerWave * runsPerPartition;
    RemoteRuns task = new RemoteRuns(suiteText, suiteFile, baseDir.toAbsolutePath().toString());
    for (int from = 0; from < indices.size(); from += wave) {
      List<Integer> batch = indices.subList(from, Math.min(indices.size(), from + wave));
      int partitions = (batch.size() + runsPerPartition - 1) / runsPerPartition;
      List<String[]> results = spark.parallelize(batch, partitions).mapPartitions(task).collect();
      for (String[] result : results) {
        RunResult run = RunRecords.fromJson(result[0]);
        writeTrace(run.runId(), result[1]);
        finished.accept(run);
      }
    }
  }

  private void writeTrace(String runId, String trace) {
    Path file = outputDir.resolve("traces").resolve(runId + ".csv");
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, trace, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write trace " + file + ": " + e.getMessage(), e);
    }
  }
}
