package dev.gradus.runner.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarchingSquaresTest {
  /** f = x² + y² on [-2, 2]², n points a side. */
  private static double[][] bowl(double[] xs, double[] ys) {
    double[][] v = new double[ys.length][xs.length];
    for (int j = 0; j < ys.length; j++) {
      for (int i = 0; i < xs.length; i++) {
        v[j][i] = xs[i] * xs[i] + ys[j] * ys[j];
      }
    }
    return v;
  }

  private static double[] axis(int n) {
    double[] a = new double[n];
    for (int k = 0; k < n; k++) {
      a[k] = -2 + 4.0 * k / (n - 1);
    }
    return a;
  }

  @Test
  void theLevelSetOfABowlIsACircleOfTheRightRadius() {
    double[] xs = axis(81);
    double h = xs[1] - xs[0];
    double r = 1.3;
    List<MarchingSquares.Segment> segments = MarchingSquares.contour(xs, xs, bowl(xs, xs), r * r);
    assertTrue(segments.size() > 40, "segments: " + segments.size());
    double length = 0;
    for (MarchingSquares.Segment s : segments) {
      // endpoints lie on cell edges, where linear interpolation of x² errs by at most h²/4
      assertEquals(r * r, s.x1() * s.x1() + s.y1() * s.y1(), h * h / 4 + 1e-12);
      assertEquals(r * r, s.x2() * s.x2() + s.y2() * s.y2(), h * h / 4 + 1e-12);
      length += Math.hypot(s.x2() - s.x1(), s.y2() - s.y1());
    }
    assertEquals(2 * Math.PI * r, length, 0.01 * 2 * Math.PI * r);
  }

  @Test
  void theContourIsClosedEveryEndpointIsSharedByTwoSegments() {
    double[] xs = axis(40); // no grid point lies exactly on the circle
    List<MarchingSquares.Segment> segments = MarchingSquares.contour(xs, xs, bowl(xs, xs), 1.0);
    Map<String, Integer> ends = new HashMap<>();
    for (MarchingSquares.Segment s : segments) {
      ends.merge(key(s.x1(), s.y1()), 1, Integer::sum);
      ends.merge(key(s.x2(), s.y2()), 1, Integer::sum);
    }
    ends.forEach((point, count) -> assertEquals(2, count, point));
  }

  @Test
  void segmentsJoinIntoOneClosedLinePerLevelSet() {
    double[] xs = axis(40);
    List<MarchingSquares.Segment> segments = MarchingSquares.contour(xs, xs, bowl(xs, xs), 1.0);
    List<MarchingSquares.Polyline> lines = MarchingSquares.join(segments);
    assertEquals(1, lines.size(), "one circle");
    MarchingSquares.Polyline circle = lines.get(0);
    int n = circle.x().length;
    assertEquals(segments.size() + 1, n, "each segment adds one point; the first comes back");
    assertEquals(circle.x()[0], circle.x()[n - 1]);
    assertEquals(circle.y()[0], circle.y()[n - 1]);
    // consecutive points are the ends of one of the segments
    Map<String, Integer> pieces = new HashMap<>();
    for (MarchingSquares.Segment s : segments) {
      pieces.merge(key(s.x1(), s.y1()) + "|" + key(s.x2(), s.y2()), 1, Integer::sum);
      pieces.merge(key(s.x2(), s.y2()) + "|" + key(s.x1(), s.y1()), 1, Integer::sum);
    }
    for (int k = 1; k < n; k++) {
      String piece =
          key(circle.x()[k - 1], circle.y()[k - 1]) + "|" + key(circle.x()[k], circle.y()[k]);
      assertTrue(pieces.containsKey(piece), "no segment " + piece);
    }
    // two bowls side by side give two lines, an open level set (cut by the grid's edge) one open
    // line
    double[][] two = new double[xs.length][xs.length];
    for (int j = 0; j < xs.length; j++) {
      for (int i = 0; i < xs.length; i++) {
        double dx = Math.abs(xs[i]) - 1;
        two[j][i] = dx * dx + xs[j] * xs[j];
      }
    }
    assertEquals(2, MarchingSquares.join(MarchingSquares.contour(xs, xs, two, 0.25)).size());
    List<MarchingSquares.Polyline> open =
        MarchingSquares.join(MarchingSquares.contour(xs, xs, bowl(xs, xs), 4.5));
    for (MarchingSquares.Polyline p : open) {
      int m = p.x().length;
      assertTrue(p.x()[0] != p.x()[m - 1] || p.y()[0] != p.y()[m - 1], "an arc is not closed");
    }
  }

  @Test
  void aLevelOutsideTheValuesHasNoLine() {
    double[] xs = axis(21);
    assertTrue(MarchingSquares.contour(xs, xs, bowl(xs, xs), 9.0).isEmpty());
    assertTrue(MarchingSquares.contour(xs, xs, bowl(xs, xs), -1.0).isEmpty());
  }

  @Test
  void aSaddleCellIsSplitByItsCentreValue() {
    double[] xs = {0, 1};
    // corners a (0,0) = 1, b (1,0) = 0, c (1,1) = 1, d (0,1) = 0; level 0.5, centre mean 0.5 ≥
    // level
    double[][] v = {{1, 0}, {0, 1}};
    List<MarchingSquares.Segment> segments = MarchingSquares.contour(xs, xs, v, 0.5);
    assertEquals(2, segments.size());
    // the centre sides with a and c, so the lines cut off b (bottom right) and d (top left)
    MarchingSquares.Segment first = segments.get(0);
    assertEquals(0.5, first.x1(), 1e-12);
    assertEquals(0.0, first.y1(), 1e-12);
    assertEquals(1.0, first.x2(), 1e-12);
    assertEquals(0.5, first.y2(), 1e-12);
  }

  private static String key(double x, double y) {
    return Math.round(x * 1e9) + "," + Math.round(y * 1e9);
  }
}
