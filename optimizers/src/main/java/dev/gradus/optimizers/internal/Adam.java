package dev.gradus.optimizers.internal;

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
 * torch.optim.Adam and, with {@code decoupled}, torch.optim.AdamW:
 *
 * <pre>
 * g ← −∇f if maximize else ∇f
 * θ ← θ − γλθ if decoupled, else g ← g + λθ
 * m ← β₁m + (1 − β₁)g;   v ← β₂v + (1 − β₂)g²
 * v_max ← max(v_max, v) if amsgrad;   v̂ ← (amsgrad ? v_max : v) / (1 − β₂ᵗ)
 * θ ← θ − γ (m / (1 − β₁ᵗ)) / (√v̂ + ε)
 * </pre>
 */
final class Adam implements MomentumAware {
  record Config(
      double lr,
      double beta1,
      double beta2,
      double eps,
      double weightDecay,
      boolean amsgrad,
      boolean maximize,
      boolean decoupled) {
    static final Config ADAM = new Config(1e-3, 0.9, 0.999, 1e-8, 0, false, false, false);
    static final Config ADAMW = new Config(1e-3, 0.9, 0.999, 1e-8, 1e-2, false, false, true);

    /** The hyperparameters of adam and adamw, with these defaults. */
    List<HyperParameter> hyperParameters() {
      return List.of(
          Common.lr(lr),
          Common.betas(beta1, beta2),
          Common.eps(eps),
          Common.weightDecay(weightDecay),
          HyperParameter.bool("amsgrad", amsgrad, "use the running maximum of the second moment"),
          Common.maximize());
    }

    /** A configuration from validated values, keeping this one's weight-decay coupling. */
    Config with(HyperParameters values) {
      double[] betas = values.reals("betas");
      return new Config(
          values.real("lr"),
          betas[0],
          betas[1],
          values.real("eps"),
          values.real("weight_decay"),
          values.bool("amsgrad"),
          values.bool("maximize"),
          decoupled);
    }

    Config {
      Common.require("adam", "lr", lr, Range.atLeast(0));
      Common.require("adam", "betas", beta1, Range.closedOpen(0, 1));
      Common.require("adam", "betas", beta2, Range.closedOpen(0, 1));
      Common.require("adam", "eps", eps, Range.atLeast(0));
      Common.require("adam", "weight_decay", weightDecay, Range.atLeast(0));
    }
  }

  static final class State extends OptimizerStateBase {
    long step;
    final double[] expAvg;
    final double[] expAvgSq;
    final double[] maxExpAvgSq;

    State(String id, int dimension, boolean amsgrad) {
      super(id, dimension);
      expAvg = new double[dimension];
      expAvgSq = new double[dimension];
      maxExpAvgSq = amsgrad ? new double[dimension] : null;
    }

    @Override
    public StateSnapshot snapshot() {
      Map<String, double[]> arrays = new LinkedHashMap<>();
      arrays.put("exp_avg", expAvg);
      arrays.put("exp_avg_sq", expAvgSq);
      if (maxExpAvgSq != null) {
        arrays.put("max_exp_avg_sq", maxExpAvgSq);
      }
      return new StateSnapshot(optimizerId, dimension, arrays, Map.of("step", (double) step));
    }
  }

  private final String id;
  private final Config config;

  Adam(String id, Config config) {
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
    return new State(id, dimension, config.amsgrad());
  }

  /** β₁, which a schedule's cycle_momentum replaces step by step (torch: {@code betas[0]}). */
  @Override
  public double momentum() {
    return config.beta1();
  }

  /** One step with β₁ = {@code momentum}, bias correction 1 − β₁ᵗ included, as torch does. */
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
    state.step++;
    double beta1 = momentum;
    double beta2 = config.beta2();
    double lambda = config.weightDecay();
    double biasCorrection1 = 1 - Math.pow(beta1, state.step);
    double biasCorrection2Sqrt = Math.sqrt(1 - Math.pow(beta2, state.step));
    double stepSize = lr / biasCorrection1;
    double[] m = state.expAvg;
    double[] v = state.expAvgSq;
    double[] vMax = state.maxExpAvgSq;
    for (int i = 0; i < params.length; i++) {
      double g = config.maximize() ? -gradient[i] : gradient[i];
      if (lambda != 0) {
        if (config.decoupled()) {
          params[i] *= 1 - lr * lambda;
        } else {
          g += lambda * params[i];
        }
      }
      m[i] = beta1 * m[i] + (1 - beta1) * g;
      v[i] = beta2 * v[i] + (1 - beta2) * g * g;
      double second = v[i];
      if (vMax != null) {
        vMax[i] = Math.max(vMax[i], v[i]);
        second = vMax[i];
      }
      params[i] -= stepSize * m[i] / (Math.sqrt(second) / biasCorrection2Sqrt + config.eps());
    }
  }

  @Override
  public OptimizerState restore(StateSnapshot snapshot, int dimension) {
    snapshot.requireFrom(id, dimension);
    State state = new State(id, dimension, config.amsgrad());
    state.step = Common.count(snapshot, "step");
    copy(snapshot, "exp_avg", state.expAvg);
    copy(snapshot, "exp_avg_sq", state.expAvgSq);
    if (state.maxExpAvgSq != null) {
      copy(snapshot, "max_exp_avg_sq", state.maxExpAvgSq);
    }
    return state;
  }

  static void copy(StateSnapshot snapshot, String name, double[] into) {
    System.arraycopy(Common.array(snapshot, name, into.length), 0, into, 0, into.length);
  }
}
