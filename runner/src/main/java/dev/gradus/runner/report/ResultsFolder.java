package dev.gradus.runner.report;

import dev.gradus.runner.output.RunRecords;
import dev.gradus.runner.run.RunResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A results folder read back: its runs, their traces, the summary table and the resolved suite.
 *
 * @param runs every complete line of {@code runs.jsonl}, in run-id order
 * @param traces each run's trace by run id; runs without a trace file are absent
 * @param summary the cells of {@code summary.csv}, header row first
 * @param resolvedSuite the text of {@code suite.resolved.yaml}, or empty
 */
record ResultsFolder(
    Path dir,
    List<RunResult> runs,
    Map<String, Trace> traces,
    List<List<String>> summary,
    String resolvedSuite) {

  /**
   * The rows of one run's trace.
   *
   * @param gap f − f* per row; NaN where the function has no known minimum
   */
  record Trace(double[] iteration, double[] f, double[] gap) {
    boolean hasGap() {
      return gap.length > 0 && !Double.isNaN(gap[0]);
    }
  }

  static ResultsFolder read(Path dir) {
    Path runsFile = dir.resolve("runs.jsonl");
    if (!Files.isRegularFile(runsFile)) {
      throw new IllegalArgumentException(
          dir + " is not a results folder: it has no runs.jsonl (run a suite into it first)");
    }
    try {
      List<RunResult> runs = new ArrayList<>();
      for (String line : Files.readAllLines(runsFile, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        try {
          runs.add(RunRecords.fromJson(line));
        } catch (IllegalArgumentException torn) {
          // a torn last line of a killed run: --resume repairs it; the report leaves it out
        }
      }
      runs.sort(Comparator.comparing(RunResult::runId));
      Map<String, Trace> traces = new LinkedHashMap<>();
      for (RunResult r : runs) {
        Path file = dir.resolve("traces").resolve(r.runId() + ".csv");
        if (Files.isRegularFile(file)) {
          traces.put(r.runId(), readTrace(file));
        }
      }
      List<List<String>> summary = new ArrayList<>();
      Path summaryFile = dir.resolve("summary.csv");
      if (Files.isRegularFile(summaryFile)) {
        for (String line : Files.readAllLines(summaryFile, StandardCharsets.UTF_8)) {
          if (!line.isEmpty()) {
            summary.add(csvCells(line));
          }
        }
      }
      String resolved = readIfPresent(dir.resolve("suite.resolved.yaml"));
      return new ResultsFolder(dir, List.copyOf(runs), traces, summary, resolved);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read results in " + dir + ": " + e.getMessage(), e);
    }
  }

  static Trace readTrace(Path file) throws IOException {
    List<double[]> rows = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = in.readLine();
      if (header == null || !header.startsWith("iteration,f,f_gap")) {
        throw new IOException(file + ": not a trace (header " + header + ")");
      }
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] cells = line.split(",", -1);
        if (cells.length < 3) {
          break; // a torn last row of a killed run
        }
        rows.add(
            new double[] {
              Double.parseDouble(cells[0]),
              Double.parseDouble(cells[1]),
              cells[2].isEmpty() ? Double.NaN : Double.parseDouble(cells[2])
            });
      }
    }
    double[] iteration = new double[rows.size()];
    double[] f = new double[rows.size()];
    double[] gap = new double[rows.size()];
    for (int k = 0; k < rows.size(); k++) {
      iteration[k] = rows.get(k)[0];
      f[k] = rows.get(k)[1];
      gap[k] = rows.get(k)[2];
    }
    return new Trace(iteration, f, gap);
  }

  /** The cells of one CSV line as {@code Csv.cell} writes them: quoted cells may hold commas. */
  static List<String> csvCells(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }

  private static String readIfPresent(Path file) throws IOException {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return "";
    }
  }
}
