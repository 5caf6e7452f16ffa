package dev.gradus.runner.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of report.html that the page's script can sort (click a header) and filter (the text box
 * above it). Numbers show three significant digits, right-aligned in tabular figures, with the full
 * value in a tooltip and as the sort key; the table scrolls sideways inside its box, so the page
 * keeps its width. Every text is escaped here.
 */
final class HtmlTable {
  /**
   * A column.
   *
   * @param title the header's tooltip, such as the column's name in summary.csv
   */
  record Column(String header, String title, boolean numeric) {}

  private final String id;
  private final List<Column> columns;
  private final StringBuilder rows = new StringBuilder();
  private final List<String> row = new ArrayList<>();
  private int rowCount;

  /** A table with element id {@code id}. */
  HtmlTable(String id, List<Column> columns) {
    this.id = id;
    this.columns = List.copyOf(columns);
  }

  /** A text cell. */
  HtmlTable text(String text) {
    row.add("<td>" + HtmlReport.escape(text == null ? "" : text) + "</td>");
    return this;
  }

  /** A text cell whose class (for a status colour, say) is {@code cssClass}. */
  HtmlTable text(String text, String cssClass) {
    row.add(
        "<td class=\"" + HtmlReport.escape(cssClass) + "\">" + HtmlReport.escape(text) + "</td>");
    return this;
  }

  /** A cell of ready markup, sorted by {@code sortText}. */
  HtmlTable markup(String html, String sortText) {
    row.add("<td data-v=\"" + HtmlReport.escape(sortText) + "\">" + html + "</td>");
    return this;
  }

  /** A number cell; NaN (no value) is empty and sorts last. */
  HtmlTable number(double v) {
    String exact = NumberText.exact(v);
    String key =
        Double.isNaN(v) ? "" : Double.isInfinite(v) ? (v > 0 ? "Infinity" : "-Infinity") : exact;
    row.add(
        "<td class=\"n\" data-v=\""
            + key
            + "\" title=\""
            + HtmlReport.escape(exact.isEmpty() ? "no value" : exact)
            + "\">"
            + NumberText.significant(v)
            + "</td>");
    return this;
  }

  /** A count or other integer, shown whole. */
  HtmlTable integer(long v) {
    row.add("<td class=\"n\" data-v=\"" + v + "\">" + v + "</td>");
    return this;
  }

  /** Ends the current row. */
  HtmlTable endRow() {
    if (row.size() != columns.size()) {
      throw new IllegalStateException(
          "a row of table "
              + id
              + " has "
              + row.size()
              + " cells for "
              + columns.size()
              + " columns");
    }
    rows.append("<tr>").append(String.join("", row)).append("</tr>\n");
    row.clear();
    rowCount++;
    return this;
  }

  int rows() {
    return rowCount;
  }

  /** The filter box, and the table in its scrolling box. */
  String html() {
    StringBuilder h = new StringBuilder();
    h.append("<div class=\"table-tools\"><input type=\"search\" class=\"filter\" data-table=\"")
        .append(id)
        .append("\" placeholder=\"Filter rows\" aria-label=\"Filter the rows of this table\">")
        .append(" <span class=\"shown\" data-table=\"")
        .append(id)
        .append("\">")
        .append(rowCount)
        .append(" rows</span></div>\n");
    h.append("<div class=\"table-box\"><table class=\"sortable\" id=\"").append(id).append("\">\n");
    h.append("<thead><tr>");
    for (Column c : columns) {
      h.append("<th")
          .append(c.numeric() ? " class=\"n\" data-type=\"number\"" : " data-type=\"text\"")
          .append(" title=\"")
          .append(HtmlReport.escape(c.title()))
          .append(" (click to sort)\">")
          .append(HtmlReport.escape(c.header()))
          .append("</th>");
    }
    h.append("</tr></thead>\n<tbody>\n").append(rows).append("</tbody></table></div>\n");
    return h.toString();
  }
}
