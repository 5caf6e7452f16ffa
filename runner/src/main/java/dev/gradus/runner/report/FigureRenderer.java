package dev.gradus.runner.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays a {@link Figure} out and draws it onto a {@link Canvas} (a PNG's image, a PDF page, an SVG
 * document), so that every format shows the same picture and the vector ones keep their text as
 * text. A single panel gets its legend on the right, outside the plot; small multiples get one
 * title over the grid and a legend under each panel. Axes keep the ranges the figure fixed; lines
 * leave the plot area only as far as its edge.
 */
final class FigureRenderer {
  static final int SINGLE_WIDTH = 900;
  static final int SINGLE_HEIGHT = 540;
  static final int PANEL_WIDTH = 470;
  static final int PANEL_HEIGHT = 360;
  static final int MAX_COLUMNS = 3;
  private static final int TITLE_HEIGHT = 30;

  private static final Color GRID = new Color(0xe4e4e4);
  private static final Color OUTLINE = Color.GRAY;
  private static final Color CONTOUR = new Color(0xb0b0b0);
  private static final Color MINIMUM = new Color(0xd62728);
  private static final Color TEXT = Color.BLACK;
  private static final Color NOTE_TEXT = Color.DARK_GRAY;

  /**
   * Lines are thinned on a grid of {@link #CELLS_PER_PIXEL} cells per pixel of the whole panel (the
   * plot area is smaller, so its cells are finer still): the PNG cannot tell, and a PDF must be
   * zoomed past 200% to.
   */
  private static final int CELLS_PER_PIXEL = 2;

  private static final double PAD = 6;
  private static final double TICK_LENGTH = 4;
  private static final double MINOR_TICK_LENGTH = 2;
  private static final double LEGEND_SAMPLE = 22;
  private static final double LEGEND_ROW = 15;
  private static final float[] QUARTILE_DASH = {2f, 2f};

  /** The most of a panel's height a legend under it may take; the rest is summed up. */
  private static final double LEGEND_SHARE = 0.3;

  /** The narrowest legend label: columns beyond that many are summed up instead. */
  private static final double MIN_LEGEND_LABEL = 60;

  /** Far enough outside any plot to stand for a point off it, near enough for every format. */
  private static final double OFF_PAGE = 1e5;

  private final Palette palette;

  FigureRenderer(Palette palette) {
    this.palette = palette;
  }

  /** The picture's size in pixels (points, for PDF): {width, height}. */
  static int[] size(Figure figure) {
    int n = figure.panels().size();
    if (n == 1) {
      return new int[] {SINGLE_WIDTH, SINGLE_HEIGHT};
    }
    int columns = Math.min(MAX_COLUMNS, n);
    int rows = (n + columns - 1) / columns;
    return new int[] {columns * PANEL_WIDTH, TITLE_HEIGHT + rows * PANEL_HEIGHT};
  }

  /** Draws the figure into the rectangle (0, 0, size) of {@code canvas}, on a white background. */
  void draw(Figure figure, Canvas canvas) {
    int[] size = size(figure);
    canvas.fillRect(0, 0, size[0], size[1], Color.WHITE);
    List<Figure.Panel> panels = figure.panels();
    if (panels.size() == 1) {
      panel(
          canvas,
          figure.title(),
          TextStyle.TITLE,
          panels.get(0),
          true,
          new Box(0, 0, SINGLE_WIDTH, SINGLE_HEIGHT));
      return;
    }
    canvas.text(
        fit(figure.title(), TextStyle.TITLE, size[0] - 2 * PAD),
        size[0] / 2.0,
        20,
        TextStyle.TITLE,
        TEXT,
        Canvas.Anchor.MIDDLE,
        true);
    int columns = Math.min(MAX_COLUMNS, panels.size());
    for (int p = 0; p < panels.size(); p++) {
      Figure.Panel panel = panels.get(p);
      Box area =
          new Box(
              (p % columns) * PANEL_WIDTH,
              TITLE_HEIGHT + (p / columns) * PANEL_HEIGHT,
              PANEL_WIDTH,
              PANEL_HEIGHT);
      panel(canvas, panel.title(), TextStyle.PANEL_TITLE, panel, false, area);
    }
  }

  /** A rectangle on the page. */
  private record Box(double x, double y, double width, double height) {
    double right() {
      return x + width;
    }

    double bottom() {
      return y + height;
    }
  }

  /** An entry of a legend: a configuration's line, or a kind of marker. */
  /**
   * @param line null for the "+N more" that sums up entries left out
   */
  private record Entry(String label, Figure.Line line) {}

