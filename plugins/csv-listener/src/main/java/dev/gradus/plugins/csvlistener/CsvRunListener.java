package dev.gradus.plugins.csvlistener;

import dev.gradus.spi.RunInfo;
import dev.gradus.spi.RunListener;
import dev.gradus.spi.RunOutcome;
import dev.gradus.spi.SuiteInfo;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes {@code <outputDir>/csv-listener/<run_id>.csv} ({@code iteration,f,grad_norm}, one row per
 * {@link #iteration} call) for every run, and when the suite finishes {@code
 * <outputDir>/csv-listener/index.csv} ({@code run_id,status,iterations,f_final}, sorted by run id).
 *
 * <p>Thread-safe: runs execute concurrently, each run's file is written under its own lock, and
 * {@link #runFinished} may come from another thread than the run's own. When a suite is resumed,
 * the rows of an existing index for runs not run again are kept.
 */
final class CsvRunListener implements RunListener {
  static final String FOLDER = "csv-listener";
  static final String RUN_HEADER = "iteration,f,grad_norm";
  static final String INDEX = "index.csv";
  static final String INDEX_HEADER = "run_id,status,iterations,f_final";

  private volatile Path dir;
  private final Map<String, BufferedWriter> open = new ConcurrentHashMap<>();
  private final Map<String, String> indexRows = new ConcurrentHashMap<>();

  CsvRunListener() {}

  @Override
  public void suiteStarted(SuiteInfo suite) {
    Path folder = suite.outputDir().resolve(FOLDER);
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("csv-listener: cannot create " + folder, e);
    }
    indexRows.clear();
    dir = folder;
  }

  @Override
  public void runStarted(RunInfo run) {
    Path file = folder().resolve(fileName(run.runId()));
    try {
      BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
      synchronized (writer) {
        writer.write(RUN_HEADER);
        writer.write('\n');
      }
      BufferedWriter previous = open.put(run.runId(), writer);
      if (previous != null) {
        close(run.runId(), previous);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("csv-listener: cannot write " + file, e);
    }
  }

  @Override
  public void iteration(
      RunInfo run,
      long iteration,
      double f,
      double gap,
      double gradNorm,
      double stepNorm,
      double lr) {
    BufferedWriter writer = open.get(run.runId());
    if (writer == null) {
      throw new IllegalStateException(
          "csv-listener: iteration of run '" + run.runId() + "' before runStarted");
    }
    try {
      synchronized (writer) {
        writer.write(iteration + "," + f + "," + gradNorm + "\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("csv-listener: cannot write the rows of " + run.runId(), e);
    }
  }

  @Override
  public void runFinished(RunInfo run, RunOutcome outcome) {
    indexRows.put(
        run.runId(),
        quote(run.runId())
            + ","
            + quote(outcome.status())
            + ","
            + outcome.iterations()
            + ","
            + outcome.fFinal());
    BufferedWriter writer = open.remove(run.runId());
    if (writer != null) {
      close(run.runId(), writer);
    }
  }

  @Override
  public void suiteFinished(SuiteInfo suite) {
    Path index = folder().resolve(INDEX);
    Map<String, String> rows = new TreeMap<>(previousRows(index));
    rows.putAll(indexRows);
    StringBuilder text = new StringBuilder(INDEX_HEADER).append('\n');
    rows.values().forEach(row -> text.append(row).append('\n'));
    try {
      Files.writeString(index, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("csv-listener: cannot write " + index, e);
    }
  }

  /** The rows of an index a previous, interrupted invocation wrote, by run id. */
  private static Map<String, String> previousRows(Path index) {
    Map<String, String> rows = new TreeMap<>();
    if (!Files.isRegularFile(index)) {
      return rows;
    }
    try {
      List<String> lines = Files.readAllLines(index, StandardCharsets.UTF_8);
      for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
        if (!line.isBlank()) {
          rows.put(unquote(line.substring(0, firstField(line))), line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("csv-listener: cannot read " + index, e);
    }
    return rows;
  }

  private Path folder() {
    Path folder = dir;
    if (folder == null) {
      throw new IllegalStateException("csv-listener: a run started before suiteStarted");
    }
    return folder;
  }

  private static void close(String runId, BufferedWriter writer) {
    try {
      synchronized (writer) {
        writer.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("csv-listener: cannot finish the file of " + runId, e);
    }
  }

  /** Run ids are documented as safe file names; refuse one that could leave the folder anyway. */
  static String fileName(String runId) {
    if (runId.isEmpty()
        || runId.contains("/")
        || runId.contains("\\")
        || runId.startsWith(".")
        || runId.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(
          "csv-listener: run id '" + runId + "' is not a safe file name");
    }
    return runId + ".csv";
  }

  /** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
  static String quote(String field) {
    if (field.contains(",") || field.contains("\"") || field.contains("\n")) {
      return '"' + field.replace("\"", "\"\"") + '"';
    }
    return field;
  }

  private static String unquote(String field) {
    if (field.length() >= 2 && field.startsWith("\"") && field.endsWith("\"")) {
      return field.substring(1, field.length() - 1).replace("\"\"", "\"");
    }
    return field;
  }

  /** The end of the first field of a row, skipping commas inside quotes. */
  private static int firstField(String line) {
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        return i;
      }
    }
    return line.length();
  }
}
