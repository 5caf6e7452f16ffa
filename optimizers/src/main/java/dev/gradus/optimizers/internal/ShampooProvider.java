package dev.gradus.optimizers.internal;

import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerProvider;
import java.util.List;

/** {@code shampoo}: preconditioned stochastic tensor optimization (Gupta et al., 2018). */
public final class ShampooProvider implements OptimizerProvider {
  private static final Shampoo.Config DEFAULTS = Shampoo.Config.DEFAULTS;

  @Override
  public String id() {
    return Shampoo.ID;
  }

  @Override
  public String description() {
    return "Shampoo, W ← W − γ·L^(−1/4)·G·R^(−1/4) on each matrix block, L and R accumulating GGᵀ"
        + " and GᵀG from εI (Gupta, Koren & Singer, 2018); vector blocks, and the whole vector of"
        + " an objective without matrix blocks, use the diagonal order-1 case (Adagrad-like)";
  }

  @Override
  public List<HyperParameter> hyperParameters() {
    return DEFAULTS.hyperParameters();
  }

  @Override
  public Optimizer create(HyperParameters values) {
    return new Shampoo(DEFAULTS.with(values));
  }
}
