package dev.gradus.optimizers.internal;

import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerProvider;
import java.util.List;

/** {@code asgd}: torch.optim.ASGD: averaged SGD (Polyak &amp; Juditsky, 1992). */
public final class AsgdProvider implements OptimizerProvider {
  private static final Asgd.Config DEFAULTS = Asgd.Config.DEFAULTS;

  @Override
  public String id() {
    return "asgd";
  }

  @Override
  public String description() {
    return "torch.optim.ASGD: averaged SGD (Polyak & Juditsky, 1992)";
  }

  @Override
  public List<HyperParameter> hyperParameters() {
    return DEFAULTS.hyperParameters();
  }

  @Override
  public Optimizer create(HyperParameters values) {
    return new Asgd(id(), DEFAULTS.with(values));
  }
}
