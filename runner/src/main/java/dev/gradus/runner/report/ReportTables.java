package dev.gradus.runner.report;

import dev.gradus.runner.results.Summary;
import dev.gradus.runner.run.RunResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The tables of report.html: the summary (the rows of summary.csv), the runs that diverged, failed
 * or timed out with their errors, and every run; each an {@link HtmlTable}, so sortable and
 * filterable in the page.
 */
final class ReportTables {
  private ReportTables() {}

  /**
   * Summary rows under element id {@code id}; {@code withFunction} adds the function column (the
   * table of one function's section leaves it out).
   */
  static String summary(String id, List<Summary.Row> rows, boolean withFunction) {
    List<HtmlTable.Column> columns = new ArrayList<>();
    columns.add(new HtmlTable.Column("#", "function_index.optimizer_index", false));
    if (withFunction) {
      columns.add(new HtmlTable.Column("function", "function", false));
    }
    columns.add(new HtmlTable.Column("optimizer", "optimizer", false));
    String[][] numeric = {
      {"runs", "runs"},
      {"conv.", "converged"},
      {"budget", "budget_exhausted"},
      {"div.", "diverged"},
      {"timeout", "timeout"},
      {"failed", "failed"},
      {"out of domain", "out_of_domain"},
      {"success", "success_rate"},
      {"iters→target", "iterations_to_target_median"},
      {"IQR", "iterations_to_target_iqr"},
      {"final gap", "final_gap_median"},
      {"IQR", "final_gap_iqr"},
      {"best gap", "best_gap_median"},
      {"IQR", "best_gap_iqr"},
      {"wall ms", "wall_ms_median"}
    };
    for (String[] c : numeric) {
      columns.add(new HtmlTable.Column(c[0], c[1], true));
    }
    HtmlTable t = new HtmlTable(id, columns);
    for (Summary.Row r : rows) {
      String key = r.functionIndex() + "." + r.optimizerIndex();
      t.markup(
          HtmlReport.escape(key),
          String.format(java.util.Locale.ROOT, "%08d.%08d", r.functionIndex(), r.optimizerIndex()));
      if (withFunction) {
        t.text(r.function());
      }
      t.text(r.optimizer())
          .integer(r.runs())
          .integer(r.converged())
          .integer(r.budgetExhausted())
          .integer(r.diverged())
          .integer(r.timeout())
          .integer(r.failed())
          .integer(r.outOfDomain())
          .number(r.successRate())
          .number(r.iterationsToTargetMedian())
          .number(r.iterationsToTargetIqr())
          .number(r.finalGapMedian())
          .number(r.finalGapIqr())
          .number(r.bestGapMedian())
          .number(r.bestGapIqr())
          .number(r.wallMsMedian())
          .endRow();
    }
    return t.html();
  }

  /** The diverged, failed and timed-out runs, or a line saying there are none. */
  static String problems(List<RunResult> runs) {
    StringBuilder h =
        new StringBuilder(
            "<section id=\"problems\">\n<h2>Diverged, failed and timed-out runs</h2>\n");
    List<RunResult> problems = runs.stream().filter(r -> !r.isOutcomeWithValues()).toList();
    if (problems.isEmpty()) {
      return h.append("<p>None.</p>\n</section>\n").toString();
    }
    HtmlTable t =
        new HtmlTable(
            "problems-table",
            List.of(
                new HtmlTable.Column("run", "run_id", false),
                new HtmlTable.Column("status", "status", false),
                new HtmlTable.Column("error", "error", false)));
    for (RunResult r : problems) {
      String error = HtmlReport.escape(r.error() == null ? "" : r.error());
      if (r.errorFile() != null) {
        error += " (<a href=\"" + HtmlReport.escape(r.errorFile()) + "\">stack trace</a>)";
      }
      t.text(r.runId())
          .text(r.status().id(), r.status().id())
          .markup(error, r.error() == null ? "" : r.error())
          .endRow();
    }
    return h.append(t.html()).append("</section>\n").toString();
  }

  /** Every run with its status, counts, final and best values. */
  static String runs(List<RunResult> runs) {
    HtmlTable t =
        new HtmlTable(
            "runs-table",
            List.of(
                new HtmlTable.Column("run", "run_id", false),
                new HtmlTable.Column("function", "function", false),
                new HtmlTable.Column("optimizer", "optimizer", false),
                new HtmlTable.Column("repeat", "repeat", true),
                new HtmlTable.Column("status", "status", false),
                new HtmlTable.Column("iterations", "iterations", true),
                new HtmlTable.Column("evaluations", "evaluations", true),
                new HtmlTable.Column("in domain", "x_final_in_domain", false),
                new HtmlTable.Column("f final", "f_final", true),
                new HtmlTable.Column("final gap", "final_gap", true),
                new HtmlTable.Column("f best", "f_best", true),
                new HtmlTable.Column("best gap", "best_gap", true),
                new HtmlTable.Column("wall ms", "wall_ms", true)));
    for (RunResult r : runs) {
      t.text(r.runId())
          .text(r.functionLabel())
          .text(r.optimizerLabel())
          .integer(r.repeat())
          .text(r.status().id(), r.status().id())
          .integer(r.iterations())
          .integer(r.evaluations())
          .text(r.xFinalInDomain() == null ? "" : r.xFinalInDomain() ? "yes" : "no")
          .number(orNaN(r.fFinal()))
          .number(orNaN(r.finalGap()))
          .number(orNaN(r.fBest()))
          .number(orNaN(r.bestGap()))
          .integer(r.wallMs())
          .endRow();
    }
    return "<section id=\"runs\">\n<h2>Runs</h2>\n" + t.html() + "</section>\n";
  }

  private static double orNaN(Double v) {
    return v == null ? Double.NaN : v;
  }
}
