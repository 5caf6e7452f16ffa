package dev.gradus.optimizers.internal;

import dev.gradus.spi.AveragedIterate;
import dev.gradus.spi.Evaluator;
import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.MomentumAware;
import dev.gradus.spi.OptimizerState;
import dev.gradus.spi.Range;
import dev.gradus.spi.StateSnapshot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Schedule-free SGD and AdamW (Defazio et al., 2024, "The Road Less Scheduled", Algorithm 1 and its
 * SGD form), with the reference implementation's (facebookresearch/schedule_free) names. Three
 * sequences: the runner's parameter vector is y, where gradients are taken; z is the base
 * optimizer's iterate; x, the weighted average of the z's, is the answer ({@link AveragedIterate},
 * "schedule-free-x"). With t counting from 1:
 *
 * <pre>
 * γ_t  = lr · min(1, t / warmup_steps)  (SGD);   · √(1 − β₂ᵗ) as well (AdamW)
 * γmax = max(γmax, γ_t);   w_t = t^r · γmax^weight_lr_power;   c = w_t / Σ w
 * d    = g(y) (SGD);   v ← β₂v + (1 − β₂)g²,  d = g / (√v + ε) (AdamW)
 * z ← z − γ_t (d + λy)
 * x ← (1 − c)x + c z
 * y ← (1 − β)z + βx
 * </pre>
 *
 * with x = z = y at the first step. The schedulable momentum is β ({@code momentum} or {@code
 * betas[0]}).
 */
final class ScheduleFree implements MomentumAware, AveragedIterate {
  static final String SGD = "sgd-schedule-free";
  static final String ADAMW = "adamw-schedule-free";
  static final Range WARMUP = Range.atLeast(0);

  record Config(
      double lr,
      double beta1,
      double beta2,
      double eps,
      double weightDecay,
      long warmupSteps,
      double r,
      double weightLrPower,
      boolean adam) {
    static final Config SGD_DEFAULTS = new Config(1.0, 0.9, 0, 0, 0, 0, 0, 2, false);
    static final Config ADAMW_DEFAULTS = new Config(0.0025, 0.9, 0.999, 1e-8, 0, 0, 0, 2, true);

    Config {
      String owner = adam ? ADAMW : SGD;
      String momentum = adam ? "betas" : "momentum";
      Common.require(owner, "lr", lr, Modern.NON_NEGATIVE);
      Common.require(owner, momentum, beta1, Modern.UNIT);
      Common.require(owner, "betas", beta2, Modern.UNIT);
      Common.require(owner, "eps", eps, Modern.NON_NEGATIVE);
      Common.require(owner, "weight_decay", weightDecay, Modern.NON_NEGATIVE);
      Common.require(owner, "warmup_steps", warmupSteps, WARMUP);
      Common.require(owner, "r", r, Modern.NON_NEGATIVE);
      Common.require(owner, "weight_lr_power", weightLrPower, Modern.NON_NEGATIVE);
    }

    String id() {
      return adam ? ADAMW : SGD;
    }

    List<HyperParameter> hyperParameters() {
      HyperParameter lrParameter = Common.lr(lr);
      HyperParameter decay =
          HyperParameter.real(
              "weight_decay", weightDecay, Modern.NON_NEGATIVE, "weight decay λ, taken at y");
      HyperParameter warmup =
          HyperParameter.integer(
              "warmup_steps", warmupSteps, WARMUP, "linear warm-up of γ over this many steps");
      HyperParameter power =
          HyperParameter.real(
              "r", r, Modern.NON_NEGATIVE, "the average's weights grow as t^r (0: uniform)");
      HyperParameter lrPower =
          HyperParameter.real(
              "weight_lr_power",
              weightLrPower,
              Modern.NON_NEGATIVE,
              "the average's weights grow as γmax^weight_lr_power");
      if (adam) {
        return List.of(
            lrParameter,
            HyperParameter.reals(
                "betas",
                List.of(beta1, beta2),
                2,
                Modern.UNIT,
                "β₁: interpolation of y between z and x; β₂: second moment decay"),
            Common.eps(eps),
            decay,
            warmup,
            power,
            lrPower);
      }
      return List.of(
          lrParameter,
          HyperParameter.real("momentum", beta1, Modern.UNIT, "β: interpolation y = (1 − β)z + βx"),
          decay,
          warmup,
          power,
          lrPower);
    }

    Config with(HyperParameters values) {
      double b1;
      double b2;
      double epsilon;
      if (adam) {
        double[] betas = values.reals("betas");
        b1 = betas[0];
        b2 = betas[1];
        epsilon = values.real("eps");
      } else {
        b1 = values.real("momentum");
        b2 = 0;
        epsilon = 0;
      }
      return new Config(
          values.real("lr"),
          b1,
          b2,
          epsilon,
          values.real("weight_decay"),
          values.integer("warmup_steps"),
          values.real("r"),
          values.real("weight_lr_power"),
          adam);
    }
  }

