package dev.gradus.runner.results;

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
    double position = q * (v.length - 1);
    int lower = (int) Math.floor(position);
    int upper = Math.min(v.length - 1, lower + 1);
    double fraction = position - lower;
    if (fraction == 0) {
      return v[lower];
    }
    return v[lower] + (v[upper] - v[lower]) * fraction;
  }
}
