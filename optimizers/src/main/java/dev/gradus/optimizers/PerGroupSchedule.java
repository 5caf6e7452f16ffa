package dev.gradus.optimizers;

import dev.gradus.spi.Evaluator;
import dev.gradus.spi.OptimizerState;

/**
 * An optimizer that applies a schedule itself, below {@link Composed}: {@link Grouped} applies it
 * to each group's own rate, and a wrapper ({@link Wrapper}) passes it down to what it wraps, so
 * that a grouped optimizer keeps its per-group schedule under any number of wrappers.
 */
interface PerGroupSchedule {
  /**
   * One step with the schedule's rate for step {@code t}: the optimizer applies {@code schedule} to
   * each rate it steps with, and, when the schedule {@linkplain Schedule#cyclesMomentum() cycles
   * momentum}, its momentum rule to each momentum-aware optimizer's own momentum.
   */
  void step(
      double[] params,
      double value,
      double[] gradient,
      double lr,
      Schedule schedule,
      long t,
      OptimizerState state,
      Evaluator objective);
}
