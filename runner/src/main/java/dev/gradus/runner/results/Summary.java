package dev.gradus.runner.results;

import dev.gradus.runner.analysis.Quantiles;
import dev.gradus.runner.plan.Labels;
import dev.gradus.runner.run.RunResult;
import dev.gradus.runner.run.RunStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * One row per (function configuration, optimizer configuration), keyed by their indices: how many
 * runs ended in each status, the success rate (the share that converged inside the domain), and
 * medians and interquartile ranges of iterations to target (over the runs that reached it), of the
 * final gap f_final − f* and of the best gap f_best − f*, and the median wall time.
 *
 * <p>Gap statistics count only runs whose values are results: converged and budget-exhausted runs.
 * Diverged, failed and timed-out runs are counted in their own columns and left out of them, and
 * the final gap also leaves out runs that ended outside the domain ({@code out_of_domain}).
 * Quantiles interpolate linearly between order statistics, as NumPy's default.
 *
 * <p>Functions that hold data out add the medians of {@code test_loss} and {@code test_accuracy}
 * over the same runs; the CSV and the table show those columns only when some row has them, so a
 * suite without held-out data reads as before.
 */
public record Summary(List<Row> rows) {
  public static final String HEADER =
      "function_index,optimizer_index,function,optimizer,runs,converged,budget_exhausted,"
          + "diverged,timeout,failed,out_of_domain,success_rate,"
          + "iterations_to_target_median,iterations_to_target_iqr,"
          + "final_gap_median,final_gap_iqr,best_gap_median,best_gap_iqr,wall_ms_median";

  /**
   * One line of the summary; NaN where no run contributes. {@code outOfDomain} counts the converged
   * or budget-exhausted runs whose final point lies outside the domain (a converged run never
   * does).
   */
  public record Row(
      int functionIndex,
      int optimizerIndex,
      String function,
      String optimizer,
      int runs,
      int converged,
      int budgetExhausted,
      int diverged,
      int timeout,
      int failed,
      int outOfDomain,
      double successRate,
      double iterationsToTargetMedian,
      double iterationsToTargetIqr,
      double finalGapMedian,
      double finalGapIqr,
      double bestGapMedian,
      double bestGapIqr,
      double wallMsMedian,
      double testLossMedian,
      double testAccuracyMedian) {}

  /** Whether some row has held-out metrics, and so the summary shows their columns. */
  public boolean hasHeldOut() {
    return rows.stream()
        .anyMatch(r -> !Double.isNaN(r.testLossMedian()) || !Double.isNaN(r.testAccuracyMedian()));
  }

