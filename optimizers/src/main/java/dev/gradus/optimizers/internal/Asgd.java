package dev.gradus.optimizers.internal;

import dev.gradus.spi.AveragedIterate;
import dev.gradus.spi.Evaluator;
import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.OptimizerState;
import dev.gradus.spi.Range;
import dev.gradus.spi.StateSnapshot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * torch.optim.ASGD (Polyak &amp; Juditsky, 1992; the step sizes of Bottou, 2012). At step t, with η
 * and μ as the previous step left them (η₀ = the first step's lr, μ₀ = 1):
 *
 * <pre>
 * g ← −∇f if maximize else ∇f;   g ← g + λ_wd θ
 * θ ← θ(1 − λη) − ηg
 * ax ← ax + μ(θ − ax) if μ ≠ 1, else ax ← θ
 * η ← lr / (1 + λ·lr·t)^α;   μ ← 1 / max(1, t − t0)
 * </pre>
 *
 * The parameters follow torch's iterate; the averaged point ax is the {@link AveragedIterate}
 * answer. ax is a copy of θ until the first step with μ ≠ 1, the first t with t − 1 − t0 &gt; 1
 * (step 8 for t0 = 5); until then {@link #averagedPoint} reports no averaged point (the runner then
 * records the iterate, which is the same point).
 */
final class Asgd implements AveragedIterate {
  record Config(
      double lr, double lambd, double alpha, double t0, double weightDecay, boolean maximize) {
    static final Config DEFAULTS = new Config(1e-2, 1e-4, 0.75, 1e6, 0, false);

    List<HyperParameter> hyperParameters() {
      return List.of(
          Common.lr(lr),
          HyperParameter.real("lambd", lambd, Range.atLeast(0), "λ: decay term of η and of θ"),
          HyperParameter.real("alpha", alpha, Range.atLeast(0), "α: power of the η decay"),
          HyperParameter.real("t0", t0, Range.atLeast(0), "the step after which averaging starts"),
          Common.weightDecay(weightDecay),
          Common.maximize());
    }

    Config with(HyperParameters values) {
      return new Config(
          values.real("lr"),
          values.real("lambd"),
          values.real("alpha"),
          values.real("t0"),
          values.real("weight_decay"),
          values.bool("maximize"));
    }

    Config {
      Common.require("asgd", "lr", lr, Range.atLeast(0));
      Common.require("asgd", "lambd", lambd, Range.atLeast(0));
      Common.require("asgd", "alpha", alpha, Range.atLeast(0));
      Common.require("asgd", "t0", t0, Range.atLeast(0));
      Common.require("asgd", "weight_decay", weightDecay, Range.atLeast(0));
    }
  }

  static final class State extends OptimizerStateBase {
    long step;
    double eta;
    double mu = 1;

    /** Whether the last step averaged (μ ≠ 1) rather than copied θ into ax. */
    boolean averaging;

    final double[] ax;

    State(String id, int dimension) {
      super(id, dimension);
      ax = new double[dimension];
    }

    @Override
    public StateSnapshot snapshot() {
      return new StateSnapshot(
          optimizerId,
          dimension,
          new LinkedHashMap<>(Map.of("ax", ax)),
          Map.of("step", (double) step, "eta", eta, "mu", mu, "averaging", averaging ? 1.0 : 0.0));
    }
  }

  private final String id;
  private final Config config;

  Asgd(String id, Config config) {
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
  public String averagedName() {
    return "ax";
  }

  @Override
  public boolean averagedPoint(OptimizerState optimizerState, double[] into) {
    State state = OptimizerStateBase.cast(State.class, id, optimizerState, into.length);
    if (!state.averaging) {
      return false;
    }
    System.arraycopy(state.ax, 0, into, 0, into.length);
    return true;
  }

  @Override
  public OptimizerState init(int dimension) {
    return new State(id, dimension);
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
    if (state.step == 0) {
      state.eta = lr;
    }
    state.step++;
    double eta = state.eta;
    double mu = state.mu;
    double lambda = config.weightDecay();
    double shrink = 1 - config.lambd() * eta;
    double[] ax = state.ax;
    state.averaging = mu != 1;
    for (int i = 0; i < params.length; i++) {
      double g = config.maximize() ? -gradient[i] : gradient[i];
      if (lambda != 0) {
        g += lambda * params[i];
      }
      params[i] *= shrink;
      params[i] -= eta * g;
      ax[i] = state.averaging ? ax[i] + (params[i] - ax[i]) * mu : params[i];
    }
    state.eta = lr / Math.pow(1 + config.lambd() * lr * state.step, config.alpha());
    state.mu = 1 / Math.max(1, state.step - config.t0());
  }

  @Override
  public OptimizerState restore(StateSnapshot snapshot, int dimension) {
    snapshot.requireFrom(id, dimension);
    State state = new State(id, dimension);
    state.step = Common.count(snapshot, "step");
    state.eta = snapshot.scalar("eta");
    state.mu = snapshot.scalar("mu");
    state.averaging = snapshot.scalar("averaging") != 0;
    Adam.copy(snapshot, "ax", state.ax);
    return state;
  }
}
