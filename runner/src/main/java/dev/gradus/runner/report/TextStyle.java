package dev.gradus.runner.report;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.Locale;

/**
 * The fonts of the static plots, measured once for every format. The raster (PNG) draws {@link
 * #FAMILY}; PDF and SVG name Helvetica (Arial where it is missing) and, in PDF, declare each
 * character's width as measured here, so that a centred title or a right-aligned tick label sits in
 * the same place in every file.
 *
 * @param size the font size in points (pixels of the PNG)
 */
record TextStyle(Weight weight, double size) {
  /**
   * Liberation Sans where it is installed: its widths are Helvetica's, so the PDF's text, drawn in
   * the viewer's Helvetica, is spaced as it was measured. Otherwise Java's sans-serif font.
   */
  static final String FAMILY =
      "Liberation Sans".equals(new Font("Liberation Sans", Font.PLAIN, 12).getFamily(Locale.ROOT))
          ? "Liberation Sans"
          : Font.SANS_SERIF;

  /** The three faces the plots use. */
  enum Weight {
    PLAIN(Font.PLAIN, "Helvetica"),
    BOLD(Font.BOLD, "Helvetica-Bold"),
    ITALIC(Font.ITALIC, "Helvetica-Oblique");

    final int awtStyle;

    /** The name of the PDF's standard font of this face. */
    final String pdfFont;

    /** Advance widths of the characters 0 to 255 at size 1000, measured lazily. */
    private volatile double[] widths;

    /** Advance widths at size 1000 of the characters past 255 met so far. */
    private final java.util.Map<Character, Double> others =
        new java.util.concurrent.ConcurrentHashMap<>();

    Weight(int awtStyle, String pdfFont) {
      this.awtStyle = awtStyle;
      this.pdfFont = pdfFont;
    }

    /** The advance widths of the characters 0 to 255 at size 1000. */
    double[] widths() {
      double[] w = widths;
      if (w == null) {
        w = new double[256];
        Font font = new Font(FAMILY, awtStyle, 1000);
        FontRenderContext context = new FontRenderContext(null, true, true);
        for (int c = 32; c < 256; c++) {
          w[c] = font.getStringBounds(String.valueOf((char) c), context).getWidth();
        }
        widths = w;
      }
      return w;
    }

    /** The advance width of any character at size 1000. */
    double width(char c) {
      if (c < 256) {
        return widths()[c];
      }
      return others.computeIfAbsent(
          c,
          k ->
              new Font(FAMILY, awtStyle, 1000)
                  .getStringBounds(String.valueOf(k), new FontRenderContext(null, true, true))
                  .getWidth());
    }
  }

  static final TextStyle TITLE = new TextStyle(Weight.BOLD, 14);
  static final TextStyle PANEL_TITLE = new TextStyle(Weight.BOLD, 12);
  static final TextStyle LABEL = new TextStyle(Weight.PLAIN, 12);
  static final TextStyle TICK = new TextStyle(Weight.PLAIN, 10);
  static final TextStyle LEGEND = new TextStyle(Weight.PLAIN, 11);
  static final TextStyle NOTE = new TextStyle(Weight.ITALIC, 10);

  /** The height of capitals above the baseline, as a share of the size. */
  private static final double ASCENT = 0.74;

  /** The text's width in points. */
  double width(String text) {
    double[] w = weight.widths();
    double sum = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      sum += c < 256 ? w[c] : weight.width(c);
    }
    return sum * size / 1000;
  }

  /** The height of capitals above the baseline, in points. */
  double ascent() {
    return ASCENT * size;
  }

  /** The awt font of this style, for the raster. */
  Font awtFont() {
    return new Font(FAMILY, weight.awtStyle, 1).deriveFont((float) size);
  }
}
