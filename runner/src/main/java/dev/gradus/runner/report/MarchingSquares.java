package dev.gradus.runner.report;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

  /** A contour line through the points (x[k], y[k]); closed when its last point is its first. */
  record Polyline(double[] x, double[] y) {}

  /**
   * The segments joined end to end into lines. Neighbouring cells compute the crossing on the edge
   * they share from the same two corner values, so a line's consecutive segments meet at exactly
   * the same point; each point then is drawn once instead of twice with a lift of the pen between.
   */
  static List<Polyline> join(List<Segment> segments) {
    Map<Point, List<Integer>> at = new HashMap<>();
    for (int k = 0; k < segments.size(); k++) {
      Segment s = segments.get(k);
      at.computeIfAbsent(new Point(s.x1(), s.y1()), p -> new ArrayList<>(2)).add(k);
      at.computeIfAbsent(new Point(s.x2(), s.y2()), p -> new ArrayList<>(2)).add(k);
    }
    boolean[] used = new boolean[segments.size()];
    List<Polyline> lines = new ArrayList<>();
    for (int k = 0; k < segments.size(); k++) {
      if (used[k]) {
        continue;
      }
      used[k] = true;
      Segment s = segments.get(k);
      Deque<Point> points = new ArrayDeque<>();
      points.add(new Point(s.x1(), s.y1()));
      points.add(new Point(s.x2(), s.y2()));
      extend(points, true, segments, at, used);
      extend(points, false, segments, at, used);
      double[] x = new double[points.size()];
      double[] y = new double[points.size()];
      int n = 0;
      for (Point p : points) {
        x[n] = p.x();
        y[n++] = p.y();
      }
      lines.add(new Polyline(x, y));
    }
    return lines;
  }

  private record Point(double x, double y) {}

  /** Adds unused segments at one end of the line for as long as one meets it there. */
  private static void extend(
      Deque<Point> points,
      boolean atLast,
      List<Segment> segments,
      Map<Point, List<Integer>> at,
      boolean[] used) {
    while (true) {
      Point end = atLast ? points.getLast() : points.getFirst();
      Integer next = null;
      for (int k : at.get(end)) {
        if (!used[k]) {
          next = k;
          break;
        }
      }
      if (next == null) {
        return;
      }
      used[next] = true;
      Segment s = segments.get(next);
      Point a = new Point(s.x1(), s.y1());
      Point other = a.equals(end) ? new Point(s.x2(), s.y2()) : a;
      if (atLast) {
        points.addLast(other);
      } else {
        points.addFirst(other);
      }
    }
  }
}
