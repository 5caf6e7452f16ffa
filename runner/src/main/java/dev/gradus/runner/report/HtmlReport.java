package dev.gradus.runner.report;

import dev.gradus.runner.plan.ReportRules;
import dev.gradus.runner.results.ResultsFolder;
import dev.gradus.runner.results.Summary;
import dev.gradus.runner.run.RunResult;
import dev.gradus.runner.run.RunStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code report.html}: one interactive page that opens offline, with ECharts inlined. At the top
 * the run's metadata and a table of contents; then the summary table, the ECDF over all functions,
 * one section per function configuration (its summary rows, the convergence chart, the ECDF of
 * runtimes to targets, the average runtime to each target and, for learning-rate sweeps, the lr
 * sensitivity), the diverged, failed and timed-out runs with their errors, every run, links to the
 * files in {@code plots/} and the resolved suite.
 *
 * <p>Statistics come from their own units ({@link Bands}, {@link Ecdf}, {@link LrSensitivity},
 * {@link Summary}, aRT and the target ladder of the analysis package); the page's script only turns
 * the embedded JSON into chart options and sorts and filters tables. Every text that comes from a
 * suite or a run is escaped: HTML-escaped in the markup, and {@link ScriptJson} in the embedded
 * data.
 */
final class HtmlReport {
  private HtmlReport() {}

  /**
   * The page for a results folder whose plots are already in {@code plots/}.
   *
   * @param notes remarks shown with the plot files, such as why some plots are missing
   * @throws IOException if {@code plots/} cannot be listed
   */
  static String render(
      String suiteName,
      ResultsFolder results,
      List<String> notes,
      ReportRules rules,
      List<PlotKind.Drawing> profiles)
      throws IOException {
    return render(results, notes, ReportMetadata.collect(suiteName, results), rules, profiles);
  }

  /** The page, with the given metadata and the default report rules. */
  static String render(ResultsFolder results, List<String> notes, ReportMetadata meta)
      throws IOException {
    return render(results, notes, meta, ReportRules.DEFAULTS);
  }

  /** The page, with the given metadata and rules, its profiles drawn here. */
  static String render(
      ResultsFolder results, List<String> notes, ReportMetadata meta, ReportRules rules)
      throws IOException {
    PlotKind.Input input =
        new PlotKind.Input(results, null, rules, PlotNames.slugs(results.runs()));
    return render(results, notes, meta, rules, new ProfilePlots().draw(input));
  }

