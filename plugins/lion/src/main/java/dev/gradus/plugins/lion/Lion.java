package dev.gradus.plugins.lion;

import dev.gradus.spi.Evaluator;
import dev.gradus.spi.InvalidHyperParameterException;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerState;
import dev.gradus.spi.Range;
import dev.gradus.spi.StateSnapshot;
import java.util.Map;

/**
 * Lion, "EvoLved Sign Momentum" (Chen et al., 2023, arXiv:2302.06675, Algorithm 2):
 *
 * <pre>
 * g ← −∇f if maximize else ∇f
 * c ← β₁m + (1 − β₁)g
 * θ ← θ − γ (sign(c) + λθ)
 * m ← β₂m + (1 − β₂)g
 * </pre>
 *
 * <p>Every coordinate moves by exactly ±γ (before weight decay), so Lion wants a learning rate 3 to
 * 10 times smaller than Adam's. sign(0) = 0: a coordinate whose interpolated momentum is zero does
 * not move.
 */
final class Lion implements Optimizer {
  static final String ID = "lion-example";
  static final String EXP_AVG = "exp_avg";

  /** The validated configuration; {@link #DEFAULTS} are the paper's and lion-pytorch's. */
  record Config(double lr, double beta1, double beta2, double weightDecay, boolean maximize) {
    static final Range LR = Range.atLeast(0);
    static final Range BETA = Range.closedOpen(0, 1);
    static final Range WEIGHT_DECAY = Range.atLeast(0);

    // after the ranges: the compact constructor reads them during class initialization
    static final Config DEFAULTS = new Config(1e-4, 0.9, 0.99, 0.0, false);

    Config {
      require("lr", lr, LR);
      require("betas", beta1, BETA);
      require("betas", beta2, BETA);
      require("weight_decay", weightDecay, WEIGHT_DECAY);
    }

    private static void require(String name, double value, Range range) {
      if (!range.contains(value)) {
        throw new InvalidHyperParameterException(
            name,
            ID + "." + name + " = " + value + " is not allowed: must be a number in " + range);
      }
    }
  }

  /** The momentum m, one entry per parameter. */
  static final class State implements OptimizerState {
    final double[] expAvg;

    State(int dimension) {
      if (dimension < 1) {
        throw new IllegalArgumentException("dimension must be at least 1, got " + dimension);
      }
      expAvg = new double[dimension];
    }

    @Override
    public int dimension() {
      return expAvg.length;
    }

    @Override
    public StateSnapshot snapshot() {
      return new StateSnapshot(ID, expAvg.length, Map.of(EXP_AVG, expAvg), Map.of());
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
  public OptimizerState init(int dimension) {
    return new State(dimension);
  }

  @Override
  public void step(
      double[] params,
      double value,
      double[] gradient,
      double lr,
      OptimizerState optimizerState,
      Evaluator objective) {
    State state = cast(optimizerState, params.length);
    double beta1 = config.beta1();
    double beta2 = config.beta2();
    double lambda = config.weightDecay();
    double[] m = state.expAvg;
    for (int i = 0; i < params.length; i++) {
      double g = config.maximize() ? -gradient[i] : gradient[i];
      double c = beta1 * m[i] + (1 - beta1) * g;
      params[i] -= lr * (Math.signum(c) + lambda * params[i]);
      m[i] = beta2 * m[i] + (1 - beta2) * g;
    }
  }

  @Override
  public OptimizerState restore(StateSnapshot snapshot, int dimension) {
    snapshot.requireFrom(ID, dimension);
    double[] expAvg = snapshot.array(EXP_AVG);
    if (expAvg.length != dimension) {
      throw new IllegalArgumentException(
          "snapshot of '"
              + ID
              + "': array '"
              + EXP_AVG
              + "' has "
              + expAvg.length
              + " entries, expected "
              + dimension);
    }
    State state = new State(dimension);
    System.arraycopy(expAvg, 0, state.expAvg, 0, dimension);
    return state;
  }

  private static State cast(OptimizerState state, int paramsLength) {
    if (!(state instanceof State lion)) {
      throw new IllegalArgumentException(
          "optimizer '" + ID + "' was given a state it did not make: " + state);
    }
    if (lion.dimension() != paramsLength) {
      throw new IllegalArgumentException(
          "params have " + paramsLength + " entries, the state dimension is " + lion.dimension());
    }
    return lion;
  }
}
