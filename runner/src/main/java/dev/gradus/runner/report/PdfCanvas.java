package dev.gradus.runner.report;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * A {@link Canvas} that writes a one-page PDF 1.4: vector paths, and text as text in the standard
 * Helvetica faces (WinAnsi encoding, no font embedded) with each character's width as {@link
 * TextStyle} measured it. The page's content is deflated; the file holds no date, so the same
 * figure always gives the same bytes.
 */
final class PdfCanvas implements Canvas {
  private static final byte[] NO_BYTES = new byte[0];

  private final double width;
  private final double height;
  private final StringBuilder page = new StringBuilder(1 << 16);
  private boolean clipped;

  /** A page of this size in points. */
  PdfCanvas(double width, double height) {
    this.width = width;
    this.height = height;
    // y down from the top-left corner, as every canvas; round joins, butt caps
    page.append("1 0 0 -1 0 ");
    VectorText.number(page, height).append(" cm\n1 j 0 J\n");
  }

  @Override
  public void fillRect(double x, double y, double w, double h, Color colour) {
    fill(colour);
    rect(x, y, w, h).append("f\n");
  }

  @Override
  public void strokeRect(double x, double y, double w, double h, Color colour, double lineWidth) {
    stroke(colour, lineWidth, null);
    rect(x, y, w, h).append("S\n");
  }

  @Override
  public void polyline(
      double[] x, double[] y, int n, Color colour, double lineWidth, float[] dash) {
    stroke(colour, lineWidth, dash);
    boolean down = false;
    boolean any = false;
    for (int i = 0; i < n; i++) {
      if (Double.isNaN(x[i]) || Double.isNaN(y[i])) {
        down = false;
        continue;
      }
      VectorText.number(page, x[i]).append(' ');
      VectorText.number(page, y[i]).append(down ? " l\n" : " m\n");
      down = true;
      any = true;
    }
    if (any) {
      page.append("S\n");
    }
    if (dash != null) {
      page.append("[] 0 d\n");
    }
  }

  @Override
  public void marker(Marker marker, double x, double y, Color colour) {
    fill(colour);
    if (marker == Marker.DOT) {
      circle(x, y, Marker.DOT_RADIUS);
    } else {
      double[] p = marker.points;
      for (int i = 0; i < p.length; i += 2) {
        VectorText.number(page, x + p[i]).append(' ');
        VectorText.number(page, y + p[i + 1]).append(i == 0 ? " m\n" : " l\n");
      }
      page.append("h\n");
    }
    page.append("f\n");
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
    double start = anchor.startOffset(style.width(text));
    fill(colour);
    page.append("BT /F").append(style.weight().ordinal() + 1).append(' ');
    VectorText.number(page, style.size()).append(" Tf ");
    // the text matrix turns the page's y-down back to the font's y-up
    if (upright) {
      page.append("1 0 0 -1 ");
      VectorText.number(page, x + start).append(' ');
      VectorText.number(page, y);
    } else {
      page.append("0 -1 -1 0 ");
      VectorText.number(page, x).append(' ');
      VectorText.number(page, y - start);
    }
    page.append(" Tm (");
    escaped(page, text);
    page.append(") Tj ET\n");
  }

  @Override
  public void clip(double x, double y, double w, double h) {
    unclip();
    page.append("q\n");
    rect(x, y, w, h).append("W n\n");
    clipped = true;
  }

  @Override
  public void unclip() {
    if (clipped) {
      page.append("Q\n1 j 0 J\n");
      clipped = false;
    }
  }

  /** The PDF file of what was drawn, titled {@code title}. */
  byte[] bytes(String title) {
    unclip();
    List<byte[]> objects = new ArrayList<>();
    objects.add(ascii("<< /Type /Catalog /Pages 2 0 R >>"));
    objects.add(ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"));
    StringBuilder pageObject = new StringBuilder("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ");
    VectorText.number(pageObject, width).append(' ');
    VectorText.number(pageObject, height)
        .append("] /Resources << /Font << /F1 5 0 R /F2 6 0 R /F3 7 0 R >> >> /Contents 4 0 R >>");
    objects.add(ascii(pageObject.toString()));
    byte[] content = deflated(page.toString().getBytes(StandardCharsets.ISO_8859_1));
    ByteArrayOutputStream stream = new ByteArrayOutputStream(content.length + 64);
    stream.writeBytes(ascii("<< /Length " + content.length + " /Filter /FlateDecode >>\nstream\n"));
    stream.writeBytes(content);
    stream.writeBytes(ascii("\nendstream"));
    objects.add(stream.toByteArray());
    for (TextStyle.Weight weight : TextStyle.Weight.values()) {
      objects.add(ascii(font(weight)));
    }
    // a text string of the document's information is PDFDocEncoding or UTF-16BE, not WinAnsi
    StringBuilder info = new StringBuilder("<< /Title <FEFF");
    for (int i = 0; i < title.length(); i++) {
      String hex = Integer.toHexString(title.charAt(i)).toUpperCase(java.util.Locale.ROOT);
      info.append("0000", 0, 4 - hex.length()).append(hex);
    }
    info.append("> /Author (Gradus) /Producer (Gradus) >>");
    objects.add(info.toString().getBytes(StandardCharsets.ISO_8859_1));

    ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 4096);
    out.writeBytes(ascii("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n"));
    long[] offsets = new long[objects.size()];
    for (int i = 0; i < objects.size(); i++) {
      offsets[i] = out.size();
      out.writeBytes(ascii((i + 1) + " 0 obj\n"));
      out.writeBytes(objects.get(i));
      out.writeBytes(ascii("\nendobj\n"));
    }
    long xref = out.size();
    StringBuilder table = new StringBuilder();
    table.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
    for (long offset : offsets) {
      String digits = Long.toString(offset);
      table.append("0000000000", 0, 10 - digits.length()).append(digits).append(" 00000 n \n");
    }
    table
        .append("trailer\n<< /Size ")
        .append(objects.size() + 1)
        .append(" /Root 1 0 R /Info ")
        .append(objects.size())
        .append(" 0 R >>\nstartxref\n")
        .append(xref)
        .append("\n%%EOF\n");
    out.writeBytes(ascii(table.toString()));
    return out.toByteArray();
  }

