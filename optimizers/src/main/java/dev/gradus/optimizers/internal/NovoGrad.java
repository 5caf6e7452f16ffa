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
 * NovoGrad (Ginsburg et al., 2019, "Stochastic Gradient Methods with Layer-wise Adaptive Moments
 * for Training of Deep Networks", Algorithm 1), with optax.novograd's names. One second moment per
 * block b (layer):
 *
 * <pre>
 * step 1:  v_b ← ‖g_b‖²;                       m ← g / (√(v_b + ε_root) + ε) + λθ
 * later:   v_b ← β₂v_b + (1 − β₂)‖g_b‖²;        m ← β₁m + g / (√(v_b + ε_root) + ε) + λθ
 * θ ← θ − γm
 * </pre>
 *
 * Without blocks the vector is one block. The schedulable momentum is β₁.
 */
final class NovoGrad implements BlockAware, MomentumAware {
  static final String ID = "novograd";

  record Config(double lr, double b1, double b2, double eps, double epsRoot, double weightDecay) {
    static final Config DEFAULTS = new Config(1e-2, 0.95, 0.98, 1e-8, 0.0, 0.0);

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
          Modern.b1(b1, "β₁: momentum of the normalised gradients"),
          Modern.b2(b2, "β₂: decay rate of each block's squared gradient norm"),
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
      nu = new double[layout.count()];
    }

    /** {@code nu} has one entry per block. */
    @Override
    public StateSnapshot snapshot() {
      Map<String, double[]> arrays = new LinkedHashMap<>();
      arrays.put("mu", mu);
      arrays.put("nu", nu);
      return new StateSnapshot(ID, dimension, arrays, Map.of("step", (double) step));
    }
  }

  private final Config config;

  NovoGrad(Config config) {
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
    boolean first = state.step == 0;
    state.step++;
    double lambda = config.weightDecay();
    double[] m = state.mu;
    int[] starts = state.layout.starts();
    int[] ends = state.layout.ends();
    for (int b = 0; b < starts.length; b++) {
      double norm = Modern.norm(gradient, starts[b], ends[b]);
      double squared = norm * norm;
      double v = first ? squared : b2 * state.nu[b] + (1 - b2) * squared;
      state.nu[b] = v;
      double denominator = Math.sqrt(v + config.epsRoot()) + config.eps();
      double decay = first ? 0 : b1;
      for (int i = starts[b]; i < ends[b]; i++) {
        m[i] = decay * m[i] + gradient[i] / denominator + lambda * params[i];
        params[i] -= lr * m[i];
      }
    }
  }
}
