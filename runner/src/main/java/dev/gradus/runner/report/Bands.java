package dev.gradus.runner.report;

import dev.gradus.runner.analysis.Quantiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The median and quartiles of several runs' curves on a common grid. Each run is a step function:
 * at a grid point it has the value of its last recorded row at or before that point, and after its
 * last row it keeps its last value (a run that stopped stays where it stopped). A run does not
 * contribute before its first row. Non-finite values count as +∞ (a diverged run is worse than any
 * other), so a median that is not finite is NaN: a gap in the drawn line.
 */
final class Bands {
  private Bands() {}

  /** At each grid point x: the median and the 25% and 75% quantiles over the runs; NaN if none. */
  record Band(double[] x, double[] median, double[] lower, double[] upper) {}

  static Band of(List<double[]> xs, List<double[]> ys, double[] grid) {
    double[] median = new double[grid.length];
    double[] lower = new double[grid.length];
    double[] upper = new double[grid.length];
    List<Double> values = new ArrayList<>();
    for (int g = 0; g < grid.length; g++) {
      values.clear();
      for (int r = 0; r < xs.size(); r++) {
        double[] x = xs.get(r);
        int k = lastAtOrBefore(x, grid[g]);
        if (k >= 0) {
          double y = ys.get(r)[k];
          values.add(Double.isFinite(y) ? y : Double.POSITIVE_INFINITY);
        }
      }
      median[g] = finiteOrNaN(Quantiles.linear(values, 0.5));
      lower[g] = finiteOrNaN(Quantiles.linear(values, 0.25));
      upper[g] = finiteOrNaN(Quantiles.linear(values, 0.75));
    }
    return new Band(grid.clone(), median, lower, upper);
  }

  /**
   * At most {@code points} grid points evenly spread from 0 to the largest x of any run, rounded to
   * integers when {@code integers}.
   */
  static double[] grid(List<double[]> xs, int points, boolean integers) {
    double max = 0;
    for (double[] x : xs) {
      if (x.length > 0) {
        max = Math.max(max, x[x.length - 1]);
      }
    }
    int n = integers ? (int) Math.min(points, max + 1) : points;
    n = Math.max(n, 2);
    double[] grid = new double[n];
    for (int k = 0; k < n; k++) {
      double v = max * k / (n - 1);
      grid[k] = integers ? Math.rint(v) : v;
    }
    return grid;
  }

  /** The index of the last element ≤ value in an increasing array, or −1. */
  static int lastAtOrBefore(double[] sorted, double value) {
    int k = Arrays.binarySearch(sorted, value);
    if (k >= 0) {
      while (k + 1 < sorted.length && sorted[k + 1] == value) {
        k++;
      }
      return k;
    }
    return -k - 2;
  }

  private static double finiteOrNaN(double v) {
    return Double.isFinite(v) ? v : Double.NaN;
  }
}
