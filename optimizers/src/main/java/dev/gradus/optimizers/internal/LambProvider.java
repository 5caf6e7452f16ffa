package dev.gradus.optimizers.internal;

import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerProvider;
import java.util.List;

/**
 * {@code lamb}: LAMB, Adam with one trust ratio per parameter block (You et al., 2020,
 * arXiv:1904.00962).
 */
public final class LambProvider implements OptimizerProvider {
  @Override
  public String id() {
    return "lamb";
  }

  @Override
  public String description() {
    return "LAMB, Adam with one trust ratio per parameter block (You et al., 2020, arXiv:1904.00962)";
  }

  @Override
  public List<HyperParameter> hyperParameters() {
    return Lamb.Config.DEFAULTS.hyperParameters();
  }

  @Override
  public Optimizer create(HyperParameters values) {
    return new Lamb(Lamb.Config.of(values));
  }
}
