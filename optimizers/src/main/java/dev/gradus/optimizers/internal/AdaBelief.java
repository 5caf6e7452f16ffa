package dev.gradus.optimizers.internal;

import dev.gradus.spi.Evaluator;
import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.MomentumAware;
import dev.gradus.spi.OptimizerState;
import dev.gradus.spi.StateSnapshot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AdaBelief (Zhuang et al., 2020, "AdaBelief Optimizer: Adapting Stepsizes by the Belief in
 * Observed Gradients", Algorithm 2), with optax.adabelief's names:
 *
 * <pre>
 * m ← β₁m + (1 − β₁)g
 * s ← β₂s + (1 − β₂)(g − m)² + ε_root        (m the new first moment)
 * θ ← θ − γ (m / (1 − β₁ᵗ)) / (√(s / (1 − β₂ᵗ)) + ε)
 * </pre>
 *
 * The paper adds its one ε in both places; optax names the inner one {@code eps_root}. The
 * schedulable momentum is β₁.
 */
final class AdaBelief implements MomentumAware {
  static final String ID = "adabelief";

  record Config(double lr, double b1, double b2, double eps, double epsRoot) {
    static final Config DEFAULTS = new Config(1e-3, 0.9, 0.999, 1e-16, 1e-16);

    Config {
      Common.require(ID, "lr", lr, Modern.NON_NEGATIVE);
      Common.require(ID, "b1", b1, Modern.UNIT);
      Common.require(ID, "b2", b2, Modern.UNIT);
      Common.require(ID, "eps", eps, Modern.NON_NEGATIVE);
      Common.require(ID, "eps_root", epsRoot, Modern.NON_NEGATIVE);
    }

    List<HyperParameter> hyperParameters() {
      return List.of(
          Common.lr(lr),
          Modern.b1(b1, "β₁: decay rate of the first moment"),
          Modern.b2(b2, "β₂: decay rate of the belief s, the second moment of g − m"),
          Common.eps(eps),
          HyperParameter.real(
              "eps_root",
              epsRoot,
              Modern.NON_NEGATIVE,
              "ε added to s at every step, before bias correction"));
    }

    static Config of(HyperParameters values) {
      return new Config(
          values.real("lr"),
          values.real("b1"),
          values.real("b2"),
          values.real("eps"),
          values.real("eps_root"));
    }
  }

  static final class State extends OptimizerStateBase {
    long step;
    final double[] mu;
    final double[] nu;

    State(int dimension) {
      super(ID, dimension);
      mu = new double[dimension];
      nu = new double[dimension];
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

  AdaBelief(Config config) {
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
    return new State(dimension);
  }

  @Override
  public OptimizerState restore(StateSnapshot snapshot, int dimension) {
    snapshot.requireFrom(ID, dimension);
    State state = new State(dimension);
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
    double[] s = state.nu;
    for (int i = 0; i < params.length; i++) {
      double g = gradient[i];
      m[i] = b1 * m[i] + (1 - b1) * g;
      double e = g - m[i];
      s[i] = b2 * s[i] + (1 - b2) * e * e + config.epsRoot();
      params[i] -= lr * (m[i] / correction1) / (Math.sqrt(s[i] / correction2) + config.eps());
    }
  }
}
