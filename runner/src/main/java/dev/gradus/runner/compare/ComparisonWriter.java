package dev.gradus.runner.compare;

import dev.gradus.runner.results.ResultsLayout;
import dev.gradus.runner.results.SignificanceTable;
import dev.gradus.runner.results.TextFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a comparison where it was asked to go, and never into the folders compared: a Markdown
 * file, a LaTeX file, and a new comparison folder ({@code tables/comparison.*}, {@code
 * tables/significance.*}, {@code compare.html}).
 */
public final class ComparisonWriter {
  private ComparisonWriter() {}

  /**
   * Refuses, before anything is read, outputs that would write into an input folder, and an {@code
   * out} folder that exists and is not empty (results are never silently overwritten).
   *
   * @param markdown, latex, out each null when not asked for
   * @throws Comparison.RefusedException naming the place and the reason
   */
  public static void check(List<Path> inputs, Path markdown, Path latex, Path out) {
    for (Path file : new Path[] {markdown, latex}) {
      if (file != null) {
        for (Path input : inputs) {
          if (within(file, input)) {
            throw new Comparison.RefusedException(
                "compare: "
                    + file
                    + " is inside the compared folder "
                    + input
                    + ", which compare never writes into: choose another file");
          }
        }
        if (Files.isDirectory(file)) {
          throw new Comparison.RefusedException("compare: " + file + " is a folder, not a file");
        }
      }
    }
    if (out == null) {
      return;
    }
    for (Path input : inputs) {
      if (within(out, input)) {
        throw new Comparison.RefusedException(
            "compare: --out "
                + out
                + " is (inside) the compared folder "
                + input
                + ": write the comparison to a new folder");
      }
    }
    if (Files.exists(out)) {
      if (!Files.isDirectory(out)) {
        throw new Comparison.RefusedException("compare: --out " + out + " is a file, not a folder");
      }
      try (Stream<Path> entries = Files.list(out)) {
        if (entries.findAny().isPresent()) {
          throw new Comparison.RefusedException(
              "compare: --out "
                  + out
                  + " exists and is not empty; a comparison goes to a new or empty folder, so"
                  + " that nothing is overwritten");
        }
      } catch (IOException e) {
        throw new UncheckedIOException("compare: cannot list " + out + ": " + e.getMessage(), e);
      }
    }
  }

  /** Writes what was asked for; returns the files written. */
  public static List<Path> write(Comparison c, Path markdown, Path latex, Path out) {
    List<Path> written = new ArrayList<>();
    if (markdown != null) {
      TextFiles.writeWhole(markdown.toAbsolutePath(), ComparisonTables.markdown(c));
      written.add(markdown);
    }
    if (latex != null) {
      TextFiles.writeWhole(latex.toAbsolutePath(), ComparisonTables.latex(c));
      written.add(latex);
    }
    if (out != null) {
      ResultsLayout layout = new ResultsLayout(out);
      TextFiles.writeWhole(layout.table(ResultsLayout.COMPARISON_CSV), ComparisonTables.csv(c));
      TextFiles.writeWhole(layout.table(ResultsLayout.COMPARISON_MD), ComparisonTables.markdown(c));
      TextFiles.writeWhole(layout.table(ResultsLayout.COMPARISON_TEX), ComparisonTables.latex(c));
      List<SignificanceTable.Row> pairs = new ArrayList<>();
      c.functions().forEach(f -> pairs.addAll(f.pairs()));
      SignificanceTable.writeRows(layout, pairs);
      TextFiles.writeWhole(layout.compareReport(), ComparisonTables.html(c));
      written.add(layout.compareReport());
    }
    return written;
  }

  /** Whether {@code path} is {@code folder} or lies inside it, links resolved where they exist. */
  static boolean within(Path path, Path folder) {
    return real(path).startsWith(real(folder));
  }

  /** The real path of the longest existing prefix, with the rest appended. */
  private static Path real(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path existing = absolute;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return absolute;
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(absolute));
    } catch (IOException e) {
      return absolute;
    }
  }
}
