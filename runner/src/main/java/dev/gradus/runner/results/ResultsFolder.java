package dev.gradus.runner.results;

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
 * A results folder read back: its runs, their traces, the summary table and the resolved suite. A
 * damaged line anywhere but at the end of {@code runs.jsonl} or of a trace (where a kill can tear
 * it) is an error naming the file and the line, never skipped.
 *
 * @param runs every complete line of {@code runs.jsonl}, in run order
 * @param traces each run's trace by run id; runs without a trace file are absent
 * @param summary the cells of {@code summary.csv}, header row first
 * @param resolvedSuite the text of {@code suite.resolved.yaml}, or empty
 */
public record ResultsFolder(
    Path dir,
    List<RunResult> runs,
    Map<String, Trace> traces,
    List<List<String>> summary,
    String resolvedSuite) {

  /**
   * The rows of one run's trace.
   *
   * @param evaluations the evaluations so far at each row
   * @param gap f − f* per row; NaN where the function has no known minimum
   * @param inDomain whether each row's point lies in the domain
   * @param lr per row, the rate of the step into it (NaN at iteration 0), for a trace with
   *     sharpness columns; empty for one without
   * @param sharpness per row, the Hessian's largest eigenvalue where it was measured, NaN at the
   *     other rows; empty for a trace without sharpness columns
   * @param sharpnessBound per row, the residual bound of {@code sharpness}; empty with it
   */
  public record Trace(
      double[] iteration,
      double[] evaluations,
      double[] f,
      double[] gap,
      boolean[] inDomain,
      double[] lr,
      double[] sharpness,
      double[] sharpnessBound) {
    /** A trace without sharpness columns. */
    public Trace(
        double[] iteration, double[] evaluations, double[] f, double[] gap, boolean[] inDomain) {
      this(iteration, evaluations, f, gap, inDomain, new double[0], new double[0], new double[0]);
    }

    public boolean hasGap() {
      return gap.length > 0 && !Double.isNaN(gap[0]);
    }

    /** Whether the trace has sharpness columns (and rows). */
    public boolean hasSharpness() {
      return sharpness.length > 0;
    }
  }

  public ResultsLayout layout() {
    return new ResultsLayout(dir);
  }

  public static ResultsFolder read(Path dir) {
    return read(dir, Map.of());
  }

  /**
   * As {@link #read(Path)}, taking the traces of {@code known} runs as given instead of reading
   * their files: those a suite just wrote ({@link TraceWriter#finishedTraces}), the same bit for
   * bit.
   */
  public static ResultsFolder read(Path dir, Map<String, Trace> known) {
    ResultsLayout layout = new ResultsLayout(dir);
    Path runsFile = layout.runs();
    if (!Files.isRegularFile(runsFile)) {
      throw new IllegalArgumentException(
          dir + " is not a results folder: it has no runs.jsonl (run a suite into it first)");
    }
    try {
      List<RunResult> runs = new ArrayList<>();
      int number = 0;
      for (String line : ResultsStore.completeLines(runsFile)) {
        number++;
        try {
          runs.add(dev.gradus.runner.results.RunRecords.fromJson(line));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(runsFile + ":" + number + ": " + e.getMessage(), e);
        }
      }
      runs.sort(
          Comparator.comparingInt(RunResult::functionIndex)
              .thenComparingInt(RunResult::optimizerIndex)
              .thenComparingInt(RunResult::repeat));
      Map<String, Trace> traces = new LinkedHashMap<>();
      for (RunResult r : runs) {
        Trace given = known.get(r.runId());
        if (given != null) {
          traces.put(r.runId(), given);
          continue;
        }
        Path file = layout.existingTrace(r.runId());
        if (file != null) {
          traces.put(r.runId(), readTrace(file));
        }
      }
      List<List<String>> summary = new ArrayList<>();
      if (Files.isRegularFile(layout.summary())) {
        for (String line : Files.readAllLines(layout.summary(), StandardCharsets.UTF_8)) {
          if (!line.isEmpty()) {
            summary.add(csvCells(line));
          }
        }
      }
      String resolved = readIfPresent(layout.resolvedSuite());
      return new ResultsFolder(dir, List.copyOf(runs), traces, summary, resolved);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read results in " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a trace; the last row may be torn by a kill and is then left out.
   *
   * @throws IllegalArgumentException naming the file and line of a damaged row
   */
  public static Trace readTrace(Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    String header;
    try (BufferedReader in = openTrace(file)) {
      header = in.readLine();
      if (header == null || !TraceWriter.HEADERS.contains(header)) {
        throw new IllegalArgumentException(
            file + ":1: not a trace of this Gradus (header " + header + ")");
      }
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lines.add(line);
      }
    }
    int columns = header.split(",").length;
    int n = lines.size();
    double[] iteration = new double[n];
    double[] evaluations = new double[n];
    double[] f = new double[n];
    double[] gap = new double[n];
    boolean[] inDomain = new boolean[n];
    boolean curvature = header.endsWith("," + TraceWriter.SHARPNESS_COLUMNS);
    double[] lr = new double[curvature ? n : 0];
    double[] sharpness = new double[curvature ? n : 0];
    double[] sharpnessBound = new double[curvature ? n : 0];
    int rows = 0;
    int[] commas = new int[columns - 1];
    for (int k = 0; k < n; k++) {
      String line = lines.get(k);
      try {
        // the cells are found by their commas, not split into strings: traces are most of what a
        // report reads, and only five of their nine columns are needed here
        int found = 0;
        for (int i = line.indexOf(','); i >= 0; i = line.indexOf(',', i + 1)) {
          if (found == commas.length) {
            throw new IllegalArgumentException("more than " + columns + " cells");
          }
          commas[found++] = i;
        }
        if (found != commas.length) {
          throw new IllegalArgumentException((found + 1) + " cells where a row has " + columns);
        }
        iteration[rows] = Long.parseLong(line, 0, commas[0], 10);
        evaluations[rows] = Long.parseLong(line, commas[0] + 1, commas[1], 10);
        f[rows] = cell(line.substring(commas[2] + 1, commas[3]));
        gap[rows] = cell(line.substring(commas[3] + 1, commas[4]));
        inDomain[rows] =
            Boolean.parseBoolean(
                commas.length > 8
                    ? line.substring(commas[7] + 1, commas[8])
                    : line.substring(commas[7] + 1));
        if (curvature) {
          int last = commas.length - 1;
          lr[rows] = cell(line.substring(commas[6] + 1, commas[7]));
          sharpness[rows] = cell(line.substring(commas[last - 1] + 1, commas[last]));
          sharpnessBound[rows] = cell(line.substring(commas[last] + 1));
        }
        rows++;
      } catch (RuntimeException e) {
        if (k == n - 1) {
          break; // a torn last row of a killed run
        }
        throw new IllegalArgumentException(
            file + ":" + (k + 2) + ": damaged trace row: " + e.getMessage(), e);
      }
    }
    return new Trace(
        java.util.Arrays.copyOf(iteration, rows),
        java.util.Arrays.copyOf(evaluations, rows),
        java.util.Arrays.copyOf(f, rows),
        java.util.Arrays.copyOf(gap, rows),
        java.util.Arrays.copyOf(inDomain, rows),
        java.util.Arrays.copyOf(lr, curvature ? rows : 0),
        java.util.Arrays.copyOf(sharpness, curvature ? rows : 0),
        java.util.Arrays.copyOf(sharpnessBound, curvature ? rows : 0));
  }

  /** A reader of a trace file, plain ({@code .csv}) or gzipped ({@code .csv.gz}). */
  public static BufferedReader openTrace(Path file) throws IOException {
    if (file.getFileName().toString().endsWith(".gz")) {
      return new BufferedReader(
          new java.io.InputStreamReader(
              new java.util.zip.GZIPInputStream(Files.newInputStream(file), 1 << 16),
              StandardCharsets.UTF_8));
    }
    return Files.newBufferedReader(file, StandardCharsets.UTF_8);
  }

  private static double cell(String text) {
    return text.isEmpty() ? Double.NaN : Csv.parse(text);
  }

  /** The cells of one CSV line as {@code Csv.cell} writes them: quoted cells may hold commas. */
  public static List<String> csvCells(String line) {
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
