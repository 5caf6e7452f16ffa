package dev.gradus.runner.report;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Leaves out the points of a line that cannot change its picture at a given resolution, before it
 * is drawn: a trace of 20,000 rows over a 900-pixel axis is mostly points on top of each other, and
 * drawing them was most of a report's time (and of each PDF's size).
 *
 * <p>The axes are divided into a grid of cells (in the axes' own scale, so a log axis gets cells of
 * equal ratio). Of a run of consecutive points in one cell only the first and the last are kept:
 * every left-out point and the segments through it lie in that cell, and so does the segment that
 * replaces them, so the line moves by less than one cell. A line whose x never decreases (a
 * convergence curve, an ECDF) keeps, of each run in one column, its first and last points and those
 * with the least and the greatest y (the M4 aggregation of Jugel et al., 2014), which draws the
 * same pixels at that column width. Points outside the axes' ranges, and NaN points (where a line
 * breaks), are always kept, so that clipping and gaps are drawn as before. Markers keep one point
 * per cell. Dashed lines are not thinned ({@link FigureRenderer}): a dash pattern follows the
 * path's length, which thinning shortens.
 */
final class Thinning {
  private Thinning() {}

  /**
   * The line with only the points that matter on a grid of {@code columns × rows} cells over the
   * axes; the line itself when every point matters.
   */
  static Figure.Line thin(Figure.Line line, Figure.Axis x, Figure.Axis y, int columns, int rows) {
    int n = line.x().length;
    if (n < 3) {
      return line;
    }
    boolean markers = markers(line.kind());
    boolean monotone = !markers && nonDecreasing(line.x());
    // a monotone line is thinned per column, any other per cell
    long[] groups = new long[n];
    for (int i = 0; i < n; i++) {
      long cell = cell(line.x()[i], line.y()[i], x, y, columns, rows);
      groups[i] = cell == ALWAYS || !monotone ? cell : cell / rows;
    }
    int[] kept = markers ? distinct(groups) : alongLine(line.y(), groups, monotone);
    if (kept.length == n) {
      return line;
    }
    double[] tx = new double[kept.length];
    double[] ty = new double[kept.length];
    for (int k = 0; k < kept.length; k++) {
      tx[k] = line.x()[kept[k]];
      ty[k] = line.y()[kept[k]];
    }
    return new Figure.Line(
        line.label(), line.optimizer(), line.configuration(), line.kind(), tx, ty);
  }

  /** Marks a point that is kept whatever its neighbours. */
  static final long ALWAYS = -1;

  private static boolean markers(Figure.Kind kind) {
    return switch (kind) {
      case MAIN, QUARTILE, CONTOUR -> false;
      case MARKS, CLIPPED, START, MINIMUM -> true;
    };
  }

  private static boolean nonDecreasing(double[] x) {
    for (int i = 1; i < x.length; i++) {
      if (x[i] < x[i - 1]) {
        return false;
      }
    }
    return true;
  }

  /** A point's cell as column × rows + row; {@link #ALWAYS} outside the axes or for NaN. */
  static long cell(double px, double py, Figure.Axis x, Figure.Axis y, int columns, int rows) {
    double u = unit(px, x);
    double v = unit(py, y);
    if (!(u >= 0 && u <= 1 && v >= 0 && v <= 1)) {
      return ALWAYS;
    }
    long column = Math.min(columns - 1, (long) (u * columns));
    long row = Math.min(rows - 1, (long) (v * rows));
    return column * rows + row;
  }

  /** Where a value lies along the axis, 0 at its minimum and 1 at its maximum; NaN if nowhere. */
  private static double unit(double value, Figure.Axis a) {
    if (a.scale() == Figure.Scale.LINEAR) {
      return (value - a.min()) / (a.max() - a.min());
    }
    if (!(value > 0)) {
      return Double.NaN;
    }
    return (Math.log(value) - Math.log(a.min())) / (Math.log(a.max()) - Math.log(a.min()));
  }

  private static int[] distinct(long[] cells) {
    int[] kept = new int[cells.length];
    int k = 0;
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < cells.length; i++) {
      if (cells[i] == ALWAYS || seen.add(cells[i])) {
        kept[k++] = i;
      }
    }
    return Arrays.copyOf(kept, k);
  }

  private static int[] alongLine(double[] y, long[] groups, boolean monotone) {
    int[] kept = new int[groups.length];
    int k = 0;
    int start = 0;
    while (start < groups.length) {
      int end = start + 1; // the run is [start, end)
      if (groups[start] != ALWAYS) {
        while (end < groups.length && groups[end] == groups[start]) {
          end++;
        }
      }
      k = keepRun(y, start, end, monotone, kept, k);
      start = end;
    }
    return Arrays.copyOf(kept, k);
  }

  /** Keeps the run's first and last points and, for a monotone line, its lowest and highest. */
  private static int keepRun(double[] y, int start, int end, boolean monotone, int[] kept, int k) {
    if (end - start <= 2) {
      for (int i = start; i < end; i++) {
        kept[k++] = i;
      }
      return k;
    }
    int low = start;
    int high = start;
    if (monotone) {
      for (int i = start; i < end; i++) {
        if (y[i] < y[low]) {
          low = i;
        }
        if (y[i] > y[high]) {
          high = i;
        }
      }
    }
    int[] run = {start, low, high, end - 1};
    Arrays.sort(run);
    int last = -1;
    for (int i : run) {
      if (i != last) {
        kept[k++] = i;
        last = i;
      }
    }
    return k;
  }
}
