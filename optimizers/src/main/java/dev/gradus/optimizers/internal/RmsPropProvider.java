package dev.gradus.optimizers.internal;

import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerProvider;
import dev.gradus.spi.Range;
import java.util.List;

/** {@code rmsprop}: torch.optim.RMSprop (Hinton's lecture 6e; centered form of Graves, 2013). */
public final class RmsPropProvider implements OptimizerProvider {
  private static final RmsProp.Config DEFAULTS = RmsProp.Config.DEFAULTS;

  @Override
  public String id() {
    return RmsProp.ID;
  }

  @Override
  public String description() {
    return "RMSprop, optionally centered and with momentum (torch.optim.RMSprop)";
  }

  @Override
  public List<HyperParameter> hyperParameters() {
    return List.of(
        Common.lr(DEFAULTS.lr()),
        HyperParameter.real(
            "alpha", DEFAULTS.alpha(), RmsProp.Config.ALPHA, "smoothing constant α of the average"),
        Common.eps(DEFAULTS.eps()),
        Common.weightDecay(DEFAULTS.weightDecay()),
        HyperParameter.real("momentum", DEFAULTS.momentum(), Range.atLeast(0), "momentum factor μ"),
        HyperParameter.bool(
            "centered", DEFAULTS.centered(), "normalize by the estimated variance of the gradient"),
        Common.maximize());
  }

  @Override
  public Optimizer create(HyperParameters values) {
    return new RmsProp(
        new RmsProp.Config(
            values.real("lr"),
            values.real("alpha"),
            values.real("eps"),
            values.real("weight_decay"),
            values.real("momentum"),
            values.bool("centered"),
            values.bool("maximize")));
  }
}
