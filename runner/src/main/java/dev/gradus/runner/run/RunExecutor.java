package dev.gradus.runner.run;

import dev.gradus.runner.plan.RunSpec;
import java.util.List;

/**
 * Executes runs. This is the one seam between the runner and where runs happen: threads on this
 * machine ({@link LocalExecutor}), or a cluster. Because every run is a pure function of its spec,
 * an executor only decides where and when runs execute, never what they compute.
 *
 * <p>Contract: every run in {@code runs} is executed once with {@code engine}, and {@code
 * listener.runFinished} is called once per run, from any thread; {@code execute} returns after the
 * last one.
 */
public interface RunExecutor {
  void execute(List<RunSpec> runs, RunEngine engine, RunListener listener);
}
