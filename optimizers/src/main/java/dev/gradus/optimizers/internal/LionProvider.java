package dev.gradus.optimizers.internal;

import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerProvider;
import java.util.List;

/** {@code lion}: Lion, sign momentum (Chen et al., 2023); optax.lion's hyperparameters. */
public final class LionProvider implements OptimizerProvider {
  @Override
  public String id() {
    return Lion.ID;
  }

  @Override
  public String description() {
    return "Lion, sign of interpolated momentum (Chen et al., 2023, arXiv:2302.06675);"
        + " optax.lion's hyperparameters";
  }

  @Override
  public List<HyperParameter> hyperParameters() {
    return Lion.Config.DEFAULTS.hyperParameters();
  }

  @Override
  public Optimizer create(HyperParameters values) {
    return new Lion(Lion.Config.of(values));
  }
}
