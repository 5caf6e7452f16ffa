package dev.gradus.runner.tuning;

import dev.gradus.runner.analysis.RankSum;
import dev.gradus.runner.plan.Labels;
import dev.gradus.runner.plan.Plan;
import dev.gradus.runner.plan.Tuning;
import dev.gradus.runner.results.Csv;
import dev.gradus.runner.results.ResultsLayout;
import dev.gradus.runner.results.TextFiles;
import dev.gradus.runner.run.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code tables/tuning.{csv,md}}: what tuning bought. One row per function and tuned optimizer
 * configuration: the winning trial and its values, its median metric over the tuning seeds, and,
 * over the evaluation's fresh seeds, the medians of the tuned configuration and of the one at the
 * defaults with the two-sided rank-sum p-value between them.
 */
public final class TuningTable {
  private TuningTable() {}

  /**
   * One row.
   *
   * @param tuningMedian the winner's median metric on the tuning seeds, null when not finite
   * @param tunedMedian the tuned configuration's median metric in the evaluation (a run that
   *     diverged, failed or ended outside the domain counts as the worst), null when not finite
   * @param defaultMedian the same for the configuration at the defaults
   * @param p the rank-sum p-value of tuned against defaults, NaN with fewer than two runs a side
   */
  public record Row(
      int functionIndex,
      String function,
      String tuned,
      String defaults,
      int trial,
      String values,
      String metric,
      Double tuningMedian,
      Double tunedMedian,
      Double defaultMedian,
      double p) {}

  /** The rows of an evaluation's plan and its runs. */
  public static List<Row> rows(Plan evaluation, List<RunResult> runs) {
    Tuning tuning = evaluation.tuning();
    List<Row> rows = new ArrayList<>();
    for (int f = 0; f < evaluation.functions().size(); f++) {
      Tuning.Metric metric = tuning.metrics().get(f);
      for (Tuning.Unit u : tuning.units()) {
        int trial = tuning.winners()[f][u.index()];
        double[] tuned = scores(runs, f, u.tuned(), metric);
        double[] defaults = scores(runs, f, u.defaults(), metric);
        double p =
            tuned.length < 2 || defaults.length < 2
                ? Double.NaN
                : RankSum.test(tuned, defaults).p();
        rows.add(
            new Row(
                f,
                evaluation.functions().get(f).label(),
                tuning.label(u),
                evaluation.optimizers().get(u.defaults()).label(),
                trial,
                values(u.trials().get(trial)),
                metric.id(),
                tuning.scores()[f][u.index()],
                raw(metric, tuned),
                raw(metric, defaults),
                p));
      }
    }
    return rows;
  }

  public static void write(ResultsLayout layout, Plan evaluation, List<RunResult> runs) {
    List<Row> rows = rows(evaluation, runs);
    TextFiles.writeWhole(layout.table(ResultsLayout.TUNING_CSV), csv(rows));
    TextFiles.writeWhole(layout.table(ResultsLayout.TUNING_MD), markdown(rows));
  }

  static String csv(List<Row> rows) {
    StringBuilder out =
        new StringBuilder(
            "function_index,function_label,optimizer_label,default_label,trial,values,metric,"
                + "tuning_median,tuned_median,default_median,p_rank_sum\n");
    for (Row r : rows) {
      out.append(r.functionIndex())
          .append(',')
          .append(Csv.cell(r.function()))
          .append(',')
          .append(Csv.cell(r.tuned()))
          .append(',')
          .append(Csv.cell(r.defaults()))
          .append(',')
          .append(r.trial())
          .append(',')
          .append(Csv.cell(r.values()))
          .append(',')
          .append(r.metric())
          .append(',')
          .append(number(r.tuningMedian()))
          .append(',')
          .append(number(r.tunedMedian()))
          .append(',')
          .append(number(r.defaultMedian()))
          .append(',')
          .append(Double.isNaN(r.p()) ? "" : Csv.number(r.p()))
          .append('\n');
    }
    return out.toString();
  }

  static String markdown(List<Row> rows) {
    StringBuilder out = new StringBuilder();
    out.append("| function | tuned | trial | values | metric | tuning | tuned | defaults | p |\n");
    out.append("|---|---|---:|---|---|---:|---:|---:|---:|\n");
    for (Row r : rows) {
      out.append("| ")
          .append(pipe(r.function()))
          .append(" | ")
          .append(pipe(r.tuned()))
          .append(" | ")
          .append(r.trial())
          .append(" | ")
          .append(pipe(r.values()))
          .append(" | ")
          .append(r.metric())
          .append(" | ")
          .append(shown(r.tuningMedian()))
          .append(" | ")
          .append(shown(r.tunedMedian()))
          .append(" | ")
          .append(shown(r.defaultMedian()))
          .append(" | ")
          .append(Double.isNaN(r.p()) ? "–" : String.format(java.util.Locale.ROOT, "%.3g", r.p()))
          .append(" |\n");
    }
    out.append(
        "\nMedians over the tuning seeds (tuning) and over the evaluation's fresh seeds (tuned, and"
            + " the same configuration at its defaults); p is the two-sided rank-sum test of"
            + " tuned against defaults. A run that diverged, failed or ended outside the domain"
            + " counts as the worst.\n");
    return out.toString();
  }

  /**
   * The oriented scores (lower is better) of one configuration's evaluation runs on one function.
   */
  private static double[] scores(
      List<RunResult> runs, int function, int optimizer, Tuning.Metric metric) {
    return runs.stream()
        .filter(r -> r.functionIndex() == function && r.optimizerIndex() == optimizer)
        .mapToDouble(r -> TrialSelection.score(metric, r))
        .toArray();
  }

  /** The median of oriented scores, in the metric's own sense; null when not finite. */
  private static Double raw(Tuning.Metric metric, double[] scores) {
    List<Double> values = new ArrayList<>();
    for (double s : scores) {
      values.add(s);
    }
    double m = TrialSelection.median(values);
    if (!Double.isFinite(m)) {
      return null;
    }
    return metric.higherIsBetter() ? -m : m;
  }

  private static String values(Map<String, Object> values) {
    List<String> parts = new ArrayList<>();
    values.forEach((k, v) -> parts.add(k + "=" + Labels.text(v)));
    return String.join(" ", parts);
  }

  private static String number(Double v) {
    return v == null ? "" : Csv.number(v);
  }

  private static String shown(Double v) {
    return v == null ? "–" : String.format(java.util.Locale.ROOT, "%.4g", v);
  }

  private static String pipe(String text) {
    return text.replace("|", "\\|");
  }
}