  /**
   * The page, with the given metadata; {@code rules} choose f or f − f* for convergence, and {@code
   * profiles} are {@link ProfilePlots}' drawings of these results, shown as they are.
   */
  static String render(
      ResultsFolder results,
      List<String> notes,
      ReportMetadata meta,
      ReportRules rules,
      List<PlotKind.Drawing> profiles)
      throws IOException {
    boolean gapWanted = rules.convergence() == ReportRules.Convergence.GAP;
    List<RunResult> runs = results.runs();
    Style style = new Style(runs);
    Summary summary = Summary.of(runs);
    Map<Integer, List<RunResult>> byFunction = Groups.byFunction(runs);
    List<ChartSpec> charts = new ArrayList<>();
    // the ladder of tables/ert.csv and of the static ECDFs
    TargetHits hits = new TargetHits(results, rules.targets());

    StringBuilder body = new StringBuilder();
    StringBuilder toc = new StringBuilder();
    toc.append("<li><a href=\"#run\">Run</a></li>\n<li><a href=\"#summary\">Summary</a></li>\n");

    body.append("<section id=\"run\">\n<h2>Run</h2>\n").append(metadata(meta, runs));
    body.append("</section>\n");

    body.append("<section id=\"summary\">\n<h2>Summary</h2>\n<p class=\"note\">")
        .append("One row per function and optimizer configuration, as in summary.csv. Gaps are")
        .append(" f − f*; medians and interquartile ranges (IQR) over the converged and")
        .append(" budget-exhausted runs (the final gap also leaves out runs ending outside the")
        .append(" domain). Click a header to sort; hover a number for its full value.</p>\n")
        .append(ReportTables.summary("summary-table", summary.rows(), true))
        .append("</section>\n");

    String tuning = tuningSection(results);
    if (!tuning.isEmpty()) {
      toc.append("<li><a href=\"#tuning\">Tuning</a></li>\n");
      body.append(tuning);
    }

    ChartSpec pooled =
        EcdfChart.of(
            "ecdf-all",
            "ECDF of runtimes to targets, all functions with a known minimum",
            runs,
            hits,
            style);
    if (pooled != null) {
      charts.add(pooled);
      toc.append("<li><a href=\"#all-functions\">All functions</a></li>\n");
      body.append("<section id=\"all-functions\">\n<h2>All functions</h2>\n")
          .append(figure(pooled, ecdfCaption(pooled)))
          .append("</section>\n");
    }

    toc.append("<li>Functions<ol>\n");
    for (Map.Entry<Integer, List<RunResult>> e : byFunction.entrySet()) {
      int f = e.getKey();
      List<RunResult> own = e.getValue();
      String label = own.get(0).functionLabel();
      String anchor = "f" + f;
      toc.append("<li><a href=\"#")
          .append(anchor)
          .append("\">")
          .append(escape(label))
          .append("</a></li>\n");
      body.append("<section id=\"").append(anchor).append("\" class=\"function\">\n<h2>");
      body.append("<span class=\"index\">").append(f).append("</span> ").append(escape(label));
      body.append("</h2>\n");
      List<Summary.Row> rows = summary.rows().stream().filter(r -> r.functionIndex() == f).toList();
      body.append(ReportTables.summary("summary-f" + f, rows, false));
      ChartSpec convergence =
          ConvergenceChart.of("convergence-f" + f, own, results, style, gapWanted);
      if (convergence != null) {
        charts.add(convergence);
        body.append(
            figure(
                convergence,
                "Median over each configuration's runs (all statuses; a diverged run counts as"
                    + " worse than any other) with the quartiles as thin lines, sampled at"
                    + " log-spaced evaluation counts. Values off the top of the axis are drawn at"
                    + " its edge; ▲ marks where a median left it. Click a legend entry to hide it;"
                    + " drag the slider or scroll to zoom."));
      } else {
        body.append("<p class=\"note\">No traces: no convergence chart.</p>\n");
      }
      ChartSpec ecdf =
          EcdfChart.of("ecdf-f" + f, label + ": ECDF of runtimes to targets", own, hits, style);
      if (ecdf != null) {
        charts.add(ecdf);
        body.append(figure(ecdf, ecdfCaption(ecdf)));
      } else {
        body.append("<p class=\"note\">No known minimum f*: no ECDF of runtimes to targets.</p>\n");
      }
      ChartSpec art = ErtChart.of("ert-f" + f, own, hits, style);
      if (art != null) {
        charts.add(art);
        body.append(
            figure(
                art,
                "Average runtime (evaluations of all runs until they first reached the target,"
                    + " or until they ended, over the number that reached it) to each target of"
                    + " COCO's ladder, as in tables/ert.csv; the tooltip has the 95% bootstrap"
                    + " interval. No point where no run reached the target."));
      }
      ChartSpec lr = LrChart.of("lr-f" + f, own, style, gapWanted);
      if (lr != null) {
        charts.add(lr);
        body.append(
            figure(
                lr,
                "Median final value of the converged and budget-exhausted runs ending in the"
                    + " domain, per learning rate, for optimizers whose configurations differ"
                    + " only in lr."));
      }
      ChartSpec sharpness = SharpnessChart.of("sharpness-f" + f, own, results, style);
      if (sharpness != null) {
        charts.add(sharpness);
        body.append(
            figure(
                sharpness,
                "Median over each configuration's runs of the Hessian's largest eigenvalue"
                    + " (Lanczos on Hessian-vector products, output.sharpness_every), with 2/lr"
                    + " dashed: gradient descent is unstable along directions curved more than"
                    + " 2/lr, so a line that reaches its dashed one is at the edge of"
                    + " stability."));
      }
      body.append("</section>\n");
    }
    toc.append("</ol></li>\n");
    toc.append("<li><a href=\"#profiles\">Profiles</a></li>\n");
    body.append("<section id=\"profiles\">\n<h2>Performance and data profiles</h2>\n");
    for (PlotKind.Drawing d : profiles) {
      ChartSpec chart = ProfileChart.of(d.plot().name(), d, style);
      charts.add(chart);
      body.append(figure(chart, profileCaption(d)));
    }
    body.append("</section>\n");

    toc.append("<li><a href=\"#problems\">Diverged, failed and timed-out runs</a></li>\n")
        .append("<li><a href=\"#runs\">Runs</a></li>\n")
        .append("<li><a href=\"#plots\">Plot files</a></li>\n")
        .append("<li><a href=\"#suite\">Suite</a></li>\n");
    body.append(ReportTables.problems(runs)).append(ReportTables.runs(runs));
    body.append(PlotFiles.section(results.layout().plots(), notes));
    body.append("<section id=\"suite\">\n<h2>Suite (suite.resolved.yaml)</h2>\n");
    if (results.resolvedSuite().isEmpty()) {
      body.append("<p>No suite.resolved.yaml in this folder.</p>\n");
    } else {
      body.append("<pre>").append(escape(results.resolvedSuite())).append("</pre>\n");
    }
    body.append("</section>\n");

    Map<String, Object> data = new LinkedHashMap<>();
    data.put("charts", charts.stream().map(ChartSpec::data).toList());

    StringBuilder h = new StringBuilder(Assets.echarts().length() + body.length() + 100_000);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    h.append("<title>Gradus report: ").append(escape(meta.suite())).append("</title>\n");
    h.append("<style>\n").append(Assets.style()).append("</style>\n</head>\n<body>\n");
    h.append("<header>\n<h1>Suite ").append(escape(meta.suite())).append("</h1>\n");
    h.append("<p class=\"lede\">")
        .append(runs.size())
        .append(" runs: ")
        .append(escape(statusCounts(runs)))
        .append(". Written ")
        .append(escape(meta.date()))
        .append(" by Gradus ")
        .append(escape(meta.version()))
        .append(".</p>\n</header>\n");
    h.append("<nav id=\"contents\" aria-label=\"Contents\">\n<h2>Contents</h2>\n<ol>\n")
        .append(toc)
        .append("</ol>\n</nav>\n<main>\n")
        .append(body)
        .append("</main>\n");
    h.append("<script type=\"application/json\" id=\"gradus-data\">")
        .append(ScriptJson.of(data))
        .append("</script>\n");
    h.append("<script>\n").append(Assets.echarts()).append("\n</script>\n");
    h.append("<script>\n").append(Assets.script()).append("</script>\n</body>\n</html>\n");
    return h.toString();
  }

