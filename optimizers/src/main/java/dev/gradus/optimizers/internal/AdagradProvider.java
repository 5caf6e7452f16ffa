package dev.gradus.optimizers.internal;

import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerProvider;
import dev.gradus.spi.Range;
import java.util.List;

/** {@code adagrad}: torch.optim.Adagrad (Duchi, Hazan &amp; Singer, 2011). */
public final class AdagradProvider implements OptimizerProvider {
  private static final Adagrad.Config DEFAULTS = Adagrad.Config.DEFAULTS;

  @Override
  public String id() {
    return Adagrad.ID;
  }

  @Override
  public String description() {
    return "Adagrad (torch.optim.Adagrad)";
  }

  @Override
  public List<HyperParameter> hyperParameters() {
    return List.of(
        Common.lr(DEFAULTS.lr()),
        HyperParameter.real(
            "lr_decay", DEFAULTS.lrDecay(), Range.atLeast(0), "η in γ / (1 + (t − 1)η)"),
        Common.weightDecay(DEFAULTS.weightDecay()),
        HyperParameter.real(
            "initial_accumulator_value",
            DEFAULTS.initialAccumulatorValue(),
            Range.atLeast(0),
            "starting value of the sum of squared gradients"),
        Common.eps(DEFAULTS.eps()),
        Common.maximize());
  }

  @Override
  public Optimizer create(HyperParameters values) {
    return new Adagrad(
        new Adagrad.Config(
            values.real("lr"),
            values.real("lr_decay"),
            values.real("weight_decay"),
            values.real("initial_accumulator_value"),
            values.real("eps"),
            values.bool("maximize")));
  }
}
