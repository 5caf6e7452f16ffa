package dev.gradus.optimizers.internal;

import dev.gradus.spi.BlockAware;
import dev.gradus.spi.Evaluator;
import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.MomentumAware;
import dev.gradus.spi.OptimizerState;
import dev.gradus.spi.ParameterBlock;
import dev.gradus.spi.StateSnapshot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * LAMB (You et al., 2020, "Large Batch Optimization for Deep Learning: Training BERT in 76
 * minutes", Algorithm 2 with φ the identity), with optax.lamb's names:
 *
 * <pre>
 * m ← β₁m + (1 − β₁)g;   v ← β₂v + (1 − β₂)g²
 * r ← (m / (1 − β₁ᵗ)) / (√(v / (1 − β₂ᵗ) + ε_root) + ε) + λθ
 * per block b:  θ_b ← θ_b − γ (‖θ_b‖ / ‖r_b‖) r_b   (ratio 1 when either norm is 0)
 * </pre>
 *
 * Without blocks the vector is one block. The schedulable momentum is β₁.
 */
final class Lamb implements BlockAware, MomentumAware {
  static final String ID = "lamb";

  record Config(double lr, double b1, double b2, double eps, double epsRoot, double weightDecay) {
    static final Config DEFAULTS = new Config(1e-3, 0.9, 0.999, 1e-6, 0.0, 0.0);

    Config {
      Common.require(ID, "lr", lr, Modern.NON_NEGATIVE);
      Common.require(ID, "b1", b1, Modern.UNIT);
      Common.require(ID, "b2", b2, Modern.UNIT);
      Common.require(ID, "eps", eps, Modern.NON_NEGATIVE);
      Common.require(ID, "eps_root", epsRoot, Modern.NON_NEGATIVE);
      Common.require(ID, "weight_decay", weightDecay, Modern.NON_NEGATIVE);
    }

    List<HyperParameter> hyperParameters() {
      return List.of(
          Common.lr(lr),
          Modern.b1(b1, "β₁: decay rate of the first moment"),
          Modern.b2(b2, "β₂: decay rate of the second moment"),
          Common.eps(eps),
          Modern.epsRoot(epsRoot),
          Modern.decoupledWeightDecay(weightDecay));
    }

    static Config of(HyperParameters values) {
      return new Config(
          values.real("lr"),
          values.real("b1"),
          values.real("b2"),
          values.real("eps"),
          values.real("eps_root"),
          values.real("weight_decay"));
    }
  }

  static final class State extends OptimizerStateBase {
    long step;
    final double[] mu;
    final double[] nu;
    final Modern.Layout layout;

    State(int dimension, List<ParameterBlock> blocks) {
      super(ID, dimension);
      layout = Modern.Layout.of(dimension, blocks);
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

  Lamb(Config config) {
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
  public OptimizerState init(int dimension, List<ParameterBlock> blocks) {
    return new State(dimension, blocks);
  }

  @Override
  public OptimizerState restore(
      StateSnapshot snapshot, int dimension, List<ParameterBlock> blocks) {
    snapshot.requireFrom(ID, dimension);
    State state = new State(dimension, blocks);
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
    double lambda = config.weightDecay();
    double[] m = state.mu;
    double[] v = state.nu;
    int[] starts = state.layout.starts();
    int[] ends = state.layout.ends();
    for (int b = 0; b < starts.length; b++) {
      double weights = 0;
      double updates = 0;
      for (int i = starts[b]; i < ends[b]; i++) {
        double g = gradient[i];
        m[i] = b1 * m[i] + (1 - b1) * g;
        v[i] = b2 * v[i] + (1 - b2) * g * g;
        double r =
            (m[i] / correction1) / (Math.sqrt(v[i] / correction2 + config.epsRoot()) + config.eps())
                + lambda * params[i];
        gradient[i] = r; // the gradient array is scratch space: it now holds r
        weights += params[i] * params[i];
        updates += r * r;
      }
      double ratio = weights > 0 && updates > 0 ? Math.sqrt(weights) / Math.sqrt(updates) : 1;
      double scale = lr * ratio;
      for (int i = starts[b]; i < ends[b]; i++) {
        params[i] -= scale * gradient[i];
      }
    }
  }
}
