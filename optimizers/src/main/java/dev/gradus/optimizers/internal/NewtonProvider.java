package dev.gradus.optimizers.internal;

import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerProvider;
import java.util.List;

/**
 * {@code newton}: damped Newton with a dense Hessian, Cholesky with added identity and Armijo
 * backtracking (Nocedal &amp; Wright, Algorithm 3.3).
 */
public final class NewtonProvider implements OptimizerProvider {
  @Override
  public String id() {
    return Newton.ID;
  }

  @Override
  public String description() {
    return "damped Newton with a dense Hessian, Cholesky with added identity and Armijo backtracking (Nocedal & Wright, Algorithm 3.3)";
  }

  @Override
  public List<HyperParameter> hyperParameters() {
    return Newton.Config.DEFAULTS.hyperParameters();
  }

  @Override
  public Optimizer create(HyperParameters values) {
    return new Newton(Newton.Config.of(values));
  }
}
