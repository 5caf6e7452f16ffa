package dev.gradus.optimizers.internal;

import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerProvider;
import java.util.List;

/**
 * {@code yogi}: Yogi, Adam with an additive second-moment update (Zaheer et al., 2018, NeurIPS).
 */
public final class YogiProvider implements OptimizerProvider {
  @Override
  public String id() {
    return "yogi";
  }

  @Override
  public String description() {
    return "Yogi, Adam with an additive second-moment update (Zaheer et al., 2018, NeurIPS)";
  }

  @Override
  public List<HyperParameter> hyperParameters() {
    return Yogi.Config.DEFAULTS.hyperParameters();
  }

  @Override
  public Optimizer create(HyperParameters values) {
    return new Yogi(Yogi.Config.of(values));
  }
}
