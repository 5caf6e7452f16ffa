package dev.gradus.optimizers.internal;

import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerProvider;
import java.util.List;

/** {@code adafactor}: torch.optim.Adafactor of torch 2.5 (Shazeer &amp; Stern, 2018). */
public final class AdafactorProvider implements OptimizerProvider {
  private static final Adafactor.Config DEFAULTS = Adafactor.Config.DEFAULTS;

  @Override
  public String id() {
    return "adafactor";
  }

  @Override
  public String description() {
    return "torch.optim.Adafactor of torch 2.5 (Shazeer & Stern, 2018, arXiv:1804.04235)";
  }

  @Override
  public List<HyperParameter> hyperParameters() {
    return DEFAULTS.hyperParameters();
  }

  @Override
  public Optimizer create(HyperParameters values) {
    return new Adafactor(id(), DEFAULTS.with(values));
  }
}
