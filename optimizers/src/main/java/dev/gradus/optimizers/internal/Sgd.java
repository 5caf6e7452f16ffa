package dev.gradus.optimizers.internal;

import dev.gradus.spi.Evaluator;
import dev.gradus.spi.InvalidHyperParameterException;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerState;
import dev.gradus.spi.Range;
import dev.gradus.spi.StateSnapshot;
import java.util.HashMap;
import java.util.Map;

/**
 * torch.optim.SGD, with and without momentum:
 *
 * <pre>
 * g ← −∇f if maximize else ∇f;   g ← g + λθ
 * b ← g on the first step, else μb + (1 − τ)g;   g ← g + μb if nesterov else b   (when μ ≠ 0)
 * θ ← θ − γg
 * </pre>
 */
final class Sgd implements Optimizer {
  /** The configuration; {@code momentum = 0} is plain gradient descent. */
  record Config(
      double lr,
      double momentum,
      double dampening,
      boolean nesterov,
      double weightDecay,
      boolean maximize) {
    static final Range LR = Range.atLeast(0);
    static final Range MOMENTUM = Range.atLeast(0);
    static final Range DAMPENING = Range.closed(0, 1);
    static final Range WEIGHT_DECAY = Range.atLeast(0);
    // after the ranges, which the compact constructor reads
    static final Config DEFAULTS = new Config(1e-3, 0.9, 0, false, 0, false);

    Config {
      Common.require("sgd", "lr", lr, LR);
      Common.require("sgd", "momentum", momentum, MOMENTUM);
      Common.require("sgd", "dampening", dampening, DAMPENING);
      Common.require("sgd", "weight_decay", weightDecay, WEIGHT_DECAY);
      if (nesterov && (momentum <= 0 || dampening != 0)) {
        throw new InvalidHyperParameterException(
            "nesterov",
            "nesterov = true needs momentum > 0 and dampening = 0, got momentum = "
                + momentum
                + ", dampening = "
                + dampening);
      }
    }
  }

  /** The momentum buffer b, absent until the first step ({@code step} counts steps taken). */
  static final class State extends OptimizerStateBase {
    long step;
    final double[] momentumBuffer;

    State(String id, int dimension, boolean hasMomentum) {
      super(id, dimension);
      momentumBuffer = hasMomentum ? new double[dimension] : null;
    }

    @Override
    public StateSnapshot snapshot() {
      Map<String, double[]> arrays = new HashMap<>();
      if (momentumBuffer != null) {
        arrays.put("momentum_buffer", momentumBuffer);
      }
      return new StateSnapshot(optimizerId, dimension, arrays, Map.of("step", (double) step));
    }
  }

  private final String id;
  private final Config config;

  Sgd(String id, Config config) {
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
    return new State(id, dimension, config.momentum() != 0);
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
    double mu = config.momentum();
    double tau = config.dampening();
    double lambda = config.weightDecay();
    boolean first = state.step == 0;
    double[] b = state.momentumBuffer;
    for (int i = 0; i < params.length; i++) {
      double g = config.maximize() ? -gradient[i] : gradient[i];
      if (lambda != 0) {
        g += lambda * params[i];
      }
      if (mu != 0) {
        b[i] = first ? g : mu * b[i] + (1 - tau) * g;
        g = config.nesterov() ? g + mu * b[i] : b[i];
      }
      params[i] -= lr * g;
    }
    state.step++;
  }

  @Override
  public OptimizerState restore(StateSnapshot snapshot, int dimension) {
    snapshot.requireFrom(id, dimension);
    State state = new State(id, dimension, config.momentum() != 0);
    state.step = Common.count(snapshot, "step");
    if (state.momentumBuffer != null) {
      double[] b = Common.array(snapshot, "momentum_buffer", dimension);
      System.arraycopy(b, 0, state.momentumBuffer, 0, dimension);
    }
    return state;
  }
}
