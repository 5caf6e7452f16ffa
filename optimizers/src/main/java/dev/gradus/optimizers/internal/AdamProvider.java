package dev.gradus.optimizers.internal;

import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerProvider;
import java.util.List;

/** {@code adam}: torch.optim.Adam (Kingma &amp; Ba, 2015). */
public final class AdamProvider implements OptimizerProvider {
  private static final Adam.Config DEFAULTS = Adam.Config.ADAM;

  @Override
  public String id() {
    return "adam";
  }

  @Override
  public String description() {
    return "torch.optim.Adam (Kingma & Ba, 2015)";
  }

  @Override
  public List<HyperParameter> hyperParameters() {
    return DEFAULTS.hyperParameters();
  }

  @Override
  public Optimizer create(HyperParameters values) {
    return new Adam(id(), DEFAULTS.with(values));
  }
}