  private static String figure(ChartSpec chart, String caption) {
    return "<figure class=\"chart-figure\"><div class=\"chart\" id=\""
        + chart.id()
        + "\" data-kind=\""
        + chart.kind()
        + "\" data-series=\""
        + chart.series()
        + "\" role=\"img\" aria-label=\""
        + escape(chart.title())
        + "\"></div>\n<figcaption>"
        + escape(caption)
        + "</figcaption></figure>\n";
  }

  private static String profileCaption(PlotKind.Drawing d) {
    String about = d.figure().panels().get(0).note();
    return d.plot().name().startsWith("performance")
        ? "Dolan and Moré's performance profile: for each configuration, the share of problems it"
            + " solved within a factor alpha of the fewest evaluations any configuration needed; "
            + about
            + "."
        : "Moré and Wild's data profile: the share of problems each configuration solved within"
            + " kappa simplex gradients (evaluations / (dimension + 1)); "
            + about
            + ".";
  }

  private static String ecdfCaption(ChartSpec chart) {
    return "Share of (run, target) pairs reached within a number of evaluations, for the "
        + chart.data().get("targets")
        + " targets f − f* ≤ 10², 10^1.8, …, 10⁻⁸ (COCO's ladder); a row outside the domain"
        + " reaches none, a diverged or failed run counts with the targets it reached before.";
  }

