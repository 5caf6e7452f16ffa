package dev.gradus.optimizers.internal;

import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerProvider;
import java.util.List;

/**
 * {@code novograd}: NovoGrad, one second moment per parameter block (Ginsburg et al., 2019,
 * arXiv:1905.11286).
 */
public final class NovoGradProvider implements OptimizerProvider {
  @Override
  public String id() {
    return "novograd";
  }

  @Override
  public String description() {
    return "NovoGrad, one second moment per parameter block (Ginsburg et al., 2019, arXiv:1905.11286)";
  }

  @Override
  public List<HyperParameter> hyperParameters() {
    return NovoGrad.Config.DEFAULTS.hyperParameters();
  }

  @Override
  public Optimizer create(HyperParameters values) {
    return new NovoGrad(NovoGrad.Config.of(values));
  }
}
