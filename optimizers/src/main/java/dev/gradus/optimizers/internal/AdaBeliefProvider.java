package dev.gradus.optimizers.internal;

import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerProvider;
import java.util.List;

/**
 * {@code adabelief}: AdaBelief, Adam with the variance of g around its mean (Zhuang et al., 2020,
 * arXiv:2010.07468).
 */
public final class AdaBeliefProvider implements OptimizerProvider {
  @Override
  public String id() {
    return "adabelief";
  }

  @Override
  public String description() {
    return "AdaBelief, Adam with the variance of g around its mean (Zhuang et al., 2020, arXiv:2010.07468)";
  }

  @Override
  public List<HyperParameter> hyperParameters() {
    return AdaBelief.Config.DEFAULTS.hyperParameters();
  }

  @Override
  public Optimizer create(HyperParameters values) {
    return new AdaBelief(AdaBelief.Config.of(values));
  }
}
