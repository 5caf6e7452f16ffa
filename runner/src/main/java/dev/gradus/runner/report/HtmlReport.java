package dev.gradus.runner.report;

import dev.gradus.runner.results.ResultsFolder;
import dev.gradus.runner.run.RunResult;
import dev.gradus.runner.run.RunStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code report.html}: one self-contained page (no scripts, no external files needed) with the
 * summary table, every plot as an embedded PNG, each run's status, the failed and diverged runs
 * with their errors, and the resolved suite. Every text that comes from a suite or a run (names,
 * labels, expressions, errors) is HTML-escaped.
 */
final class HtmlReport {
  private HtmlReport() {}

  static String render(
      String suiteName, ResultsFolder results, List<PlotKind.Plot> plots, List<String> notes)
      throws IOException {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.append("<title>Gradus report: ").append(escape(suiteName)).append("</title>\n");
    h.append(
        "<style>body{font-family:sans-serif;margin:2em;max-width:1100px}"
            + "table{border-collapse:collapse;font-size:90%}"
            + "td,th{border:1px solid #ccc;padding:3px 6px;text-align:left}"
            + "td.n{text-align:right;font-variant-numeric:tabular-nums}"
            + "pre{background:#f6f6f6;padding:1em;overflow:auto}"
            + "img{max-width:100%;border:1px solid #eee}figure{margin:1em 0}"
            + ".converged{color:#2a7a2a}.diverged,.failed{color:#b22}</style>\n");
    h.append("</head>\n<body>\n");
    h.append("<h1>Suite ").append(escape(suiteName)).append("</h1>\n");
    h.append("<p>")
        .append(results.runs().size())
        .append(" runs. ")
        .append(escape(statusCounts(results.runs())))
        .append("</p>\n");

    h.append("<h2 id=\"summary\">Summary</h2>\n");
    if (results.summary().isEmpty()) {
      h.append("<p>No summary.csv in this folder.</p>\n");
    } else {
      h.append("<table>\n");
      for (int row = 0; row < results.summary().size(); row++) {
        h.append("<tr>");
        for (String cell : results.summary().get(row)) {
          if (row == 0) {
            h.append("<th>").append(escape(cell)).append("</th>");
          } else {
            boolean number = !cell.isEmpty() && isNumber(cell);
            h.append(number ? "<td class=\"n\">" : "<td>").append(escape(cell)).append("</td>");
          }
        }
        h.append("</tr>\n");
      }
      h.append("</table>\n");
    }

    h.append("<h2 id=\"plots\">Plots</h2>\n");
    for (String note : notes) {
      h.append("<p><em>").append(escape(note)).append("</em></p>\n");
    }
    Map<String, StringBuilder> sections = new LinkedHashMap<>();
    for (PlotKind.Plot plot : plots) {
      StringBuilder s = sections.computeIfAbsent(plot.section(), k -> new StringBuilder());
      byte[] png = Files.readAllBytes(results.layout().plots().resolve(plot.name() + ".png"));
      s.append("<figure id=\"")
          .append(escape(plot.name()))
          .append("\"><img alt=\"")
          .append(escape(plot.title()))
          .append("\" src=\"data:image/png;base64,")
          .append(Base64.getEncoder().encodeToString(png))
          .append("\">\n<figcaption>")
          .append(escape(plot.title()))
          .append(" (<a href=\"plots/")
          .append(escape(plot.name()))
          .append(".png\">plots/")
          .append(escape(plot.name()))
          .append(".png</a>, <a href=\"plots/")
          .append(escape(plot.name()))
          .append(".svg\">SVG</a>)</figcaption></figure>\n");
    }
    sections.forEach(
        (section, body) -> h.append("<h3>").append(escape(section)).append("</h3>\n").append(body));

    h.append("<h2 id=\"problems\">Diverged, failed and timed-out runs</h2>\n");
    List<RunResult> problems =
        results.runs().stream().filter(r -> !r.isOutcomeWithValues()).toList();
    if (problems.isEmpty()) {
      h.append("<p>None.</p>\n");
    } else {
      h.append("<table>\n<tr><th>run</th><th>status</th><th>error</th></tr>\n");
      for (RunResult r : problems) {
        h.append("<tr><td>")
            .append(escape(r.runId()))
            .append("</td><td class=\"")
            .append(r.status().id())
            .append("\">")
            .append(r.status().id())
            .append("</td><td>")
            .append(escape(r.error() == null ? "" : r.error()))
            .append(
                r.errorFile() == null
                    ? ""
                    : " (<a href=\"" + escape(r.errorFile()) + "\">stack trace</a>)")
            .append("</td></tr>\n");
      }
      h.append("</table>\n");
    }

    h.append("<h2 id=\"runs\">Runs</h2>\n<table>\n<tr><th>run</th><th>function</th>")
        .append("<th>optimizer</th><th>repeat</th><th>status</th><th>iterations</th>")
        .append("<th>evaluations</th><th>in domain</th><th>f_final</th><th>final gap</th>")
        .append("<th>f_best</th><th>best gap</th><th>wall ms</th></tr>\n");
    for (RunResult r : results.runs()) {
      h.append("<tr><td>")
          .append(escape(r.runId()))
          .append("</td><td>")
          .append(escape(r.functionLabel()))
          .append("</td><td>")
          .append(escape(r.optimizerLabel()))
          .append("</td><td class=\"n\">")
          .append(r.repeat())
          .append("</td><td class=\"")
          .append(r.status().id())
          .append("\">")
          .append(r.status().id())
          .append("</td><td class=\"n\">")
          .append(r.iterations())
          .append("</td><td class=\"n\">")
          .append(r.evaluations())
          .append("</td><td>")
          .append(r.xFinalInDomain() == null ? "" : r.xFinalInDomain() ? "yes" : "no")
          .append("</td><td class=\"n\">")
          .append(number(r.fFinal()))
          .append("</td><td class=\"n\">")
          .append(number(r.finalGap()))
          .append("</td><td class=\"n\">")
          .append(number(r.fBest()))
          .append("</td><td class=\"n\">")
          .append(number(r.bestGap()))
          .append("</td><td class=\"n\">")
          .append(r.wallMs())
          .append("</td></tr>\n");
    }
    h.append("</table>\n");

    h.append("<h2 id=\"suite\">Suite (suite.resolved.yaml)</h2>\n<pre>")
        .append(escape(results.resolvedSuite()))
        .append("</pre>\n</body>\n</html>\n");
    return h.toString();
  }

  /** Text made safe inside HTML elements and quoted attribute values. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static String statusCounts(List<RunResult> runs) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (RunStatus s : RunStatus.values()) {
      counts.put(s.id(), 0);
    }
    runs.forEach(r -> counts.merge(r.status().id(), 1, Integer::sum));
    StringBuilder out = new StringBuilder();
    counts.forEach(
        (status, n) -> {
          if (n > 0) {
            out.append(out.length() == 0 ? "" : ", ").append(status).append(": ").append(n);
          }
        });
    return out.toString();
  }

  private static boolean isNumber(String cell) {
    try {
      Double.parseDouble(cell);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String number(Double v) {
    return v == null ? "" : String.format(Locale.ROOT, "%.6g", v);
  }
}
