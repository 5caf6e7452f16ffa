package dev.gradus.optimizers;

import java.util.List;

/**
 * torch ReduceLROnPlateau. Its state is the best value so far, the number of bad steps, the
 * cooldown counter and the number of reductions k; a group's rate is its base rate after k of
 * torch's reductions lr ← max(lr·factor, min_lr), each applied only when it lowers the rate by more
 * than eps. A reduction that does not apply leaves the rate at a fixed point, so the rate of every
 * group follows from its base rate and k alone, as torch's per-group running rate does.
 */
final class ReduceOnPlateau implements LossDrivenSchedule {
  static final int BEST = 0;
  static final int BAD = 1;
  static final int COOLDOWN = 2;
  static final int REDUCTIONS = 3;
  private static final List<String> NAMES =
      List.of("best", "num_bad_epochs", "cooldown_counter", "reductions");

  private final boolean maximize;
  private final double factor;
  private final long patience;
  private final double threshold;
  private final boolean relative;
  private final long cooldown;
  private final double minLr;
  private final double eps;

  ReduceOnPlateau(
      boolean maximize,
      double factor,
      long patience,
      double threshold,
      boolean relative,
      long cooldown,
      double minLr,
      double eps) {
    if (!(factor >= 0 && factor < 1)) {
      throw new IllegalArgumentException(
          "factor = " + factor + " is not allowed: must be a number in [0, 1)");
    }
    if (patience < 0) {
      throw new IllegalArgumentException(
          "patience = " + patience + " is not allowed: must be an integer in [0, ∞)");
    }
    Schedules.nonNegative("threshold", threshold);
    if (cooldown < 0) {
      throw new IllegalArgumentException(
          "cooldown = " + cooldown + " is not allowed: must be an integer in [0, ∞)");
    }
    Schedules.nonNegative("min_lr", minLr);
    Schedules.nonNegative("eps", eps);
    this.maximize = maximize;
    this.factor = factor;
    this.patience = patience;
    this.threshold = threshold;
    this.relative = relative;
    this.cooldown = cooldown;
    this.minLr = minLr;
    this.eps = eps;
  }

  @Override
  public List<String> stateNames() {
    return NAMES;
  }

  @Override
  public double[] initialState() {
    return new double[] {maximize ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY, 0, 0, 0};
  }

  @Override
  public double lr(double[] state, double baseLr) {
    double lr = baseLr;
    for (long k = (long) state[REDUCTIONS]; k > 0; k--) {
      double reduced = Math.max(lr * factor, minLr);
      if (!(lr - reduced > eps)) {
        break; // torch leaves the rate, and so will every later reduction
      }
      lr = reduced;
    }
    return lr;
  }

  /** torch's step(metrics): is_better, the bad-epoch count, cooldown, then a reduction. */
  @Override
  public void observe(double[] state, double value) {
    if (isBetter(value, state[BEST])) {
      state[BEST] = value;
      state[BAD] = 0;
    } else {
      state[BAD]++;
    }
    if (state[COOLDOWN] > 0) {
      state[COOLDOWN]--;
      state[BAD] = 0;
    }
    if (state[BAD] > patience) {
      state[REDUCTIONS]++;
      state[COOLDOWN] = cooldown;
      state[BAD] = 0;
    }
  }

  private boolean isBetter(double a, double best) {
    if (maximize) {
      return relative ? a > best * (threshold + 1) : a > best + threshold;
    }
    return relative ? a < best * (1 - threshold) : a < best - threshold;
  }

  @Override
  public void check(double[] state) {
    if (state.length != NAMES.size() || Double.isNaN(state[BEST])) {
      throw new IllegalArgumentException(
          "reduce_on_plateau state " + java.util.Arrays.toString(state));
    }
    for (int i = BAD; i <= REDUCTIONS; i++) {
      if (!(state[i] >= 0) || state[i] != Math.rint(state[i]) || Double.isInfinite(state[i])) {
        throw new IllegalArgumentException(
            "snapshot: 'schedule." + NAMES.get(i) + "' = " + state[i] + " is not a count");
      }
    }
  }
}
