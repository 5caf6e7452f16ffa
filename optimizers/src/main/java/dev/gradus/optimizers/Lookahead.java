package dev.gradus.optimizers;

import dev.gradus.spi.Evaluator;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.StateSnapshot;

/**
 * Lookahead (Zhang, Lucas, Hinton &amp; Ba, 2019; optax.lookahead): the inner optimizer takes k
 * fast steps, then slow ← slow + α(fast − slow) and fast ← slow. The slow weights start at the
 * point of the first step.
 */
final class Lookahead extends Wrapper {
  private final Wrappers.LookaheadConfig config;

  Lookahead(Optimizer inner, Wrappers.LookaheadConfig config) {
    super(Wrappers.LOOKAHEAD, inner);
    this.config = config;
  }

  @Override
  Wrapper.State fresh(int dimension) {
    return new PointState(this, dimension, "slow");
  }

  @Override
  Wrapper.State restoreOwn(StateSnapshot own, int dimension) {
    return new PointState(this, dimension, "slow").restoredFrom(own);
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
    if (state.step == 0) {
      System.arraycopy(params, 0, state.point, 0, params.length);
    }
    stepInner(params, value, gradient, lr, momentum, schedule, t, state, objective);
    state.step++;
    if (state.step % config.syncPeriod() == 0) {
      double alpha = config.slowStepSize();
      double[] slow = state.point;
      for (int i = 0; i < params.length; i++) {
        slow[i] += alpha * (params[i] - slow[i]);
        params[i] = slow[i];
      }
    }
  }

  @Override
  public String toString() {
    return "lookahead(" + inner + ", " + config + ")";
  }
}
