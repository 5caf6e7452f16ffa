package dev.gradus.optimizers.internal;

import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerProvider;
import java.util.List;

/**
 * {@code adahessian}: AdaHessian: Adam with Hutchinson's Hessian diagonal (Yao et al., AAAI 2021);
 * its authors' defaults.
 */
public final class AdaHessianProvider implements OptimizerProvider {
  @Override
  public String id() {
    return AdaHessian.ID;
  }

  @Override
  public String description() {
    return "AdaHessian: Adam with Hutchinson's Hessian diagonal (Yao et al., AAAI 2021); its authors' defaults";
  }

  @Override
  public List<HyperParameter> hyperParameters() {
    return AdaHessian.Config.DEFAULTS.hyperParameters();
  }

  @Override
  public Optimizer create(HyperParameters values) {
    return new AdaHessian(AdaHessian.Config.of(values));
  }
}
