package dev.gradus.plugins.lion;

import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerProvider;
import java.util.List;

/**
 * {@code lion-example}: the Lion optimizer (Chen et al., 2023) as an example plugin, registered in
 * {@code META-INF/services/dev.gradus.spi.OptimizerProvider}. Gradus has Lion built in as {@code
 * lion} (with optax's names b1, b2); this plugin keeps its own id so that ids stay unique.
 */
public final class LionProvider implements OptimizerProvider {
  private static final Lion.Config DEFAULTS = Lion.Config.DEFAULTS;

  @Override
  public String id() {
    return Lion.ID;
  }

  @Override
  public String description() {
    return "Lion, sign momentum found by program search (Chen et al., 2023); example plugin";
  }

  @Override
  public List<HyperParameter> hyperParameters() {
    return List.of(
        HyperParameter.real(
            "lr", DEFAULTS.lr(), Lion.Config.LR, "learning rate γ (3-10x smaller than Adam's)"),
        HyperParameter.reals(
            "betas",
            List.of(DEFAULTS.beta1(), DEFAULTS.beta2()),
            2,
            Lion.Config.BETA,
            "β₁ interpolates the update direction, β₂ the momentum"),
        HyperParameter.real(
            "weight_decay",
            DEFAULTS.weightDecay(),
            Lion.Config.WEIGHT_DECAY,
            "decoupled weight decay λ: θ ← θ − γλθ with each step"),
        HyperParameter.bool(
            "maximize",
            DEFAULTS.maximize(),
            "maximize f instead of minimizing it (negates the gradient first)"));
  }

  @Override
  public Optimizer create(HyperParameters values) {
    double[] betas = values.reals("betas");
    return new Lion(
        new Lion.Config(
            values.real("lr"),
            betas[0],
            betas[1],
            values.real("weight_decay"),
            values.bool("maximize")));
  }
}
