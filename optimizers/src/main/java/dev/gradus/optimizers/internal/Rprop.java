package dev.gradus.optimizers.internal;

import dev.gradus.spi.Evaluator;
import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.InvalidHyperParameterException;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerState;
import dev.gradus.spi.Range;
import dev.gradus.spi.StateSnapshot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * torch.optim.Rprop (Riedmiller &amp; Braun, 1993), the variant torch implements:
 *
 * <pre>
 * g ← −∇f if maximize else ∇f;   s = sign(g · g_prev)
 * η ← clamp(η · (η₊ if s &gt; 0, η₋ if s &lt; 0, 1 if s = 0), step_min, step_max)
 * g ← 0 where s &lt; 0
 * θ ← θ − sign(g) η;   g_prev ← g
 * </pre>
 *
 * The step sizes η start at lr (the lr of the first step); later steps ignore lr, as torch's. As
 * torch, the stored previous gradient is the zeroed one, so a sign change is followed by a step
 * with s = 0 that keeps η.
 */
final class Rprop implements Optimizer {
  record Config(
      double lr,
      double etaMinus,
      double etaPlus,
      double stepSizeMin,
      double stepSizeMax,
      boolean maximize) {
    static final Config DEFAULTS = new Config(1e-2, 0.5, 1.2, 1e-6, 50, false);

    List<HyperParameter> hyperParameters() {
      return List.of(
          Common.lr(lr),
          HyperParameter.reals(
              "etas",
              List.of(etaMinus, etaPlus),
              2,
              Range.greaterThan(0),
              "η₋, η₊: step-size factors on a sign change and on a kept sign; 0 < η₋ < 1 < η₊"),
          HyperParameter.reals(
              "step_sizes",
              List.of(stepSizeMin, stepSizeMax),
              2,
              Range.atLeast(0),
              "minimal and maximal step size; min ≤ max"),
          Common.maximize());
    }

    Config with(HyperParameters values) {
      double[] etas = values.reals("etas");
      double[] sizes = values.reals("step_sizes");
      return new Config(
          values.real("lr"), etas[0], etas[1], sizes[0], sizes[1], values.bool("maximize"));
    }

    Config {
      Common.require("rprop", "lr", lr, Range.atLeast(0));
      Common.require("rprop", "etas", etaMinus, Range.greaterThan(0));
      Common.require("rprop", "etas", etaPlus, Range.greaterThan(0));
      if (!(etaMinus < 1 && 1 < etaPlus)) {
        throw new InvalidHyperParameterException(
            "etas",
            "rprop.etas = ["
                + etaMinus
                + ", "
                + etaPlus
                + "] is not allowed: must satisfy 0 < etaminus < 1 < etaplus");
      }
      Common.require("rprop", "step_sizes", stepSizeMin, Range.atLeast(0));
      Common.require("rprop", "step_sizes", stepSizeMax, Range.atLeast(0));
      if (!(stepSizeMin <= stepSizeMax)) {
        throw new InvalidHyperParameterException(
            "step_sizes",
            "rprop.step_sizes = ["
                + stepSizeMin
                + ", "
                + stepSizeMax
                + "] is not allowed: the minimum must not exceed the maximum");
      }
    }
  }

  static final class State extends OptimizerStateBase {
    long step;
    final double[] prev;
    final double[] stepSize;

    State(String id, int dimension) {
      super(id, dimension);
      prev = new double[dimension];
      stepSize = new double[dimension];
    }

    @Override
    public StateSnapshot snapshot() {
      Map<String, double[]> arrays = new LinkedHashMap<>();
      arrays.put("prev", prev);
      arrays.put("step_size", stepSize);
      return new StateSnapshot(optimizerId, dimension, arrays, Map.of("step", (double) step));
    }
  }

  private final String id;
  private final Config config;

  Rprop(String id, Config config) {
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
      java.util.Arrays.fill(state.stepSize, lr);
    }
    state.step++;
    double[] prev = state.prev;
    double[] eta = state.stepSize;
    for (int i = 0; i < params.length; i++) {
      double g = config.maximize() ? -gradient[i] : gradient[i];
      double s = Math.signum(g * prev[i]);
      double factor = s > 0 ? config.etaPlus() : s < 0 ? config.etaMinus() : 1;
      eta[i] = Math.min(Math.max(eta[i] * factor, config.stepSizeMin()), config.stepSizeMax());
      if (s < 0) {
        g = 0;
      }
      params[i] -= Math.signum(g) * eta[i];
      prev[i] = g;
    }
  }

  @Override
  public OptimizerState restore(StateSnapshot snapshot, int dimension) {
    snapshot.requireFrom(id, dimension);
    State state = new State(id, dimension);
    state.step = Common.count(snapshot, "step");
    Adam.copy(snapshot, "prev", state.prev);
    Adam.copy(snapshot, "step_size", state.stepSize);
    return state;
  }
}
