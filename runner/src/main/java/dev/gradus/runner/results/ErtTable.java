package dev.gradus.runner.results;

import dev.gradus.runner.analysis.Ert;
import dev.gradus.runner.analysis.Targets;
import dev.gradus.runner.run.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code tables/ert.csv}: the average runtime (aRT, in evaluations) of each (function
 * configuration, optimizer configuration) to each target f − f* ≤ 10², 10^1.8, …, 10⁻⁸ (COCO's
 * ladder), with the successes, the runs and a 95% percentile bootstrap interval (1,000 resamples,
 * seeded by the configuration indices, so the table is the same on every machine), and as {@code
 * ert.md} and {@code ert.tex} at the decades of the ladder, the least aRT of each target in bold. A
 * run reaches a target at the first trace row inside the domain whose gap is at or below it;
 * functions without a known minimum have no rows.
 */
public final class ErtTable {
  static final int RESAMPLES = 1000;
  static final double LEVEL = 0.95;

  public static final String HEADER =
      "function_index,optimizer_index,function,optimizer,target,runs,successes,art,art_low,art_high";

  private ErtTable() {}

  /** One line of the table: a configuration pair at one target of the ladder. */
  record Row(
      RunResult head,
      int targetIndex,
      double target,
      int runs,
      int successes,
      double art,
      double low,
      double high) {}

  public static void write(ResultsLayout layout, List<RunResult> runs) {
    write(layout, runs, new TraceCache(layout), ladderOf(layout));
  }

  /**
   * As {@link #write(ResultsLayout, List)}, with the traces from {@code traceOf} (by run id), on
   * the target ladder {@code targets}.
   */
  static void write(
      ResultsLayout layout,
      List<RunResult> runs,
      Function<String, ResultsFolder.Trace> traceOf,
      double[] targets) {
    List<Row> rows = rows(runs, traceOf, targets);
    StringBuilder out = new StringBuilder(HEADER).append('\n');
    for (Row row : rows) {
      RunResult head = row.head();
      out.append(head.functionIndex())
          .append(',')
          .append(head.optimizerIndex())
          .append(',')
          .append(Csv.cell(head.functionLabel()))
          .append(',')
          .append(Csv.cell(head.optimizerLabel()))
          .append(',')
          .append(dev.gradus.runner.plan.Labels.number(row.target()))
          .append(',')
          .append(row.runs())
          .append(',')
          .append(row.successes())
          .append(',')
          .append(TableText.full(row.art()))
          .append(',')
          .append(TableText.full(row.low()))
          .append(',')
          .append(TableText.full(row.high()))
          .append('\n');
    }
    TextFiles.writeWhole(layout.ertCsv(), out);
    // the paper tables keep the whole decades of the ladder, or every target of one that has none
    List<Row> decades = rows.stream().filter(r -> isDecade(r.target())).toList();
    if (decades.isEmpty()) {
      decades = rows;
    }
    TextFiles.writeWhole(layout.table(ResultsLayout.ERT_MD), markdown(decades));
    TextFiles.writeWhole(layout.table(ResultsLayout.ERT_TEX), latex(decades));
  }

  /**
   * The aRT of one configuration to one target, with its 95% bootstrap interval.
   *
   * @param runs the runs with a trace
   * @param successes those that reached the target
   */
  public record Estimate(int runs, int successes, double art, double low, double high) {}

  /**
   * The estimate at target {@code k} of a configuration, from each run's first hits (+∞ where a
   * target was not reached) and total evaluations; the bootstrap is seeded by the configuration
   * indices and k, so every table and chart of it shows the same interval.
   */
  public static Estimate estimate(
      List<double[]> hits, List<Double> totals, int k, int functionIndex, int optimizerIndex) {
    Ert.Run[] sample = new Ert.Run[hits.size()];
    int successes = 0;
    for (int i = 0; i < sample.length; i++) {
      double hit = hits.get(i)[k];
      sample[i] = new Ert.Run(hit, Math.max(totals.get(i), Double.isFinite(hit) ? hit : 0));
      successes += Double.isFinite(hit) ? 1 : 0;
    }
    long seed = (((long) functionIndex << 32) | optimizerIndex) * 1_000_003L + k;
    double[] ci = Ert.bootstrap(sample, RESAMPLES, LEVEL, seed);
    return new Estimate(sample.length, successes, Ert.of(sample), ci[0], ci[1]);
  }

  /**
   * The target ladder of a folder's aRT tables and charts: its suite's ({@code report.targets}, as
   * {@code suite.resolved.yaml} keeps it), else COCO's.
   */
  public static double[] ladderOf(ResultsLayout layout) {
    return ResolvedSuite.read(layout).map(s -> s.reportRules().targets()).orElse(Targets.coco());
  }

  /** Whether a target is a whole power of ten, 10², 1, 10⁻⁸. */
  static boolean isDecade(double target) {
    double e = Math.log10(target);
    return Math.abs(e - Math.rint(e)) < 1e-9;
  }

