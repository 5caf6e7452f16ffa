package dev.gradus.optimizers;

import dev.gradus.spi.Optimizer;
import java.util.Objects;

/**
 * One parameter group, as torch's {@code param_groups}: the blocks whose names match {@code
 * blocks}, stepped by {@code optimizer} (the entry's optimizer with some hyperparameters
 * overridden). See {@link Optimizers#grouped}.
 *
 * @param blocks a glob over block names: {@code *} any run of characters, {@code ?} one, anything
 *     else itself ({@code b*}, {@code W?}, {@code b1})
 * @param optimizer the optimizer of these blocks; of the same provider as the entry's, so that the
 *     grouped state is one optimizer's snapshot
 */
public record ParamGroup(String blocks, Optimizer optimizer) {
  public ParamGroup {
    if (blocks == null || blocks.isBlank()) {
      throw new IllegalArgumentException(
          "a parameter group needs a block pattern, got '" + blocks + "'");
    }
    Objects.requireNonNull(optimizer, "optimizer");
  }
}
