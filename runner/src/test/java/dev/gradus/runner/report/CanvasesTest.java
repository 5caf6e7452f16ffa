package dev.gradus.runner.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

/** The three canvases, and the number text the vector ones write. */
class CanvasesTest {
  @Test
  void vectorNumbersAreRoundedToHundredthsWithoutTrailingZeros() {
    assertEquals("12.35", VectorText.number(new StringBuilder(), 12.345).toString());
    assertEquals("-3", VectorText.number(new StringBuilder(), -3.001).toString());
    assertEquals("0.05", VectorText.number(new StringBuilder(), 0.05).toString());
    assertEquals("0.5", VectorText.number(new StringBuilder(), 0.5).toString());
    assertEquals("0", VectorText.number(new StringBuilder(), -0.004).toString());
    assertEquals("-12.5", VectorText.tenths(new StringBuilder(), -125).toString());
    assertEquals("3", VectorText.tenths(new StringBuilder(), 30).toString());
    assertEquals(
        "1 0.5 0",
        VectorText.fractions(new StringBuilder(), new Color(255, 128, 0))
            .toString()
            .replace("0.502", "0.5"));
  }

  private static void drawSample(Canvas c) {
    c.fillRect(0, 0, 200, 100, Color.WHITE);
    c.clip(10, 10, 180, 80);
    c.polyline(
        new double[] {10, 50, Double.NaN, 60, 90},
        new double[] {80, 20, 30, 40, 50},
        5,
        Color.BLUE,
        1.5,
        new float[] {7f, 3f});
    c.marker(Canvas.Marker.DOT, 100, 50, Color.BLACK);
    c.marker(Canvas.Marker.STAR, 120, 50, Color.RED);
    c.unclip();
    c.strokeRect(10, 10, 180, 80, Color.GRAY, 0.5);
    c.text("f − f* (a) \\ b…", 100, 95, TextStyle.LABEL, Color.BLACK, Canvas.Anchor.MIDDLE, true);
    c.text("share <&>", 8, 50, TextStyle.LABEL, Color.BLACK, Canvas.Anchor.MIDDLE, false);
  }

  @Test
  void aPdfIsOnePageWhoseCrossReferencesPointAtItsObjects() {
    PdfCanvas canvas = new PdfCanvas(200, 100);
    drawSample(canvas);
    byte[] pdf = canvas.bytes("a (title)");
    String text = new String(pdf, StandardCharsets.ISO_8859_1);
    assertTrue(text.startsWith("%PDF-1.4\n"));
    assertTrue(text.endsWith("%%EOF\n"));
    int xref = Integer.parseInt(text.replaceAll("(?s).*startxref\n(\\d+)\n%%EOF\n", "$1"));
    assertTrue(text.startsWith("xref\n", xref), "startxref points at the table");
    Matcher entry = Pattern.compile("(\\d{10}) 00000 n \n").matcher(text.substring(xref));
    int object = 1;
    while (entry.find()) {
      int offset = Integer.parseInt(entry.group(1));
      assertTrue(text.startsWith(object + " 0 obj\n", offset), "object " + object);
      object++;
    }
    assertEquals(9, object, "eight objects: catalog, pages, page, content, three fonts, info");
    assertTrue(text.contains("/MediaBox [0 0 200 100]"));
    // the title as UTF-16BE, the form a PDF reader takes any character in
    assertTrue(text.contains("/Title <FEFF006100200028007400690074006C00650029>"), text);
    String greek =
        new String(new PdfCanvas(10, 10).bytes("\u03b1 \u2013"), StandardCharsets.ISO_8859_1);
    assertTrue(greek.contains("/Title <FEFF03B100202013>"), greek);
    // the same drawing gives the same bytes: no dates, no random ids
    PdfCanvas again = new PdfCanvas(200, 100);
    drawSample(again);
    assertArrayEquals(pdf, again.bytes("a (title)"));
  }

  @Test
  void pdfTextIsWinAnsiWithItsMeasuredWidths() {
    assertEquals('-', PdfCanvas.WinAnsi.code('\u2212'));
    assertEquals(0x85, PdfCanvas.WinAnsi.code('\u2026'));
    assertEquals(0x96, PdfCanvas.WinAnsi.code('\u2013'));
    assertEquals(0xe9, PdfCanvas.WinAnsi.code('\u00e9'));
    assertEquals('?', PdfCanvas.WinAnsi.code('\u03b1'));
    assertEquals('\u2026', PdfCanvas.WinAnsi.character(0x85));
    assertEquals(0, PdfCanvas.WinAnsi.character(0x81));
    PdfCanvas canvas = new PdfCanvas(200, 100);
    drawSample(canvas);
    String text = new String(canvas.bytes("t"), StandardCharsets.ISO_8859_1);
    Matcher widths =
        Pattern.compile("/FirstChar 32 /LastChar 255 /Widths \\[([^\\]]*)\\]").matcher(text);
    int fonts = 0;
    while (widths.find()) {
      String[] w = widths.group(1).trim().split("\\s+");
      assertEquals(224, w.length);
      // the layout's own measure of 'W', in thousandths of the size
      assertEquals(
          Math.round(TextStyle.Weight.values()[fonts].width('W')), Long.parseLong(w['W' - 32]));
      fonts++;
    }
    assertEquals(3, fonts);
  }

  @Test
  void anSvgIsXmlWithItsTextAsText() throws Exception {
    SvgCanvas canvas = new SvgCanvas(200, 100);
    drawSample(canvas);
    String svg = canvas.document();
    var document =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    assertEquals("svg", document.getDocumentElement().getTagName());
    var texts = document.getElementsByTagName("text");
    assertEquals(2, texts.getLength());
    assertEquals("f − f* (a) \\ b…", texts.item(0).getTextContent());
    assertEquals("share <&>", texts.item(1).getTextContent());
    // the pen lifts at NaN: two subpaths, relative moves after each start
    assertTrue(svg.contains("d=\"M10 80l40-60M60 40l30 10\""), svg);
  }

  @Test
  void theRasterDrawsWhereItIsTold() {
    RasterCanvas canvas = new RasterCanvas(200, 100);
    drawSample(canvas);
    var image = canvas.image();
    assertEquals(200, image.getWidth());
    assertEquals(0xffffff, image.getRGB(150, 20) & 0xffffff, "untouched background");
    assertEquals(0x000000, image.getRGB(100, 50) & 0xffffff, "the dot's centre");
    int star = image.getRGB(120, 50);
    assertTrue(((star >> 16) & 0xff) > 200 && (star & 0xff) < 80, "the red star's centre");
  }
}
