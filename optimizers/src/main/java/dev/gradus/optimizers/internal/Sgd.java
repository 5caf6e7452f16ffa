package dev.gradus.optimizers.internal;

import dev.gradus.spi.Evaluator;
import dev.gradus.spi.InvalidHyperParameterException;
import dev.gradus.spi.MomentumAware;
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
final class Sgd implements MomentumAware {
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

  /**
   * The momentum buffer b ({@code step} counts steps taken). As torch's, b starts (b ← g) at the
   * first step whose momentum is ≠ 0 (torch's buffer is None until then), which the snapshot tells
   * by the scalar {@code momentum_buffer_started} next to {@code momentum_buffer}.
   */
  static final class State extends OptimizerStateBase {
    long step;
    double[] momentumBuffer;
    boolean started;
    static final String STARTED = "momentum_buffer_started";

    State(String id, int dimension, boolean hasMomentum) {
      super(id, dimension);
      momentumBuffer = hasMomentum ? new double[dimension] : null;
    }

    @Override
    public StateSnapshot snapshot() {
      Map<String, double[]> arrays = new HashMap<>();
      Map<String, Double> scalars = new HashMap<>();
      scalars.put("step", (double) step);
      if (momentumBuffer != null) {
        arrays.put("momentum_buffer", momentumBuffer);
        scalars.put(STARTED, started ? 1.0 : 0.0);
      }
      return new StateSnapshot(optimizerId, dimension, arrays, scalars);
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

  /**
   * torch SGD's {@code momentum} (0 for {@code gd}: torch's SGD has the key even at 0, so a
   * one_cycle or cyclic schedule cycles it there too).
   */
  @Override
  public double momentum() {
    return config.momentum();
  }

  /** One step with μ = {@code momentum}; the buffer starts at the first step with μ ≠ 0. */
  @Override
  public void step(
      double[] params,
      double value,
      double[] gradient,
      double lr,
      double momentum,
      OptimizerState optimizerState,
      Evaluator objective) {
    State state = OptimizerStateBase.cast(State.class, id, optimizerState, params.length);
    double mu = momentum;
    double tau = config.dampening();
    double lambda = config.weightDecay();
    if (mu != 0 && state.momentumBuffer == null) {
      state.momentumBuffer = new double[params.length];
    }
    boolean first = !state.started;
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
    if (mu != 0) {
      state.started = true;
    }
    state.step++;
  }

  @Override
  public OptimizerState restore(StateSnapshot snapshot, int dimension) {
    snapshot.requireFrom(id, dimension);
    State state = new State(id, dimension, config.momentum() != 0);
    state.step = Common.count(snapshot, "step");
    boolean hasBuffer = snapshot.arrays().containsKey("momentum_buffer");
    // a snapshot without the flag (an older Gradus) started its buffer at its first step
    state.started =
        hasBuffer
            && (snapshot.scalars().containsKey(State.STARTED)
                ? snapshot.scalar(State.STARTED) == 1
                : state.step > 0);
    if (hasBuffer) {
      if (state.momentumBuffer == null) {
        state.momentumBuffer = new double[dimension];
      }
      double[] b = Common.array(snapshot, "momentum_buffer", dimension);
      System.arraycopy(b, 0, state.momentumBuffer, 0, dimension);
    }
    return state;
  }
}