  static List<Row> rows(
      List<RunResult> runs, Function<String, ResultsFolder.Trace> traceOf, double[] targets) {
    List<Row> rows = new ArrayList<>();
    for (List<RunResult> group : Configurations.of(runs)) {
      List<double[]> hits = new ArrayList<>();
      List<Double> totals = new ArrayList<>();
      for (RunResult r : group) {
        ResultsFolder.Trace trace = traceOf.apply(r.runId());
        if (trace == null || !trace.hasGap()) {
          continue;
        }
        double[] first = new double[targets.length];
        for (int k = 0; k < targets.length; k++) {
          first[k] = firstHit(trace, targets[k]);
        }
        hits.add(first);
        totals.add((double) r.evaluations());
      }
      if (hits.isEmpty()) {
        continue;
      }
      RunResult head = group.get(0);
      for (int k = 0; k < targets.length; k++) {
        Estimate e = estimate(hits, totals, k, head.functionIndex(), head.optimizerIndex());
        double target = Double.parseDouble(String.format(Locale.ROOT, "%.4g", targets[k]));
        rows.add(new Row(head, k, target, e.runs(), e.successes(), e.art(), e.low(), e.high()));
      }
    }
    return rows;
  }

  /**
   * Per function, a table with a row per target and a column per optimizer configuration, the least
   * aRT of each row in bold; "(s/n)" after an aRT that not every run reached.
   */
  static String markdown(List<Row> rows) {
    StringBuilder out =
        new StringBuilder("# Average runtime (aRT, evaluations) to f − f* ≤ target\n");
    for (List<Row> function : byFunction(rows)) {
      List<String> labels = labels(function);
      out.append("\n## ")
          .append(TableText.markdown(function.get(0).head().functionLabel()))
          .append("\n\n| target |");
      labels.forEach(l -> out.append(' ').append(TableText.markdown(l)).append(" |"));
      out.append("\n|---:|").append("---:|".repeat(labels.size())).append('\n');
      for (List<Row> line : byTarget(function)) {
        double best = best(line);
        out.append("| ").append(TableText.significant(line.get(0).target())).append(" |");
        for (Row r : line) {
          String cell = TableText.readable(r.art()) + successes(r);
          out.append(' ').append(r.art() == best ? "**" + cell + "**" : cell).append(" |");
        }
        out.append('\n');
      }
    }
    out.append(
        "\nThe least aRT of each target in bold; (s/n): s of the n runs reached the target;"
            + " ∞: none did.\n");
    return out.toString();
  }

  static String latex(List<Row> rows) {
    StringBuilder out =
        new StringBuilder(
            "% Gradus aRT (evaluations) to f - f* <= target; needs \\usepackage{booktabs}\n");
    for (List<Row> function : byFunction(rows)) {
      List<String> labels = labels(function);
      out.append("% ")
          .append(function.get(0).head().functionLabel().replaceAll("[\\r\\n]", " "))
          .append("\n\\begin{tabular}{r")
          .append("r".repeat(labels.size()))
          .append("}\n\\toprule\n\\multicolumn{")
          .append(labels.size() + 1)
          .append("}{l}{\\emph{")
          .append(TableText.latex(function.get(0).head().functionLabel()))
          .append("}} \\\\\n\\midrule\ntarget");
      labels.forEach(l -> out.append(" & ").append(TableText.latex(l)));
      out.append(" \\\\\n\\midrule\n");
      for (List<Row> line : byTarget(function)) {
        double best = best(line);
        out.append(TableText.significant(line.get(0).target()));
        for (Row r : line) {
          String cell = TableText.latexNumber(r.art()) + successes(r);
          out.append(" & ").append(r.art() == best ? "\\textbf{" + cell + "}" : cell);
        }
        out.append(" \\\\\n");
      }
      out.append("\\bottomrule\n\\end{tabular}\n\n");
    }
    return out.toString();
  }

  private static String successes(Row r) {
    return r.successes() == r.runs() || r.successes() == 0
        ? ""
        : " (" + r.successes() + "/" + r.runs() + ")";
  }

  /** The least finite aRT of a line, or NaN when no configuration reached its target. */
  private static double best(List<Row> line) {
    double best = Double.NaN;
    for (Row r : line) {
      if (Double.isFinite(r.art()) && !(r.art() >= best)) {
        best = r.art();
      }
    }
    return best;
  }

  private static List<List<Row>> byFunction(List<Row> rows) {
    Map<Integer, List<Row>> m = new LinkedHashMap<>();
    rows.forEach(r -> m.computeIfAbsent(r.head().functionIndex(), k -> new ArrayList<>()).add(r));
    return new ArrayList<>(m.values());
  }

  /** The function's rows by target, each line in the order of the configurations. */
  private static List<List<Row>> byTarget(List<Row> function) {
    Map<Integer, List<Row>> m = new java.util.TreeMap<>();
    function.forEach(r -> m.computeIfAbsent(r.targetIndex(), k -> new ArrayList<>()).add(r));
    return new ArrayList<>(m.values());
  }

  private static List<String> labels(List<Row> function) {
    return function.stream().map(r -> r.head().optimizerLabel()).distinct().toList();
  }

  /** The evaluations at the first row inside the domain with gap ≤ target, or +∞. */
  static double firstHit(ResultsFolder.Trace trace, double target) {
    for (int k = 0; k < trace.gap().length; k++) {
      if (trace.inDomain()[k] && trace.gap()[k] <= target) {
        return trace.evaluations()[k];
      }
    }
    return Double.POSITIVE_INFINITY;
  }
}
