package dev.gradus.runner.analysis;

import java.util.Arrays;
import java.util.List;

/** Sample quantiles, one definition for the summary and the plots. */
public final class Quantiles {
  private Quantiles() {}

  /**
   * The q-quantile with linear interpolation between order statistics, as NumPy's default ({@code
   * numpy.quantile([1, 2, 3, 4], 0.25) = 1.75}); NaN for no values. An order statistic hit exactly
   * is returned as it is, so that an infinite value does not become NaN.
   */
  public static double linear(List<Double> values, double q) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(v);
    return ofSorted(v, q);
  }

  /**
   * {@link #linear} of values already sorted, not empty. Where both neighbours are equal (two
   * infinities, say) that value is returned, not the NaN that ∞ − ∞ would give.
   */
  public static double ofSorted(double[] sorted, double q) {
    double position = q * (sorted.length - 1);
    int lower = (int) Math.floor(position);
    int upper = Math.min(sorted.length - 1, lower + 1);
    double fraction = position - lower;
    if (fraction == 0 || sorted[lower] == sorted[upper]) {
      return sorted[lower];
    }
    return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction;
  }
}
