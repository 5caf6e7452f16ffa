package dev.gradus.runner.results;

import dev.gradus.runner.suite.Suite;
import dev.gradus.runner.suite.SuiteLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code suite.yaml} in a results folder: the suite file as written, so that {@code gradus report}
 * can run its runs again to draw paths. Its last line records the original folder, against which
 * relative paths (CSV data) resolve, as a YAML comment; the lines above keep their numbers.
 */
public final class SuiteCopy {
  public static final String FILE = ResultsLayout.SUITE_COPY;
  private static final String BASE = "# gradus: relative paths resolve against ";

  private SuiteCopy() {}

  /** Copies {@code suiteFile} into {@code dir/suite.yaml}. */
  public static void save(Path dir, Path suiteFile) {
    try {
      Path target = dir.resolve(FILE);
      if (Files.exists(target) && Files.isSameFile(target, suiteFile)) {
        return; // the suite file itself: never modified
      }
      String text = Files.readString(suiteFile, StandardCharsets.UTF_8);
      Path base = suiteFile.toAbsolutePath().getParent();
      String copy = text + (text.endsWith("\n") ? "" : "\n") + BASE + base + "\n";
      Files.writeString(dir.resolve(FILE), copy, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new dev.gradus.runner.run.ResultsWriteException(dir.resolve(FILE), e);
    }
  }

  /** The suite kept in {@code dir}, or empty when the folder has none. */
  public static Optional<Suite> load(Path dir) {
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      Path base = dir.toAbsolutePath();
      int at = text.lastIndexOf(BASE);
      if (at >= 0) {
        base = Path.of(text.substring(at + BASE.length()).strip());
      }
      return Optional.of(new SuiteLoader().parse(text, file.toString(), base));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
