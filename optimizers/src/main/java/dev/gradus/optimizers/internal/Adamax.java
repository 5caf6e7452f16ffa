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
 * torch.optim.Adamax (Kingma &amp; Ba, 2015, section 7.1), with β₁ schedulable:
 *
 * <pre>
 * g ← −∇f if maximize else ∇f;   g ← g + λθ
 * m ← β₁m + (1 − β₁)g
 * u ← max(β₂u, |g| + ε)
 * θ ← θ − γ/(1 − β₁ᵗ) · m/u
 * </pre>
 *
 * As torch, ε is added to |g| inside the maximum, not to the denominator.
 */
final class Adamax implements MomentumAware {
  record Config(
      double lr, double beta1, double beta2, double eps, double weightDecay, boolean maximize) {
    static final Config DEFAULTS = new Config(2e-3, 0.9, 0.999, 1e-8, 0, false);

    List<HyperParameter> hyperParameters() {
      return List.of(
          Common.lr(lr),
          Common.betas(beta1, beta2),
          Common.eps(eps),
          Common.weightDecay(weightDecay),
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
          values.bool("maximize"));
    }

    Config {
      Common.require("adamax", "lr", lr, Range.atLeast(0));
      Common.require("adamax", "betas", beta1, Range.closedOpen(0, 1));
      Common.require("adamax", "betas", beta2, Range.closedOpen(0, 1));
      Common.require("adamax", "eps", eps, Range.atLeast(0));
      Common.require("adamax", "weight_decay", weightDecay, Range.atLeast(0));
    }
  }

  static final class State extends OptimizerStateBase {
    long step;
    final double[] expAvg;
    final double[] expInf;

    State(String id, int dimension) {
      super(id, dimension);
      expAvg = new double[dimension];
      expInf = new double[dimension];
    }

    @Override
    public StateSnapshot snapshot() {
      Map<String, double[]> arrays = new LinkedHashMap<>();
      arrays.put("exp_avg", expAvg);
      arrays.put("exp_inf", expInf);
      return new StateSnapshot(optimizerId, dimension, arrays, Map.of("step", (double) step));
    }
  }

  private final String id;
  private final Config config;

  Adamax(String id, Config config) {
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
    double beta2 = config.beta2();
    double lambda = config.weightDecay();
    double clr = lr / (1 - Math.pow(beta1, state.step));
    double[] m = state.expAvg;
    double[] u = state.expInf;
    for (int i = 0; i < params.length; i++) {
      double g = config.maximize() ? -gradient[i] : gradient[i];
      if (lambda != 0) {
        g += lambda * params[i];
      }
      m[i] = beta1 * m[i] + (1 - beta1) * g;
      u[i] = Math.max(beta2 * u[i], Math.abs(g) + config.eps());
      params[i] -= clr * m[i] / u[i];
    }
  }

  @Override
  public OptimizerState restore(StateSnapshot snapshot, int dimension) {
    snapshot.requireFrom(id, dimension);
    State state = new State(id, dimension);
    state.step = Common.count(snapshot, "step");
    Adam.copy(snapshot, "exp_avg", state.expAvg);
    Adam.copy(snapshot, "exp_inf", state.expInf);
    return state;
  }
}
