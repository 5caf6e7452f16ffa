package dev.gradus.runner.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Contour lines of a function sampled on a grid, by marching squares: in each grid cell the level
 * crosses the edges whose corner values lie on different sides of it, at the point found by linear
 * interpolation along the edge. A cell with four crossings (a saddle) is resolved by the mean of
 * its corners. Cells with a non-finite corner are skipped.
 */
final class MarchingSquares {
  private MarchingSquares() {}

  /** A straight piece of a contour line from (x1, y1) to (x2, y2). */
  record Segment(double x1, double y1, double x2, double y2) {}

  /**
   * The pieces of the level set {f = level}.
   *
   * @param xs the grid's x coordinates, increasing
   * @param ys the grid's y coordinates, increasing
   * @param values {@code values[j][i]} = f(xs[i], ys[j])
   */
  static List<Segment> contour(double[] xs, double[] ys, double[][] values, double level) {
    List<Segment> out = new ArrayList<>();
    double[] px = new double[4];
    double[] py = new double[4];
    for (int j = 0; j + 1 < ys.length; j++) {
      for (int i = 0; i + 1 < xs.length; i++) {
        // corners counter-clockwise from the bottom left: a, b, c, d
        double a = values[j][i];
        double b = values[j][i + 1];
        double c = values[j + 1][i + 1];
        double d = values[j + 1][i];
        if (!(Double.isFinite(a)
            && Double.isFinite(b)
            && Double.isFinite(c)
            && Double.isFinite(d))) {
          continue;
        }
        double x0 = xs[i];
        double x1 = xs[i + 1];
        double y0 = ys[j];
        double y1 = ys[j + 1];
        // crossings on the edges bottom (a-b), right (b-c), top (d-c), left (a-d), in that order
        int n = 0;
        boolean[] crossed = new boolean[4];
        if ((a >= level) != (b >= level)) {
          px[0] = x0 + (x1 - x0) * (level - a) / (b - a);
          py[0] = y0;
          crossed[0] = true;
          n++;
        }
        if ((b >= level) != (c >= level)) {
          px[1] = x1;
          py[1] = y0 + (y1 - y0) * (level - b) / (c - b);
          crossed[1] = true;
          n++;
        }
        if ((d >= level) != (c >= level)) {
          px[2] = x0 + (x1 - x0) * (level - d) / (c - d);
          py[2] = y1;
          crossed[2] = true;
          n++;
        }
        if ((a >= level) != (d >= level)) {
          px[3] = x0;
          py[3] = y0 + (y1 - y0) * (level - a) / (d - a);
          crossed[3] = true;
          n++;
        }
        if (n == 2) {
          int first = -1;
          for (int e = 0; e < 4; e++) {
            if (crossed[e]) {
              if (first < 0) {
                first = e;
              } else {
                out.add(new Segment(px[first], py[first], px[e], py[e]));
              }
            }
          }
        } else if (n == 4) {
          boolean centreWithA = ((a + b + c + d) / 4 >= level) == (a >= level);
          if (centreWithA) {
            // a and c connect through the centre: cut off corners b and d
            out.add(new Segment(px[0], py[0], px[1], py[1]));
            out.add(new Segment(px[2], py[2], px[3], py[3]));
          } else {
            // b and d connect: cut off corners a and c
            out.add(new Segment(px[3], py[3], px[0], py[0]));
            out.add(new Segment(px[1], py[1], px[2], py[2]));
          }
        }
      }
    }
    return out;
  }
}
