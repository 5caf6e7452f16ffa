package dev.gradus.optimizers.internal;

import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerProvider;
import java.util.List;

/** {@code gd}: torch.optim.SGD without momentum, θ ← θ − γ(∇f + λθ). */
public final class GdProvider implements OptimizerProvider {
  private static final Sgd.Config DEFAULTS = new Sgd.Config(1e-3, 0, 0, false, 0, false);

  @Override
  public String id() {
    return "gd";
  }

  @Override
  public String description() {
    return "gradient descent (torch.optim.SGD without momentum)";
  }

  @Override
  public List<HyperParameter> hyperParameters() {
    return List.of(
        Common.lr(DEFAULTS.lr()), Common.weightDecay(DEFAULTS.weightDecay()), Common.maximize());
  }

  @Override
  public Optimizer create(HyperParameters values) {
    return new Sgd(
        id(),
        new Sgd.Config(
            values.real("lr"), 0, 0, false, values.real("weight_decay"), values.bool("maximize")));
  }
}
