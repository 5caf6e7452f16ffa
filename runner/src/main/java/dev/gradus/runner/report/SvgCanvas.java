package dev.gradus.runner.report;

import java.awt.Color;

/**
 * A {@link Canvas} that writes an SVG document: paths, and text as {@code <text>} in Helvetica (or
 * Arial, or the viewer's sans-serif), anchored as the layout asked, so that a viewer's font of
 * other widths keeps centred text centred.
 */
final class SvgCanvas implements Canvas {
  private final StringBuilder svg = new StringBuilder(1 << 16);
  private int clips;
  private boolean clipped;

  /** A document of this size in points (pixels). */
  SvgCanvas(int width, int height) {
    svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\" font-family=\"Helvetica, Arial, sans-serif\">\n");
  }

  @Override
  public void fillRect(double x, double y, double w, double h, Color colour) {
    rect(x, y, w, h).append(" fill=\"");
    hex(colour).append("\"/>\n");
  }

  @Override
  public void strokeRect(double x, double y, double w, double h, Color colour, double lineWidth) {
    rect(x, y, w, h).append(" fill=\"none\" stroke=\"");
    hex(colour).append("\" stroke-width=\"");
    VectorText.number(svg, lineWidth).append("\"/>\n");
  }

  @Override
  public void polyline(
      double[] x, double[] y, int n, Color colour, double lineWidth, float[] dash) {
    int start = svg.length();
    svg.append("<path d=\"");
    // relative moves in tenths of a point, from the rounded pen position: a third of the text of
    // absolute coordinates in hundredths, and no drift
    boolean down = false;
    boolean any = false;
    long penX = 0;
    long penY = 0;
    for (int i = 0; i < n; i++) {
      if (Double.isNaN(x[i]) || Double.isNaN(y[i])) {
        down = false;
        continue;
      }
      long tx = Math.round(x[i] * 10);
      long ty = Math.round(y[i] * 10);
      if (down) {
        svg.append('l');
        VectorText.tenths(svg, tx - penX);
        if (ty - penY >= 0) {
          svg.append(' ');
        }
        VectorText.tenths(svg, ty - penY);
      } else {
        svg.append('M');
        VectorText.tenths(svg, tx).append(' ');
        VectorText.tenths(svg, ty);
      }
      penX = tx;
      penY = ty;
      down = true;
      any = true;
    }
    if (!any) {
      svg.setLength(start);
      return;
    }
    svg.append("\" fill=\"none\" stroke=\"");
    hex(colour).append("\" stroke-width=\"");
    VectorText.number(svg, lineWidth).append("\" stroke-linejoin=\"round\"");
    if (dash != null) {
      svg.append(" stroke-dasharray=\"");
      for (int i = 0; i < dash.length; i++) {
        VectorText.number(svg, dash[i]).append(i + 1 < dash.length ? "," : "");
      }
      svg.append('"');
    }
    svg.append("/>\n");
  }

  @Override
  public void marker(Marker marker, double x, double y, Color colour) {
    if (marker == Marker.DOT) {
      svg.append("<circle cx=\"");
      VectorText.number(svg, x).append("\" cy=\"");
      VectorText.number(svg, y).append("\" r=\"");
      VectorText.number(svg, Marker.DOT_RADIUS).append("\" fill=\"");
    } else {
      svg.append("<path d=\"");
      double[] p = marker.points;
      for (int i = 0; i < p.length; i += 2) {
        svg.append(i == 0 ? 'M' : 'L');
        VectorText.number(svg, x + p[i]).append(' ');
        VectorText.number(svg, y + p[i + 1]);
      }
      svg.append("Z\" fill=\"");
    }
    hex(colour).append("\"/>\n");
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
    svg.append("<text x=\"");
    VectorText.number(svg, x).append("\" y=\"");
    VectorText.number(svg, y).append("\" font-size=\"");
    VectorText.number(svg, style.size()).append('"');
    switch (style.weight()) {
      case BOLD -> svg.append(" font-weight=\"bold\"");
      case ITALIC -> svg.append(" font-style=\"italic\"");
      case PLAIN -> {}
    }
    switch (anchor) {
      case MIDDLE -> svg.append(" text-anchor=\"middle\"");
      case END -> svg.append(" text-anchor=\"end\"");
      case START -> {}
    }
    if (!upright) {
      svg.append(" transform=\"rotate(-90 ");
      VectorText.number(svg, x).append(' ');
      VectorText.number(svg, y).append(")\"");
    }
    svg.append(" fill=\"");
    hex(colour).append("\">");
    escaped(text);
    svg.append("</text>\n");
  }

  @Override
  public void clip(double x, double y, double w, double h) {
    unclip();
    int id = ++clips;
    svg.append("<clipPath id=\"c").append(id).append("\">");
    rect(x, y, w, h).append("/></clipPath>\n<g clip-path=\"url(#c").append(id).append(")\">\n");
    clipped = true;
  }

  @Override
  public void unclip() {
    if (clipped) {
      svg.append("</g>\n");
      clipped = false;
    }
  }

  /** The document of what was drawn. */
  String document() {
    unclip();
    return svg + "</svg>\n";
  }

  private StringBuilder rect(double x, double y, double w, double h) {
    svg.append("<rect x=\"");
    VectorText.number(svg, x).append("\" y=\"");
    VectorText.number(svg, y).append("\" width=\"");
    VectorText.number(svg, w).append("\" height=\"");
    return VectorText.number(svg, h).append('"');
  }

  private StringBuilder hex(Color c) {
    String digits = "0123456789abcdef";
    svg.append('#');
    for (int channel : new int[] {c.getRed(), c.getGreen(), c.getBlue()}) {
      svg.append(digits.charAt(channel >> 4)).append(digits.charAt(channel & 15));
    }
    return svg;
  }

  private void escaped(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> svg.append("&lt;");
        case '>' -> svg.append("&gt;");
        case '&' -> svg.append("&amp;");
        case '"' -> svg.append("&quot;");
        default -> {
          // XML 1.0 refuses most control characters
          if (c >= 0x20 || c == '\t') {
            svg.append(c);
          }
        }
      }
    }
  }
}
