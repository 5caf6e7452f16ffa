package dev.gradus.runner.results;

import dev.gradus.runner.analysis.Bootstrap;
import dev.gradus.runner.analysis.Quantiles;
import dev.gradus.runner.analysis.RankSum;
import dev.gradus.runner.run.RunResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The leaderboard: per function configuration, the best configuration of each optimizer (by median
 * final gap f_final − f*, ties by median evaluations), ranked, each compared with the winner by the
 * two-sided rank-sum test on final gaps, Holm–Bonferroni-corrected over the function's comparisons.
 * Only converged and budget-exhausted runs that end inside the domain count; an optimizer without
 * such runs ranks last. Written as {@code tables/leaderboard.csv}, {@code .md} and {@code .tex}
 * (booktabs: the winner in bold, a dagger on each entry significantly worse than it at α = 0.05),
 * with a 95% percentile bootstrap interval of each median final gap (1,000 resamples seeded by the
 * configuration indices, so the same on every machine), always, so that a paper's table exists even
 * before the suite is interesting.
 */
public final class Leaderboard {
  /** The level at which a difference from the winner is marked. */
  static final double ALPHA = 0.05;

  /** The median's percentile bootstrap interval: its level and resamples. */
  static final double LEVEL = 0.95;

  static final int RESAMPLES = 1000;

  private Leaderboard() {}

  /** One line: an optimizer's best configuration on a function configuration. */
  public record Entry(
      int functionIndex,
      String function,
      int rank,
      String optimizer,
      int optimizerIndex,
      String optimizerLabel,
      int runs,
      double finalGapMedian,
      double finalGapLow,
      double finalGapHigh,
      double evaluationsMedian,
      double pVersusBest,
      double pHolm) {
    /** Significantly worse than the winner, after the correction. */
    public boolean worse() {
      return pHolm <= ALPHA;
    }
  }

  /** The entries, by function index and rank. */
  public static List<Entry> of(List<RunResult> runs) {
    Map<Integer, Map<Integer, List<RunResult>>> byFunction = new TreeMap<>();
    for (RunResult r : runs) {
      byFunction
          .computeIfAbsent(r.functionIndex(), k -> new TreeMap<>())
          .computeIfAbsent(r.optimizerIndex(), k -> new ArrayList<>())
          .add(r);
    }
    List<Entry> out = new ArrayList<>();
    for (Map<Integer, List<RunResult>> configurations : byFunction.values()) {
      Map<String, Candidate> best = new LinkedHashMap<>();
      for (List<RunResult> group : configurations.values()) {
        Candidate c = new Candidate(group);
        best.merge(c.head.optimizer(), c, (a, b) -> ORDER.compare(a, b) <= 0 ? a : b);
      }
      List<Candidate> ranked = new ArrayList<>(best.values());
      ranked.sort(ORDER);
      Candidate winner = ranked.get(0);
      double[] p = new double[ranked.size() - 1];
      for (int i = 1; i < ranked.size(); i++) {
        Candidate c = ranked.get(i);
        p[i - 1] =
            winner.gaps.length == 0 || c.gaps.length == 0
                ? Double.NaN
                : RankSum.test(winner.gaps, c.gaps).p();
      }
      double[] holm = RankSum.holmOfTested(p);
      for (int i = 0; i < ranked.size(); i++) {
        Candidate c = ranked.get(i);
        out.add(
            new Entry(
                c.head.functionIndex(),
                c.head.functionLabel(),
                i + 1,
                c.head.optimizer(),
                c.head.optimizerIndex(),
                c.head.optimizerLabel(),
                c.runs,
                c.median,
                c.interval[0],
                c.interval[1],
                c.evaluations,
                i == 0 ? Double.NaN : p[i - 1],
                i == 0 ? Double.NaN : holm[i - 1]));
      }
    }
    return out;
  }

  /** A configuration's numbers for ranking. */
  private static final class Candidate {
    final RunResult head;
    final double[] gaps;
    final double median;
    final double[] interval;
    final double evaluations;
    final int runs;

    Candidate(List<RunResult> group) {
      head = group.get(0);
      runs = group.size();
      List<Double> g = new ArrayList<>();
      List<Double> e = new ArrayList<>();
      for (RunResult r : group) {
        if (Samples.finalGaps(List.of(r)).length == 1) {
          g.add(r.finalGap());
          e.add((double) r.evaluations());
        }
      }
      gaps = g.stream().mapToDouble(Double::doubleValue).toArray();
      median = Quantiles.linear(g, 0.5);
      long seed = ((long) head.functionIndex() << 32) | head.optimizerIndex();
      interval = Bootstrap.medianInterval(gaps, RESAMPLES, LEVEL, seed);
      evaluations = Quantiles.linear(e, 0.5);
    }
  }

  /** Lower median final gap first, then fewer evaluations; no result last; then index. */
  private static final Comparator<Candidate> ORDER =
      Comparator.comparingDouble(
              (Candidate c) -> Double.isNaN(c.median) ? Double.POSITIVE_INFINITY : c.median)
          .thenComparingDouble(
              c -> Double.isNaN(c.evaluations) ? Double.POSITIVE_INFINITY : c.evaluations)
          .thenComparingInt(c -> c.head.optimizerIndex());

