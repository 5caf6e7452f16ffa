package dev.gradus.optimizers.internal;

import dev.gradus.spi.Evaluator;
import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.MomentumAware;
import dev.gradus.spi.OptimizerState;
import dev.gradus.spi.Range;
import dev.gradus.spi.StateSnapshot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * torch.optim.RAdam (Liu et al., 2020), as current torch documents it, with β₁ schedulable:
 *
 * <pre>
 * g ← −∇f if maximize else ∇f
 * θ ← θ(1 − γλ) if decoupled_weight_decay, else g ← g + λθ
 * m ← β₁m + (1 − β₁)g;   v ← β₂v + (1 − β₂)g²;   m̂ ← m / (1 − β₁ᵗ)
 * ρ∞ = 2/(1 − β₂) − 1;   ρₜ = ρ∞ − 2tβ₂ᵗ/(1 − β₂ᵗ)
 * if ρₜ &gt; 5:  r = √((ρₜ−4)(ρₜ−2)ρ∞ / ((ρ∞−4)(ρ∞−2)ρₜ));  θ ← θ − γ m̂ r √(1 − β₂ᵗ)/(√v + ε)
 * else:       θ ← θ − γ m̂
 * </pre>
 *
 * torch 1.13 has neither maximize nor decoupled_weight_decay; its coupled form is the same.
 */
final class RAdam implements MomentumAware {
  record Config(
      double lr,
      double beta1,
      double beta2,
      double eps,
      double weightDecay,
      boolean decoupledWeightDecay,
      boolean maximize) {
    static final Config DEFAULTS = new Config(1e-3, 0.9, 0.999, 1e-8, 0, false, false);

    List<HyperParameter> hyperParameters() {
      return List.of(
          Common.lr(lr),
          Common.betas(beta1, beta2),
          Common.eps(eps),
          Common.weightDecay(weightDecay),
          HyperParameter.bool(
              "decoupled_weight_decay",
              decoupledWeightDecay,
              "decay θ by γλ directly (AdamW-style) instead of adding λθ to the gradient"),
          Common.maximize());
    }

    Config with(HyperParameters values) {
      double[] betas = values.reals("betas");
      return new Config(
          values.real("lr"),
          betas[0],
          betas[1],
          values.real("eps"),
          values.real("weight_decay"),
          values.bool("decoupled_weight_decay"),
          values.bool("maximize"));
    }

    Config {
      Common.require("radam", "lr", lr, Range.atLeast(0));
      Common.require("radam", "betas", beta1, Range.closedOpen(0, 1));
      Common.require("radam", "betas", beta2, Range.closedOpen(0, 1));
      Common.require("radam", "eps", eps, Range.atLeast(0));
      Common.require("radam", "weight_decay", weightDecay, Range.atLeast(0));
    }
  }

  static final class State extends OptimizerStateBase {
    long step;
    final double[] expAvg;
    final double[] expAvgSq;

    State(String id, int dimension) {
      super(id, dimension);
      expAvg = new double[dimension];
      expAvgSq = new double[dimension];
    }

    @Override
    public StateSnapshot snapshot() {
      Map<String, double[]> arrays = new LinkedHashMap<>();
      arrays.put("exp_avg", expAvg);
      arrays.put("exp_avg_sq", expAvgSq);
      return new StateSnapshot(optimizerId, dimension, arrays, Map.of("step", (double) step));
    }
  }

  private final String id;
  private final Config config;

  RAdam(String id, Config config) {
    this.id = id;
    this.config = config;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public double learningRate() {
    return config.lr();
  }

  @Override
  public double momentum() {
    return config.beta1();
  }

  @Override
  public OptimizerState init(int dimension) {
    return new State(id, dimension);
  }

  @Override
  public void step(
      double[] params,
      double value,
      double[] gradient,
      double lr,
      double beta1,
      OptimizerState optimizerState,
      Evaluator objective) {
    State state = OptimizerStateBase.cast(State.class, id, optimizerState, params.length);
    state.step++;
    long t = state.step;
    double beta2 = config.beta2();
    double lambda = config.weightDecay();
    double biasCorrection1 = 1 - Math.pow(beta1, t);
    double beta2t = Math.pow(beta2, t);
    double biasCorrection2 = 1 - beta2t;
    double rhoInf = 2 / (1 - beta2) - 1;
    double rhoT = rhoInf - 2 * t * beta2t / biasCorrection2;
    boolean rectified = rhoT > 5;
    double rect =
        rectified
            ? Math.sqrt((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT))
            : 0;
    double sqrtBias2 = Math.sqrt(biasCorrection2);
    double[] m = state.expAvg;
    double[] v = state.expAvgSq;
    for (int i = 0; i < params.length; i++) {
      double g = config.maximize() ? -gradient[i] : gradient[i];
      if (lambda != 0) {
        if (config.decoupledWeightDecay()) {
          params[i] *= 1 - lr * lambda;
        } else {
          g += lambda * params[i];
        }
      }
      m[i] = beta1 * m[i] + (1 - beta1) * g;
      v[i] = beta2 * v[i] + (1 - beta2) * g * g;
      double mHat = m[i] / biasCorrection1;
      if (rectified) {
        double adaptive = sqrtBias2 / (Math.sqrt(v[i]) + config.eps());
        params[i] -= mHat * lr * adaptive * rect;
      } else {
        params[i] -= mHat * lr;
      }
    }
  }

  @Override
  public OptimizerState restore(StateSnapshot snapshot, int dimension) {
    snapshot.requireFrom(id, dimension);
    State state = new State(id, dimension);
    state.step = Common.count(snapshot, "step");
    Adam.copy(snapshot, "exp_avg", state.expAvg);
    Adam.copy(snapshot, "exp_avg_sq", state.expAvgSq);
    return state;
  }
}