  private void panel(
      Canvas canvas,
      String title,
      TextStyle titleStyle,
      Figure.Panel panel,
      boolean legendRight,
      Box area) {
    double top = area.y() + PAD;
    if (!title.isEmpty()) {
      canvas.text(
          fit(title, titleStyle, area.width() - 2 * PAD),
          area.x() + area.width() / 2,
          top + titleStyle.ascent(),
          titleStyle,
          TEXT,
          Canvas.Anchor.MIDDLE,
          true);
      top += titleStyle.size() * 1.25 + 4;
    }
    double bottom = area.bottom() - PAD;
    if (!panel.note().isEmpty()) {
      canvas.text(
          fit(panel.note(), TextStyle.NOTE, area.width() - 2 * PAD),
          area.x() + area.width() / 2,
          bottom - 0.25 * TextStyle.NOTE.size(),
          TextStyle.NOTE,
          NOTE_TEXT,
          Canvas.Anchor.MIDDLE,
          true);
      bottom -= TextStyle.NOTE.size() * 1.4;
    }
    List<Entry> legend = legend(panel);
    // room for half the widest x tick label past the plot's right edge
    double right = area.right() - PAD - 12;
    double xAxisHeight = TICK_LENGTH + 3 + TextStyle.TICK.size() + 5 + TextStyle.LABEL.size() + 2;
    if (!legend.isEmpty() && legendRight) {
      double plotHeight = bottom - top - xAxisHeight;
      right -= legendRightOf(canvas, legend, right, top, plotHeight, area.width() / 3);
    } else if (!legend.isEmpty()) {
      bottom -=
          legendBelow(
              canvas,
              legend,
              area.x() + PAD,
              bottom,
              area.width() - 2 * PAD,
              LEGEND_SHARE * area.height());
    }
    double plotBottom = bottom - xAxisHeight;
    double plotTop = top + 4;
    double plotHeight = plotBottom - plotTop;
    List<Ticks.Tick> yTicks = Ticks.of(panel.y(), (int) (plotHeight / 40));
    double yLabels = 0;
    for (Ticks.Tick t : yTicks) {
      yLabels = Math.max(yLabels, TextStyle.TICK.width(t.label()));
    }
    double plotLeft = area.x() + PAD + TextStyle.LABEL.size() * 1.2 + 4 + yLabels + 3 + TICK_LENGTH;
    Box plot = new Box(plotLeft, plotTop, right - plotLeft, plotHeight);
    List<Ticks.Tick> xTicks = Ticks.of(panel.x(), (int) (plot.width() / 75));
    Scale xs = new Scale(panel.x(), plot.x(), plot.right());
    Scale ys = new Scale(panel.y(), plot.bottom(), plot.y());

    for (Ticks.Tick t : xTicks) {
      double px = xs.at(t.value());
      if (t.major()) {
        canvas.polyline(
            new double[] {px, px}, new double[] {plot.y(), plot.bottom()}, 2, GRID, 0.6, null);
      }
    }
    for (Ticks.Tick t : yTicks) {
      double py = ys.at(t.value());
      if (t.major()) {
        canvas.polyline(
            new double[] {plot.x(), plot.right()}, new double[] {py, py}, 2, GRID, 0.6, null);
      }
    }
    canvas.clip(plot.x(), plot.y(), plot.width(), plot.height());
    lines(canvas, panel, xs, ys, (int) area.width(), (int) area.height());
    canvas.unclip();
    canvas.strokeRect(plot.x(), plot.y(), plot.width(), plot.height(), OUTLINE, 0.5);

    for (Ticks.Tick t : xTicks) {
      double px = xs.at(t.value());
      double length = t.major() ? TICK_LENGTH : MINOR_TICK_LENGTH;
      canvas.polyline(
          new double[] {px, px},
          new double[] {plot.bottom(), plot.bottom() + length},
          2,
          OUTLINE,
          0.5,
          null);
      if (t.major()) {
        canvas.text(
            t.label(),
            px,
            plot.bottom() + TICK_LENGTH + 3 + TextStyle.TICK.ascent(),
            TextStyle.TICK,
            TEXT,
            Canvas.Anchor.MIDDLE,
            true);
      }
    }
    for (Ticks.Tick t : yTicks) {
      double py = ys.at(t.value());
      double length = t.major() ? TICK_LENGTH : MINOR_TICK_LENGTH;
      canvas.polyline(
          new double[] {plot.x() - length, plot.x()}, new double[] {py, py}, 2, OUTLINE, 0.5, null);
      if (t.major()) {
        canvas.text(
            t.label(),
            plot.x() - TICK_LENGTH - 3,
            py + TextStyle.TICK.ascent() / 2,
            TextStyle.TICK,
            TEXT,
            Canvas.Anchor.END,
            true);
      }
    }
    canvas.text(
        fit(panel.x().title(), TextStyle.LABEL, plot.width()),
        plot.x() + plot.width() / 2,
        bottom - 4,
        TextStyle.LABEL,
        TEXT,
        Canvas.Anchor.MIDDLE,
        true);
    canvas.text(
        fit(panel.y().title(), TextStyle.LABEL, plot.height()),
        area.x() + PAD + TextStyle.LABEL.ascent(),
        plot.y() + plot.height() / 2,
        TextStyle.LABEL,
        TEXT,
        Canvas.Anchor.MIDDLE,
        false);
  }

