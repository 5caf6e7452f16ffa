package dev.gradus.spi;

import java.util.List;

/**
 * An optimizer that wants to see the objective's {@link ParameterBlock}s (SPI 1.3): layer-wise
 * methods (LARS, LAMB) that take norms per block, factored ones (Adafactor) that keep row and
 * column statistics of a matrix, or matrix ones (Shampoo, Muon).
 *
 * <p>The runner calls {@link #init(int, List)} and {@link #restore(StateSnapshot, int, List)} with
 * the objective's {@link Objective#blocks()}, which tile {@code [0, dimension)}; everything else is
 * as for any {@link Optimizer}: the configuration is immutable, all per-run state, including
 * whatever the optimizer derives from the blocks, lives in the {@link OptimizerState}, and {@code
 * step} still receives the flat vectors, which the optimizer indexes through the blocks it was
 * given. Optimizers that do not implement this interface are unchanged and never see blocks.
 *
 * <p>The one-argument {@link #init(int)} and {@link #restore(StateSnapshot, int)} treat the vector
 * as the single block {@link ParameterBlock#whole}; a snapshot records state, not blocks, so a
 * caller restores with the same blocks it initialised with.
 */
public interface BlockAware extends Optimizer {
  /**
   * A fresh state for {@code dimension} parameters laid out as {@code blocks}.
   *
   * @param blocks blocks that tile {@code [0, dimension)} (see {@link
   *     ParameterBlock#requireTiling})
   */
  OptimizerState init(int dimension, List<ParameterBlock> blocks);

  /**
   * Rebuilds a state from a snapshot taken of a state this optimizer made for the same dimension
   * and blocks.
   *
   * @throws IllegalArgumentException if the snapshot is from another optimizer or dimension, or
   *     does not fit the blocks
   */
  OptimizerState restore(StateSnapshot snapshot, int dimension, List<ParameterBlock> blocks);

  @Override
  default OptimizerState init(int dimension) {
    return init(dimension, ParameterBlock.whole(dimension));
  }

  @Override
  default OptimizerState restore(StateSnapshot snapshot, int dimension) {
    return restore(snapshot, dimension, ParameterBlock.whole(dimension));
  }

  /**
   * {@code optimizer}'s state for {@code blocks}: through {@link #init(int, List)} when it is
   * block-aware, else its flat {@link Optimizer#init}. What callers that hold any optimizer use.
   */
  static OptimizerState init(Optimizer optimizer, int dimension, List<ParameterBlock> blocks) {
    return optimizer instanceof BlockAware aware
        ? aware.init(dimension, blocks)
        : optimizer.init(dimension);
  }

  /** {@link #restore(StateSnapshot, int, List)} or the flat restore, as {@link #init} chooses. */
  static OptimizerState restore(
      Optimizer optimizer, StateSnapshot snapshot, int dimension, List<ParameterBlock> blocks) {
    return optimizer instanceof BlockAware aware
        ? aware.restore(snapshot, dimension, blocks)
        : optimizer.restore(snapshot, dimension);
  }
}
