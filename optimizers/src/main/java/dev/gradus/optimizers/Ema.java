package dev.gradus.optimizers;

import dev.gradus.spi.Evaluator;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerState;
import dev.gradus.spi.StateSnapshot;
import java.util.Map;

/**
 * An exponential moving average of the iterates (optax.ema): after step t, with x_t the new point,
 * ema ← decay·ema + (1 − decay)·x_t from ema = 0; the averaged point is ema / (1 − decayᵗ) with
 * {@code debias}, else ema. The trajectory is the inner optimizer's, unchanged.
 */
final class Ema extends Wrapper {
  private final Wrappers.EmaConfig config;

  Ema(Optimizer inner, Wrappers.EmaConfig config) {
    super(Wrappers.EMA, inner);
    this.config = config;
  }

  private static final class State extends Wrapper.State {
    final double[] ema;
    long step;

    State(Wrapper owner, int dimension) {
      super(owner, dimension);
      ema = new double[dimension];
    }

    @Override
    void own(Map<String, double[]> arrays, Map<String, Double> scalars) {
      arrays.put("ema", ema.clone());
      scalars.put("step", (double) step);
    }
  }

  @Override
  Wrapper.State fresh(int dimension) {
    return new State(this, dimension);
  }

  @Override
  Wrapper.State restoreOwn(StateSnapshot own, int dimension) {
    State state = new State(this, dimension);
    System.arraycopy(array(own, "ema", dimension), 0, state.ema, 0, dimension);
    state.step = count(own, "step");
    return state;
  }

  @Override
  void wrapStep(
      double[] params,
      double value,
      double[] gradient,
      double lr,
      double momentum,
      Schedule schedule,
      long t,
      Wrapper.State wrapperState,
      Evaluator objective) {
    State state = (State) wrapperState;
    stepInner(params, value, gradient, lr, momentum, schedule, t, state, objective);
    state.step++;
    double decay = config.decay();
    double[] ema = state.ema;
    for (int i = 0; i < params.length; i++) {
      ema[i] = decay * ema[i] + (1 - decay) * params[i];
    }
  }

  @Override
  boolean averages() {
    return true;
  }

  @Override
  String averagedName() {
    return Wrappers.EMA;
  }

  @Override
  boolean averagedPoint(OptimizerState optimizerState, double[] into) {
    State state = (State) check(optimizerState);
    if (state.step == 0) {
      return false;
    }
    double correction = config.debias() ? 1 - Math.pow(config.decay(), state.step) : 1;
    for (int i = 0; i < into.length; i++) {
      into[i] = state.ema[i] / correction;
    }
    return true;
  }

  @Override
  public String toString() {
    return "ema(" + inner + ", " + config + ")";
  }
}
