package dev.gradus.optimizers.internal;

import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerProvider;
import java.util.List;

/** {@code rprop}: torch.optim.Rprop (Riedmiller &amp; Braun, 1993). */
public final class RpropProvider implements OptimizerProvider {
  private static final Rprop.Config DEFAULTS = Rprop.Config.DEFAULTS;

  @Override
  public String id() {
    return "rprop";
  }

  @Override
  public String description() {
    return "torch.optim.Rprop (Riedmiller & Braun, 1993)";
  }

  @Override
  public List<HyperParameter> hyperParameters() {
    return DEFAULTS.hyperParameters();
  }

  @Override
  public Optimizer create(HyperParameters values) {
    return new Rprop(id(), DEFAULTS.with(values));
  }
}
