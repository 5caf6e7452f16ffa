package dev.gradus.runner.compare;

import dev.gradus.runner.results.Csv;
import dev.gradus.runner.results.SignificanceTable;
import dev.gradus.runner.results.TableText;
import java.util.ArrayList;
import java.util.List;

/**
 * A comparison as text: an aligned table for the terminal, Markdown, LaTeX (booktabs, the best in
 * bold, a dagger on configurations significantly worse than it), CSV with full precision, and one
 * static HTML page with every suite-derived text escaped.
 */
public final class ComparisonTables {
  static final String CSV_HEADER =
      "function,rank,configuration,runs,final_gap_median,final_gap_ci_low,final_gap_ci_high,"
          + "success_rate,art,target,p_vs_best,p_holm,worse_than_best";

  private ComparisonTables() {}

  private static final String[] COLUMNS = {
    "rank", "configuration", "runs", "final gap", "95% CI", "success", "aRT", "p (Holm)"
  };

  /** The cells of one ranking line, for reading (3 significant digits). */
  private static String[] cells(Comparison.Entry e, boolean latex) {
    return new String[] {
      Integer.toString(e.rank()),
      e.samples().label(),
      Integer.toString(e.samples().runs()),
      TableText.significant(e.samples().medianGap()),
      Double.isNaN(e.interval()[0])
          ? ""
          : "["
              + TableText.significant(e.interval()[0])
              + ", "
              + TableText.significant(e.interval()[1])
              + "]",
      Double.isNaN(e.samples().successRate())
          ? ""
          : Math.round(100 * e.samples().successRate()) + (latex ? "\\%" : "%"),
      latex ? TableText.latexNumber(e.samples().art()) : TableText.readable(e.samples().art()),
      e.rank() == 1 ? "" : TableText.significant(e.pHolm())
    };
  }

  private static String legend(Comparison c) {
    return "Ranked by median final gap f_final − f*; 95% CI: percentile bootstrap interval of the"
        + " median; success and aRT (average runtime, evaluations) to f − f* ≤ "
        + TableText.significant(c.target())
        + "; † significantly worse than the best (two-sided Wilcoxon rank-sum test on final gaps,"
        + " Holm–Bonferroni over the function's comparisons, α = "
        + Comparison.ALPHA
        + ").";
  }

  /** The terminal form: per function, an aligned table. */
  public static String text(Comparison c) {
    StringBuilder out = new StringBuilder("compared: " + String.join(", ", c.folders()) + "\n");
    for (Comparison.Function f : c.functions()) {
      List<String[]> rows = new ArrayList<>();
      rows.add(COLUMNS);
      for (Comparison.Entry e : f.ranking()) {
        String[] cells = cells(e, false);
        cells[7] += e.worse() ? " †" : "";
        rows.add(cells);
      }
      int[] width = new int[COLUMNS.length];
      for (String[] r : rows) {
        for (int k = 0; k < r.length; k++) {
          width[k] = Math.max(width[k], r[k].codePointCount(0, r[k].length()));
        }
      }
      out.append('\n').append(oneLine(f.label())).append('\n');
      for (String[] r : rows) {
        StringBuilder line = new StringBuilder();
        for (int k = 0; k < r.length; k++) {
          String cell = oneLine(r[k]);
          line.append(cell)
              .append(" ".repeat(Math.max(0, width[k] - cell.codePointCount(0, cell.length()))))
              .append("  ");
        }
        out.append(line.toString().stripTrailing()).append('\n');
      }
    }
    out.append('\n').append(legend(c)).append('\n');
    return out.toString();
  }

  private static String oneLine(String text) {
    return text.replaceAll("[\\r\\n\\t]", " ");
  }

  public static String markdown(Comparison c) {
    StringBuilder out =
        new StringBuilder("# Comparison of ")
            .append(TableText.markdown(String.join(", ", c.folders())))
            .append('\n');
    for (Comparison.Function f : c.functions()) {
      out.append("\n## ")
          .append(TableText.markdown(f.label()))
          .append("\n\n| ")
          .append(String.join(" | ", COLUMNS))
          .append(" |\n|---:|---|---:|---:|---:|---:|---:|---:|\n");
      for (Comparison.Entry e : f.ranking()) {
        String[] cells = cells(e, false);
        cells[1] = TableText.markdown(cells[1]);
        if (e.rank() == 1) {
          cells[1] = "**" + cells[1] + "**";
          cells[3] = "**" + cells[3] + "**";
        }
        cells[7] += e.worse() ? " †" : "";
        out.append("| ").append(String.join(" | ", cells)).append(" |\n");
      }
    }
    out.append('\n').append(legend(c)).append('\n');
    return out.toString();
  }

