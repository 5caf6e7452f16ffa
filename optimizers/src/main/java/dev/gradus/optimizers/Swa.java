package dev.gradus.optimizers;

import dev.gradus.spi.Evaluator;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerState;
import dev.gradus.spi.StateSnapshot;
import java.util.Map;

/**
 * Stochastic weight averaging / Polyak averaging (Izmailov et al., 2018; Polyak &amp; Juditsky,
 * 1992), as torch.optim.swa_utils.AveragedModel averages: the equal-weight running mean of the
 * points x_t after steps t = swa_start, swa_start + swa_freq, …; avg ← x_t at the first, then avg ←
 * avg + (x_t − avg)/(n + 1) with n the points averaged so far. The trajectory is unchanged.
 */
final class Swa extends Wrapper {
  private final Wrappers.SwaConfig config;

  Swa(Optimizer inner, Wrappers.SwaConfig config) {
    super(Wrappers.SWA, inner);
    this.config = config;
  }

  /** The average and the step count, and how many points the average holds. */
  private static final class State extends PointState {
    long averaged;

    State(Wrapper owner, int dimension) {
      super(owner, dimension, "swa_average");
    }

    @Override
    void own(Map<String, double[]> arrays, Map<String, Double> scalars) {
      super.own(arrays, scalars);
      scalars.put("n_averaged", (double) averaged);
    }
  }

  @Override
  Wrapper.State fresh(int dimension) {
    return new State(this, dimension);
  }

  @Override
  Wrapper.State restoreOwn(StateSnapshot own, int dimension) {
    State state = new State(this, dimension);
    state.restoredFrom(own);
    state.averaged = count(own, "n_averaged");
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
    long since = state.step - config.swaStart();
    if (since >= 0 && since % config.swaFreq() == 0) {
      double[] average = state.point;
      if (state.averaged == 0) {
        System.arraycopy(params, 0, average, 0, params.length);
      } else {
        double n = state.averaged;
        for (int i = 0; i < params.length; i++) {
          average[i] += (params[i] - average[i]) / (n + 1);
        }
      }
      state.averaged++;
    }
  }

  @Override
  boolean averages() {
    return true;
  }

  @Override
  String averagedName() {
    return Wrappers.SWA;
  }

  @Override
  boolean averagedPoint(OptimizerState optimizerState, double[] into) {
    State state = (State) check(optimizerState);
    if (state.averaged == 0) {
      return false;
    }
    System.arraycopy(state.point, 0, into, 0, into.length);
    return true;
  }

  @Override
  public String toString() {
    return "swa(" + inner + ", " + config + ")";
  }
}