  /** Groups runs by (function index, optimizer index), in that order. */
  public static Summary of(List<RunResult> results) {
    List<RunResult> sorted = new ArrayList<>(results);
    sorted.sort(
        Comparator.comparingInt(RunResult::functionIndex)
            .thenComparingInt(RunResult::optimizerIndex)
            .thenComparingInt(RunResult::repeat));
    List<Row> rows = new ArrayList<>();
    for (List<RunResult> group : Configurations.of(sorted)) {
      int[] byStatus = new int[RunStatus.values().length];
      int outOfDomain = 0;
      List<Double> toTarget = new ArrayList<>();
      List<Double> finalGaps = new ArrayList<>();
      List<Double> bestGaps = new ArrayList<>();
      List<Double> walls = new ArrayList<>();
      List<Double> testLosses = new ArrayList<>();
      List<Double> testAccuracies = new ArrayList<>();
      for (RunResult r : group) {
        byStatus[r.status().ordinal()]++;
        // counted among runs whose values are results, so that the columns do not overlap
        boolean outside = Boolean.FALSE.equals(r.xFinalInDomain());
        outOfDomain += outside && r.isOutcomeWithValues() ? 1 : 0;
        if (r.iterationsToTarget() != null) {
          toTarget.add(r.iterationsToTarget().doubleValue());
        }
        if (r.isOutcomeWithValues()) {
          if (r.finalGap() != null && !outside) {
            finalGaps.add(r.finalGap());
          }
          if (r.bestGap() != null) {
            bestGaps.add(r.bestGap());
          }
          Double loss = r.heldOut() == null ? null : r.heldOut().get("test_loss");
          Double accuracy = r.heldOut() == null ? null : r.heldOut().get("test_accuracy");
          if (loss != null) {
            testLosses.add(loss);
          }
          if (accuracy != null) {
            testAccuracies.add(accuracy);
          }
        }
        walls.add((double) r.wallMs());
      }
      RunResult first = group.get(0);
      int converged = byStatus[RunStatus.CONVERGED.ordinal()];
      rows.add(
          new Row(
              first.functionIndex(),
              first.optimizerIndex(),
              first.functionLabel(),
              first.optimizerLabel(),
              group.size(),
              converged,
              byStatus[RunStatus.BUDGET_EXHAUSTED.ordinal()],
              byStatus[RunStatus.DIVERGED.ordinal()],
              byStatus[RunStatus.TIMEOUT.ordinal()],
              byStatus[RunStatus.FAILED.ordinal()],
              outOfDomain,
              converged / (double) group.size(),
              Quantiles.linear(toTarget, 0.5),
              iqr(toTarget),
              Quantiles.linear(finalGaps, 0.5),
              iqr(finalGaps),
              Quantiles.linear(bestGaps, 0.5),
              iqr(bestGaps),
              Quantiles.linear(walls, 0.5),
              Quantiles.linear(testLosses, 0.5),
              Quantiles.linear(testAccuracies, 0.5)));
    }
    return new Summary(List.copyOf(rows));
  }

  private static double iqr(List<Double> values) {
    return Quantiles.linear(values, 0.75) - Quantiles.linear(values, 0.25);
  }

  public String toCsv() {
    boolean heldOut = hasHeldOut();
    StringBuilder out =
        new StringBuilder(HEADER)
            .append(heldOut ? ",test_loss_median,test_accuracy_median" : "")
            .append('\n');
    for (Row r : rows) {
      out.append(r.functionIndex())
          .append(',')
          .append(r.optimizerIndex())
          .append(',')
          .append(Csv.cell(r.function()))
          .append(',')
          .append(Csv.cell(r.optimizer()));
      for (long count :
          new long[] {
            r.runs(),
            r.converged(),
            r.budgetExhausted(),
            r.diverged(),
            r.timeout(),
            r.failed(),
            r.outOfDomain()
          }) {
        out.append(',').append(count);
      }
      for (double v :
          new double[] {
            r.successRate(),
            r.iterationsToTargetMedian(),
            r.iterationsToTargetIqr(),
            r.finalGapMedian(),
            r.finalGapIqr(),
            r.bestGapMedian(),
            r.bestGapIqr(),
            r.wallMsMedian()
          }) {
        out.append(',').append(number(v));
      }
      if (heldOut) {
        out.append(',')
            .append(number(r.testLossMedian()))
            .append(',')
            .append(number(r.testAccuracyMedian()));
      }
      out.append('\n');
    }
    return out.toString();
  }

  /** The table for a terminal of {@link #DEFAULT_WIDTH} columns. */
  public String toTable() {
    return toTable(DEFAULT_WIDTH);
  }

  /** The width a table fits when the terminal's is unknown. */
  public static final int DEFAULT_WIDTH = 100;

  /** The narrowest optimizer column: labels are cut to it, never shorter. */
  static final int MIN_LABEL = 16;

