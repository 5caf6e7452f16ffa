package dev.gradus.optimizers.internal;

import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerProvider;
import java.util.List;

/** {@code lars}: layer-wise adaptive rate scaling (You et al., 2017); optax.lars's names. */
public final class LarsProvider implements OptimizerProvider {
  @Override
  public String id() {
    return Lars.ID;
  }

  @Override
  public String description() {
    return "LARS, momentum SGD with one trust ratio per parameter block"
        + " (You, Gitman & Ginsburg, 2017, arXiv:1708.03888)";
  }

  @Override
  public List<HyperParameter> hyperParameters() {
    return Lars.Config.DEFAULTS.hyperParameters();
  }

  @Override
  public Optimizer create(HyperParameters values) {
    return new Lars(Lars.Config.of(values));
  }
}
