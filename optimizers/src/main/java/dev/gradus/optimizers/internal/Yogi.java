package dev.gradus.optimizers.internal;

import dev.gradus.spi.Evaluator;
import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.MomentumAware;
import dev.gradus.spi.OptimizerState;
import dev.gradus.spi.StateSnapshot;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Yogi (Zaheer et al., 2018, "Adaptive Methods for Nonconvex Optimization", Algorithm 2), with
 * optax.yogi's names and its bias correction:
 *
 * <pre>
 * m₀ = v₀ = initial_accumulator_value
 * m ← β₁m + (1 − β₁)g
 * v ← v − (1 − β₂) sign(v − g²) g²
 * θ ← θ − γ (m / (1 − β₁ᵗ)) / (√(v / (1 − β₂ᵗ)) + ε)
 * </pre>
 *
 * The schedulable momentum is β₁.
 */
final class Yogi implements MomentumAware {
  static final String ID = "yogi";

  record Config(double lr, double b1, double b2, double eps, double initialAccumulatorValue) {
    static final Config DEFAULTS = new Config(1e-2, 0.9, 0.999, 1e-3, 1e-6);

    Config {
      Common.require(ID, "lr", lr, Modern.NON_NEGATIVE);
      Common.require(ID, "b1", b1, Modern.UNIT);
      Common.require(ID, "b2", b2, Modern.UNIT);
      Common.require(ID, "eps", eps, Modern.NON_NEGATIVE);
      Common.require(ID, "initial_accumulator_value", initialAccumulatorValue, Modern.NON_NEGATIVE);
    }

    List<HyperParameter> hyperParameters() {
      return List.of(
          Common.lr(lr),
          Modern.b1(b1, "β₁: decay rate of the first moment"),
          Modern.b2(b2, "β₂: rate of the additive second-moment update"),
          Common.eps(eps),
          HyperParameter.real(
              "initial_accumulator_value",
              initialAccumulatorValue,
              Modern.NON_NEGATIVE,
              "the starting value of both moments m and v"));
    }

    static Config of(HyperParameters values) {
      return new Config(
          values.real("lr"),
          values.real("b1"),
          values.real("b2"),
          values.real("eps"),
          values.real("initial_accumulator_value"));
    }
  }

  static final class State extends OptimizerStateBase {
    long step;
    final double[] mu;
    final double[] nu;

    State(int dimension, double initial) {
      super(ID, dimension);
      mu = new double[dimension];
      nu = new double[dimension];
      Arrays.fill(mu, initial);
      Arrays.fill(nu, initial);
    }

    @Override
    public StateSnapshot snapshot() {
      Map<String, double[]> arrays = new LinkedHashMap<>();
      arrays.put("mu", mu);
      arrays.put("nu", nu);
      return new StateSnapshot(ID, dimension, arrays, Map.of("step", (double) step));
    }
  }

  private final Config config;

  Yogi(Config config) {
    this.config = config;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public double learningRate() {
    return config.lr();
  }

  @Override
  public double momentum() {
    return config.b1();
  }

  @Override
  public OptimizerState init(int dimension) {
    return new State(dimension, config.initialAccumulatorValue());
  }

  @Override
  public OptimizerState restore(StateSnapshot snapshot, int dimension) {
    snapshot.requireFrom(ID, dimension);
    State state = new State(dimension, 0);
    state.step = Common.count(snapshot, "step");
    Adam.copy(snapshot, "mu", state.mu);
    Adam.copy(snapshot, "nu", state.nu);
    return state;
  }

  @Override
  public void step(
      double[] params,
      double value,
      double[] gradient,
      double lr,
      double momentum,
      OptimizerState optimizerState,
      Evaluator objective) {
    State state = OptimizerStateBase.cast(State.class, ID, optimizerState, params.length);
    double b1 = Modern.requireMomentum(ID, "b1", momentum);
    double b2 = config.b2();
    state.step++;
    double correction1 = 1 - Math.pow(b1, state.step);
    double correction2 = 1 - Math.pow(b2, state.step);
    double[] m = state.mu;
    double[] v = state.nu;
    for (int i = 0; i < params.length; i++) {
      double g = gradient[i];
      double g2 = g * g;
      m[i] = b1 * m[i] + (1 - b1) * g;
      v[i] -= (1 - b2) * Math.signum(v[i] - g2) * g2;
      params[i] -= lr * (m[i] / correction1) / (Math.sqrt(v[i] / correction2) + config.eps());
    }
  }
}
