package dev.gradus.optimizers.internal;

import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerProvider;
import java.util.List;

/** {@code radam}: torch.optim.RAdam (Liu et al., 2020). */
public final class RAdamProvider implements OptimizerProvider {
  private static final RAdam.Config DEFAULTS = RAdam.Config.DEFAULTS;

  @Override
  public String id() {
    return "radam";
  }

  @Override
  public String description() {
    return "torch.optim.RAdam (Liu et al., 2020)";
  }

  @Override
  public List<HyperParameter> hyperParameters() {
    return DEFAULTS.hyperParameters();
  }

  @Override
  public Optimizer create(HyperParameters values) {
    return new RAdam(id(), DEFAULTS.with(values));
  }
}
