package dev.gradus.runner.report;

import dev.gradus.runner.run.ResultsWriteException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

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
    for (Format format : formats(figure)) {
      write(format, figure, dir, name);
    }
  }

  /**
   * The writing of each file of the drawings as a task of its own, the cheapest first (by points
   * and panels), so that the drawing code is compiled on small figures before the large ones come.
   * A task that cannot write its file throws {@link ResultsWriteException} naming it.
   */
  List<Callable<Void>> tasks(List<PlotKind.Drawing> drawings, Path dir) {
    record Task(PlotKind.Drawing drawing, Format format, long cost) {}
    List<Task> tasks = new ArrayList<>();
    for (PlotKind.Drawing d : drawings) {
      for (Format format : formats(d.figure())) {
        tasks.add(new Task(d, format, format.weight * cost(d.figure())));
      }
    }
    tasks.sort(Comparator.comparingLong(Task::cost));
    List<Callable<Void>> writes = new ArrayList<>();
    for (Task t : tasks) {
      writes.add(
          () -> {
            String name = t.drawing().plot().name();
            try {
              write(t.format(), t.drawing().figure(), dir, name);
            } catch (IOException e) {
              throw new ResultsWriteException(dir.resolve(name + t.format().extension), e);
            }
            return null;
          });
    }
    return writes;
  }

  /** The files a figure gets: PNG and PDF, and SVG unless it would surely be too large. */
  private static List<Format> formats(Figure figure) {
    // an SVG surely too large is not worth drawing only to throw away
    return estimatedSvgBytes(figure) > MAX_SVG_BYTES
        ? List.of(Format.PNG, Format.PDF)
        : List.of(Format.PNG, Format.PDF, Format.SVG);
  }

  private void write(Format format, Figure figure, Path dir, String name) throws IOException {
    Path file = dir.resolve(name + format.extension);
    switch (format) {
      case PNG -> Files.write(file, png(figure));
      case PDF -> Files.write(file, pdf(figure));
      case SVG -> {
        byte[] bytes = svg(figure).getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_SVG_BYTES) {
          Files.write(file, bytes);
        }
      }
    }
  }

  /** The files of a figure, with their time relative to each other (measured on the shootout). */
  private enum Format {
    PNG(".png", 6),
    PDF(".pdf", 4),
    SVG(".svg", 1);

    final String extension;
    final int weight;

    Format(String extension, int weight) {
      this.extension = extension;
      this.weight = weight;
    }
  }

  /** A figure's drawing time, roughly: its points, and a fixed part per panel (axes, text). */
  private static long cost(Figure figure) {
    long points = 0;
    for (Figure.Panel panel : figure.panels()) {
      for (Figure.Line line : panel.lines()) {
        points += line.x().length;
      }
    }
    return points + 1_000L * figure.panels().size();
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

  byte[] png(Figure figure) {
    int[] size = FigureRenderer.size(figure);
    RasterCanvas canvas = new RasterCanvas(size[0], size[1]);
    renderer.draw(figure, canvas);
    return PngEncoder.encode(canvas.image());
  }

  byte[] pdf(Figure figure) {
    int[] size = FigureRenderer.size(figure);
    PdfCanvas canvas = new PdfCanvas(size[0], size[1]);
    renderer.draw(figure, canvas);
    return canvas.bytes(figure.title());
  }

  String svg(Figure figure) {
    int[] size = FigureRenderer.size(figure);
    SvgCanvas canvas = new SvgCanvas(size[0], size[1]);
    renderer.draw(figure, canvas);
    return canvas.document();
  }
}
