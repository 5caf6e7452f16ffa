package dev.gradus.runner.results;

import dev.gradus.runner.run.ResultsWriteException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writing a result file whole: to a temporary file beside it, forced to the disk, then moved over
 * it in one step, so that a reader, a kill or a full disk leaves the old file or the new one, never
 * half of it.
 */
public final class TextFiles {
  private TextFiles() {}

  /** What writes a file's bytes. */
  @FunctionalInterface
  public interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Writes what {@code body} writes to {@code file} (creating its folder), whole.
   *
   * @throws ResultsWriteException naming the file and the reason
   */
  public static void writeWhole(Path file, Body body) {
    writeWhole(file, body, true);
  }

  /**
   * As {@link #writeWhole(Path, Body)}, forcing the bytes to the disk before the move only with
   * {@code force}. Either way a kill or a second process sees the old file or the new one; only a
   * power loss can leave less, which only checkpoints guard against (runs.jsonl is not forced
   * either, see docs/reliability.md), and a forced write per file costs the disk a flush each.
   */
  public static void writeWhole(Path file, Body body, boolean force) {
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.createDirectories(file.getParent());
      try (FileChannel channel =
          FileChannel.open(
              temporary,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE)) {
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
        body.writeTo(out);
        out.flush();
        if (force) {
          channel.force(true);
        }
      }
      Files.move(
          temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new ResultsWriteException(file, e);
    }
  }

  /**
   * Writes {@code text} to {@code file} (creating its folder) so that a reader sees the old file or
   * the new one, never half of it.
   *
   * @throws ResultsWriteException naming the file and the reason
   */
  public static void writeWhole(Path file, CharSequence text) {
    writeWhole(file, out -> out.write(text.toString().getBytes(StandardCharsets.UTF_8)));
  }
}
