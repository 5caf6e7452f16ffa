package dev.gradus.runner.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.pdf.PDFDocument;
import org.jfree.pdf.PDFGraphics2D;
import org.jfree.pdf.Page;
import org.jfree.svg.SVGGraphics2D;

/**
 * Writes a figure as {@code NAME.png} (for the report), {@code NAME.pdf} (vector, text as text, for
 * papers) and {@code NAME.svg} when its text is real text and it stays under {@link
 * #MAX_SVG_BYTES}; a larger SVG (paths over contours with thousands of points) is not written at
 * all, as it would only bloat the folder.
 */
final class FigureFiles {
  static final int MAX_SVG_BYTES = 300_000;

  private final FigureRenderer renderer;

  FigureFiles(FigureRenderer renderer) {
    this.renderer = renderer;
  }

  /** Writes the files of {@code figure} at {@code dir/name.*}. */
  void save(Figure figure, Path dir, String name) throws IOException {
    Files.write(dir.resolve(name + ".png"), png(figure));
    Files.write(dir.resolve(name + ".pdf"), pdf(figure));
    if (estimatedSvgBytes(figure) > MAX_SVG_BYTES) {
      return; // not worth drawing only to throw away
    }
    byte[] bytes = svg(figure).getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= MAX_SVG_BYTES) {
      Files.write(dir.resolve(name + ".svg"), bytes);
    }
  }

  /** A lower bound of the SVG's size: each point takes at least a dozen characters of path data. */
  static long estimatedSvgBytes(Figure figure) {
    long points = 0;
    for (Figure.Panel panel : figure.panels()) {
      for (Figure.Line line : panel.lines()) {
        points += line.x().length;
      }
    }
    return 12 * points;
  }

  byte[] png(Figure figure) throws IOException {
    int[] size = FigureRenderer.size(figure);
    BufferedImage image = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      renderer.draw(figure, g);
    } finally {
      g.dispose();
    }
    return PngEncoder.encode(image);
  }

  byte[] pdf(Figure figure) {
    int[] size = FigureRenderer.size(figure);
    PDFDocument document = new PDFDocument();
    document.setTitle(figure.title());
    document.setAuthor("Gradus");
    Page page = document.createPage(new Rectangle2D.Double(0, 0, size[0], size[1]));
    PDFGraphics2D g = page.getGraphics2D();
    renderer.draw(figure, g);
    return document.getPDFBytes();
  }

  String svg(Figure figure) {
    int[] size = FigureRenderer.size(figure);
    SVGGraphics2D g = new SVGGraphics2D(size[0], size[1]);
    renderer.draw(figure, g);
    return g.getSVGDocument();
  }
}
