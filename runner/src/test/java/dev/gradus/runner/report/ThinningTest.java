package dev.gradus.runner.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ThinningTest {
  private static final Figure.Axis UNIT_X = new Figure.Axis("x", Figure.Scale.LINEAR, 0, 1, false);
  private static final Figure.Axis UNIT_Y = new Figure.Axis("y", Figure.Scale.LINEAR, 0, 1, false);

  private static Figure.Line line(Figure.Kind kind, double[] x, double[] y) {
    return new Figure.Line("l", "gd", 0, kind, x, y);
  }

  @Test
  void aMonotoneLineKeepsEachColumnsFirstLastLowestAndHighest() {
    int n = 10_000;
    double[] x = new double[n];
    double[] y = new double[n];
    java.util.Random random = new java.util.Random(3);
    for (int i = 0; i < n; i++) {
      x[i] = i / (double) (n - 1);
      y[i] = 0.5 + 0.4 * Math.sin(40 * x[i]) + 0.01 * random.nextGaussian();
    }
    int columns = 100;
    Figure.Line thin = Thinning.thin(line(Figure.Kind.MAIN, x, y), UNIT_X, UNIT_Y, columns, 1000);
    assertTrue(thin.x().length <= 4 * columns, thin.x().length + " points kept");
    assertEquals(x[0], thin.x()[0]);
    assertEquals(x[n - 1], thin.x()[thin.x().length - 1]);
    // per column, the same extremes as the whole line: the same pixels at that width
    assertEquals(extremes(x, y, columns), extremes(thin.x(), thin.y(), columns));
    for (int k = 1; k < thin.x().length; k++) {
      assertTrue(thin.x()[k] >= thin.x()[k - 1], "kept in order");
    }
  }

  private static Map<Integer, String> extremes(double[] x, double[] y, int columns) {
    Map<Integer, double[]> range = new HashMap<>();
    for (int i = 0; i < x.length; i++) {
      int c = (int) Math.min(columns - 1, x[i] * columns);
      double[] r =
          range.computeIfAbsent(c, k -> new double[] {Double.MAX_VALUE, -Double.MAX_VALUE});
      r[0] = Math.min(r[0], y[i]);
      r[1] = Math.max(r[1], y[i]);
    }
    Map<Integer, String> text = new HashMap<>();
    range.forEach((c, r) -> text.put(c, r[0] + ".." + r[1]));
    return text;
  }

  @Test
  void anyOtherLineMovesByLessThanACell() {
    // a spiral into (0.5, 0.5): many points per cell near its centre
    int n = 20_000;
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double r = 0.45 * (1 - i / (double) n);
      x[i] = 0.5 + r * Math.cos(i * 0.001);
      y[i] = 0.5 + r * Math.sin(i * 0.001);
    }
    int cells = 200;
    Figure.Line thin = Thinning.thin(line(Figure.Kind.CONTOUR, x, y), UNIT_X, UNIT_Y, cells, cells);
    assertTrue(thin.x().length < n / 4, thin.x().length + " of " + n + " kept");
    // every point left out lies in the cell of the kept points on either side of it
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (k < thin.x().length && thin.x()[k] == x[i] && thin.y()[k] == y[i]) {
        k++;
        continue;
      }
      long cell = Thinning.cell(x[i], y[i], UNIT_X, UNIT_Y, cells, cells);
      assertEquals(
          Thinning.cell(thin.x()[k - 1], thin.y()[k - 1], UNIT_X, UNIT_Y, cells, cells), cell);
      assertEquals(Thinning.cell(thin.x()[k], thin.y()[k], UNIT_X, UNIT_Y, cells, cells), cell);
    }
    assertEquals(thin.x().length, k, "every kept point is one of the line's, in order");
  }

  @Test
  void pointsOutsideTheAxesAndGapsAreAlwaysKept() {
    // a median that climbs past the top, then a gap, with runs of points in one column around
    int n = 20;
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = 0.1 + 0.001 * i;
      y[i] = 0.5 + 1e-4 * i;
    }
    y[5] = 7.0;
    y[12] = Double.NaN;
    Figure.Line thin = Thinning.thin(line(Figure.Kind.MAIN, x, y), UNIT_X, UNIT_Y, 10, 10);
    assertArrayEquals(
        new double[] {y[0], y[4], 7.0, y[6], y[11], Double.NaN, y[13], y[19]}, thin.y());
  }

  @Test
  void aLogAxisHasCellsOfEqualRatio() {
    Figure.Axis log = new Figure.Axis("gap", Figure.Scale.LOG10, 1e-8, 1e2, false);
    // 10 rows: one per decade
    assertEquals(
        Thinning.cell(0.5, 2e-8, UNIT_X, log, 1, 10), Thinning.cell(0.5, 9e-8, UNIT_X, log, 1, 10));
    assertTrue(
        Thinning.cell(0.5, 9e-8, UNIT_X, log, 1, 10)
            != Thinning.cell(0.5, 1.1e-7, UNIT_X, log, 1, 10));
    assertEquals(Thinning.ALWAYS, Thinning.cell(0.5, 0, UNIT_X, log, 1, 10), "no place for 0");
  }

  @Test
  void markersKeepOnePerCell() {
    double[] x = {0.11, 0.12, 0.13, 0.91, 0.92};
    double[] y = {0.11, 0.12, 0.13, 0.91, 0.92};
    Figure.Line thin = Thinning.thin(line(Figure.Kind.MARKS, x, y), UNIT_X, UNIT_Y, 10, 10);
    assertArrayEquals(new double[] {0.11, 0.91}, thin.x());
    Set<Long> cells = new HashSet<>();
    for (int i = 0; i < thin.x().length; i++) {
      assertTrue(cells.add(Thinning.cell(thin.x()[i], thin.y()[i], UNIT_X, UNIT_Y, 10, 10)));
    }
  }

  @Test
  void aLineWhosePointsAllMatterIsReturnedAsItIs() {
    double[] x = {0.05, 0.15, 0.25, 0.35};
    double[] y = {0.05, 0.95, 0.05, 0.95};
    Figure.Line original = line(Figure.Kind.MAIN, x, y);
    assertSame(original, Thinning.thin(original, UNIT_X, UNIT_Y, 10, 10));
    assertEquals(4, Arrays.stream(original.x()).count());
  }
}
