package dev.gradus.runner.report;

import java.util.Arrays;

/**
 * Where the report samples long curves: evaluation counts spread evenly on a log scale, so a trace
 * of 20,000 rows becomes at most a few hundred points that still show its first steps in detail.
 */
final class LogGrid {
  private LogGrid() {}

  /**
   * At most {@code points} distinct integers from {@code from} to {@code to}, both included, evenly
   * spaced in log(x) and rounded (close to {@code from} they are every integer).
   *
   * @throws IllegalArgumentException unless 1 ≤ from ≤ to and points ≥ 2
   */
  static double[] integers(double from, double to, int points) {
    if (!(from >= 1 && from <= to) || points < 2) {
      throw new IllegalArgumentException(
          "a log grid needs 1 ≤ from ≤ to and 2 points or more; got " + from + ", " + to);
    }
    double[] grid = new double[points];
    int n = 0;
    double a = Math.log(from);
    double b = Math.log(to);
    for (int k = 0; k < points; k++) {
      double v = Math.rint(Math.exp(a + (b - a) * k / (points - 1)));
      v = Math.min(Math.max(v, Math.rint(from)), Math.rint(to));
      if (n == 0 || v > grid[n - 1]) {
        grid[n++] = v;
      }
    }
    return Arrays.copyOf(grid, n);
  }
}
