package dev.gradus.optimizers.internal;

import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerProvider;
import dev.gradus.spi.Range;
import java.util.List;

/** {@code nadam}: torch.optim.NAdam, Adam with Nesterov momentum (Dozat, 2016). */
public final class NAdamProvider implements OptimizerProvider {
  private static final NAdam.Config DEFAULTS = NAdam.Config.DEFAULTS;

  @Override
  public String id() {
    return NAdam.ID;
  }

  @Override
  public String description() {
    return "NAdam, Adam with Nesterov momentum (torch.optim.NAdam)";
  }

  @Override
  public List<HyperParameter> hyperParameters() {
    return List.of(
        Common.lr(DEFAULTS.lr()),
        Common.betas(DEFAULTS.beta1(), DEFAULTS.beta2()),
        Common.eps(DEFAULTS.eps()),
        Common.weightDecay(DEFAULTS.weightDecay()),
        HyperParameter.real(
            "momentum_decay",
            DEFAULTS.momentumDecay(),
            Range.atLeast(0),
            "ψ in the momentum schedule μₜ = β₁(1 − ½·0.96^(tψ))"),
        HyperParameter.bool(
            "decoupled_weight_decay",
            DEFAULTS.decoupledWeightDecay(),
            "shrink θ by γλθ (as AdamW) instead of adding λθ to the gradient"),
        Common.maximize());
  }

  @Override
  public Optimizer create(HyperParameters values) {
    double[] betas = values.reals("betas");
    return new NAdam(
        new NAdam.Config(
            values.real("lr"),
            betas[0],
            betas[1],
            values.real("eps"),
            values.real("weight_decay"),
            values.real("momentum_decay"),
            values.bool("decoupled_weight_decay"),
            values.bool("maximize")));
  }
}
