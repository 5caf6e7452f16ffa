package dev.gradus.optimizers.internal;

import dev.gradus.spi.Evaluator;
import dev.gradus.spi.MomentumAware;
import dev.gradus.spi.OptimizerState;
import dev.gradus.spi.Range;
import dev.gradus.spi.StateSnapshot;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * torch.optim.RMSprop (no bias correction):
 *
 * <pre>
 * g ← −∇f if maximize else ∇f;   g ← g + λθ
 * v ← αv + (1 − α)g²;   ṽ ← v
 * if centered:  ḡ ← αḡ + (1 − α)g;   ṽ ← v − ḡ²
 * if μ > 0:  b ← μb + g / (√ṽ + ε);   θ ← θ − γb
 * else:      θ ← θ − γ g / (√ṽ + ε)
 * </pre>
 */
final class RmsProp implements MomentumAware {
  static final String ID = "rmsprop";

  record Config(
      double lr,
      double alpha,
      double eps,
      double weightDecay,
      double momentum,
      boolean centered,
      boolean maximize) {
    static final Range ALPHA = Range.closed(0, 1);
    // after ALPHA, which the compact constructor reads
    static final Config DEFAULTS = new Config(1e-2, 0.99, 1e-8, 0, 0, false, false);

    Config {
      Common.require(ID, "lr", lr, Range.atLeast(0));
      Common.require(ID, "alpha", alpha, ALPHA);
      Common.require(ID, "eps", eps, Range.atLeast(0));
      Common.require(ID, "weight_decay", weightDecay, Range.atLeast(0));
      Common.require(ID, "momentum", momentum, Range.atLeast(0));
    }
  }

  static final class State extends OptimizerStateBase {
    long step;
    final double[] squareAvg;
    final double[] gradAvg;

    /** Allocated (zeros) once a step has momentum > 0, as torch keeps it from that step on. */
    double[] momentumBuffer;

    State(int dimension, Config config) {
      super(ID, dimension);
      squareAvg = new double[dimension];
      gradAvg = config.centered() ? new double[dimension] : null;
      momentumBuffer = config.momentum() > 0 ? new double[dimension] : null;
    }

    @Override
    public StateSnapshot snapshot() {
      Map<String, double[]> arrays = new LinkedHashMap<>();
      arrays.put("square_avg", squareAvg);
      if (gradAvg != null) {
        arrays.put("grad_avg", gradAvg);
      }
      if (momentumBuffer != null) {
        arrays.put("momentum_buffer", momentumBuffer);
      }
      return new StateSnapshot(optimizerId, dimension, arrays, Map.of("step", (double) step));
    }
  }

  private final Config config;

  RmsProp(Config config) {
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
    return new State(dimension, config);
  }

  /** torch RMSprop's {@code momentum}, which a schedule's cycle_momentum replaces. */
  @Override
  public double momentum() {
    return config.momentum();
  }

  /**
   * One step with {@code momentum} as μ; the buffer (zeros) starts at the first step with μ > 0.
   */
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
    state.step++;
    double alpha = config.alpha();
    double lambda = config.weightDecay();
    double mu = momentum;
    if (mu > 0 && state.momentumBuffer == null) {
      state.momentumBuffer = new double[params.length];
    }
    double[] v = state.squareAvg;
    double[] gAvg = state.gradAvg;
    double[] b = state.momentumBuffer;
    for (int i = 0; i < params.length; i++) {
      double g = config.maximize() ? -gradient[i] : gradient[i];
      if (lambda != 0) {
        g += lambda * params[i];
      }
      v[i] = alpha * v[i] + (1 - alpha) * g * g;
      double vTilde = v[i];
      if (gAvg != null) {
        gAvg[i] = alpha * gAvg[i] + (1 - alpha) * g;
        vTilde = v[i] - gAvg[i] * gAvg[i];
      }
      double denominator = Math.sqrt(vTilde) + config.eps();
      if (mu > 0) {
        b[i] = mu * b[i] + g / denominator;
        params[i] -= lr * b[i];
      } else {
        params[i] -= lr * g / denominator;
      }
    }
  }

  @Override
  public OptimizerState restore(StateSnapshot snapshot, int dimension) {
    snapshot.requireFrom(ID, dimension);
    State state = new State(dimension, config);
    state.step = Common.count(snapshot, "step");
    Adam.copy(snapshot, "square_avg", state.squareAvg);
    if (state.gradAvg != null) {
      Adam.copy(snapshot, "grad_avg", state.gradAvg);
    }
    if (state.momentumBuffer == null && snapshot.arrays().containsKey("momentum_buffer")) {
      state.momentumBuffer = new double[dimension];
    }
    if (state.momentumBuffer != null) {
      Adam.copy(snapshot, "momentum_buffer", state.momentumBuffer);
    }
    return state;
  }
}
