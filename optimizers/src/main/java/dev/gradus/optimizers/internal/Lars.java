package dev.gradus.optimizers.internal;

import dev.gradus.spi.BlockAware;
import dev.gradus.spi.Evaluator;
import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.MomentumAware;
import dev.gradus.spi.OptimizerState;
import dev.gradus.spi.ParameterBlock;
import dev.gradus.spi.StateSnapshot;
import java.util.List;
import java.util.Map;

/**
 * LARS (You, Gitman &amp; Ginsburg, 2017, "Large Batch Training of Convolutional Networks",
 * Algorithm 1), with optax.lars's names. Per block b (layer) and step:
 *
 * <pre>
 * λ_b ← η‖θ_b‖ / (‖g_b‖ + β‖θ_b‖ + ε), or 1 when ‖θ_b‖ = 0 or ‖g_b‖ = 0
 * u   ← γ λ_b (g_b + βθ_b)
 * v_b ← μv_b + u;   θ_b ← θ_b − (nesterov ? μv_b + u : v_b)
 * </pre>
 *
 * The trust ratio's denominator is the paper's ‖g‖ + β‖θ‖ (optax uses ‖g + βθ‖). Without blocks the
 * vector is one block. The schedulable momentum is μ.
 */
final class Lars implements BlockAware, MomentumAware {
  static final String ID = "lars";

  record Config(
      double lr,
      double momentum,
      double weightDecay,
      double trustCoefficient,
      double eps,
      boolean nesterov) {
    static final Config DEFAULTS = new Config(1.0, 0.9, 0.0, 0.001, 0.0, false);

    Config {
      Common.require(ID, "lr", lr, Modern.NON_NEGATIVE);
      Common.require(ID, "momentum", momentum, Modern.UNIT);
      Common.require(ID, "weight_decay", weightDecay, Modern.NON_NEGATIVE);
      Common.require(ID, "trust_coefficient", trustCoefficient, Modern.NON_NEGATIVE);
      Common.require(ID, "eps", eps, Modern.NON_NEGATIVE);
    }

    List<HyperParameter> hyperParameters() {
      return List.of(
          Common.lr(lr),
          HyperParameter.real("momentum", momentum, Modern.UNIT, "momentum μ"),
          Modern.decoupledWeightDecay(weightDecay),
          HyperParameter.real(
              "trust_coefficient",
              trustCoefficient,
              Modern.NON_NEGATIVE,
              "η: a block moves by about γη of its own norm per step"),
          HyperParameter.real(
              "eps", eps, Modern.NON_NEGATIVE, "ε added to the trust ratio's denominator"),
          HyperParameter.bool("nesterov", nesterov, "Nesterov momentum"));
    }

    static Config of(HyperParameters values) {
      return new Config(
          values.real("lr"),
          values.real("momentum"),
          values.real("weight_decay"),
          values.real("trust_coefficient"),
          values.real("eps"),
          values.bool("nesterov"));
    }
  }

  static final class State extends OptimizerStateBase {
    final double[] velocity;
    final Modern.Layout layout;

    State(int dimension, List<ParameterBlock> blocks) {
      super(ID, dimension);
      layout = Modern.Layout.of(dimension, blocks);
      velocity = new double[dimension];
    }

    /** The blocks are not state: a caller restores with the blocks it started with. */
    @Override
    public StateSnapshot snapshot() {
      return new StateSnapshot(ID, dimension, Map.of("velocity", velocity), Map.of());
    }
  }

  private final Config config;

  Lars(Config config) {
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
    return config.momentum();
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
    Adam.copy(snapshot, "velocity", state.velocity);
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
    double mu = Modern.requireMomentum(ID, "momentum", momentum);
    double beta = config.weightDecay();
    double[] v = state.velocity;
    int[] starts = state.layout.starts();
    int[] ends = state.layout.ends();
    for (int b = 0; b < starts.length; b++) {
      double weights = Modern.norm(params, starts[b], ends[b]);
      double grads = Modern.norm(gradient, starts[b], ends[b]);
      double trust =
          weights > 0 && grads > 0
              ? config.trustCoefficient() * weights / (grads + beta * weights + config.eps())
              : 1;
      double scale = lr * trust;
      for (int i = starts[b]; i < ends[b]; i++) {
        double u = scale * (gradient[i] + beta * params[i]);
        v[i] = mu * v[i] + u;
        params[i] -= config.nesterov() ? mu * v[i] + u : v[i];
      }
    }
  }
}