  /** Maps an axis' values onto the page. */
  private static final class Scale {
    private final boolean log;
    private final double from;
    private final double span;
    private final double start;
    private final double length;

    Scale(Figure.Axis axis, double start, double end) {
      log = axis.scale() != Figure.Scale.LINEAR;
      from = log ? Math.log(axis.min()) : axis.min();
      span = (log ? Math.log(axis.max()) : axis.max()) - from;
      this.start = start;
      this.length = end - start;
    }

    /** The page coordinate of a value; NaN for one a log axis cannot show (≤ 0, NaN). */
    double at(double v) {
      double u = log ? (v > 0 ? Math.log(v) : Double.NaN) : v;
      double p = start + (u - from) / span * length;
      if (Double.isNaN(p)) {
        return Double.NaN;
      }
      return Math.max(-OFF_PAGE, Math.min(OFF_PAGE, p));
    }
  }

  private void lines(Canvas canvas, Figure.Panel panel, Scale xs, Scale ys, int width, int height) {
    for (Figure.Line drawn : panel.lines()) {
      float[] dash = dash(drawn);
      // a dash pattern follows the path's length, which thinning shortens: dashed lines as given
      Figure.Line line =
          dash != null
              ? drawn
              : Thinning.thin(
                  drawn, panel.x(), panel.y(), CELLS_PER_PIXEL * width, CELLS_PER_PIXEL * height);
      int n = line.x().length;
      double[] px = new double[n];
      double[] py = new double[n];
      for (int i = 0; i < n; i++) {
        px[i] = xs.at(line.x()[i]);
        py[i] = ys.at(line.y()[i]);
      }
      switch (line.kind()) {
        case MAIN -> {
          Palette.Style s = palette.style(line.optimizer(), line.configuration());
          canvas.polyline(px, py, n, s.colour(), width(s), dash);
        }
        case QUARTILE ->
            canvas.polyline(
                px,
                py,
                n,
                palette.style(line.optimizer(), line.configuration()).colour(),
                0.7,
                dash);
        case CONTOUR -> canvas.polyline(px, py, n, CONTOUR, 0.8, null);
        case MARKS, CLIPPED, START, MINIMUM -> {
          Canvas.Marker marker = marker(line.kind());
          Color colour = markerColour(line);
          for (int i = 0; i < n; i++) {
            if (!Double.isNaN(px[i]) && !Double.isNaN(py[i])) {
              canvas.marker(marker, px[i], py[i], colour);
            }
          }
        }
      }
    }
  }

  /** The dash pattern a line is drawn with, or null for a solid one. */
  private float[] dash(Figure.Line line) {
    return switch (line.kind()) {
      case QUARTILE -> QUARTILE_DASH;
      case MAIN ->
          palette.style(line.optimizer(), line.configuration()).stroke() instanceof BasicStroke b
              ? b.getDashArray()
              : null;
      default -> null;
    };
  }

  private static double width(Palette.Style s) {
    return s.stroke() instanceof BasicStroke b ? b.getLineWidth() : Palette.LINE_WIDTH;
  }

  private static Canvas.Marker marker(Figure.Kind kind) {
    return switch (kind) {
      case CLIPPED -> Canvas.Marker.TRIANGLE;
      case START -> Canvas.Marker.DOT;
      case MINIMUM -> Canvas.Marker.STAR;
      default -> Canvas.Marker.DIAMOND;
    };
  }

  private Color markerColour(Figure.Line line) {
    return switch (line.kind()) {
      case START -> Color.BLACK;
      case MINIMUM -> MINIMUM;
      default -> palette.style(line.optimizer(), line.configuration()).colour();
    };
  }

  /** The legend's entries: configurations' lines, starts and minimizers, in the figure's order. */
  private static List<Entry> legend(Figure.Panel panel) {
    List<Entry> entries = new ArrayList<>();
    for (Figure.Line line : panel.lines()) {
      switch (line.kind()) {
        case MAIN, START, MINIMUM -> entries.add(new Entry(line.label(), line));
        default -> {}
      }
    }
    return entries;
  }

