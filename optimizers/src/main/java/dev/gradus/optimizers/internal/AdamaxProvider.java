package dev.gradus.optimizers.internal;

import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerProvider;
import java.util.List;

/** {@code adamax}: torch.optim.Adamax (Kingma &amp; Ba, 2015, section 7.1). */
public final class AdamaxProvider implements OptimizerProvider {
  private static final Adamax.Config DEFAULTS = Adamax.Config.DEFAULTS;

  @Override
  public String id() {
    return "adamax";
  }

  @Override
  public String description() {
    return "torch.optim.Adamax (Kingma & Ba, 2015, section 7.1)";
  }

  @Override
  public List<HyperParameter> hyperParameters() {
    return DEFAULTS.hyperParameters();
  }

  @Override
  public Optimizer create(HyperParameters values) {
    return new Adamax(id(), DEFAULTS.with(values));
  }
}