  public static String latex(Comparison c) {
    StringBuilder out =
        new StringBuilder(
            "% Gradus comparison of "
                + oneLine(String.join(", ", c.folders()))
                + "; needs \\usepackage{booktabs}\n"
                + "\\begin{tabular}{rlrrrrrl}\n\\toprule\n"
                + "rank & configuration & runs & final gap & 95\\% CI & success & aRT &"
                + " $p_{\\mathrm{Holm}}$ \\\\\n");
    for (Comparison.Function f : c.functions()) {
      out.append("\\midrule\n\\multicolumn{8}{l}{\\emph{")
          .append(TableText.latex(f.label()))
          .append("}} \\\\\n");
      for (Comparison.Entry e : f.ranking()) {
        String[] cells = cells(e, true);
        cells[1] = TableText.latex(cells[1]);
        if (e.rank() == 1) {
          cells[1] = "\\textbf{" + cells[1] + "}";
          cells[3] = "\\textbf{" + cells[3] + "}";
        }
        cells[7] += e.worse() ? "$^\\dagger$" : "";
        out.append(String.join(" & ", cells)).append(" \\\\\n");
      }
    }
    out.append("\\bottomrule\n\\end{tabular}\n");
    return out.toString();
  }

  /** Full precision, one line per configuration and function. */
  public static String csv(Comparison c) {
    StringBuilder out = new StringBuilder(CSV_HEADER).append('\n');
    for (Comparison.Function f : c.functions()) {
      for (Comparison.Entry e : f.ranking()) {
        out.append(Csv.cell(f.label()))
            .append(',')
            .append(e.rank())
            .append(',')
            .append(Csv.cell(e.samples().label()))
            .append(',')
            .append(e.samples().runs())
            .append(',')
            .append(TableText.full(e.samples().medianGap()))
            .append(',')
            .append(TableText.full(e.interval()[0]))
            .append(',')
            .append(TableText.full(e.interval()[1]))
            .append(',')
            .append(TableText.full(e.samples().successRate()))
            .append(',')
            .append(TableText.full(e.samples().art()))
            .append(',')
            .append(TableText.full(c.target()))
            .append(',')
            .append(TableText.full(e.pVersusBest()))
            .append(',')
            .append(TableText.full(e.pHolm()))
            .append(',')
            .append(e.rank() == 1 ? "" : Boolean.toString(e.worse()))
            .append('\n');
      }
    }
    return out.toString();
  }

  /** A static page: the rankings, then every pair's tests, each function in its own section. */
  public static String html(Comparison c) {
    String title = "Gradus comparison: " + String.join(", ", c.folders());
    StringBuilder out =
        new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .append("<title>")
            .append(TableText.html(title))
            .append("</title>\n<style>body{font-family:sans-serif;max-width:1200px;margin:auto}")
            .append("table{border-collapse:collapse;margin:1em 0}td,th{padding:2px 8px;")
            .append("border-bottom:1px solid #ccc}td.n{text-align:right;")
            .append("font-variant-numeric:tabular-nums}</style>\n</head>\n<body>\n<h1>")
            .append(TableText.html(title))
            .append("</h1>\n<ul>\n");
    for (Comparison.Function f : c.functions()) {
      out.append("<li><a href=\"#f")
          .append(c.functions().indexOf(f))
          .append("\">")
          .append(TableText.html(f.label()))
          .append("</a></li>\n");
    }
    out.append("</ul>\n");
    for (Comparison.Function f : c.functions()) {
      out.append("<h2 id=\"f")
          .append(c.functions().indexOf(f))
          .append("\">")
          .append(TableText.html(f.label()))
          .append("</h2>\n<table>\n<tr>");
      for (String h : COLUMNS) {
        out.append("<th>").append(TableText.html(h)).append("</th>");
      }
      out.append("</tr>\n");
      for (Comparison.Entry e : f.ranking()) {
        String[] cells = cells(e, false);
        cells[7] += e.worse() ? " †" : "";
        out.append("<tr>");
        for (int k = 0; k < cells.length; k++) {
          String cell = TableText.html(cells[k]);
          out.append(k == 1 ? "<td>" : "<td class=\"n\">")
              .append(e.rank() == 1 && (k == 1 || k == 3) ? "<b>" + cell + "</b>" : cell)
              .append("</td>");
        }
        out.append("</tr>\n");
      }
      out.append("</table>\n<h3>Pairs</h3>\n<table>\n<tr><th>A</th><th>B</th>")
          .append("<th>p<sub>Holm</sub> final gap</th><th>p<sub>Holm</sub> runtime</th></tr>\n");
      for (SignificanceTable.Row row : f.pairs()) {
        out.append("<tr><td>")
            .append(TableText.html(row.a().label()))
            .append("</td><td>")
            .append(TableText.html(row.b().label()))
            .append("</td><td class=\"n\">")
            .append(mark(row.gap()))
            .append("</td><td class=\"n\">")
            .append(mark(row.runtime()))
            .append("</td></tr>\n");
      }
      out.append("</table>\n");
    }
    out.append("<p>")
        .append(TableText.html(legend(c)))
        .append("</p>\n<p>")
        .append(TableText.html(SignificanceTable.LEGEND))
        .append("</p>\n</body>\n</html>\n");
    return out.toString();
  }

  private static String mark(dev.gradus.runner.analysis.Pairwise.Pair pair) {
    return TableText.significant(pair.pHolm())
        + (pair.significant(SignificanceTable.ALPHA) ? " †" : "");
  }
}
