package dev.gradus.runner.report;

import java.awt.Color;

/**
 * What {@link FigureRenderer} draws on: a page in points, origin at the top-left corner, y growing
 * downwards. One implementation per file format ({@link RasterCanvas} for PNG, {@link PdfCanvas},
 * {@link SvgCanvas}), so that every format shows the same picture from one layout, and the vector
 * ones keep their text as text.
 *
 * <p>Calls may come in any order; {@link #clip} applies to what follows until {@link #unclip}.
 * Coordinates are finite; a polyline lifts its pen at a NaN coordinate.
 */
interface Canvas {
  /** A filled rectangle. */
  void fillRect(double x, double y, double width, double height, Color colour);

  /** A rectangle's outline. */
  void strokeRect(double x, double y, double width, double height, Color colour, double lineWidth);

  /**
   * The first {@code n} points as connected segments, the pen lifted at each point with a NaN
   * coordinate; butt caps, round joins.
   *
   * @param dash dash and gap lengths in points, or null for a solid line
   */
  void polyline(double[] x, double[] y, int n, Color colour, double lineWidth, float[] dash);

  /** A filled marker centred at (x, y). */
  void marker(Marker marker, double x, double y, Color colour);

  /**
   * Text on one line, its baseline at {@code y}.
   *
   * @param anchor where {@code x} is on the text: its start, middle or end
   * @param upright false to turn the text a quarter anticlockwise (reading upwards), about (x, y)
   */
  void text(
      String text,
      double x,
      double y,
      TextStyle style,
      Color colour,
      Anchor anchor,
      boolean upright);

  /** Restricts what follows to a rectangle. */
  void clip(double x, double y, double width, double height);

  /** Lifts the restriction of {@link #clip}. */
  void unclip();

  /** Where a text's anchor point lies on it. */
  enum Anchor {
    START,
    MIDDLE,
    END;

    /** The offset of the text's start from the anchor point, for a text this wide. */
    double startOffset(double width) {
      return switch (this) {
        case START -> 0;
        case MIDDLE -> -width / 2;
        case END -> -width;
      };
    }
  }

  /** The markers' shapes, as polygons around their centre (a circle for {@link #DOT}). */
  enum Marker {
    /** Markers of a configuration's values. */
    DIAMOND(polygon(4, 4, 0)),
    /** Where a line leaves the top of its axis. */
    TRIANGLE(new double[] {0, -5, 5, 5, -5, 5}),
    /** Starting points. */
    DOT(new double[0]),
    /** Known minimizers. */
    STAR(star(6));

    /** Radius of {@link #DOT}. */
    static final double DOT_RADIUS = 3.5;

    /** x0, y0, x1, y1, … relative to the centre. */
    final double[] points;

    Marker(double[] points) {
      this.points = points;
    }

    private static double[] polygon(int corners, double radius, double turn) {
      double[] p = new double[2 * corners];
      for (int k = 0; k < corners; k++) {
        double angle = -Math.PI / 2 + turn + 2 * Math.PI * k / corners;
        p[2 * k] = radius * Math.cos(angle);
        p[2 * k + 1] = radius * Math.sin(angle);
      }
      return p;
    }

    private static double[] star(double radius) {
      double[] p = new double[20];
      for (int k = 0; k < 10; k++) {
        double r = k % 2 == 0 ? radius : radius * 0.45;
        double angle = -Math.PI / 2 + k * Math.PI / 5;
        p[2 * k] = r * Math.cos(angle);
        p[2 * k + 1] = r * Math.sin(angle);
      }
      return p;
    }
  }
}