  /** Writes tables/leaderboard.csv, .md and .tex. */
  public static void write(ResultsLayout layout, List<RunResult> runs) {
    List<Entry> entries = of(runs);
    StringBuilder csv =
        new StringBuilder(
            "function_index,function,rank,optimizer,optimizer_index,optimizer_label,runs,"
                + "final_gap_median,evaluations_median,p_vs_best,p_holm,worse_than_best,"
                + "final_gap_ci_low,final_gap_ci_high\n");
    StringBuilder md = new StringBuilder("# Leaderboard\n");
    StringBuilder tex =
        new StringBuilder(
            "% Gradus leaderboard; needs \\usepackage{booktabs}\n"
                + "\\begin{tabular}{rllrrrl}\n\\toprule\n"
                + "rank & optimizer & configuration & final gap & 95\\% CI & evaluations &"
                + " $p_{\\mathrm{Holm}}$"
                + " \\\\\n\\midrule\n");
    int function = -1;
    for (Entry e : entries) {
      csv.append(e.functionIndex())
          .append(',')
          .append(Csv.cell(e.function()))
          .append(',')
          .append(e.rank())
          .append(',')
          .append(Csv.cell(e.optimizer()))
          .append(',')
          .append(e.optimizerIndex())
          .append(',')
          .append(Csv.cell(e.optimizerLabel()))
          .append(',')
          .append(e.runs())
          .append(',')
          .append(TableText.full(e.finalGapMedian()))
          .append(',')
          .append(TableText.full(e.evaluationsMedian()))
          .append(',')
          .append(TableText.full(e.pVersusBest()))
          .append(',')
          .append(TableText.full(e.pHolm()))
          .append(',')
          .append(e.rank() == 1 ? "" : Boolean.toString(e.worse()))
          .append(',')
          .append(TableText.full(e.finalGapLow()))
          .append(',')
          .append(TableText.full(e.finalGapHigh()))
          .append('\n');
      if (e.functionIndex() != function) {
        function = e.functionIndex();
        md.append("\n## ")
            .append(markdown(e.function()))
            .append(
                "\n\n| rank | optimizer | configuration | final gap | 95% CI | evaluations |"
                    + " p (Holm) |\n")
            .append("|---:|---|---|---:|---:|---:|---:|\n");
        if (tex.indexOf("\\midrule\n") != tex.length() - "\\midrule\n".length()) {
          tex.append("\\midrule\n");
        }
        tex.append("\\multicolumn{7}{l}{\\emph{").append(latex(e.function())).append("}} \\\\\n");
      }
      String gap = TableText.significant(e.finalGapMedian());
      String p = e.rank() == 1 ? "" : TableText.significant(e.pHolm()) + (e.worse() ? " †" : "");
      md.append("| ")
          .append(e.rank())
          .append(" | ")
          .append(e.rank() == 1 ? "**" + markdown(e.optimizer()) + "**" : markdown(e.optimizer()))
          .append(" | ")
          .append(markdown(e.optimizerLabel()))
          .append(" | ")
          .append(gap)
          .append(" | ")
          .append(interval(e))
          .append(" | ")
          .append(TableText.significant(e.evaluationsMedian()))
          .append(" | ")
          .append(p)
          .append(" |\n");
      String name = latex(e.optimizer());
      tex.append(e.rank())
          .append(" & ")
          .append(e.rank() == 1 ? "\\textbf{" + name + "}" : name)
          .append(" & ")
          .append(latex(e.optimizerLabel()))
          .append(" & ")
          .append(e.rank() == 1 ? "\\textbf{" + gap + "}" : gap)
          .append(" & ")
          .append(interval(e))
          .append(" & ")
          .append(TableText.significant(e.evaluationsMedian()))
          .append(" & ")
          .append(
              e.rank() == 1
                  ? ""
                  : TableText.significant(e.pHolm()) + (e.worse() ? "$^\\dagger$" : ""))
          .append(" \\\\\n");
    }
    md.append(
        "\n† significantly worse than the winner (two-sided rank-sum test on final gaps,"
            + " Holm-corrected, α = 0.05). 95% CI: percentile bootstrap interval of the median"
            + " final gap (1,000 resamples).\n");
    tex.append("\\bottomrule\n\\end{tabular}\n");
    TextFiles.writeWhole(layout.table(ResultsLayout.LEADERBOARD_CSV), csv.toString());
    TextFiles.writeWhole(layout.table(ResultsLayout.LEADERBOARD_MD), md.toString());
    TextFiles.writeWhole(layout.table(ResultsLayout.LEADERBOARD_TEX), tex.toString());
  }

  /** "[low, high]" to 3 significant digits, or "" without final gaps. */
  private static String interval(Entry e) {
    return Double.isNaN(e.finalGapLow())
        ? ""
        : "["
            + TableText.significant(e.finalGapLow())
            + ", "
            + TableText.significant(e.finalGapHigh())
            + "]";
  }

  private static String markdown(String text) {
    return TableText.markdown(text);
  }

  static String latex(String text) {
    return TableText.latex(text);
  }
}
