package dev.gradus.runner.report;

import java.util.Arrays;

/**
 * The fixed-target empirical cumulative distribution, as COCO draws it: for a set of (run, target)
 * pairs, the share of pairs whose run reached f − f* ≤ target within a number of evaluations.
 */
final class Ecdf {
  private Ecdf() {}

  /**
   * A step curve: after {@code evaluations[k]} evaluations the share {@code fraction[k]} of all
   * pairs had reached their target. Evaluations increase strictly; the curve is 0 before the first.
   */
  record Curve(double[] evaluations, double[] fraction) {}

  /**
   * The evaluations after which a run first had f − f* ≤ target, or +∞ if it never had.
   *
   * @param evaluations the evaluation count at each recorded row of the run
   * @param gaps f − f* at the same rows; NaN rows never count as reached
   */
  static double firstHit(double[] evaluations, double[] gaps, double target) {
    for (int k = 0; k < gaps.length; k++) {
      if (gaps[k] <= target) {
        return evaluations[k];
      }
    }
    return Double.POSITIVE_INFINITY;
  }

  /**
   * The curve of a set of pairs, given each pair's first hit (+∞ for a pair never reached).
   *
   * @throws IllegalArgumentException for no pairs
   */
  static Curve curve(double[] hits) {
    if (hits.length == 0) {
      throw new IllegalArgumentException("an ECDF needs at least one (run, target) pair");
    }
    double[] sorted = hits.clone();
    Arrays.sort(sorted);
    double[] x = new double[sorted.length];
    double[] y = new double[sorted.length];
    int points = 0;
    for (int k = 0; k < sorted.length && Double.isFinite(sorted[k]); k++) {
      if (points > 0 && x[points - 1] == sorted[k]) {
        y[points - 1] = (k + 1) / (double) hits.length;
      } else {
        x[points] = sorted[k];
        y[points] = (k + 1) / (double) hits.length;
        points++;
      }
    }
    return new Curve(Arrays.copyOf(x, points), Arrays.copyOf(y, points));
  }
}
