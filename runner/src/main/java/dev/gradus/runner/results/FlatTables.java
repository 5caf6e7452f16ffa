package dev.gradus.runner.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradus.runner.run.RunResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;

/**
 * The tables that pandas, polars and DuckDB read with no preprocessing: {@code runs.csv}, one flat
 * row per run with a column per hyperparameter and function parameter (named as in the suite), and
 * {@code traces.csv.gz}, every trace row in long form keyed by run and configuration; beside them
 * the analysis tables of {@code tables/} ({@link ErtTable}, {@link Leaderboard}, {@link
 * SignificanceTable}). All are written from the records and traces at the end of a suite (and of a
 * merge), to a temporary file moved into place, so that a reader never sees half a table.
 */
public final class FlatTables {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The columns of {@code runs.csv} before the parameters. */
  static final List<String> KEYS =
      List.of(
          "run_id",
          "function_index",
          "optimizer_index",
          "function",
          "function_label",
          "optimizer",
          "optimizer_label",
          "repeat",
          "seed");

  /** The columns of {@code runs.csv} after the parameters. */
  static final List<String> OUTCOMES =
      List.of(
          "status",
          "iterations",
          "evaluations",
          "x_final_in_domain",
          "f_final",
          "f_best",
          "final_gap",
          "best_gap",
          "grad_norm_final",
          "distance_to_optimum",
          "iterations_to_target",
          "evaluations_to_target",
          "seconds_to_target",
          "wall_ms",
          "resumed_from",
          "error");

  /**
   * The columns of {@code traces.csv.gz}: the run's keys, then the trace's own, held-out metrics
   * and sharpness included (empty for runs without them).
   */
  public static final String TRACES_HEADER =
      "run_id,function_index,optimizer_index,repeat," + TraceWriter.header(true, true);

  private FlatTables() {}

  /**
   * Writes every table for {@code runs}, in the order given, the aRT on the ladder {@code
   * suite.resolved.yaml} keeps ({@link ErtTable#ladderOf}).
   */
  public static void write(ResultsLayout layout, List<RunResult> runs) {
    write(layout, runs, new TraceCache(layout), ErtTable.ladderOf(layout));
  }

  /**
   * As {@link #write(ResultsLayout, List)}, with the traces already parsed and the aRT's target
   * ladder given (the report rules', so that the tables and the report's charts agree).
   *
   * @param traces a run's parsed trace by run id, null for a run without one
   */
  public static void write(
      ResultsLayout layout,
      List<RunResult> runs,
      Function<String, ResultsFolder.Trace> traces,
      double[] targets) {
    writeRuns(layout, runs);
    writeTraces(layout, runs);
    ErtTable.write(layout, runs, traces, targets);
    Leaderboard.write(layout, runs);
    SignificanceTable.write(layout, runs, traces);
  }

  static void writeRuns(ResultsLayout layout, List<RunResult> runs) {
    Set<String> taken = new LinkedHashSet<>(KEYS);
    taken.addAll(OUTCOMES);
    Set<String> hyper = new LinkedHashSet<>();
    Set<String> params = new LinkedHashSet<>();
    for (RunResult r : runs) {
      hyper.addAll(r.hyperparameters().keySet());
      params.addAll(r.functionParams().keySet());
    }
    // a name both kinds use, or one an outcome column has, is told apart by a prefix
    List<String> header = new ArrayList<>(KEYS);
    List<String> paramColumns = new ArrayList<>();
    for (String p : params) {
      paramColumns.add(taken.contains(p) || hyper.contains(p) ? "function." + p : p);
    }
    List<String> hyperColumns = new ArrayList<>();
    for (String h : hyper) {
      hyperColumns.add(taken.contains(h) ? "optimizer." + h : h);
    }
    header.addAll(paramColumns);
    header.addAll(hyperColumns);
    header.addAll(OUTCOMES);
    // held-out metrics, when some run has them (regressions with a test split)
    List<String> heldOut = new ArrayList<>();
    for (String name : dev.gradus.spi.HeldOut.NAMES) {
      if (runs.stream().anyMatch(r -> r.heldOut().containsKey(name))) {
        heldOut.add(name);
      }
    }
    header.addAll(heldOut);
    StringBuilder out = new StringBuilder(String.join(",", header)).append('\n');
    for (RunResult r : runs) {
      List<String> cells = new ArrayList<>();
      cells.add(r.runId());
      cells.add(Integer.toString(r.functionIndex()));
      cells.add(Integer.toString(r.optimizerIndex()));
      cells.add(Csv.cell(r.function()));
      cells.add(Csv.cell(r.functionLabel()));
      cells.add(Csv.cell(r.optimizer()));
      cells.add(Csv.cell(r.optimizerLabel()));
      cells.add(Integer.toString(r.repeat()));
      cells.add(Long.toString(r.seed()));
      for (String p : params) {
        cells.add(value(r.functionParams(), p));
      }
      for (String h : hyper) {
        cells.add(value(r.hyperparameters(), h));
      }
      cells.add(r.status().id());
      cells.add(Long.toString(r.iterations()));
      cells.add(Long.toString(r.evaluations()));
      cells.add(r.xFinalInDomain() == null ? "" : r.xFinalInDomain().toString());
      cells.add(number(r.fFinal()));
      cells.add(number(r.fBest()));
      cells.add(number(r.finalGap()));
      cells.add(number(r.bestGap()));
      cells.add(number(r.gradNormFinal()));
      cells.add(number(r.distanceToOptimum()));
      cells.add(r.iterationsToTarget() == null ? "" : r.iterationsToTarget().toString());
      cells.add(r.evaluationsToTarget() == null ? "" : r.evaluationsToTarget().toString());
      cells.add(number(r.secondsToTarget()));
      cells.add(Long.toString(r.wallMs()));
      cells.add(r.resumedFrom() == null ? "" : r.resumedFrom().toString());
      cells.add(r.error() == null ? "" : Csv.cell(r.error()));
      for (String name : heldOut) {
        cells.add(number(r.heldOut().get(name)));
      }
      out.append(String.join(",", cells)).append('\n');
    }
    TextFiles.writeWhole(layout.runsCsv(), out);
  }

