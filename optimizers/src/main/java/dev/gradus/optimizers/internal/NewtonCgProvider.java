package dev.gradus.optimizers.internal;

import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerProvider;
import java.util.List;

/**
 * {@code newton-cg}: line-search Newton-CG, Hessian-free: truncated conjugate gradients on
 * Hessian-vector products (Nocedal &amp; Wright, Algorithm 7.1).
 */
public final class NewtonCgProvider implements OptimizerProvider {
  @Override
  public String id() {
    return NewtonCg.ID;
  }

  @Override
  public String description() {
    return "line-search Newton-CG, Hessian-free: truncated conjugate gradients on Hessian-vector products (Nocedal & Wright, Algorithm 7.1)";
  }

  @Override
  public List<HyperParameter> hyperParameters() {
    return NewtonCg.Config.DEFAULTS.hyperParameters();
  }

  @Override
  public Optimizer create(HyperParameters values) {
    return new NewtonCg(NewtonCg.Config.of(values));
  }
}
