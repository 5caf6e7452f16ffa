package dev.gradus.runner.run;

import dev.gradus.runner.plan.RunSpec;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Executes runs. This is the one seam between the runner and where runs happen: threads on this
 * machine ({@link LocalExecutor}), or a cluster. Because every run is a pure function of its spec,
 * an executor only decides where and when runs execute, never what they compute.
 *
 * <p>Contract: {@code run} is applied once to every spec in {@code runs}, and {@code finished}
 * receives each result once, from any thread but never concurrently with itself for the same run;
 * {@code execute} returns after the last one. An exception from {@code finished} (a failed write of
 * results) stops the execution and is rethrown.
 */
public interface RunExecutor {
  void execute(List<RunSpec> runs, Function<RunSpec, RunResult> run, Consumer<RunResult> finished);
}
