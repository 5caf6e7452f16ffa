package dev.gradus.runner.results;

import dev.gradus.runner.run.RunResult;
import java.io.IOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code runs.jsonl}: one line per finished run, appended and flushed to the operating system as
 * each run ends, so a killed process loses no finished run. Opening an existing file reads its runs
 * back; a torn last line (a kill in the middle of a write) is reported and cut off.
 */
public final class ResultsStore implements AutoCloseable {
  public static final String FILE = ResultsLayout.RUNS;
  private static final Logger log = LoggerFactory.getLogger(ResultsStore.class);

  /**
   * Milliseconds to pause in the middle of each line, from the environment variable {@code
   * GRADUS_SLOW_WRITES_MS}; 0 (off) unless a crash-safety test sets it.
   */
  static final long SLOW_WRITES_MS = slowWrites();

  private final Path file;
  private final Writer writer;
  private final List<RunResult> existing;
  private final Map<String, Object> provenance;

  private ResultsStore(
      Path file, Writer writer, List<RunResult> existing, Map<String, Object> provenance) {
    this.file = file;
    this.writer = writer;
    this.existing = existing;
    this.provenance = provenance;
  }

  /**
   * Opens {@code dir/runs.jsonl}: when {@code resume}, keeps and reads its runs; otherwise starts
   * it empty.
   */
  public static ResultsStore open(Path dir, boolean resume, Map<String, Object> provenance) {
    Path file = dir.resolve(FILE);
    try {
      Files.createDirectories(dir);
      List<RunResult> existing = new ArrayList<>();
      if (resume && Files.exists(file)) {
        existing = readAndRepair(file);
      } else {
        // Truncate rather than delete, so that a results file that is a link stays one.
        Files.write(file, new byte[0]);
      }
      Writer writer =
          Files.newBufferedWriter(
              file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      return new ResultsStore(
          file,
          writer,
          existing,
          java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(provenance)));
    } catch (IOException e) {
      throw new dev.gradus.runner.run.ResultsWriteException(file, e);
    }
  }

  /** Reads every complete run of a results file; a torn last line is cut off the file. */
  static List<RunResult> readAndRepair(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    String text = new String(bytes, StandardCharsets.UTF_8);
    List<RunResult> runs = new ArrayList<>();
    int start = 0;
    int lineNumber = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      lineNumber++;
      boolean complete = end >= 0;
      String line = complete ? text.substring(start, end) : text.substring(start);
      RunResult run = null;
      if (!line.isBlank()) {
        try {
          run = RunRecords.fromJson(line);
        } catch (IllegalArgumentException e) {
          if (complete && text.indexOf('\n', end + 1) >= 0) {
            throw new IOException(
                file
                    + ":"
                    + lineNumber
                    + ": not a run record ("
                    + e.getMessage()
                    + "); the file is damaged before its last line, so it is not resumed");
          }
          // Only the last line can be torn by a kill.
        }
      }
      if (run == null && !line.isBlank()) {
        log.warn(
            "{}:{}: torn last line ({} bytes) removed; that run will be run again",
            file,
            lineNumber,
            line.length());
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
          channel.truncate(text.substring(0, start).getBytes(StandardCharsets.UTF_8).length);
        }
        break;
      }
      if (run != null) {
        if (!complete) {
          Files.writeString(file, "\n", StandardOpenOption.APPEND);
        }
        runs.add(run);
      }
      if (!complete) {
        break;
      }
      start = end + 1;
    }
    return runs;
  }

  /**
   * The complete lines of a results file, without changing it: a torn last line (no newline, or not
   * parseable) is left out and reported.
   */
  public static List<String> completeLines(Path file) throws IOException {
    // Decoded leniently, as readAndRepair does: a kill can tear the last line inside a multi-byte
    // character, and that line is left out below rather than failing the whole file.
    String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    String last = lines.remove(lines.size() - 1); // after the final newline: empty unless torn
    if (!last.isBlank()) {
      log.warn("{}: torn last line ({} characters) left out", file, last.length());
    }
    lines.removeIf(String::isBlank);
    if (!lines.isEmpty()) {
      try {
        RunRecords.fromJson(lines.get(lines.size() - 1));
      } catch (IllegalArgumentException e) {
        log.warn("{}: unreadable last line left out: {}", file, e.getMessage());
        lines.remove(lines.size() - 1);
      }
    }
    return lines;
  }

  private static long slowWrites() {
    String value = System.getenv("GRADUS_SLOW_WRITES_MS");
    try {
      return value == null ? 0 : Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The runs that were already in the file when it was opened for resuming. */
  public List<RunResult> existing() {
    return existing;
  }

  public Path file() {
    return file;
  }

  /** Appends one run as one line and flushes it; from any thread (only the write is serial). */
  public void append(RunResult result) {
    String line = RunRecords.toJson(result, provenance) + "\n";
    write(line);
  }

  private synchronized void write(String line) {
    try {
      if (SLOW_WRITES_MS > 0) {
        // A testing aid: a line written in two flushed halves, so that a kill can land inside it.
        writer.write(line, 0, line.length() / 2);
        writer.flush();
        sleep(SLOW_WRITES_MS);
        writer.write(line, line.length() / 2, line.length() - line.length() / 2);
      } else {
        writer.write(line);
      }
      writer.flush();
    } catch (IOException e) {
      throw new dev.gradus.runner.run.ResultsWriteException(file, e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      writer.close();
    } catch (IOException e) {
      throw new dev.gradus.runner.run.ResultsWriteException(file, e);
    }
  }
}
