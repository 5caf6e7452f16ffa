package dev.gradus.optimizers.internal;

import dev.gradus.spi.Evaluator;
import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.MomentumAware;
import dev.gradus.spi.OptimizerState;
import dev.gradus.spi.StateSnapshot;
import java.util.List;
import java.util.Map;

/**
 * Lion (Chen et al., 2023, "Symbolic Discovery of Optimization Algorithms", Algorithm 2), with
 * optax.lion's names:
 *
 * <pre>
 * c ← β₁m + (1 − β₁)g
 * θ ← θ − γ (sign(c) + λθ)
 * m ← β₂m + (1 − β₂)g
 * </pre>
 *
 * sign(0) = 0. The schedulable momentum ({@link MomentumAware}) is β₁.
 */
final class Lion implements MomentumAware {
  static final String ID = "lion";

  record Config(double lr, double b1, double b2, double weightDecay) {
    static final Config DEFAULTS = new Config(1e-4, 0.9, 0.99, 0.0);

    Config {
      Common.require(ID, "lr", lr, Modern.NON_NEGATIVE);
      Common.require(ID, "b1", b1, Modern.UNIT);
      Common.require(ID, "b2", b2, Modern.UNIT);
      Common.require(ID, "weight_decay", weightDecay, Modern.NON_NEGATIVE);
    }

    List<HyperParameter> hyperParameters() {
      return List.of(
          Common.lr(lr),
          Modern.b1(b1, "β₁: interpolation of momentum and gradient whose sign is the step"),
          Modern.b2(b2, "β₂: decay rate of the momentum m"),
          Modern.decoupledWeightDecay(weightDecay));
    }

    static Config of(HyperParameters values) {
      return new Config(
          values.real("lr"), values.real("b1"), values.real("b2"), values.real("weight_decay"));
    }
  }

  static final class State extends OptimizerStateBase {
    final double[] expAvg;

    State(int dimension) {
      super(ID, dimension);
      expAvg = new double[dimension];
    }

    @Override
    public StateSnapshot snapshot() {
      return new StateSnapshot(ID, dimension, Map.of("exp_avg", expAvg), Map.of());
    }
  }

  private final Config config;

  Lion(Config config) {
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
    double lambda = config.weightDecay();
    double[] m = state.expAvg;
    for (int i = 0; i < params.length; i++) {
      double g = gradient[i];
      double c = b1 * m[i] + (1 - b1) * g;
      params[i] -= lr * (Math.signum(c) + lambda * params[i]);
      m[i] = b2 * m[i] + (1 - b2) * g;
    }
  }

  @Override
  public OptimizerState restore(StateSnapshot snapshot, int dimension) {
    snapshot.requireFrom(ID, dimension);
    State state = new State(dimension);
    Adam.copy(snapshot, "exp_avg", state.expAvg);
    return state;
  }
}
