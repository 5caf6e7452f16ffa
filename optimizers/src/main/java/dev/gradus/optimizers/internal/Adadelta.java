package dev.gradus.optimizers.internal;

import dev.gradus.spi.Evaluator;
import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerState;
import dev.gradus.spi.Range;
import dev.gradus.spi.StateSnapshot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * torch.optim.Adadelta (Zeiler, 2012):
 *
 * <pre>
 * g ← −∇f if maximize else ∇f;   g ← g + λθ
 * v ← ρv + (1 − ρ)g²
 * Δ ← √(u + ε) / √(v + ε) · g
 * u ← ρu + (1 − ρ)Δ²
 * θ ← θ − γΔ
 * </pre>
 */
final class Adadelta implements Optimizer {
  static final Range RHO = Range.closed(0, 1);

  record Config(double lr, double rho, double eps, double weightDecay, boolean maximize) {
    static final Config DEFAULTS = new Config(1.0, 0.9, 1e-6, 0, false);

    List<HyperParameter> hyperParameters() {
      return List.of(
          Common.lr(lr),
          HyperParameter.real(
              "rho", rho, RHO, "ρ: decay rate of the squared-gradient and squared-update averages"),
          Common.eps(eps),
          Common.weightDecay(weightDecay),
          Common.maximize());
    }

    Config with(HyperParameters values) {
      return new Config(
          values.real("lr"),
          values.real("rho"),
          values.real("eps"),
          values.real("weight_decay"),
          values.bool("maximize"));
    }

    Config {
      Common.require("adadelta", "lr", lr, Range.atLeast(0));
      Common.require("adadelta", "rho", rho, RHO);
      Common.require("adadelta", "eps", eps, Range.atLeast(0));
      Common.require("adadelta", "weight_decay", weightDecay, Range.atLeast(0));
    }
  }

  static final class State extends OptimizerStateBase {
    final double[] squareAvg;
    final double[] accDelta;

    State(String id, int dimension) {
      super(id, dimension);
      squareAvg = new double[dimension];
      accDelta = new double[dimension];
    }

    @Override
    public StateSnapshot snapshot() {
      Map<String, double[]> arrays = new LinkedHashMap<>();
      arrays.put("square_avg", squareAvg);
      arrays.put("acc_delta", accDelta);
      return new StateSnapshot(optimizerId, dimension, arrays, Map.of());
    }
  }

  private final String id;
  private final Config config;

  Adadelta(String id, Config config) {
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
  public OptimizerState init(int dimension) {
    return new State(id, dimension);
  }

  @Override
  public void step(
      double[] params,
      double value,
      double[] gradient,
      double lr,
      OptimizerState optimizerState,
      Evaluator objective) {
    State state = OptimizerStateBase.cast(State.class, id, optimizerState, params.length);
    double rho = config.rho();
    double eps = config.eps();
    double lambda = config.weightDecay();
    double[] v = state.squareAvg;
    double[] u = state.accDelta;
    for (int i = 0; i < params.length; i++) {
      double g = config.maximize() ? -gradient[i] : gradient[i];
      if (lambda != 0) {
        g += lambda * params[i];
      }
      v[i] = rho * v[i] + (1 - rho) * g * g;
      double delta = Math.sqrt(u[i] + eps) / Math.sqrt(v[i] + eps) * g;
      u[i] = rho * u[i] + (1 - rho) * delta * delta;
      params[i] -= lr * delta;
    }
  }

  @Override
  public OptimizerState restore(StateSnapshot snapshot, int dimension) {
    snapshot.requireFrom(id, dimension);
    State state = new State(id, dimension);
    Adam.copy(snapshot, "square_avg", state.squareAvg);
    Adam.copy(snapshot, "acc_delta", state.accDelta);
    return state;
  }
}
