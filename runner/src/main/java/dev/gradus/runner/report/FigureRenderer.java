package dev.gradus.runner.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.text.AttributedCharacterIterator;
import java.text.AttributedString;
import java.text.CharacterIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.LogTick;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * Draws a {@link Figure} onto any {@link Graphics2D} (a PNG's image, a PDF page, an SVG document)
 * with JFreeChart, so that every format shows the same picture and the vector ones keep their text
 * as text. A single panel gets its legend on the right, outside the plot; small multiples get one
 * title over the grid and a legend under each panel.
 */
final class FigureRenderer {
  static final int SINGLE_WIDTH = 900;
  static final int SINGLE_HEIGHT = 540;
  static final int PANEL_WIDTH = 470;
  static final int PANEL_HEIGHT = 360;
  static final int MAX_COLUMNS = 3;
  private static final int TITLE_HEIGHT = 30;

  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);
  private static final Font PANEL_TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 12);
  private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
  private static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  private static final Font NOTE = new Font(Font.SANS_SERIF, Font.ITALIC, 10);
  private static final Color GRID = new Color(0xe4e4e4);
  private static final Color CONTOUR = new Color(0xb0b0b0);
  private static final Color MINIMUM = new Color(0xd62728);

  static {
    // the workaround draws rotated text (the y axis title) as a TextLayout, which PDF and SVG
    // documents receive as glyph outlines; plain drawString keeps it text
    TextUtils.setUseDrawRotatedStringWorkaround(false);
  }

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

  /** Draws the figure into the rectangle (0, 0, size) of {@code g}, on a white background. */
  void draw(Figure figure, Graphics2D g) {
    int[] size = size(figure);
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setPaint(Color.WHITE);
    g.fill(new Rectangle2D.Double(0, 0, size[0], size[1]));
    List<Figure.Panel> panels = figure.panels();
    if (panels.size() == 1) {
      chart(figure.title(), panels.get(0), RectangleEdge.RIGHT, SINGLE_WIDTH, SINGLE_HEIGHT)
          .draw(g, new Rectangle2D.Double(0, 0, size[0], size[1]));
      return;
    }
    g.setPaint(Color.BLACK);
    g.setFont(TITLE);
    int titleWidth = g.getFontMetrics().stringWidth(figure.title());
    g.drawString(figure.title(), Math.max(4, (size[0] - titleWidth) / 2f), 20f);
    int columns = Math.min(MAX_COLUMNS, panels.size());
    for (int p = 0; p < panels.size(); p++) {
      Rectangle2D area =
          new Rectangle2D.Double(
              (p % columns) * PANEL_WIDTH,
              TITLE_HEIGHT + (p / columns) * PANEL_HEIGHT,
              PANEL_WIDTH,
              PANEL_HEIGHT);
      chart(panels.get(p).title(), panels.get(p), RectangleEdge.BOTTOM, PANEL_WIDTH, PANEL_HEIGHT)
          .draw(g, area);
    }
  }

  /**
   * Lines are thinned on a grid of {@link #CELLS_PER_PIXEL} cells per pixel of the whole panel (the
   * plot area is smaller, so its cells are finer still): the PNG cannot tell, and a PDF must be
   * zoomed past 200% to.
   */
  private static final int CELLS_PER_PIXEL = 2;

  private JFreeChart chart(
      String title, Figure.Panel panel, RectangleEdge legendEdge, int width, int height) {
    DefaultXYDataset data = new DefaultXYDataset();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    renderer.setDrawSeriesLineAsPath(true);
    LegendItemCollection legend = new LegendItemCollection();
    int series = 0;
    for (Figure.Line drawn : panel.lines()) {
      // a dash pattern follows the path's length, which thinning shortens: dashed lines as given
      Figure.Line line =
          dashed(drawn)
              ? drawn
              : Thinning.thin(
                  drawn, panel.x(), panel.y(), CELLS_PER_PIXEL * width, CELLS_PER_PIXEL * height);
      data.addSeries("s" + series, new double[][] {line.x(), line.y()});
      style(renderer, series, line, legend);
      series++;
    }
    XYPlot plot = new XYPlot(data, axis(panel.x()), axis(panel.y()), renderer);
    // in the order given: contours under paths, later configurations over earlier ones
    plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(GRID);
    plot.setRangeGridlinePaint(GRID);
    plot.setDomainGridlineStroke(new BasicStroke(0.6f));
    plot.setRangeGridlineStroke(new BasicStroke(0.6f));
    plot.setOutlinePaint(Color.GRAY);
    plot.setFixedLegendItems(legend);
    JFreeChart chart =
        new JFreeChart(title, legendEdge == RectangleEdge.RIGHT ? TITLE : PANEL_TITLE, plot, false);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setPadding(new RectangleInsets(4, 4, 4, 8));
    if (legend.getItemCount() > 0) {
      LegendTitle legendTitle = new LegendTitle(plot);
      legendTitle.setPosition(legendEdge);
      legendTitle.setItemFont(LEGEND);
      legendTitle.setFrame(BlockBorder.NONE);
      legendTitle.setBackgroundPaint(Color.WHITE);
      chart.addLegend(legendTitle);
    }
    if (!panel.note().isEmpty()) {
      TextTitle note = new TextTitle(panel.note(), NOTE);
      note.setPosition(RectangleEdge.BOTTOM);
      note.setPaint(Color.DARK_GRAY);
      chart.addSubtitle(note);
    }
    return chart;
  }

  /** Whether the line is drawn with a dash pattern: quartiles, and dashed configurations. */
  private boolean dashed(Figure.Line line) {
    return switch (line.kind()) {
      case QUARTILE -> true;
      case MAIN ->
          palette.style(line.optimizer(), line.configuration()).stroke() instanceof BasicStroke b
              && b.getDashArray() != null;
      default -> false;
    };
  }

  private void style(
      XYLineAndShapeRenderer r, int series, Figure.Line line, LegendItemCollection legend) {
    Shape segment = new Line2D.Double(-9, 0, 9, 0);
    switch (line.kind()) {
      case MAIN -> {
        Palette.Style s = palette.style(line.optimizer(), line.configuration());
        r.setSeriesPaint(series, s.colour());
        r.setSeriesStroke(series, s.stroke());
        legend.add(new LegendItem(line.label(), null, null, null, segment, s.stroke(), s.colour()));
      }
      case QUARTILE -> {
        Palette.Style s = palette.style(line.optimizer(), line.configuration());
        r.setSeriesPaint(series, s.colour());
        r.setSeriesStroke(
            series,
            new BasicStroke(
                0.7f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {2f, 2f}, 0f));
      }
      case MARKS, CLIPPED -> {
        Palette.Style s = palette.style(line.optimizer(), line.configuration());
        markers(
            r, series, s.colour(), line.kind() == Figure.Kind.CLIPPED ? triangle(5) : diamond(4));
      }
      case CONTOUR -> {
        r.setSeriesPaint(series, CONTOUR);
        r.setSeriesStroke(series, new BasicStroke(0.8f));
      }
      case START -> {
        Shape dot = new Ellipse2D.Double(-3.5, -3.5, 7, 7);
        markers(r, series, Color.BLACK, dot);
        legend.add(new LegendItem(line.label(), null, null, null, dot, Color.BLACK));
      }
      case MINIMUM -> {
        Shape star = star(6);
        markers(r, series, MINIMUM, star);
        legend.add(new LegendItem(line.label(), null, null, null, star, MINIMUM));
      }
      default -> throw new IllegalStateException("unknown kind " + line.kind());
    }
  }

  private static void markers(XYLineAndShapeRenderer r, int series, Color colour, Shape shape) {
    r.setSeriesLinesVisible(series, false);
    r.setSeriesShapesVisible(series, true);
    r.setSeriesShape(series, shape);
    r.setSeriesPaint(series, colour);
  }

  private static ValueAxis axis(Figure.Axis a) {
    ValueAxis axis;
    if (a.scale() == Figure.Scale.LINEAR) {
      NumberAxis n = new NumberAxis(a.title());
      n.setAutoRangeIncludesZero(false);
      n.setStandardTickUnits(
          a.integers()
              ? NumberAxis.createIntegerTickUnits(Locale.ROOT)
              : NumberAxis.createStandardTickUnits(Locale.ROOT));
      axis = n;
    } else {
      int base = a.scale() == Figure.Scale.LOG10 ? 10 : 2;
      LogAxis log = new PlainLogAxis(a.title());
      log.setBase(base);
      log.setSmallestValue(Double.MIN_NORMAL);
      log.setStandardTickUnits(wholeExponents());
      log.setNumberFormatOverride(TickLabels.format(base));
      log.setMinorTickCount(base == 10 ? 9 : 1);
      axis = log;
    }
    axis.setRange(a.min(), a.max());
    axis.setLabelFont(LABEL);
    axis.setTickLabelFont(TICK);
    return axis;
  }

  /**
   * A log axis whose tick labels are plain strings. JFreeChart's own labels are attributed strings
   * (for superscripts), which reach PDF and SVG documents as glyph outlines: not text, and most of
   * a PDF's drawing time.
   */
  private static final class PlainLogAxis extends LogAxis {
    PlainLogAxis(String title) {
      super(title);
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public List refreshTicks(
        Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
      List<Object> ticks = new ArrayList<>();
      for (Object tick : super.refreshTicks(g2, state, dataArea, edge)) {
        if (tick instanceof LogTick t) {
          ticks.add(
              new NumberTick(
                  t.getTickType(),
                  t.getValue(),
                  text(t.getAttributedLabel()),
                  t.getTextAnchor(),
                  t.getRotationAnchor(),
                  t.getAngle()));
        } else {
          ticks.add(tick);
        }
      }
      return ticks;
    }

    private static String text(AttributedString label) {
      if (label == null) {
        return "";
      }
      AttributedCharacterIterator it = label.getIterator();
      StringBuilder out = new StringBuilder();
      for (char c = it.first(); c != CharacterIterator.DONE; c = it.next()) {
        out.append(c);
      }
      return out.toString();
    }
  }

  /** Ticks at whole powers only: 10^0.5 is no place for a tick. */
  private static TickUnits wholeExponents() {
    TickUnits units = new TickUnits();
    for (int step : new int[] {1, 2, 3, 4, 5, 10, 20, 25, 50, 100}) {
      units.add(new NumberTickUnit(step));
    }
    return units;
  }

  private static Shape triangle(double r) {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(0, -r);
    p.lineTo(r, r);
    p.lineTo(-r, r);
    p.closePath();
    return p;
  }

  /** A five-pointed star: the known minimizers, apart from every other marker. */
  private static Shape star(double r) {
    Path2D.Double p = new Path2D.Double();
    for (int k = 0; k < 10; k++) {
      double radius = k % 2 == 0 ? r : r * 0.45;
      double angle = -Math.PI / 2 + k * Math.PI / 5;
      if (k == 0) {
        p.moveTo(radius * Math.cos(angle), radius * Math.sin(angle));
      } else {
        p.lineTo(radius * Math.cos(angle), radius * Math.sin(angle));
      }
    }
    p.closePath();
    return p;
  }

  private static Shape diamond(double r) {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(0, -r);
    p.lineTo(r, 0);
    p.lineTo(0, r);
    p.lineTo(-r, 0);
    p.closePath();
    return p;
  }
}
