package dev.gradus.optimizers.internal;

import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerProvider;
import java.util.List;

/**
 * {@code adamw}: torch.optim.AdamW, Adam with decoupled weight decay (Loshchilov &amp; Hutter,
 * 2019).
 */
public final class AdamWProvider implements OptimizerProvider {
  private static final Adam.Config DEFAULTS = Adam.Config.ADAMW;

  @Override
  public String id() {
    return "adamw";
  }

  @Override
  public String description() {
    return "torch.optim.AdamW, Adam with decoupled weight decay (Loshchilov & Hutter, 2019)";
  }

  @Override
  public List<HyperParameter> hyperParameters() {
    return List.of(
        Common.lr(DEFAULTS.lr()),
        Common.betas(DEFAULTS.beta1(), DEFAULTS.beta2()),
        Common.eps(DEFAULTS.eps()),
        Common.weightDecay(DEFAULTS.weightDecay()),
        HyperParameter.bool(
            "amsgrad", DEFAULTS.amsgrad(), "use the running maximum of the second moment"),
        Common.maximize());
  }

  @Override
  public Optimizer create(HyperParameters values) {
    double[] betas = values.reals("betas");
    return new Adam(
        id(),
        new Adam.Config(
            values.real("lr"),
            betas[0],
            betas[1],
            values.real("eps"),
            values.real("weight_decay"),
            values.bool("amsgrad"),
            values.bool("maximize"),
            DEFAULTS.decoupled()));
  }
}
