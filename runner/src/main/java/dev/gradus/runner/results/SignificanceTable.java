package dev.gradus.runner.results;

import dev.gradus.runner.analysis.Pairwise;
import dev.gradus.runner.run.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code tables/significance.{csv,md,tex}}: per function configuration, every pair of optimizer
 * configurations compared by the two-sided Wilcoxon rank-sum (Mann–Whitney U) test on the final gap
 * and on the runtime to target (evaluations until f − f* ≤ target first held; runs that never
 * reached it rank behind every success and tie among themselves), each metric's p-values
 * Holm–Bonferroni-corrected over the function's pairs. The target is the suite's stop target, or
 * {@link Samples#DEFAULT_TARGET}.
 */
public final class SignificanceTable {
  /** The level at which a pair is marked. */
  public static final double ALPHA = 0.05;

  static final String HEADER =
      "function_index,function,metric,target,a,a_optimizer_index,b,b_optimizer_index,n_a,n_b,"
          + "median_a,median_b,u,p,p_holm,significant,lower";

  private SignificanceTable() {}

  /** One pair of configurations on one function, on both metrics. */
  public record Row(
      Samples a, Samples b, double target, Pairwise.Pair gap, Pairwise.Pair runtime) {}

  /**
   * The rows of all functions, by function in the order first seen, then pair (0, 1), (0, 2), … in
   * the order of {@code samples}.
   */
  public static List<Row> of(List<Samples> samples, double target) {
    Map<Integer, List<Samples>> byFunction = new LinkedHashMap<>();
    for (Samples s : samples) {
      byFunction.computeIfAbsent(s.functionIndex(), k -> new ArrayList<>()).add(s);
    }
    List<Row> rows = new ArrayList<>();
    for (List<Samples> group : byFunction.values()) {
      List<Pairwise.Pair> gaps = Pairwise.of(group.stream().map(Samples::finalGaps).toList());
      List<Pairwise.Pair> times = Pairwise.of(group.stream().map(Samples::runtimes).toList());
      for (int n = 0; n < gaps.size(); n++) {
        Pairwise.Pair g = gaps.get(n);
        rows.add(new Row(group.get(g.a()), group.get(g.b()), target, g, times.get(n)));
      }
    }
    return rows;
  }

  /** The target of a folder's tables: its suite's stop target, or the default. */
  public static double targetOf(ResultsLayout layout) {
    Double target = ResolvedSuite.read(layout).map(ResolvedSuite.Settings::target).orElse(null);
    return target == null ? Samples.DEFAULT_TARGET : target;
  }

  /** Writes the three tables of a results folder's runs, reading their traces from the folder. */
  public static void write(ResultsLayout layout, List<RunResult> runs) {
    write(layout, runs, new TraceCache(layout));
  }

  /** As {@link #write(ResultsLayout, List)}, with the traces from {@code traceOf} (by run id). */
  static void write(
      ResultsLayout layout,
      List<RunResult> runs,
      java.util.function.Function<String, ResultsFolder.Trace> traceOf) {
    double target = targetOf(layout);
    writeRows(layout, of(Samples.of(runs, traceOf, target), target));
  }

  /** Writes {@code rows} as {@code tables/significance.csv}, {@code .md} and {@code .tex}. */
  public static void writeRows(ResultsLayout layout, List<Row> rows) {
    TextFiles.writeWhole(layout.table(ResultsLayout.SIGNIFICANCE_CSV), csv(rows));
    TextFiles.writeWhole(layout.table(ResultsLayout.SIGNIFICANCE_MD), markdown(rows));
    TextFiles.writeWhole(layout.table(ResultsLayout.SIGNIFICANCE_TEX), latex(rows));
  }

  /** Two lines per row, final gap first: full precision, for tools. */
  static String csv(List<Row> rows) {
    StringBuilder out = new StringBuilder(HEADER).append('\n');
    for (Row row : rows) {
      line(out, row, "final_gap", Double.NaN, row.a().medianGap(), row.b().medianGap(), row.gap());
      line(
          out,
          row,
          "runtime_to_target",
          row.target(),
          row.a().medianRuntime(),
          row.b().medianRuntime(),
          row.runtime());
    }
    return out.toString();
  }

  private static void line(
      StringBuilder out,
      Row row,
      String metric,
      double target,
      double medianA,
      double medianB,
      Pairwise.Pair pair) {
    boolean tested = !Double.isNaN(pair.p());
    boolean gap = metric.equals("final_gap");
    out.append(row.a().functionIndex())
        .append(',')
        .append(Csv.cell(row.a().function()))
        .append(',')
        .append(metric)
        .append(',')
        .append(TableText.full(target))
        .append(',')
        .append(Csv.cell(row.a().label()))
        .append(',')
        .append(row.a().optimizerIndex())
        .append(',')
        .append(Csv.cell(row.b().label()))
        .append(',')
        .append(row.b().optimizerIndex())
        .append(',')
        .append(gap ? row.a().finalGaps().length : row.a().toTarget().length)
        .append(',')
        .append(gap ? row.b().finalGaps().length : row.b().toTarget().length)
        .append(',')
        .append(TableText.full(medianA))
        .append(',')
        .append(TableText.full(medianB))
        .append(',')
        .append(TableText.full(pair.u()))
        .append(',')
        .append(TableText.full(pair.p()))
        .append(',')
        .append(TableText.full(pair.pHolm()))
        .append(',')
        .append(tested ? Boolean.toString(pair.significant(ALPHA)) : "")
        .append(',')
        .append(!tested ? "" : pair.lower() < 0 ? "a" : pair.lower() > 0 ? "b" : "neither")
        .append('\n');
  }

  static String markdown(List<Row> rows) {
    StringBuilder out = new StringBuilder("# Pairwise significance\n");
    int function = Integer.MIN_VALUE;
    for (Row row : rows) {
      if (row.a().functionIndex() != function) {
        function = row.a().functionIndex();
        out.append("\n## ")
            .append(TableText.markdown(row.a().function()))
            .append("\n\n| A | B | final gap A | final gap B | p (Holm) | runtime A | runtime B |")
            .append(" p (Holm) |\n|---|---|---:|---:|---:|---:|---:|---:|\n");
      }
      out.append("| ")
          .append(TableText.markdown(row.a().label()))
          .append(" | ")
          .append(TableText.markdown(row.b().label()))
          .append(" | ");
      markdownCells(out, row.a().medianGap(), row.b().medianGap(), row.gap());
      out.append(" | ");
      markdownCells(out, row.a().medianRuntime(), row.b().medianRuntime(), row.runtime());
      out.append(" |\n");
    }
    out.append("\n")
        .append(LEGEND)
        .append(" Runtime: median evaluations until f − f* ≤ ")
        .append(rows.isEmpty() ? "" : TableText.significant(rows.get(0).target()))
        .append(" (∞: half the runs or more never reached it).\n");
    return out.toString();
  }

  static String latex(List<Row> rows) {
    StringBuilder out =
        new StringBuilder(
            "% Gradus pairwise significance; needs \\usepackage{booktabs}\n"
                + "\\begin{tabular}{llrrrrrr}\n\\toprule\n"
                + " & & \\multicolumn{3}{c}{final gap} & \\multicolumn{3}{c}{runtime to target}"
                + " \\\\\n\\cmidrule(lr){3-5}\\cmidrule(lr){6-8}\n"
                + "A & B & A & B & $p_{\\mathrm{Holm}}$ & A & B & $p_{\\mathrm{Holm}}$ \\\\\n");
    int function = Integer.MIN_VALUE;
    for (Row row : rows) {
      if (row.a().functionIndex() != function) {
        function = row.a().functionIndex();
        out.append("\\midrule\n\\multicolumn{8}{l}{\\emph{")
            .append(TableText.latex(row.a().function()))
            .append("}} \\\\\n");
      }
      out.append(TableText.latex(row.a().label()))
          .append(" & ")
          .append(TableText.latex(row.b().label()))
          .append(" & ");
      latexCells(out, row.a().medianGap(), row.b().medianGap(), row.gap());
      out.append(" & ");
      latexCells(out, row.a().medianRuntime(), row.b().medianRuntime(), row.runtime());
      out.append(" \\\\\n");
    }
    out.append("\\bottomrule\n\\end{tabular}\n");
    return out.toString();
  }

  private static void latexCells(StringBuilder out, double a, double b, Pairwise.Pair pair) {
    boolean marked = pair.significant(ALPHA);
    out.append(bold(TableText.latexNumber(a), marked && pair.lower() < 0, "\\textbf{", "}"))
        .append(" & ")
        .append(bold(TableText.latexNumber(b), marked && pair.lower() > 0, "\\textbf{", "}"))
        .append(" & ")
        .append(TableText.significant(pair.pHolm()))
        .append(marked ? "$^\\dagger$" : "");
  }

  private static void markdownCells(StringBuilder out, double a, double b, Pairwise.Pair pair) {
    boolean marked = pair.significant(ALPHA);
    out.append(bold(TableText.readable(a), marked && pair.lower() < 0, "**", "**"))
        .append(" | ")
        .append(bold(TableText.readable(b), marked && pair.lower() > 0, "**", "**"))
        .append(" | ")
        .append(TableText.significant(pair.pHolm()))
        .append(marked ? " †" : "");
  }

  private static String bold(String text, boolean on, String open, String close) {
    return on && !text.isEmpty() ? open + text + close : text;
  }

  /** The sentence under the tables, saying what the marks mean. */
  public static final String LEGEND =
      "† the pair differs at α = "
          + ALPHA
          + " (two-sided Wilcoxon rank-sum test, Holm–Bonferroni over the function's pairs, per"
          + " metric); the better of a marked pair in bold.";
}
