package dev.gradus.runner.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The charts of a report, drawn with XChart in one style, and saved as PNG and SVG. */
final class Charts {
  static final int WIDTH = 820;
  static final int HEIGHT = 560;

  /** Ten distinguishable colours (the Tableau palette), one per optimizer configuration. */
  private static final Color[] PALETTE = {
    new Color(0x1f77b4),
    new Color(0xff7f0e),
    new Color(0x2ca02c),
    new Color(0xd62728),
    new Color(0x9467bd),
    new Color(0x8c564b),
    new Color(0xe377c2),
    new Color(0x7f7f7f),
    new Color(0xbcbd22),
    new Color(0x17becf)
  };

  private static final BasicStroke DASHED =
      new BasicStroke(
          1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {4f, 3f}, 0f);

  private Charts() {}

  static Color colour(int index) {
    return PALETTE[Math.floorMod(index, PALETTE.length)];
  }

  static XYChart chart(String title, String xTitle, String yTitle, boolean logX, boolean logY) {
    XYChart chart =
        new XYChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(title)
            .xAxisTitle(xTitle)
            .yAxisTitle(yTitle)
            .build();
    Styler styler = chart.getStyler();
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setLegendPosition(Styler.LegendPosition.OutsideS);
    styler.setLegendBorderColor(Color.WHITE);
    styler.setAntiAlias(true);
    chart.getStyler().setXAxisLogarithmic(logX);
    chart.getStyler().setYAxisLogarithmic(logY);
    chart.getStyler().setPlotGridLinesColor(new Color(0xe0e0e0));
    chart.getStyler().setMarkerSize(6);
    return chart;
  }

  /** A solid line in the legend; nothing (null) when the line has no finite point. */
  static XYSeries line(XYChart chart, String name, double[] x, double[] y, Color colour) {
    if (!hasFinite(y)) {
      return null;
    }
    XYSeries s = chart.addSeries(unique(chart, name), x, y);
    s.setMarker(SeriesMarkers.NONE);
    s.setLineColor(colour);
    s.setLineStyle(SeriesLines.SOLID); // XChart's theme otherwise cycles dash patterns
    s.setLineWidth(1.8f);
    return s;
  }

  /** A thin dashed line outside the legend, for quartiles. */
  static void dashed(XYChart chart, String name, double[] x, double[] y, Color colour) {
    if (!hasFinite(y)) {
      return;
    }
    XYSeries s = chart.addSeries(unique(chart, name), x, y);
    s.setMarker(SeriesMarkers.NONE);
    s.setLineColor(colour);
    s.setLineStyle(DASHED);
    s.setShowInLegend(false);
  }

  /** Points with markers and no line. */
  static void points(
      XYChart chart, String name, double[] x, double[] y, Color colour, boolean inLegend) {
    XYSeries s = chart.addSeries(unique(chart, name), x, y);
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    s.setMarker(SeriesMarkers.DIAMOND);
    s.setMarkerColor(colour);
    s.setShowInLegend(inLegend);
  }

  /** True when at least one value is finite: XChart cannot scale an axis without one. */
  static boolean hasFinite(double[] y) {
    for (double v : y) {
      if (Double.isFinite(v)) {
        return true;
      }
    }
    return false;
  }

  /** Writes {@code base.png} and {@code base.svg}. */
  static void save(XYChart chart, Path base) throws IOException {
    Files.write(
        base.resolveSibling(base.getFileName() + ".png"),
        BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
    try (OutputStream svg =
        Files.newOutputStream(base.resolveSibling(base.getFileName() + ".svg"))) {
      VectorGraphicsEncoder.saveVectorGraphic(
          chart, svg, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    }
  }

  /** XChart needs distinct series names; labels of different configurations may coincide. */
  private static String unique(XYChart chart, String name) {
    Set<String> taken = new HashSet<>(chart.getSeriesMap().keySet());
    String candidate = name;
    for (int k = 2; taken.contains(candidate); k++) {
      candidate = name + " (" + k + ")";
    }
    return candidate;
  }

  static double[] toArray(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
