package dev.gradus.runner.results;

import dev.gradus.runner.run.ResultsWriteException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writing a result table whole: to a temporary file beside it, then moved over it. */
public final class TextFiles {
  private TextFiles() {}

  /**
   * Writes {@code text} to {@code file} (creating its folder) so that a reader sees the old file or
   * the new one, never half of it.
   *
   * @throws ResultsWriteException naming the file and the reason
   */
  public static void writeWhole(Path file, CharSequence text) {
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(temporary, text, StandardCharsets.UTF_8);
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new ResultsWriteException(file, e);
    }
  }
}