  /**
   * A table that fits {@code width} columns: one block per function configuration under its label,
   * one row per optimizer configuration, numbered {@code function_index.optimizer_index}. {@code
   * not ok} counts the runs that diverged, failed or timed out; gaps are medians with the
   * interquartile range in brackets; with held-out data, the medians of test loss and accuracy take
   * the best gap's place. Labels too long for the width are cut with an ellipsis; summary.csv has
   * them whole.
   */
  public String toTable(int width) {
    boolean heldOut = hasHeldOut();
    String[] head = {
      "#", "optimizer", "runs", "success", "not ok", "iters→target", "final gap", "best gap", "ms"
    };
    if (heldOut) {
      // the best gap gives way to the held-out columns, so that the table still fits
      head =
          new String[] {
            "#",
            "optimizer",
            "runs",
            "success",
            "not ok",
            "iters→target",
            "final gap",
            "test loss",
            "test acc",
            "ms"
          };
    }
    List<String[]> lines = new ArrayList<>();
    List<String> functions = new ArrayList<>();
    for (Row r : rows) {
      int notOk = r.diverged() + r.failed() + r.timeout();
      functions.add(r.function());
      List<String> cells =
          new ArrayList<>(
              List.of(
                  r.functionIndex() + "." + r.optimizerIndex(),
                  r.optimizer(),
                  Integer.toString(r.runs()),
                  String.format(Locale.ROOT, "%.0f%%", 100 * r.successRate()),
                  notOk == 0 ? "-" : Integer.toString(notOk),
                  Double.isNaN(r.iterationsToTargetMedian())
                      ? "-"
                      : String.format(
                          Locale.ROOT,
                          "%.0f (%.0f)",
                          r.iterationsToTargetMedian(),
                          r.iterationsToTargetIqr()),
                  gap(r.finalGapMedian(), r.finalGapIqr())));
      if (heldOut) {
        cells.add(Double.isNaN(r.testLossMedian()) ? "-" : significant(r.testLossMedian()));
        cells.add(
            Double.isNaN(r.testAccuracyMedian())
                ? "-"
                : String.format(Locale.ROOT, "%.4f", r.testAccuracyMedian()));
      } else {
        cells.add(gap(r.bestGapMedian(), r.bestGapIqr()));
      }
      cells.add(String.format(Locale.ROOT, "%.0f", r.wallMsMedian()));
      lines.add(cells.toArray(new String[0]));
    }
    int[] widths = new int[head.length];
    for (int i = 0; i < head.length; i++) {
      widths[i] = head[i].length();
    }
    for (String[] line : lines) {
      for (int i = 0; i < line.length; i++) {
        widths[i] = Math.max(widths[i], line[i].length());
      }
    }
    int others = Arrays.stream(widths).sum() - widths[1] + 2 * (widths.length - 1);
    widths[1] = Math.max(Math.min(widths[1], width - others), Math.min(widths[1], MIN_LABEL));
    int total = others + widths[1];
    StringBuilder out = new StringBuilder();
    appendRow(out, head, widths);
    out.append("-".repeat(total)).append('\n');
    String previous = null;
    for (int l = 0; l < lines.size(); l++) {
      if (!functions.get(l).equals(previous)) {
        out.append(cut(functions.get(l), Math.max(total, MIN_LABEL))).append('\n');
        previous = functions.get(l);
      }
      appendRow(out, lines.get(l), widths);
    }
    return out.toString();
  }

  private static void appendRow(StringBuilder out, String[] line, int[] widths) {
    StringBuilder row = new StringBuilder();
    for (int i = 0; i < line.length; i++) {
      row.append(i == 0 ? "" : "  ")
          .append(String.format("%-" + widths[i] + "s", cut(line[i], widths[i])));
    }
    out.append(row.toString().stripTrailing()).append('\n');
  }

  private static String cut(String text, int width) {
    return text.length() <= width ? text : text.substring(0, Math.max(0, width - 1)) + "…";
  }

  private static String gap(double median, double iqr) {
    if (Double.isNaN(median)) {
      return "-";
    }
    return significant(median) + " (" + significant(iqr) + ")";
  }

  /** Three significant digits, written as {@link Labels#number} writes numbers. */
  public static String significant(double v) {
    if (!Double.isFinite(v) || v == 0) {
      return Labels.number(v);
    }
    return Labels.number(Double.parseDouble(String.format(Locale.ROOT, "%.3g", v)));
  }

  private static String number(double v) {
    return Csv.finite(v);
  }
}
