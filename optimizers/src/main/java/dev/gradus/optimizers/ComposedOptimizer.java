package dev.gradus.optimizers;

import dev.gradus.spi.BlockAware;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerState;

/**
 * An optimizer built by {@link Optimizers#compose}: clip → schedule → inner. Besides the {@link
 * Optimizer} contract it tells the learning rate its next step will use, so that a caller can
 * record the rate of each step without holding the schedule itself.
 *
 * <p>It is {@link BlockAware}: the blocks it is given reach the inner optimizer when that one asks
 * for them (and a {@link Optimizers#grouped} one always does); a flat inner optimizer never sees
 * them, so {@code init(n, blocks)} and {@code init(n)} then make the same state.
 */
public interface ComposedOptimizer extends BlockAware {
  /**
   * The learning rate the next {@link #step} with this state will pass to the inner optimizer, when
   * the caller passes {@link #learningRate()} as {@code lr} (as the runner does).
   *
   * @param state a state this optimizer made or restored
   */
  double nextLearningRate(OptimizerState state);
}
