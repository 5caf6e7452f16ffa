package dev.gradus.optimizers.internal;

import dev.gradus.spi.Evaluator;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerState;
import dev.gradus.spi.Range;
import dev.gradus.spi.StateSnapshot;
import java.util.Arrays;
import java.util.Map;

/**
 * torch.optim.Adagrad:
 *
 * <pre>
 * g ← −∇f if maximize else ∇f
 * γ̃ ← γ / (1 + (t − 1)η);   g ← g + λθ
 * s ← s + g²   (s₀ = initial_accumulator_value)
 * θ ← θ − γ̃ g / (√s + ε)
 * </pre>
 */
final class Adagrad implements Optimizer {
  static final String ID = "adagrad";

  record Config(
      double lr,
      double lrDecay,
      double weightDecay,
      double initialAccumulatorValue,
      double eps,
      boolean maximize) {
    static final Config DEFAULTS = new Config(1e-2, 0, 0, 0, 1e-10, false);

    Config {
      Common.require(ID, "lr", lr, Range.atLeast(0));
      Common.require(ID, "lr_decay", lrDecay, Range.atLeast(0));
      Common.require(ID, "weight_decay", weightDecay, Range.atLeast(0));
      Common.require(ID, "initial_accumulator_value", initialAccumulatorValue, Range.atLeast(0));
      Common.require(ID, "eps", eps, Range.atLeast(0));
    }
  }

  static final class State extends OptimizerStateBase {
    long step;
    final double[] sum;

    State(int dimension, double initialAccumulatorValue) {
      super(ID, dimension);
      sum = new double[dimension];
      Arrays.fill(sum, initialAccumulatorValue);
    }

    @Override
    public StateSnapshot snapshot() {
      return new StateSnapshot(
          optimizerId, dimension, Map.of("sum", sum), Map.of("step", (double) step));
    }
  }

  private final Config config;

  Adagrad(Config config) {
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
    return new State(dimension, config.initialAccumulatorValue());
  }

  @Override
  public void step(
      double[] params,
      double value,
      double[] gradient,
      double lr,
      OptimizerState optimizerState,
      Evaluator objective) {
    State state = OptimizerStateBase.cast(State.class, ID, optimizerState, params.length);
    state.step++;
    double clr = lr / (1 + (state.step - 1) * config.lrDecay());
    double lambda = config.weightDecay();
    double[] sum = state.sum;
    for (int i = 0; i < params.length; i++) {
      double g = config.maximize() ? -gradient[i] : gradient[i];
      if (lambda != 0) {
        g += lambda * params[i];
      }
      sum[i] += g * g;
      params[i] -= clr * g / (Math.sqrt(sum[i]) + config.eps());
    }
  }

  @Override
  public OptimizerState restore(StateSnapshot snapshot, int dimension) {
    snapshot.requireFrom(ID, dimension);
    State state = new State(dimension, 0);
    state.step = Common.count(snapshot, "step");
    Adam.copy(snapshot, "sum", state.sum);
    return state;
  }
}
