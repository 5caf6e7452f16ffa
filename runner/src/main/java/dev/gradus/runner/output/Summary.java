package dev.gradus.runner.output;

import dev.gradus.runner.run.RunResult;
import dev.gradus.runner.run.RunStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Per (function configuration, optimizer configuration): the success rate (the share of runs that
 * converged), the median and interquartile range of iterations to target (over the runs that
 * reached it) and of the final gap f_best − f*, and the median wall time. Quantiles interpolate
 * linearly between order statistics, as NumPy's default.
 */
public record Summary(List<Row> rows) {
  public static final String HEADER =
      "function,optimizer,runs,converged,diverged,failed,success_rate,"
          + "iterations_to_target_median,iterations_to_target_iqr,f_gap_median,f_gap_iqr,wall_ms_median";

  /** One line of the summary; NaN where no run contributes. */
  public record Row(
      String function,
      String optimizer,
      int runs,
      int converged,
      int diverged,
      int failed,
      double successRate,
      double iterationsToTargetMedian,
      double iterationsToTargetIqr,
      double gapMedian,
      double gapIqr,
      double wallMsMedian) {}

  /** Groups runs in the order of their run ids, which follow the suite's order. */
  public static Summary of(List<RunResult> results) {
    List<RunResult> sorted = new ArrayList<>(results);
    sorted.sort(Comparator.comparing(RunResult::runId));
    Map<String, List<RunResult>> groups = new LinkedHashMap<>();
    for (RunResult r : sorted) {
      groups
          .computeIfAbsent(
              r.functionLabel() + "\u0000" + r.optimizerLabel(), k -> new ArrayList<>())
          .add(r);
    }
    List<Row> rows = new ArrayList<>();
    for (List<RunResult> group : groups.values()) {
      int converged = 0;
      int diverged = 0;
      int failed = 0;
      List<Double> toTarget = new ArrayList<>();
      List<Double> gaps = new ArrayList<>();
      List<Double> walls = new ArrayList<>();
      for (RunResult r : group) {
        converged += r.status() == RunStatus.CONVERGED ? 1 : 0;
        diverged += r.status() == RunStatus.DIVERGED ? 1 : 0;
        failed += r.status() == RunStatus.FAILED ? 1 : 0;
        if (r.iterationsToTarget() != null) {
          toTarget.add(r.iterationsToTarget().doubleValue());
        }
        if (r.fGap() != null) {
          gaps.add(r.fGap());
        }
        walls.add((double) r.wallMs());
      }
      RunResult first = group.get(0);
      rows.add(
          new Row(
              first.functionLabel(),
              first.optimizerLabel(),
              group.size(),
              converged,
              diverged,
              failed,
              converged / (double) group.size(),
              quantile(toTarget, 0.5),
              quantile(toTarget, 0.75) - quantile(toTarget, 0.25),
              quantile(gaps, 0.5),
              quantile(gaps, 0.75) - quantile(gaps, 0.25),
              quantile(walls, 0.5)));
    }
    return new Summary(List.copyOf(rows));
  }

  /** The q-quantile with linear interpolation; NaN for no values. */
  static double quantile(List<Double> values, double q) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(v);
    double position = q * (v.length - 1);
    int lower = (int) Math.floor(position);
    int upper = Math.min(v.length - 1, lower + 1);
    double fraction = position - lower;
    return v[lower] + (v[upper] - v[lower]) * fraction;
  }

  public String toCsv() {
    StringBuilder out = new StringBuilder(HEADER).append('\n');
    for (Row r : rows) {
      out.append(Csv.cell(r.function()))
          .append(',')
          .append(Csv.cell(r.optimizer()))
          .append(',')
          .append(r.runs())
          .append(',')
          .append(r.converged())
          .append(',')
          .append(r.diverged())
          .append(',')
          .append(r.failed())
          .append(',')
          .append(number(r.successRate()))
          .append(',')
          .append(number(r.iterationsToTargetMedian()))
          .append(',')
          .append(number(r.iterationsToTargetIqr()))
          .append(',')
          .append(number(r.gapMedian()))
          .append(',')
          .append(number(r.gapIqr()))
          .append(',')
          .append(number(r.wallMsMedian()))
          .append('\n');
    }
    return out.toString();
  }

  /** A fixed-width table for the terminal. */
  public String toTable() {
    String[] head = {
      "function",
      "optimizer",
      "runs",
      "success",
      "diverged",
      "failed",
      "iters→target (IQR)",
      "final gap (IQR)",
      "wall ms"
    };
    List<String[]> lines = new ArrayList<>();
    lines.add(head);
    for (Row r : rows) {
      lines.add(
          new String[] {
            r.function(),
            r.optimizer(),
            Integer.toString(r.runs()),
            String.format(Locale.ROOT, "%.0f%%", 100 * r.successRate()),
            Integer.toString(r.diverged()),
            Integer.toString(r.failed()),
            Double.isNaN(r.iterationsToTargetMedian())
                ? "-"
                : String.format(
                    Locale.ROOT,
                    "%.0f (%.0f)",
                    r.iterationsToTargetMedian(),
                    r.iterationsToTargetIqr()),
            Double.isNaN(r.gapMedian())
                ? "-"
                : String.format(Locale.ROOT, "%.3g (%.2g)", r.gapMedian(), r.gapIqr()),
            String.format(Locale.ROOT, "%.0f", r.wallMsMedian())
          });
    }
    int[] width = new int[head.length];
    for (String[] line : lines) {
      for (int i = 0; i < line.length; i++) {
        width[i] = Math.max(width[i], line[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (int l = 0; l < lines.size(); l++) {
      String[] line = lines.get(l);
      for (int i = 0; i < line.length; i++) {
        out.append(i == 0 ? "" : "  ").append(String.format("%-" + width[i] + "s", line[i]));
      }
      out.append('\n');
      if (l == 0) {
        int total = Arrays.stream(width).sum() + 2 * (width.length - 1);
        out.append("-".repeat(total)).append('\n');
      }
    }
    return out.toString();
  }

  private static String number(double v) {
    return Double.isNaN(v) ? "" : Double.toString(v);
  }
}
