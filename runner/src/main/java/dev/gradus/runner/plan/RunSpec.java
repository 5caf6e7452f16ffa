package dev.gradus.runner.plan;

import dev.gradus.spi.RunInfo;

/**
 * The coordinates of one run: which function configuration, which optimizer configuration, which
 * repeat, and the seed derived from them. A run's result is a pure function of its spec and the
 * plan's {@link RunRules}.
 *
 * @param index the run's position in the suite's run list (function-major, then optimizer, then
 *     repeat)
 * @param runId a stable readable id, also the name of its trace file; {@link RunIds} makes it
 */
public record RunSpec(
    int index,
    String runId,
    FunctionConfig function,
    OptimizerConfig optimizer,
    int repeat,
    long seed) {

  /** The limits of this run, which its optimizer configuration carries. */
  public RunRules.Budget budget() {
    return optimizer.budget();
  }

  /** The run as listeners see it. */
  public RunInfo info() {
    return new RunInfo(
        runId,
        function.name(),
        function.label(),
        optimizer.name(),
        optimizer.label(),
        repeat,
        seed,
        function.index(),
        optimizer.index());
  }
}
