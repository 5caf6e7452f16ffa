package dev.gradus.runner.report;

/**
 * Axis ranges that always make a readable axis: whole decades on a log axis, a little margin on a
 * linear one, and a sensible span around a constant (where a library would draw a degenerate axis
 * with no ticks).
 */
final class AxisRanges {
  private AxisRanges() {}

  /**
   * {lo, hi} in whole powers of {@code base} around [min, max], both > 0; one power either side of
   * a constant. Non-positive or non-finite bounds fall back to [1, base].
   */
  static double[] log(double min, double max, int base) {
    if (!(min > 0) || !Double.isFinite(min)) {
      min = Double.isFinite(max) && max > 0 ? max : 1;
    }
    if (!(max >= min) || !Double.isFinite(max)) {
      max = min;
    }
    double lo = Math.floor(log(min, base) + 1e-9);
    double hi = Math.ceil(log(max, base) - 1e-9);
    if (hi <= lo) {
      lo -= 1;
      hi += 1;
    }
    return new double[] {Math.pow(base, lo), Math.pow(base, hi)};
  }

  /** {lo, hi} with 5% margins; a constant gets ±1 (or ±10% of itself, if larger). */
  static double[] linear(double min, double max) {
    if (!Double.isFinite(min) || !Double.isFinite(max)) {
      return new double[] {0, 1};
    }
    if (max <= min) {
      double half = Math.max(1, Math.abs(min) * 0.1);
      return new double[] {min - half, min + half};
    }
    double pad = 0.05 * (max - min);
    return new double[] {min - pad, max + pad};
  }

  /** [0, max] for counts (iterations, evaluations); [0, 1] when max is 0. */
  static double[] count(double max) {
    return new double[] {0, max > 0 && Double.isFinite(max) ? max : 1};
  }

  private static double log(double v, int base) {
    return Math.log(v) / Math.log(base);
  }
}
