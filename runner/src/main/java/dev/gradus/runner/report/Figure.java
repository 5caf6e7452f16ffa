package dev.gradus.runner.report;

import java.util.List;

/**
 * What a plot shows, before it is drawn: panels of lines on axes. Plot kinds build figures from the
 * statistics units; {@link FigureRenderer} turns them into pictures. Keeping the two apart lets
 * tests check what a plot says (which lines, which range, what is clipped) without reading pixels.
 *
 * @param title the figure's title, plain text
 * @param panels one or more panels, drawn in a grid when several (small multiples)
 */
record Figure(String title, List<Panel> panels) {
  Figure {
    if (panels.isEmpty()) {
      throw new IllegalArgumentException("a figure needs at least one panel");
    }
    panels = List.copyOf(panels);
  }

  /** A linear, base-10 or base-2 logarithmic axis. */
  enum Scale {
    LINEAR,
    LOG10,
    LOG2
  }

  /**
   * An axis with its range fixed by the plot kind, never left to the drawing library (which
   * degenerates on a constant series and lets one diverged run squash the rest).
   *
   * @param integers whether ticks fall on whole numbers only (iterations, evaluations)
   */
  record Axis(String title, Scale scale, double min, double max, boolean integers) {
    Axis {
      if (!(min < max) || !Double.isFinite(min) || !Double.isFinite(max)) {
        throw new IllegalArgumentException("an axis needs min < max, got " + min + ", " + max);
      }
      if (scale != Scale.LINEAR && !(min > 0)) {
        throw new IllegalArgumentException("a log axis needs min > 0, got " + min);
      }
    }
  }

  /** How a line is drawn. */
  enum Kind {
    /** A configuration's line: its colour and dash come from the optimizer and configuration. */
    MAIN,
    /** A thin dashed companion of a MAIN line (quartiles), in its colour, not in the legend. */
    QUARTILE,
    /** Markers of a configuration in its colour, no line, not in the legend. */
    MARKS,
    /** Upward triangles where a configuration's line leaves the top of the axis. */
    CLIPPED,
    /** Thin grey lines (contours), not in the legend. */
    CONTOUR,
    /** Black markers, in the legend (starts). */
    START,
    /** Red markers, in the legend (known minimizers). */
    MINIMUM
  }

  /**
   * One line or set of markers. A NaN coordinate lifts the pen.
   *
   * @param label the legend text
   * @param optimizer the optimizer id that picks the colour, null for lines of no configuration
   * @param configuration the optimizer configuration's index, which picks the dash; −1 for none
   */
  record Line(
      String label, String optimizer, int configuration, Kind kind, double[] x, double[] y) {
    Line {
      if (x.length != y.length) {
        throw new IllegalArgumentException(
            "a line needs as many x as y, got " + x.length + " and " + y.length);
      }
    }
  }

  /**
   * One chart of a figure.
   *
   * @param title the panel's title (the facet, such as an optimizer id), or empty for none
   * @param note a short line under the chart, or empty
   */
  record Panel(String title, Axis x, Axis y, List<Line> lines, String note) {
    Panel {
      lines = List.copyOf(lines);
    }
  }
}
