package dev.gradus.runner.analysis;

import java.util.Arrays;

/**
 * The two-sided Wilcoxon rank-sum test (Mann–Whitney U) of whether one sample tends to be smaller
 * than another, and Holm–Bonferroni's correction for testing many pairs. Small samples without ties
 * get the exact p-value; others the normal approximation with tie correction and continuity
 * correction (as scipy.stats.mannwhitneyu with {@code method="asymptotic"}).
 */
public final class RankSum {
  /** Up to this many values in all, without ties, the p-value is exact. */
  static final int EXACT_UP_TO = 20;

  private RankSum() {}

  /**
   * @param u the U statistic of the first sample: the pairs (x, y) with x > y, ties counting ½
   * @param p the two-sided p-value
   */
  public record Result(double u, double p) {}

  /**
   * Tests {@code x} against {@code y}; NaN values are not allowed, and a sample may hold +∞ (as an
   * unreached target's runtime).
   *
   * @throws IllegalArgumentException for an empty sample or a NaN
   */
  public static Result test(double[] x, double[] y) {
    if (x.length == 0 || y.length == 0) {
      throw new IllegalArgumentException("the rank-sum test needs two non-empty samples");
    }
    int n1 = x.length;
    int n2 = y.length;
    int n = n1 + n2;
    double[] all = new double[n];
    System.arraycopy(x, 0, all, 0, n1);
    System.arraycopy(y, 0, all, n1, n2);
    for (double v : all) {
      if (Double.isNaN(v)) {
        throw new IllegalArgumentException("the rank-sum test cannot rank NaN");
      }
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(all[a], all[b]));
    double[] ranks = new double[n];
    double tieTerm = 0;
    for (int i = 0; i < n; ) {
      int j = i;
      while (j + 1 < n && all[order[j + 1]] == all[order[i]]) {
        j++;
      }
      double average = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        ranks[order[k]] = average;
      }
      double t = j - i + 1;
      tieTerm += t * t * t - t;
      i = j + 1;
    }
    double r1 = 0;
    for (int i = 0; i < n1; i++) {
      r1 += ranks[i];
    }
    double u1 = r1 - n1 * (n1 + 1) / 2.0;
    double mean = n1 * (double) n2 / 2;
    if (tieTerm == 0 && n <= EXACT_UP_TO) {
      return new Result(u1, exactTwoSided(u1, n1, n2));
    }
    double variance = n1 * (double) n2 / 12 * ((n + 1) - tieTerm / (n * (n - 1.0)));
    if (variance == 0) {
      return new Result(u1, 1); // every value equal
    }
    double distance = Math.max(0, Math.abs(u1 - mean) - 0.5);
    double z = distance / Math.sqrt(variance);
    return new Result(u1, Math.min(1, 2 * Normal.upperTail(z)));
  }

  /**
   * 2·P(U ≤ min(u, n1·n2 − u)) under the null, by counting arrangements: with f(a, b, k) the
   * orderings of a x's and b y's with U = k, the largest value is an x (it beats all b y's) or a y
   * (it beats none), so f(a, b, k) = f(a − 1, b, k − b) + f(a, b − 1, k).
   */
  static double exactTwoSided(double u, int n1, int n2) {
    int max = n1 * n2;
    double[][][] f = new double[n1 + 1][n2 + 1][max + 1];
    for (int a = 0; a <= n1; a++) {
      for (int b = 0; b <= n2; b++) {
        if (a == 0 || b == 0) {
          f[a][b][0] = 1;
          continue;
        }
        for (int k = 0; k <= a * b; k++) {
          f[a][b][k] = (k - b >= 0 ? f[a - 1][b][k - b] : 0) + f[a][b - 1][k];
        }
      }
    }
    double low = Math.min(u, max - u);
    double total = 0;
    double atMost = 0;
    for (int k = 0; k <= max; k++) {
      total += f[n1][n2][k];
      if (k <= low + 1e-9) {
        atMost += f[n1][n2][k];
      }
    }
    return Math.min(1, 2 * atMost / total);
  }

  /**
   * Holm–Bonferroni adjusted p-values, in the order given: the i-th smallest p times (m − i + 1),
   * made monotone and capped at 1. A pair is significant at level α when its adjusted p ≤ α.
   */
  public static double[] holm(double[] p) {
    int m = p.length;
    Integer[] order = new Integer[m];
    for (int i = 0; i < m; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
    double[] adjusted = new double[m];
    double running = 0;
    for (int rank = 0; rank < m; rank++) {
      int i = order[rank];
      running = Math.max(running, Math.min(1, (m - rank) * p[i]));
      adjusted[i] = running;
    }
    return adjusted;
  }

  /**
   * {@link #holm} of the pairs that were tested: a NaN (a pair not tested, for want of data) stays
   * NaN and does not count among the m comparisons.
   */
  public static double[] holmOfTested(double[] p) {
    int[] tested = new int[p.length];
    int m = 0;
    for (int i = 0; i < p.length; i++) {
      if (!Double.isNaN(p[i])) {
        tested[m++] = i;
      }
    }
    double[] values = new double[m];
    for (int k = 0; k < m; k++) {
      values[k] = p[tested[k]];
    }
    double[] adjusted = holm(values);
    double[] out = new double[p.length];
    Arrays.fill(out, Double.NaN);
    for (int k = 0; k < m; k++) {
      out[tested[k]] = adjusted[k];
    }
    return out;
  }
}
