package dev.gradus.runner.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Every pair of k samples tested with the two-sided rank-sum test ({@link RankSum}), the p-values
 * corrected together by Holm–Bonferroni, as one family: a table of all pairs of a function's
 * configurations claims nothing more often than α overall.
 */
public final class Pairwise {
  private Pairwise() {}

  /**
   * One pair, {@code a < b} by sample index.
   *
   * @param u U of sample a (pairs with a's value above b's, ties ½); NaN when a sample was empty
   * @param p the two-sided p-value, NaN when not tested
   * @param pHolm the Holm-adjusted p-value over the tested pairs, NaN when not tested
   * @param lower which sample tends to be smaller: −1 for a, +1 for b, 0 for neither or untested
   */
  public record Pair(int a, int b, double u, double p, double pHolm, int lower) {
    /** Tested, and the difference holds at level α after the correction. */
    public boolean significant(double alpha) {
      return pHolm <= alpha;
    }
  }

  /**
   * Tests every pair (i, j), i &lt; j, in the order (0, 1), (0, 2), …, (1, 2), …. A pair with an
   * empty sample is not tested and does not count in the correction.
   *
   * @param samples not null; each sample without NaN, possibly with {@code +∞}
   */
  public static List<Pair> of(List<double[]> samples) {
    int k = samples.size();
    List<int[]> pairs = new ArrayList<>();
    List<RankSum.Result> results = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      for (int j = i + 1; j < k; j++) {
        double[] x = samples.get(i);
        double[] y = samples.get(j);
        pairs.add(new int[] {i, j});
        results.add(x.length == 0 || y.length == 0 ? null : RankSum.test(x, y));
      }
    }
    double[] p = new double[results.size()];
    for (int n = 0; n < p.length; n++) {
      p[n] = results.get(n) == null ? Double.NaN : results.get(n).p();
    }
    double[] adjusted = RankSum.holmOfTested(p);
    List<Pair> out = new ArrayList<>();
    for (int n = 0; n < p.length; n++) {
      int i = pairs.get(n)[0];
      int j = pairs.get(n)[1];
      RankSum.Result r = results.get(n);
      if (r == null) {
        out.add(new Pair(i, j, Double.NaN, Double.NaN, Double.NaN, 0));
        continue;
      }
      double half = samples.get(i).length * (double) samples.get(j).length / 2;
      int lower = r.u() < half ? -1 : r.u() > half ? 1 : 0;
      out.add(new Pair(i, j, r.u(), r.p(), adjusted[n], lower));
    }
    return out;
  }
}
