package dev.gradus.spark;

import dev.gradus.runner.plan.RunSpec;
import dev.gradus.runner.run.ResultsWriteException;
import dev.gradus.runner.run.RunExecutor;
import dev.gradus.runner.run.RunResult;
import dev.gradus.spi.Iteration;
import dev.gradus.spi.RunInfo;
import dev.gradus.spi.RunListener;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Executes runs as Spark tasks. Runs are batched into partitions, since one task per run would cost
 * milliseconds of scheduling each, and submitted in waves of a few partitions per core, so that the
 * driver records results (and a killed job loses little) as each wave ends. Tasks re-plan the suite
 * from its text ({@link RemoteRuns}), so nothing but the text and run indices is shipped out.
 *
 * <p>The listener protocol holds as on one machine: each run's events are recorded on the executor
 * and replayed here, on the driver, in order ({@code runStarted}, then every recorded iteration),
 * before its result is handed on; so traces and plugin listeners see every event. The run task of
 * {@link #execute} is this JVM's; remote runs use an engine made from the same plan's rules on the
 * executor. Checkpoints are not written on Spark: a lost task is run again whole.
 */
final class SparkExecutor implements RunExecutor {
  private final JavaSparkContext spark;
  private final String suiteText;
  private final String suiteFile;
  private final String baseDir;
  private final int runsPerPartition;

  SparkExecutor(
      JavaSparkContext spark,
      String suiteText,
      String suiteFile,
      String baseDir,
      int runsPerPartition) {
    this.spark = spark;
    this.suiteText = suiteText;
    this.suiteFile = suiteFile;
    this.baseDir = baseDir;
    this.runsPerPartition = runsPerPartition;
  }

  /**
   * Replays a remote run's events to the listener; an exception from a listener fails that run, as
   * it would have on this machine, unless it is a result file that cannot be written.
   */
  private static RunResult replay(RunInfo info, RemoteRuns.RemoteRun remote, RunListener listener) {
    try {
      listener.runStarted(info);
      for (Iteration row : remote.iterations()) {
        listener.iteration(info, row);
      }
      return remote.result();
    } catch (ResultsWriteException e) {
      throw e;
    } catch (RuntimeException e) {
      return remote.result().failedBy(e);
    }
  }

  @Override
  public boolean checkpoints() {
    return false;
  }

  @Override
  public void execute(
      List<RunSpec> runs, RunTask localTask, RunListener listener, Consumer<RunResult> finished) {
    Map<Integer, RunSpec> byIndex = new HashMap<>();
    List<Integer> indices = new ArrayList<>();
    runs.forEach(
        r -> {
          indices.add(r.index());
          byIndex.put(r.index(), r);
        });
    int partitionsPerWave = Math.max(1, spark.defaultParallelism() * 2);
    int wave = partitionsPerWave * runsPerPartition;
    RemoteRuns task = new RemoteRuns(suiteText, suiteFile, baseDir);
    for (int from = 0; from < indices.size(); from += wave) {
      List<Integer> batch =
          new ArrayList<>(indices.subList(from, Math.min(indices.size(), from + wave)));
      int partitions = (batch.size() + runsPerPartition - 1) / runsPerPartition;
      List<RemoteRuns.RemoteRun> results =
          spark.parallelize(batch, partitions).mapPartitions(task).collect();
      for (RemoteRuns.RemoteRun remote : results) {
        RunSpec spec = byIndex.get(remote.index());
        if (spec == null || !spec.runId().equals(remote.result().runId())) {
          throw new IllegalStateException(
              "an executor ran "
                  + remote.result().runId()
                  + " for run "
                  + (spec == null ? "#" + remote.index() : spec.runId())
                  + ": the executors planned the suite differently from the driver (other"
                  + " plugin jars in spark.jars?)");
        }
        finished.accept(replay(spec.info(), remote, listener));
      }
    }
  }
}