  /** A parameter's cell: numbers and text as they are, structures as JSON, absent as empty. */
  private static String value(Map<String, Object> values, String key) {
    Object v = values.get(key);
    if (v == null) {
      return "";
    }
    if (v instanceof Double d) {
      return number(d);
    }
    if (v instanceof Number || v instanceof Boolean) {
      return v.toString();
    }
    if (v instanceof String s) {
      return Csv.cell(s);
    }
    try {
      return Csv.cell(JSON.writeValueAsString(v));
    } catch (JsonProcessingException e) {
      return Csv.cell(v.toString());
    }
  }

  private static String number(Double v) {
    return v == null ? "" : Csv.finite(v);
  }

  /**
   * Deflate level 3: a third of the default level's time for 5% more bytes, on a file that is
   * rewritten at the end of every suite.
   */
  private static GZIPOutputStream fastGzip(OutputStream raw) throws IOException {
    return new GZIPOutputStream(raw, 1 << 16) {
      {
        def.setLevel(3);
      }
    };
  }

  static void writeTraces(ResultsLayout layout, List<RunResult> runs) {
    TextFiles.writeWhole(
        layout.tracesCsv(),
        raw -> {
          // finished, not closed: closing would close the file before it is forced to the disk
          GZIPOutputStream gzip = fastGzip(raw);
          Writer out = new OutputStreamWriter(gzip, StandardCharsets.UTF_8);
          out.write(TRACES_HEADER);
          out.write('\n');
          for (RunResult r : runs) {
            Path trace = layout.existingTrace(r.runId());
            if (trace == null) {
              continue;
            }
            String keys =
                r.runId()
                    + ","
                    + r.functionIndex()
                    + ","
                    + r.optimizerIndex()
                    + ","
                    + r.repeat()
                    + ",";
            try (BufferedReader in = ResultsFolder.openTrace(trace)) {
              String header = in.readLine(); // the trace's own
              // the held-out columns come before the sharpness ones, which end the row
              boolean heldOut =
                  header != null && header.startsWith(TraceWriter.HEADER_WITH_HELD_OUT);
              boolean sharpness =
                  header != null && header.endsWith("," + TraceWriter.SHARPNESS_COLUMNS);
              String missingHeldOut = heldOut ? "" : ",,,";
              for (String row = in.readLine(); row != null; row = in.readLine()) {
                if (!row.isEmpty()) {
                  out.write(keys);
                  if (sharpness) {
                    // the sharpness cells stay last: the missing held-out ones go before them
                    int cut = row.lastIndexOf(',', row.lastIndexOf(',') - 1);
                    out.write(row, 0, cut);
                    out.write(missingHeldOut);
                    out.write(row, cut, row.length() - cut);
                  } else {
                    out.write(row);
                    out.write(missingHeldOut);
                    out.write(",,");
                  }
                  out.write('\n');
                }
              }
            }
          }
          out.flush();
          gzip.finish();
        });
  }
}
