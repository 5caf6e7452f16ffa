package dev.gradus.optimizers;

/**
 * torch OneCycleLR's closed form: phases end at (fractional) steps pct_start·total − 1, then
 * (three-phase) 2·pct_start·total − 2, and total − 1; within a phase, pct = (t − start) / (end −
 * start) and the rate anneals from the phase's start value to its end value. With cycle_momentum,
 * the momentum anneals over the same phases from max to base momentum and back (three-phase: max →
 * base → max → max).
 */
final class OneCycle implements Schedule {
  private final double[] phaseEnds;
  private final double[] phaseStartLrs;
  private final double[] phaseEndLrs;
  private final long totalSteps;
  private final Anneal anneal;
  private final boolean cycleMomentum;
  private final double[] phaseStartMomenta;
  private final double[] phaseEndMomenta;

  OneCycle(
      double maxLr,
      long totalSteps,
      double pctStart,
      Anneal anneal,
      double divFactor,
      double finalDivFactor,
      boolean threePhase,
      boolean cycleMomentum,
      double baseMomentum,
      double maxMomentum) {
    Schedules.positive("max_lr", maxLr);
    Schedules.positive("total_steps", totalSteps);
    Schedules.inRange("pct_start", pctStart, 0, true, 1);
    Schedules.positive("div_factor", divFactor);
    Schedules.positive("final_div_factor", finalDivFactor);
    if (anneal == null) {
      throw new IllegalArgumentException("anneal_strategy = null is not allowed: cos or linear");
    }
    Schedules.inRange("base_momentum", baseMomentum, 0, true, 1);
    Schedules.inRange("max_momentum", maxMomentum, 0, true, 1);
    this.cycleMomentum = cycleMomentum;
    this.totalSteps = totalSteps;
    this.anneal = anneal;
    double initialLr = maxLr / divFactor;
    double minLr = initialLr / finalDivFactor;
    double rise = pctStart * totalSteps - 1;
    if (threePhase) {
      phaseEnds = new double[] {rise, 2 * pctStart * totalSteps - 2, totalSteps - 1};
      phaseStartLrs = new double[] {initialLr, maxLr, initialLr};
      phaseEndLrs = new double[] {maxLr, initialLr, minLr};
      phaseStartMomenta = new double[] {maxMomentum, baseMomentum, maxMomentum};
      phaseEndMomenta = new double[] {baseMomentum, maxMomentum, maxMomentum};
    } else {
      phaseEnds = new double[] {rise, totalSteps - 1};
      phaseStartLrs = new double[] {initialLr, maxLr};
      phaseEndLrs = new double[] {maxLr, minLr};
      phaseStartMomenta = new double[] {maxMomentum, baseMomentum};
      phaseEndMomenta = new double[] {baseMomentum, maxMomentum};
    }
  }

  @Override
  public double lr(long step, double baseLr) {
    return value(step, phaseStartLrs, phaseEndLrs);
  }

  @Override
  public boolean cyclesMomentum() {
    return cycleMomentum;
  }

  @Override
  public double momentum(long step, double configured) {
    return cycleMomentum ? value(step, phaseStartMomenta, phaseEndMomenta) : configured;
  }

  /** The annealed value at {@code step} of the phases from {@code starts} to {@code ends}. */
  private double value(long step, double[] starts, double[] ends) {
    if (step > totalSteps) {
      return ends[ends.length - 1];
    }
    double start = 0;
    int last = phaseEnds.length - 1;
    for (int i = 0; i <= last; i++) {
      double end = phaseEnds[i];
      if (step <= end || i == last) {
        double pct = (step - start) / (end - start);
        return anneal(starts[i], ends[i], pct);
      }
      start = end;
    }
    throw new AssertionError();
  }

  private double anneal(double from, double to, double pct) {
    return switch (anneal) {
      case COS -> to + (from - to) / 2 * (Math.cos(Math.PI * pct) + 1);
      case LINEAR -> (to - from) * pct + from;
    };
  }
}
