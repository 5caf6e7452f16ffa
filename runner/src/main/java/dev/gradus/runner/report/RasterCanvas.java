package dev.gradus.runner.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.EnumMap;
import java.util.Map;

/** A {@link Canvas} on an RGB image, antialiased, one pixel per point. */
final class RasterCanvas implements Canvas {
  private final BufferedImage image;
  private final Graphics2D g;
  private final Map<TextStyle.Weight, Map<Double, Font>> fonts =
      new EnumMap<>(TextStyle.Weight.class);

  RasterCanvas(int width, int height) {
    image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    // the layout measured text with fractional widths: draw it so
    g.setRenderingHint(
        RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
  }

  /** The picture drawn so far; call once drawing is done. */
  BufferedImage image() {
    g.dispose();
    return image;
  }

  @Override
  public void fillRect(double x, double y, double width, double height, Color colour) {
    g.setPaint(colour);
    g.fill(new Rectangle2D.Double(x, y, width, height));
  }

  @Override
  public void strokeRect(
      double x, double y, double width, double height, Color colour, double lineWidth) {
    g.setPaint(colour);
    g.setStroke(new BasicStroke((float) lineWidth));
    g.draw(new Rectangle2D.Double(x, y, width, height));
  }

  @Override
  public void polyline(
      double[] x, double[] y, int n, Color colour, double lineWidth, float[] dash) {
    Path2D.Double path = new Path2D.Double(Path2D.WIND_NON_ZERO, n);
    boolean down = false;
    for (int i = 0; i < n; i++) {
      if (Double.isNaN(x[i]) || Double.isNaN(y[i])) {
        down = false;
      } else if (down) {
        path.lineTo(x[i], y[i]);
      } else {
        path.moveTo(x[i], y[i]);
        down = true;
      }
    }
    g.setPaint(colour);
    g.setStroke(
        dash == null
            ? new BasicStroke((float) lineWidth, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND)
            : new BasicStroke(
                (float) lineWidth, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f));
    g.draw(path);
  }

  @Override
  public void marker(Marker marker, double x, double y, Color colour) {
    g.setPaint(colour);
    if (marker == Marker.DOT) {
      double r = Marker.DOT_RADIUS;
      g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
      return;
    }
    double[] p = marker.points;
    Path2D.Double path = new Path2D.Double();
    path.moveTo(x + p[0], y + p[1]);
    for (int i = 2; i < p.length; i += 2) {
      path.lineTo(x + p[i], y + p[i + 1]);
    }
    path.closePath();
    g.fill(path);
  }

  @Override
  public void text(
      String text,
      double x,
      double y,
      TextStyle style,
      Color colour,
      Anchor anchor,
      boolean upright) {
    g.setPaint(colour);
    g.setFont(
        fonts
            .computeIfAbsent(style.weight(), w -> new java.util.HashMap<>())
            .computeIfAbsent(style.size(), s -> style.awtFont()));
    float start = (float) anchor.startOffset(style.width(text));
    if (upright) {
      g.drawString(text, (float) x + start, (float) y);
      return;
    }
    AffineTransform before = g.getTransform();
    g.translate(x, y);
    g.rotate(-Math.PI / 2);
    g.drawString(text, start, 0f);
    g.setTransform(before);
  }

  @Override
  public void clip(double x, double y, double width, double height) {
    g.setClip(new Rectangle2D.Double(x, y, width, height));
  }

  @Override
  public void unclip() {
    g.setClip(null);
  }
}
