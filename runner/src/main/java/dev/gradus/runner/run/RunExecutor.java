package dev.gradus.runner.run;

import dev.gradus.runner.plan.RunSpec;
import dev.gradus.spi.RunListener;
import java.util.List;
import java.util.function.Consumer;

/**
 * Executes runs. This is the one seam between the pipeline and where runs happen: threads on this
 * machine ({@link LocalExecutor}), or a cluster. Because every run is a pure function of its spec,
 * an executor only decides where and when runs execute, never what they compute.
 *
 * <p>Contract: every spec in {@code runs} is executed once, and {@code finished} receives each
 * result once, from any thread but never concurrently with itself for the same run; {@code execute}
 * returns after the last one. Before a run's result reaches {@code finished}, {@code listener} has
 * received that run's {@link RunListener#runStarted} and {@link
 * RunListener#iteration(dev.gradus.spi.RunInfo, dev.gradus.spi.Iteration)} events in order: live,
 * from the executing thread, when the run executes in this JVM ({@code task.run(spec, listener)}),
 * or replayed from the recorded events when it executed elsewhere. {@link RunListener#runFinished}
 * is the caller's, after {@code finished}. An exception from {@code finished} (a failed write of
 * results) stops the execution and is rethrown.
 */
public interface RunExecutor {
  void execute(
      List<RunSpec> runs, RunTask task, RunListener listener, Consumer<RunResult> finished);

  /**
   * Whether runs execute through the given task in this JVM, so that they write and continue from
   * checkpoints; an executor that runs them elsewhere (Spark) reruns a lost run whole.
   */
  default boolean checkpoints() {
    return true;
  }

  /** Executes one run in this JVM, reporting to the listener as it goes. */
  @FunctionalInterface
  interface RunTask {
    RunResult run(RunSpec spec, RunListener listener);

    /**
     * Executes the start of {@code spec} untimed, changing nothing the run computes ({@link
     * RunEngine#warmUp}); an executor may call it on a thread before that thread's first run of the
     * spec's function and optimizer. None by default.
     */
    default void warmUp(RunSpec spec) {}

    /** {@code task}, warmed up by {@code warmUp}. */
    static RunTask warmedBy(RunTask task, java.util.function.Consumer<RunSpec> warmUp) {
      return new RunTask() {
        @Override
        public RunResult run(RunSpec spec, RunListener listener) {
          return task.run(spec, listener);
        }

        @Override
        public void warmUp(RunSpec spec) {
          warmUp.accept(spec);
        }
      };
    }
  }
}