  static final class State extends OptimizerStateBase {
    long step;
    double lrMax;
    double weightSum;
    final double[] z;
    final double[] x;
    final double[] expAvgSq;

    State(String id, int dimension, boolean adam) {
      super(id, dimension);
      z = new double[dimension];
      x = new double[dimension];
      expAvgSq = adam ? new double[dimension] : null;
    }

    @Override
    public StateSnapshot snapshot() {
      Map<String, double[]> arrays = new LinkedHashMap<>();
      arrays.put("z", z);
      arrays.put("x", x);
      if (expAvgSq != null) {
        arrays.put("exp_avg_sq", expAvgSq);
      }
      Map<String, Double> scalars = new LinkedHashMap<>();
      scalars.put("step", (double) step);
      scalars.put("lr_max", lrMax);
      scalars.put("weight_sum", weightSum);
      return new StateSnapshot(optimizerId, dimension, arrays, scalars);
    }
  }

  private final Config config;

  ScheduleFree(Config config) {
    this.config = config;
  }

  @Override
  public String id() {
    return config.id();
  }

  @Override
  public double learningRate() {
    return config.lr();
  }

  @Override
  public double momentum() {
    return config.beta1();
  }

  @Override
  public String averagedName() {
    return "schedule-free-x";
  }

  /** x; false before the first step, when x is still the starting point, the iterate itself. */
  @Override
  public boolean averagedPoint(OptimizerState optimizerState, double[] into) {
    State state = OptimizerStateBase.cast(State.class, id(), optimizerState, into.length);
    if (state.step == 0) {
      return false;
    }
    System.arraycopy(state.x, 0, into, 0, into.length);
    return true;
  }

  @Override
  public OptimizerState init(int dimension) {
    return new State(id(), dimension, config.adam());
  }

  @Override
  public OptimizerState restore(StateSnapshot snapshot, int dimension) {
    snapshot.requireFrom(id(), dimension);
    State state = new State(id(), dimension, config.adam());
    state.step = Common.count(snapshot, "step");
    state.lrMax = snapshot.scalar("lr_max");
    state.weightSum = snapshot.scalar("weight_sum");
    Adam.copy(snapshot, "z", state.z);
    Adam.copy(snapshot, "x", state.x);
    if (state.expAvgSq != null) {
      Adam.copy(snapshot, "exp_avg_sq", state.expAvgSq);
    }
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
    State state = OptimizerStateBase.cast(State.class, id(), optimizerState, params.length);
    double beta = Modern.requireMomentum(id(), config.adam() ? "betas" : "momentum", momentum);
    if (state.step == 0) {
      System.arraycopy(params, 0, state.z, 0, params.length);
      System.arraycopy(params, 0, state.x, 0, params.length);
    }
    state.step++;
    long t = state.step;
    double gamma = lr;
    if (t <= config.warmupSteps()) {
      gamma *= (double) t / config.warmupSteps();
    }
    double beta2 = config.beta2();
    if (config.adam()) {
      gamma *= Math.sqrt(1 - Math.pow(beta2, t));
    }
    state.lrMax = Math.max(state.lrMax, gamma);
    double weight = Math.pow(t, config.r()) * Math.pow(state.lrMax, config.weightLrPower());
    state.weightSum += weight;
    double c = state.weightSum > 0 ? weight / state.weightSum : 0;
    double lambda = config.weightDecay();
    double[] z = state.z;
    double[] x = state.x;
    double[] v = state.expAvgSq;
    for (int i = 0; i < params.length; i++) {
      double g = gradient[i];
      double d = g;
      if (v != null) {
        v[i] = beta2 * v[i] + (1 - beta2) * g * g;
        d = g / (Math.sqrt(v[i]) + config.eps());
      }
      z[i] -= gamma * (d + lambda * params[i]);
      x[i] = (1 - c) * x[i] + c * z[i];
      params[i] = (1 - beta) * z[i] + beta * x[i];
    }
  }
}
