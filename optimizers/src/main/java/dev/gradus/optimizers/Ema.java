package dev.gradus.optimizers;

import dev.gradus.spi.Evaluator;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerState;
import dev.gradus.spi.StateSnapshot;

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

  @Override
  Wrapper.State fresh(int dimension) {
    return new PointState(this, dimension, "ema");
  }

  @Override
  Wrapper.State restoreOwn(StateSnapshot own, int dimension) {
    return new PointState(this, dimension, "ema").restoredFrom(own);
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
    PointState state = (PointState) wrapperState;
    stepInner(params, value, gradient, lr, momentum, schedule, t, state, objective);
    state.step++;
    double decay = config.decay();
    double[] ema = state.point;
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
    PointState state = (PointState) check(optimizerState);
    if (state.step == 0) {
      return false;
    }
    double correction = config.debias() ? 1 - Math.pow(config.decay(), state.step) : 1;
    for (int i = 0; i < into.length; i++) {
      into[i] = state.point[i] / correction;
    }
    return true;
  }

  @Override
  public String toString() {
    return "ema(" + inner + ", " + config + ")";
  }
}
