package dev.gradus.optimizers;

import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerState;

/**
 * An optimizer built by {@link Optimizers#compose}: clip → schedule → inner. Besides the {@link
 * Optimizer} contract it tells the learning rate its next step will use, so that a caller can
 * record the rate of each step without holding the schedule itself.
 */
public interface ComposedOptimizer extends Optimizer {
  /**
   * The learning rate the next {@link #step} with this state will pass to the inner optimizer, when
   * the caller passes {@link #learningRate()} as {@code lr} (as the runner does).
   *
   * @param state a state this optimizer made or restored
   */
  double nextLearningRate(OptimizerState state);
}