  /** A standard font with the widths the layout measured, so text lands where it was placed. */
  private static String font(TextStyle.Weight weight) {
    StringBuilder f = new StringBuilder("<< /Type /Font /Subtype /Type1 /BaseFont /");
    f.append(weight.pdfFont)
        .append(" /Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 255 /Widths [");
    for (int code = 32; code < 256; code++) {
      char c = WinAnsi.character(code);
      f.append(Math.round(c == 0 ? weight.width('?') : weight.width(c)));
      f.append(code % 16 == 15 ? '\n' : ' ');
    }
    return f.append("] >>").toString();
  }

  private StringBuilder rect(double x, double y, double w, double h) {
    VectorText.number(page, x).append(' ');
    VectorText.number(page, y).append(' ');
    VectorText.number(page, w).append(' ');
    return VectorText.number(page, h).append(" re ");
  }

  private void circle(double x, double y, double r) {
    // four cubic arcs; k is the control distance of a quarter circle
    double k = 0.5523 * r;
    double[][] arcs = {
      {x + r, y + k, x + k, y + r, x, y + r},
      {x - k, y + r, x - r, y + k, x - r, y},
      {x - r, y - k, x - k, y - r, x, y - r},
      {x + k, y - r, x + r, y - k, x + r, y}
    };
    VectorText.number(page, x + r).append(' ');
    VectorText.number(page, y).append(" m\n");
    for (double[] a : arcs) {
      for (double v : a) {
        VectorText.number(page, v).append(' ');
      }
      page.append("c\n");
    }
  }

  private void fill(Color c) {
    VectorText.fractions(page, c).append(" rg ");
  }

  private void stroke(Color c, double lineWidth, float[] dash) {
    VectorText.fractions(page, c).append(" RG ");
    VectorText.number(page, lineWidth).append(" w ");
    if (dash != null) {
      page.append('[');
      for (int i = 0; i < dash.length; i++) {
        VectorText.number(page, dash[i]).append(i + 1 < dash.length ? " " : "");
      }
      page.append("] 0 d ");
    }
  }

  /** A string literal's content: WinAnsi bytes (as chars below 256), with ( ) \ escaped. */
  private static void escaped(StringBuilder out, String text) {
    for (int i = 0; i < text.length(); i++) {
      int code = WinAnsi.code(text.charAt(i));
      if (code == '(' || code == ')' || code == '\\') {
        out.append('\\');
      }
      out.append((char) code);
    }
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] deflated(byte[] data) {
    if (data.length == 0) {
      return NO_BYTES;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 4 + 64);
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    try (DeflaterOutputStream z = new DeflaterOutputStream(out, deflater, 1 << 16)) {
      z.write(data);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("writing to memory failed", e);
    } finally {
      deflater.end();
    }
    return out.toByteArray();
  }

  /** PDF's WinAnsi encoding: Latin-1, and typographic punctuation in 128–159. */
  static final class WinAnsi {
    /** The characters of codes 128 to 159; 0 where the code has none. */
    private static final String HIGH =
        "\u20ac\0\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\0\u017d\0"
            + "\0\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\0\u017e\u0178";

    private WinAnsi() {}

    /** The character of a code from 32 to 255, or 0 for a code that has none. */
    static char character(int code) {
      if (code >= 128 && code < 160) {
        return HIGH.charAt(code - 128);
      }
      return code < 127 || code >= 160 ? (char) code : 0;
    }

    /** The code of a character; {@code '-'} for a minus sign, {@code '?'} for one not encoded. */
    static int code(char c) {
      if ((c >= 32 && c < 127) || (c >= 160 && c < 256)) {
        return c;
      }
      if (c == '\u2212') {
        return '-';
      }
      int high = HIGH.indexOf(c);
      return high >= 0 && c != 0 ? 128 + high : '?';
    }
  }
}
