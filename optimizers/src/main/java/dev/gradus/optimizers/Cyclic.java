package dev.gradus.optimizers;

/**
 * torch CyclicLR's closed form, step by step as its {@code get_lr} computes it: the position x in
 * the cycle, the scale factor s of the rising or falling half, and the mode's amplitude scale.
 */
final class Cyclic implements Schedule {
  private final double baseLr;
  private final double maxLr;
  private final double totalSize;
  private final double stepRatio;
  private final CyclicMode mode;
  private final double gamma;
  private final boolean cycleMomentum;
  private final double baseMomentum;
  private final double maxMomentum;

  Cyclic(
      double baseLr,
      double maxLr,
      long stepSizeUp,
      long stepSizeDown,
      CyclicMode mode,
      double gamma,
      boolean cycleMomentum,
      double baseMomentum,
      double maxMomentum) {
    Schedules.nonNegative("base_lr", baseLr);
    Schedules.nonNegative("max_lr", maxLr);
    Schedules.positive("step_size_up", stepSizeUp);
    if (stepSizeDown != 0) {
      Schedules.positive("step_size_down", stepSizeDown);
    }
    if (mode == null) {
      throw new IllegalArgumentException(
          "mode = null is not allowed: triangular, triangular2 or exp_range");
    }
    Schedules.positive("gamma", gamma);
    Schedules.inRange("base_momentum", baseMomentum, 0, true, 1);
    Schedules.inRange("max_momentum", maxMomentum, 0, true, 1);
    this.baseLr = baseLr;
    this.maxLr = maxLr;
    double up = stepSizeUp;
    double down = stepSizeDown == 0 ? up : stepSizeDown;
    this.totalSize = up + down;
    this.stepRatio = up / totalSize;
    this.mode = mode;
    this.gamma = gamma;
    this.cycleMomentum = cycleMomentum;
    this.baseMomentum = baseMomentum;
    this.maxMomentum = maxMomentum;
  }

  @Override
  public double lr(long step, double ignoredBaseLr) {
    double cycle = Math.floor(1 + step / totalSize);
    double x = 1. + step / totalSize - cycle;
    double scaleFactor = x <= stepRatio ? x / stepRatio : (x - 1) / (stepRatio - 1);
    // torch: base_lr + (max_lr − base_lr)·s·scale, in that order of operations
    return baseLr + (maxLr - baseLr) * scaleFactor * scale(step, cycle);
  }

  @Override
  public boolean cyclesMomentum() {
    return cycleMomentum;
  }

  @Override
  public double momentum(long step, double configured) {
    if (!cycleMomentum) {
      return configured;
    }
    double cycle = Math.floor(1 + step / totalSize);
    double x = 1. + step / totalSize - cycle;
    double scaleFactor = x <= stepRatio ? x / stepRatio : (x - 1) / (stepRatio - 1);
    return maxMomentum - (maxMomentum - baseMomentum) * scaleFactor * scale(step, cycle);
  }

  private double scale(long step, double cycle) {
    return switch (mode) {
      case TRIANGULAR -> 1.;
      case TRIANGULAR2 -> 1 / Math.pow(2., cycle - 1);
      case EXP_RANGE -> Math.pow(gamma, step);
    };
  }
}