  private static String metadata(ReportMetadata meta, List<RunResult> runs) {
    StringBuilder h = new StringBuilder("<dl class=\"meta\">\n");
    item(h, "suite", meta.suite());
    item(
        h,
        "suite SHA-256",
        meta.suiteSha256() == null ? "not recorded (no plan.json)" : meta.suiteSha256());
    if (meta.shard() != null) {
      item(h, "shard", meta.shard());
    }
    item(h, "runs", runs.size() + " (" + statusCounts(runs) + ")");
    item(h, "written", meta.date());
    item(h, "host", meta.host());
    item(h, "Gradus", meta.version() + ", commit " + meta.commit());
    item(h, "JDK", meta.jdk());
    if (meta.plugins() == null) {
      item(h, "plugin jars", "not recorded");
    } else if (meta.plugins().isEmpty()) {
      item(h, "plugin jars", "none");
    } else {
      StringBuilder jars = new StringBuilder();
      new TreeMap<>(meta.plugins())
          .forEach(
              (jar, sha) ->
                  jars.append(jars.length() == 0 ? "" : "; ")
                      .append(jar)
                      .append(" sha256:")
                      .append(sha));
      item(h, "plugin jars", jars.toString());
    }
    return h.append("</dl>\n").toString();
  }

  private static void item(StringBuilder h, String term, String value) {
    h.append("<dt>")
        .append(escape(term))
        .append("</dt><dd>")
        .append(escape(value))
        .append("</dd>\n");
  }

  /** Text made safe inside HTML elements and quoted attribute values. */
  /**
   * A tuned suite's {@code tables/tuning.csv} as a table: what each winner is and what it bought
   * over the defaults; empty for a suite without tuning.
   */
  private static String tuningSection(ResultsFolder results) throws IOException {
    java.nio.file.Path file =
        results.layout().table(dev.gradus.runner.results.ResultsLayout.TUNING_CSV);
    if (!java.nio.file.Files.isRegularFile(file)) {
      return "";
    }
    List<String> lines =
        java.nio.file.Files.readAllLines(file, java.nio.charset.StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder("<section id=\"tuning\">\n<h2>Tuning</h2>\n");
    out.append("<p class=\"note\">Each tuned configuration's winning trial on each function,")
        .append(" picked on the tuning seeds (tuning/trials.csv has every trial), then run on")
        .append(" fresh seeds next to the same configuration at its defaults. Medians of the")
        .append(" metric; p is the two-sided rank-sum test of tuned against defaults.</p>\n")
        .append("<div class=\"table-box\"><table id=\"tuning-table\">\n<thead><tr>");
    String[] shown = {
      "function", "tuned", "trial", "values", "metric", "tuning", "tuned", "defaults", "p"
    };
    int[] columns = {1, 2, 4, 5, 6, 7, 8, 9, 10};
    for (String h : shown) {
      out.append("<th>").append(h).append("</th>");
    }
    out.append("</tr></thead>\n<tbody>\n");
    for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
      if (line.isEmpty()) {
        continue;
      }
      List<String> cells = dev.gradus.runner.results.ResultsFolder.csvCells(line);
      out.append("<tr>");
      for (int c : columns) {
        String cell = c < cells.size() ? cells.get(c) : "";
        if (c >= 7 && !cell.isEmpty()) {
          cell = NumberText.significant(Double.parseDouble(cell));
        }
        out.append("<td>").append(escape(cell.isEmpty() ? "–" : cell)).append("</td>");
      }
      out.append("</tr>\n");
    }
    return out.append("</tbody>\n</table></div>\n</section>\n").toString();
  }

  static String escape(String text) {
    return dev.gradus.runner.results.TableText.html(text);
  }

  static String statusCounts(List<RunResult> runs) {
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
    return out.length() == 0 ? "none" : out.toString();
  }
}
