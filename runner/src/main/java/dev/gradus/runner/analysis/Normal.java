package dev.gradus.runner.analysis;

/** The standard normal distribution's upper tail, for p-values. */
final class Normal {
  private Normal() {}

  /** P(Z > z) = erfc(z/√2)/2, to about 1e-15 relative accuracy. */
  static double upperTail(double z) {
    return erfc(z / Math.sqrt(2)) / 2;
  }

  /**
   * The complementary error function, by its continued fraction for x ≥ 2 and by the Taylor series
   * of erf below; both converge quickly in their ranges.
   */
  static double erfc(double x) {
    if (x < 0) {
      return 2 - erfc(-x);
    }
    if (x < 2) {
      // erf(x) = 2/√π Σ (−1)^n x^(2n+1) / (n! (2n+1))
      double sum = 0;
      double term = x;
      for (int n = 0; n < 200; n++) {
        double add = term / (2 * n + 1);
        sum += add;
        if (Math.abs(add) < 1e-17 * Math.abs(sum)) {
          break;
        }
        term *= -x * x / (n + 1);
      }
      return 1 - 2 / Math.sqrt(Math.PI) * sum;
    }
    if (x > 27) {
      return 0;
    }
    // erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + …))))), evaluated backwards
    double fraction = x;
    for (int k = 120; k >= 1; k--) {
      fraction = x + (k / 2.0) / fraction;
    }
    return Math.exp(-x * x) / Math.sqrt(Math.PI) / fraction;
  }
}
