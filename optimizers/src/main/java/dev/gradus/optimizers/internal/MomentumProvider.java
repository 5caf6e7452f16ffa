package dev.gradus.optimizers.internal;

import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerProvider;
import java.util.List;

/** {@code momentum}: torch.optim.SGD with (heavy-ball or Nesterov) momentum. */
public final class MomentumProvider implements OptimizerProvider {
  private static final Sgd.Config DEFAULTS = Sgd.Config.DEFAULTS;

  @Override
  public String id() {
    return "momentum";
  }

  @Override
  public String description() {
    return "SGD with momentum, optionally Nesterov (torch.optim.SGD)";
  }

  @Override
  public List<HyperParameter> hyperParameters() {
    return List.of(
        Common.lr(DEFAULTS.lr()),
        HyperParameter.real(
            "momentum", DEFAULTS.momentum(), Sgd.Config.MOMENTUM, "momentum factor μ"),
        HyperParameter.real(
            "dampening", DEFAULTS.dampening(), Sgd.Config.DAMPENING, "dampening τ of the buffer"),
        HyperParameter.bool(
            "nesterov", DEFAULTS.nesterov(), "Nesterov momentum (needs momentum > 0, dampening 0)"),
        Common.weightDecay(DEFAULTS.weightDecay()),
        Common.maximize());
  }

  @Override
  public Optimizer create(HyperParameters values) {
    return new Sgd(
        id(),
        new Sgd.Config(
            values.real("lr"),
            values.real("momentum"),
            values.real("dampening"),
            values.bool("nesterov"),
            values.real("weight_decay"),
            values.bool("maximize")));
  }
}