  /**
   * Draws the legend in columns right of the plot, as many as its rows need, and returns its width.
   * Labels wider than a column may be are cut with an ellipsis.
   */
  private double legendRightOf(
      Canvas canvas, List<Entry> legend, double right, double top, double height, double most) {
    int rows = Math.max(1, (int) (height / LEGEND_ROW));
    int fit = Math.max(1, (int) (most / (LEGEND_SAMPLE + 14 + MIN_LEGEND_LABEL)));
    legend = summed(legend, fit * rows);
    int columns = (legend.size() + rows - 1) / rows;
    double columnWidth = 0;
    for (Entry e : legend) {
      columnWidth = Math.max(columnWidth, TextStyle.LEGEND.width(e.label()));
    }
    double labelWidth = Math.min(columnWidth, most / columns - LEGEND_SAMPLE - 14);
    double column = LEGEND_SAMPLE + 6 + labelWidth + 8;
    double left = right - columns * column + 8;
    for (int i = 0; i < legend.size(); i++) {
      double x = left + (i / rows) * column;
      double y = top + 8 + (i % rows) * LEGEND_ROW;
      entry(canvas, legend.get(i), x, y, labelWidth);
    }
    return columns * column + 4;
  }

  /**
   * The first entries of a legend that has room for {@code room}, the last place saying how many
   * are left out; all of them when they fit.
   */
  private static List<Entry> summed(List<Entry> legend, int room) {
    if (legend.size() <= room) {
      return legend;
    }
    List<Entry> kept = new ArrayList<>(legend.subList(0, Math.max(0, room - 1)));
    kept.add(new Entry("+" + (legend.size() - kept.size()) + " more", null));
    return kept;
  }

  /**
   * Draws the legend in rows under the plot, up to {@code bottom} and at most {@code most} high
   * (entries past that summed up as "+N more"), and returns its height.
   */
  private double legendBelow(
      Canvas canvas, List<Entry> legend, double left, double bottom, double width, double most) {
    int maxRows = Math.max(1, (int) ((most - 4) / LEGEND_ROW));
    List<List<Entry>> rows = rows(legend, width);
    for (int room = legend.size() - 1; room >= 1 && rows.size() > maxRows; room--) {
      rows = rows(summed(legend, room), width);
    }
    double height = rows.size() * LEGEND_ROW + 4;
    double top = bottom - height + 4;
    for (int r = 0; r < rows.size(); r++) {
      double x = left;
      for (Entry e : rows.get(r)) {
        double label = labelWidth(e, width);
        entry(canvas, e, x, top + r * LEGEND_ROW, label);
        x += LEGEND_SAMPLE + 6 + label + 14;
      }
    }
    return height;
  }

  /** The entries in rows of at most {@code width}, in order; an entry too wide has a row alone. */
  private static List<List<Entry>> rows(List<Entry> legend, double width) {
    List<List<Entry>> rows = new ArrayList<>();
    double used = 0;
    for (Entry e : legend) {
      double w = LEGEND_SAMPLE + 6 + labelWidth(e, width) + 14;
      if (rows.isEmpty() || used + w > width) {
        rows.add(new ArrayList<>());
        used = 0;
      }
      rows.get(rows.size() - 1).add(e);
      used += w;
    }
    return rows;
  }

  /** An entry's label width under the plot: its text's, at most a row less the line sample. */
  private static double labelWidth(Entry e, double width) {
    return Math.min(TextStyle.LEGEND.width(e.label()), width - LEGEND_SAMPLE - 6);
  }

  /** One legend entry whose row is centred at {@code y}; a summary (no line) is text alone. */
  private void entry(Canvas canvas, Entry e, double x, double y, double labelWidth) {
    Figure.Line line = e.line();
    if (line == null) {
      canvas.text(
          fit(e.label(), TextStyle.LEGEND, LEGEND_SAMPLE + 6 + labelWidth),
          x,
          y + TextStyle.LEGEND.ascent() / 2,
          TextStyle.LEGEND,
          NOTE_TEXT,
          Canvas.Anchor.START,
          true);
      return;
    }
    if (line.kind() == Figure.Kind.MAIN) {
      Palette.Style s = palette.style(line.optimizer(), line.configuration());
      canvas.polyline(
          new double[] {x, x + LEGEND_SAMPLE},
          new double[] {y, y},
          2,
          s.colour(),
          width(s),
          dash(line));
    } else {
      canvas.marker(marker(line.kind()), x + LEGEND_SAMPLE / 2, y, markerColour(line));
    }
    canvas.text(
        fit(e.label(), TextStyle.LEGEND, labelWidth),
        x + LEGEND_SAMPLE + 6,
        y + TextStyle.LEGEND.ascent() / 2,
        TextStyle.LEGEND,
        TEXT,
        Canvas.Anchor.START,
        true);
  }

  /** The text, cut with an ellipsis to fit {@code width}. */
  static String fit(String text, TextStyle style, double width) {
    if (style.width(text) <= width) {
      return text;
    }
    for (int n = text.length() - 1; n > 0; n--) {
      String cut = text.substring(0, n).stripTrailing() + "\u2026";
      if (style.width(cut) <= width) {
        return cut;
      }
    }
    return "\u2026";
  }
}
