package dev.gradus.runner.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradus.runner.RunResults;
import dev.gradus.runner.results.ResultsFolder;
import dev.gradus.runner.run.RunResult;
import dev.gradus.runner.run.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page report.html is, without a browser: escaping, numbers, sections, offline-ness. */
class HtmlReportTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String EVIL = "</script><script>alert(\"x\")</script> it's <!-- & \u2028\u2029";

  @TempDir Path dir;

  /** A run of function 0 whose trace falls from 100 by a factor 10 per evaluation, or diverges. */
  private static RunResult run(int optimizer, int repeat, String label, RunStatus status) {
    return RunResults.sample()
        .run(0, "bowl", optimizer, "gd")
        .labels("bowl " + EVIL, label)
        .seed(repeat, repeat)
        .hyperparameters(Map.of("lr", 0.1 * (optimizer + 1)))
        .status(status)
        .counts(20_000, 20_000)
        .gaps(1e-8, 1e-8)
        .values(1e-8, 1e-8)
        .inDomain(true)
        .error(status == RunStatus.DIVERGED ? "diverged: f = " + EVIL : null, null)
        .build();
  }

  private static ResultsFolder.Trace trace(int rows, boolean diverges) {
    double[] it = new double[rows];
    double[] ev = new double[rows];
    double[] f = new double[rows];
    boolean[] in = new boolean[rows];
    for (int k = 0; k < rows; k++) {
      it[k] = k;
      ev[k] = k + 1;
      f[k] =
          diverges
              ? (k < 50 ? Math.pow(10, 2 + k * 5.0) : Double.POSITIVE_INFINITY)
              : 100 * Math.pow(0.999, k);
      in[k] = true;
    }
    return new ResultsFolder.Trace(it, ev, f, f.clone(), in);
  }

  private ResultsFolder folder() {
    List<RunResult> runs = new ArrayList<>();
    Map<String, ResultsFolder.Trace> traces = new LinkedHashMap<>();
    for (int repeat = 0; repeat < 3; repeat++) {
      RunResult good = run(0, repeat, "gd " + EVIL, RunStatus.BUDGET_EXHAUSTED);
      RunResult bad = run(1, repeat, "gd lr=0.2", RunStatus.DIVERGED);
      runs.add(good);
      runs.add(bad);
      traces.put(good.runId(), trace(20_000, false));
      traces.put(bad.runId(), trace(60, true));
    }
    return new ResultsFolder(dir, runs, traces, List.of(), "suite: " + EVIL + "\n");
  }

  private static ReportMetadata meta(String suite) {
    return new ReportMetadata(
        "2026-01-02T03:04:05Z",
        "host " + EVIL,
        "0.1.0",
        "0123456789abcdef0123456789abcdef01234567",
        "17",
        suite,
        "ab".repeat(32),
        null,
        Map.of("evil" + EVIL + ".jar", "cd".repeat(32)));
  }

  private String page() throws Exception {
    return HtmlReport.render(folder(), List.of("note " + EVIL), meta("suite " + EVIL));
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int k = text.indexOf(part); k >= 0; k = text.indexOf(part, k + 1)) {
      n++;
    }
    return n;
  }

  private static JsonNode data(String page) throws Exception {
    String open = "<script type=\"application/json\" id=\"gradus-data\">";
    int from = page.indexOf(open) + open.length();
    return JSON.readTree(page.substring(from, page.indexOf("</script>", from)));
  }

  @Test
  void suiteAndRunTextCannotEndTheScriptsOrAddMarkup() throws Exception {
    String page = page();
    // the page's own three scripts: the data, ECharts and the glue
    assertEquals(3, count(page, "<script"), "a <script> was injected");
    assertEquals(3, count(page, "</script>"), "a </script> was injected");
    assertFalse(page.contains("<!-- &"), "a comment was opened");
    assertFalse(page.contains("alert(\"x\")"), "quotes reached the markup unescaped");
    assertTrue(
        page.contains(
            "<title>Gradus report: suite &lt;/script&gt;&lt;script&gt;alert(&quot;x&quot;)"));
    assertTrue(page.contains("<dd>host &lt;/script&gt;"), "metadata");
    assertTrue(page.contains("evil&lt;/script&gt;"), "plugin jar");
    assertTrue(page.contains("diverged: f = &lt;/script&gt;"), "error");
    assertTrue(page.contains("<p class=\"note\">note &lt;/script&gt;"), "note");
    assertTrue(page.contains("<pre>suite: &lt;/script&gt;"), "resolved suite");
    assertTrue(page.contains("it&#39;s"), "apostrophes");
  }

  @Test
  void theEmbeddedDataIsJsonWithTheLabelsIntact() throws Exception {
    String page = page();
    String open = "<script type=\"application/json\" id=\"gradus-data\">";
    int from = page.indexOf(open) + open.length();
    String json = page.substring(from, page.indexOf("</script>", from));
    for (String forbidden : List.of("<", ">", "&", "\u2028", "\u2029", "NaN", "Infinity")) {
      assertFalse(json.contains(forbidden), forbidden + " in the embedded JSON");
    }
    JsonNode charts = data(page).get("charts");
    assertEquals("bowl " + EVIL + ": f − f* by evaluations", charts.get(1).get("title").asText());
    assertEquals("gd " + EVIL, charts.get(1).get("series").get(0).get("name").asText());
  }

  @Test
  void longTracesAreSampledAndDivergedMediansClippedAndMarked() throws Exception {
    JsonNode convergence = data(page()).get("charts").get(1);
    assertEquals("convergence", convergence.get("kind").asText());
    JsonNode x = convergence.get("x");
    assertTrue(x.size() <= ConvergenceChart.POINTS && x.size() > 100, "points: " + x.size());
    assertEquals(1, x.get(0).asDouble());
    assertEquals(20_000, x.get(x.size() - 1).asDouble());
    double yMax = convergence.get("yMax").asDouble();
    assertEquals(1e4, yMax, "two decades above the starting median 100");
    for (JsonNode s : convergence.get("series")) {
      for (String q : List.of("median", "lower", "upper")) {
        for (JsonNode v : s.get(q)) {
          assertTrue(v.isNull() || v.asDouble() <= yMax, s.get("name") + " " + q + " " + v);
        }
      }
    }
    JsonNode diverged = convergence.get("series").get(1);
    assertEquals(3, diverged.get("notResults").asInt());
    assertEquals(1, diverged.get("marks").size(), "one mark where the median leaves the axis");
    JsonNode mark = diverged.get("marks").get(0);
    assertEquals(yMax, mark.get(1).asDouble());
    assertTrue(mark.get(2).asDouble() > yMax, "the value it had: " + mark);
    assertEquals(0, convergence.get("series").get(0).get("marks").size());
    // one median and two quartile lines each, and the marks of the diverged one
    assertTrue(
        page().contains("id=\"convergence-f0\" data-kind=\"convergence\" data-series=\"7\""));
  }

  @Test
  void numbersShowThreeSignificantDigits() {
    Map<Double, String> cases = new LinkedHashMap<>();
    cases.put(24.199999999999996, "24.2");
    cases.put(3.860209093733344E-7, "3.86e-7");
    cases.put(0.0, "0");
    cases.put(0.1, "0.1");
    cases.put(0.00125, "0.00125");
    cases.put(0.000123456, "1.23e-4");
    cases.put(-0.000123456, "-1.23e-4");
    cases.put(999.96, "1000");
    cases.put(1234567.0, "1.23e6");
    cases.put(1e6, "1e6");
    cases.put(2.0, "2");
    cases.put(Double.POSITIVE_INFINITY, "∞");
    cases.put(Double.NaN, "");
    cases.forEach((v, text) -> assertEquals(text, NumberText.significant(v), "" + v));
    assertEquals("3.860209093733344E-7", NumberText.exact(3.860209093733344E-7));
    assertEquals("3", NumberText.exact(3.0));
    assertEquals(0.1235, NumberText.forChart(0.12345678));
    assertEquals(3.86e-7, NumberText.forChart(3.860209093733344E-7));
    assertEquals(1.235e200, NumberText.forChart(1.23456e200), 1e186);
    assertEquals(-24.2, NumberText.forChart(-24.199999999999996));
    assertEquals(4.9e-324, NumberText.forChart(4.9e-324));
  }

  @Test
  void numberCellsAreRightAlignedWithTheFullValueInATooltip() {
    HtmlTable t = new HtmlTable("t", List.of(new HtmlTable.Column("gap", "final_gap", true)));
    String html = t.number(3.860209093733344E-7).endRow().number(Double.NaN).endRow().html();
    assertTrue(
        html.contains(
            "<td class=\"n\" data-v=\"3.860209093733344E-7\" title=\"3.860209093733344E-7\">"
                + "3.86e-7</td>"),
        html);
    assertTrue(html.contains("<td class=\"n\" data-v=\"\" title=\"no value\"></td>"), html);
    assertTrue(html.contains("<th class=\"n\" data-type=\"number\""), html);
    assertTrue(html.contains("<div class=\"table-box\">"), "scrolls inside its box");
  }

  @Test
  void theStyleSheetKeepsTablesInsideTheirBoxAndNumbersAligned() {
    String css = Assets.style();
    assertTrue(css.contains(".table-box{max-width:100%;overflow-x:auto"), css);
    assertTrue(css.contains(".n{text-align:right;font-variant-numeric:tabular-nums}"), css);
    assertTrue(css.contains("max-width:1400px"), css);
  }

  @Test
  void metadataIsShown() throws Exception {
    String page = page();
    for (String expected :
        List.of(
            "<dt>suite SHA-256</dt><dd>" + "ab".repeat(32) + "</dd>",
            "<dt>written</dt><dd>2026-01-02T03:04:05Z</dd>",
            "<dt>Gradus</dt><dd>0.1.0, commit 0123456789abcdef0123456789abcdef01234567</dd>",
            "<dt>JDK</dt><dd>17</dd>",
            " sha256:" + "cd".repeat(32) + "</dd>",
            "<dt>runs</dt><dd>6 (budget_exhausted: 3, diverged: 3)</dd>")) {
      assertTrue(page.contains(expected), expected);
    }
  }

  @Test
  void theBuildRecordsItsCommit() {
    String commit = Assets.commit();
    if (Files.exists(Path.of("..", ".git"))) {
      assertTrue(
          commit.matches("[0-9a-f]{40}"), "the build of a checkout knows its commit: " + commit);
    } else {
      assertEquals("unknown", commit);
    }
  }

  @Test
  void thePageNeedsNoNetwork() throws Exception {
    String page = page();
    Matcher external =
        Pattern.compile("(?i)(src|href|action)\\s*=\\s*[\"']?\\s*(https?:)?//").matcher(page);
    assertFalse(external.find(), () -> "external reference: " + external.group());
    assertFalse(page.contains("<link"), "no style sheets to fetch");
    assertFalse(page.contains("@import"), "no style sheets to fetch");
    String own = page.replace(Assets.echarts(), "");
    assertFalse(own.contains("http://") || own.contains("https://"), "a URL outside ECharts");
    assertTrue(page.contains(Assets.echarts()), "ECharts is inlined");
  }

  @Test
  void plotFilesAreLinkedWhateverTheirNames() throws Exception {
    Path plots = Files.createDirectories(dir.resolve("plots"));
    for (String file :
        List.of("paths rosenbrock#2.png", "paths rosenbrock#2.pdf", "ecdf.png", "x.txt")) {
      Files.writeString(plots.resolve(file), "");
    }
    String page = page();
    assertTrue(page.contains("<a href=\"plots/paths%20rosenbrock%232.pdf\">PDF</a>"), page);
    assertTrue(page.contains("<a href=\"plots/paths%20rosenbrock%232.png\">PNG</a>"));
    assertTrue(page.contains("<a href=\"plots/ecdf.png\">PNG</a>"));
    assertFalse(page.contains("x.txt"));
  }

  @Test
  void aFolderWithoutTracesStillHasItsTables() throws Exception {
    ResultsFolder bare = new ResultsFolder(dir, folder().runs(), Map.of(), List.of(), "");
    String page = HtmlReport.render(bare, List.of(), meta("bare"));
    assertTrue(page.contains("No traces: no convergence chart."));
    assertTrue(page.contains("id=\"summary-table\""));
    assertNull(ConvergenceChart.of("c", bare.runs(), bare, new Style(bare.runs()), true));
  }

  @Test
  void firstHitsInOnePassAreEcdfsFirstHits() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(5);
    double[] targets = dev.gradus.runner.analysis.Targets.coco();
    for (int trial = 0; trial < 50; trial++) {
      int n = 1 + random.nextInt(300);
      double[] it = new double[n];
      double[] ev = new double[n];
      double[] gap = new double[n];
      boolean[] in = new boolean[n];
      for (int k = 0; k < n; k++) {
        it[k] = k;
        ev[k] = 2 * k + 1;
        gap[k] = random.nextInt(10) == 0 ? Double.NaN : Math.pow(10, 3 - 12 * random.nextDouble());
        in[k] = random.nextInt(8) != 0;
      }
      double[] masked = gap.clone();
      for (int k = 0; k < n; k++) {
        masked[k] = in[k] ? gap[k] : Double.NaN;
      }
      double[] hits =
          TargetHits.firstHits(new ResultsFolder.Trace(it, ev, gap.clone(), gap, in), targets);
      for (int t = 0; t < targets.length; t++) {
        assertEquals(
            Ecdf.firstHit(ev, masked, targets[t]), hits[t], "trial " + trial + " target " + t);
      }
    }
  }

  @Test
  void withoutAKnownMinimumTheChartShowsFAndThereIsNoEcdf() throws Exception {
    ResultsFolder withGaps = folder();
    Map<String, ResultsFolder.Trace> traces = new LinkedHashMap<>();
    withGaps
        .traces()
        .forEach(
            (id, t) -> {
              double[] none = new double[t.f().length];
              java.util.Arrays.fill(none, Double.NaN);
              double[] f = t.f().clone();
              for (int k = 0; k < f.length; k++) {
                f[k] -= 50; // some f <= 0: a linear axis
              }
              traces.put(
                  id,
                  new ResultsFolder.Trace(t.iteration(), t.evaluations(), f, none, t.inDomain()));
            });
    ResultsFolder folder = new ResultsFolder(dir, withGaps.runs(), traces, List.of(), "");
    String page = HtmlReport.render(folder, List.of(), meta("no-minimum"));
    assertTrue(page.contains("No known minimum f*: no ECDF of runtimes to targets."));
    JsonNode charts = data(page).get("charts");
    List<String> kinds = new java.util.ArrayList<>();
    charts.forEach(c -> kinds.add(c.get("kind").asText()));
    assertEquals(
        List.of("convergence", "profile", "profile"),
        kinds,
        "the convergence chart and the profiles, which need no f*");
    JsonNode convergence = charts.get(0);
    assertEquals("f", convergence.get("yName").asText());
    assertFalse(convergence.get("yLog").asBoolean());
    double yMax = convergence.get("yMax").asDouble();
    assertEquals(50 + 10 * 100, yMax, 1, "from 50 down to nearly -50: ten spans above the start");
    assertEquals(1, convergence.get("series").get(1).get("marks").size(), "the diverged median");
  }

  @Test
  void logGridsAreIncreasingIntegersFromEndToEnd() {
    double[] grid = LogGrid.integers(1, 20_000, 200);
    assertTrue(grid.length <= 200 && grid.length > 150, "" + grid.length);
    assertEquals(1, grid[0]);
    assertEquals(20_000, grid[grid.length - 1]);
    for (int k = 1; k < grid.length; k++) {
      assertTrue(grid[k] > grid[k - 1] && grid[k] == Math.rint(grid[k]));
    }
    assertEquals(1, LogGrid.integers(1, 1, 200).length);
  }

  @Test
  void convergenceChartsShowFItselfWhenTheSuiteAsks() throws Exception {
    String gap = HtmlReport.render(folder(), List.of(), meta("gap"));
    dev.gradus.runner.plan.ReportRules f =
        new dev.gradus.runner.plan.ReportRules(
            dev.gradus.runner.plan.ReportRules.Convergence.F,
            dev.gradus.runner.plan.ReportRules.EcdfAxis.EVALUATIONS,
            2,
            -8,
            0.2,
            1e-3);
    String plain = HtmlReport.render(folder(), List.of(), meta("f"), f);
    assertTrue(gap.contains("\"yName\":\"f − f*\""), "the default shows the gap");
    assertFalse(plain.contains("\"yName\":\"f − f*\""), "report.convergence: f shows f");
    assertTrue(plain.contains("\"yName\":\"f\""));
  }

  @Test
  void theProfilesOfThePageAreTheStaticPlotsStaircases() throws Exception {
    ResultsFolder folder = folder();
    JsonNode charts = data(HtmlReport.render(folder, List.of(), meta("profiles"))).get("charts");
    List<PlotKind.Drawing> drawn =
        new ProfilePlots()
            .draw(
                new PlotKind.Input(
                    folder,
                    null,
                    dev.gradus.runner.plan.ReportRules.DEFAULTS,
                    PlotNames.slugs(folder.runs())));
    for (PlotKind.Drawing d : drawn) {
      JsonNode chart = null;
      for (JsonNode c : charts) {
        if (c.get("id").asText().equals(d.plot().name())) {
          chart = c;
        }
      }
      assertTrue(chart != null, d.plot().name() + " is on the page");
      List<Figure.Line> lines =
          d.figure().panels().get(0).lines().stream()
              .filter(l -> l.kind() == Figure.Kind.MAIN)
              .toList();
      assertEquals(lines.size(), chart.get("series").size());
      for (int s = 0; s < lines.size(); s++) {
        JsonNode points = chart.get("series").get(s).get("points");
        assertEquals(lines.get(s).x().length, points.size());
        for (int k = 0; k < points.size(); k++) {
          assertEquals(lines.get(s).x()[k], points.get(k).get(0).asDouble(), 0);
          assertEquals(lines.get(s).y()[k], points.get(k).get(1).asDouble(), 1e-3);
        }
      }
    }
  }
}
