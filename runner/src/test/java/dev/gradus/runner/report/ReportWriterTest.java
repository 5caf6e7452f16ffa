package dev.gradus.runner.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.runner.RunResults;
import dev.gradus.runner.TestSuites;
import dev.gradus.runner.cli.Main;
import dev.gradus.runner.plan.Plan;
import dev.gradus.runner.plan.RunSpec;
import dev.gradus.runner.results.ResultsFolder;
import dev.gradus.runner.results.RunRecords;
import dev.gradus.runner.results.Summary;
import dev.gradus.runner.run.RunEngine;
import dev.gradus.runner.run.RunResult;
import dev.gradus.runner.run.RunStatus;
import dev.gradus.runner.suite.SuiteLoader;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
  static final String SUITE =
      """
      suite: report-test
      seed: 3
      repeats: 2
      budget:
        max_iterations: 150
      stop:
        target: 1.0e-8
      functions:
        - name: rosenbrock
          dim: 2
          start: [-1.2, 1.0]
        - name: rosenbrock
          dim: 3
        - name: bowl
          expression: "(x - 1)^2 + 3 * (y + 2)^2"
          start: {x: 0, y: 0}
          minimum: {f: 0, at: [[1, -2]]}
      optimizers:
        - name: gd
          lr: [1.0e-4, 1.0e-3, 1.0e-2]
        - name: adam
          lr: 0.05
        - name: lbfgs
      output:
        sharpness_every: 10
      """;

  @TempDir static Path dir;
  static Path results;
  static String html;

  @BeforeAll
  static void runTheSuite() throws Exception {
    Path suite = dir.resolve("suite.yaml");
    Files.writeString(suite, SUITE, StandardCharsets.UTF_8);
    results = dir.resolve("results");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            "run",
            suite.toString(),
            "--out",
            results.toString(),
            "--threads",
            "2",
            "-q");
    assertEquals(0, code, err.toString());
    assertTrue(
        out.toString().contains("report: " + results.resolve("report.html")), out.toString());
    html = Files.readString(results.resolve("report.html"), StandardCharsets.UTF_8);
  }

  private static List<Path> plots(String extension) throws Exception {
    try (Stream<Path> files = Files.list(results.resolve("plots"))) {
      return files.filter(p -> p.toString().endsWith(extension)).sorted().toList();
    }
  }

  @Test
  void everyKindOfPlotIsDrawnAsPngAndPdfNamedAfterItsFunction() throws Exception {
    List<String> names = new ArrayList<>();
    for (Path png : plots(".png")) {
      names.add(png.getFileName().toString().replace(".png", ""));
    }
    String f0 = "rosenbrock-dim2-start-1.2-1";
    String f1 = "rosenbrock-dim3-startdefault";
    assertTrue(
        names.containsAll(
            List.of(
                "convergence-iterations-" + f0,
                "convergence-evaluations-" + f0,
                "convergence-iterations-" + f1,
                "convergence-iterations-bowl",
                "paths-" + f0,
                "paths-bowl",
                "lr-" + f0,
                "lr-" + f1,
                "ecdf-" + f0,
                "ecdf-bowl",
                "ecdf",
                "sharpness-iterations-" + f0,
                "sharpness-iterations-bowl",
                "performance-profile",
                "data-profile")),
        names.toString());
    assertFalse(names.contains("paths-" + f1), "rosenbrock dim=3 has no contour picture");
    for (String name : names) {
      assertTrue(Files.exists(results.resolve("plots").resolve(name + ".pdf")), name);
    }
  }

  @Test
  void pdfsAreVectorWithTextAsText() throws Exception {
    for (Path pdf : plots(".pdf")) {
      String content = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1);
      assertTrue(content.startsWith("%PDF-"), pdf.toString());
      assertTrue(content.contains("/Helvetica"), pdf + " uses no text font");
      String page = inflatedStreams(Files.readAllBytes(pdf));
      assertTrue(page.contains("BT") && page.contains("Tj"), pdf + " shows no text");
      assertTrue(
          page.contains("(evaluations) Tj")
              || page.contains("(iterations) Tj")
              || page.contains("(share of problems) Tj")
              || page.contains("(lr) Tj")
              || page.contains("(x0) Tj")
              || page.contains("(x) Tj"),
          pdf + ": no axis title as text");
    }
  }

  /** Powers of ten as a log axis labels them: 1e-8 … 0.001 … 1000 … 1e6. */
  private static final java.util.regex.Pattern POWER_LABEL =
      java.util.regex.Pattern.compile("[(>](1e-?\\d+|0\\.0*1|1|10+)[)<]");

  @Test
  void logAxisTickLabelsAreTextNotOutlines() throws Exception {
    List<Path> convergence =
        plots(".pdf").stream()
            .filter(p -> p.getFileName().toString().startsWith("convergence-"))
            .toList();
    assertFalse(convergence.isEmpty());
    for (Path pdf : convergence) {
      String page = inflatedStreams(Files.readAllBytes(pdf));
      assertTrue(
          POWER_LABEL.matcher(page).results().filter(m -> page.startsWith(" Tj", m.end())).count()
              >= 3,
          pdf + ": the log axis' tick labels are not text");
      // glyph outlines are Bézier curves; a convergence plot draws none of its own
      assertFalse(page.contains(" c\n"), pdf + " draws curves: text as outlines");
    }
    for (Path svg : plots(".svg")) {
      if (svg.getFileName().toString().startsWith("convergence-")) {
        String text = Files.readString(svg);
        assertTrue(POWER_LABEL.matcher(text).results().count() >= 3, svg + ": no tick labels");
      }
    }
  }

  /** The page content of a PDF whose streams are deflated, as JFreePDF writes them. */
  private static String inflatedStreams(byte[] pdf) throws Exception {
    String raw = new String(pdf, StandardCharsets.ISO_8859_1);
    StringBuilder out = new StringBuilder();
    for (int at = raw.indexOf("stream\n"); at >= 0; at = raw.indexOf("stream\n", at + 1)) {
      if (at >= 3 && raw.startsWith("end", at - 3)) {
        continue;
      }
      int from = at + "stream\n".length();
      int to = raw.indexOf("endstream", from);
      java.util.zip.Inflater inflater = new java.util.zip.Inflater();
      inflater.setInput(java.util.Arrays.copyOfRange(pdf, from, to));
      byte[] buffer = new byte[1 << 20];
      int n = inflater.inflate(buffer);
      out.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
      inflater.end();
    }
    return out.toString();
  }

  @Test
  void svgsAreSmallAndKeepTheirText() throws Exception {
    List<Path> svgs = plots(".svg");
    assertTrue(
        svgs.stream().anyMatch(p -> p.getFileName().toString().startsWith("convergence-")),
        "convergence plots are small enough for an SVG: " + svgs);
    for (Path svg : svgs) {
      assertTrue(Files.size(svg) <= FigureFiles.MAX_SVG_BYTES, svg + ": " + Files.size(svg));
      assertTrue(Files.readString(svg).contains("<text"), svg + " draws its text as outlines");
    }
  }

  @Test
  void pngsDecodeAtTheChartSize() throws Exception {
    for (Path png : plots(".png")) {
      BufferedImage image = ImageIO.read(png.toFile());
      assertNotNull(image, png.toString());
      assertTrue(image.getWidth() >= FigureRenderer.PANEL_WIDTH, png.toString());
      assertTrue(image.getHeight() >= FigureRenderer.PANEL_HEIGHT, png.toString());
    }
  }

  @Test
  void svgsAreXml() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    for (Path svg : plots(".svg")) {
      assertTrue(Files.size(svg) > 0, svg.toString());
      var document = factory.newDocumentBuilder().parse(svg.toFile());
      assertEquals("svg", document.getDocumentElement().getNodeName(), svg.toString());
    }
  }

  @Test
  void theReportLinksEveryPlotFile() throws Exception {
    try (Stream<Path> files = Files.list(results.resolve("plots"))) {
      for (Path p : files.toList()) {
        String name = p.getFileName().toString();
        assertTrue(html.contains("href=\"plots/" + name + "\""), name);
      }
    }
    String own = html.replace(Assets.echarts(), "");
    assertFalse(own.contains("<img"), "charts are drawn in the page, not embedded as images");
  }

  @Test
  void theReportShowsTheNumbersOfSummaryCsv() throws Exception {
    List<String> lines = Files.readAllLines(results.resolve("summary.csv"));
    assertEquals(Summary.HEADER, lines.get(0));
    assertEquals(3 * 5, lines.size() - 1); // 3 functions × 5 optimizer configurations
    for (String line : lines.subList(1, lines.size())) {
      List<String> cells = ResultsFolder.csvCells(line);
      assertTrue(html.contains(">" + cells.get(0) + "." + cells.get(1) + "</td>"), line);
      for (String cell : cells.subList(4, cells.size())) {
        if (!cell.isEmpty()) {
          String value = NumberText.exact(Double.parseDouble(cell));
          assertTrue(html.contains(" data-v=\"" + value + "\""), cell + " of " + line);
        }
      }
    }
    assertTrue(
        html.contains("<td>rosenbrock dim=2 start=[-1.2,1]</td><td>gd lr=0.01</td>"),
        "a summary row");
  }

  @Test
  void everyFunctionHasItsSectionAndATableOfContentsEntry() {
    for (int f = 0; f < 3; f++) {
      assertTrue(html.contains("<section id=\"f" + f + "\" class=\"function\">"), "f" + f);
      assertTrue(html.contains("<a href=\"#f" + f + "\">"), "contents entry of f" + f);
      assertTrue(html.contains("<div class=\"chart\" id=\"convergence-f" + f + "\""), "f" + f);
      assertTrue(html.contains("<div class=\"chart\" id=\"ecdf-f" + f + "\""), "f" + f);
      assertTrue(html.contains("<div class=\"chart\" id=\"ert-f" + f + "\""), "f" + f);
      assertTrue(html.contains("id=\"summary-f" + f + "\""), "f" + f);
    }
    assertTrue(html.contains("<div class=\"chart\" id=\"lr-f0\""), "the gd lr sweep");
  }

  @Test
  void theAverageRuntimeChartShowsTheNumbersOfErtCsv() throws Exception {
    String open = "<script type=\"application/json\" id=\"gradus-data\">";
    int from = html.indexOf(open) + open.length();
    var charts =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(html.substring(from, html.indexOf("</script>", from)))
            .get("charts");
    Map<String, Double> chart = new java.util.HashMap<>();
    for (var c : charts) {
      if (c.get("kind").asText().equals("ert")) {
        int f = Integer.parseInt(c.get("id").asText().substring("ert-f".length()));
        int o = 0;
        for (var s : c.get("series")) {
          for (var p : s.get("points")) {
            double art = p.get(1).isNull() ? Double.POSITIVE_INFINITY : p.get(1).asDouble();
            chart.put(f + "," + o + "," + p.get(0).asDouble(), art);
          }
          o++;
        }
      }
    }
    List<String> lines = Files.readAllLines(results.resolve("tables/ert.csv"));
    assertEquals(lines.size() - 1, chart.size(), "a point per row of ert.csv");
    double[] ladder = dev.gradus.runner.analysis.Targets.coco();
    for (int row = 1; row < lines.size(); row++) {
      List<String> cells = ResultsFolder.csvCells(lines.get(row));
      double target = ladder[(row - 1) % ladder.length];
      assertEquals(Double.parseDouble(cells.get(4)), target, target * 1e-3, lines.get(row));
      double expected =
          cells.get(7).equals("inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(cells.get(7));
      double shown = chart.get(cells.get(0) + "," + cells.get(1) + "," + target);
      assertEquals(
          expected, shown, Double.isFinite(expected) ? expected * 1e-3 : 0, lines.get(row));
    }
  }

  @Test
  void theReportStaysSmall() throws Exception {
    long echarts = Assets.echarts().getBytes(StandardCharsets.UTF_8).length;
    long size = Files.size(results.resolve("report.html"));
    assertTrue(size - echarts < 300_000, "report.html without ECharts has " + (size - echarts));
  }

  @Test
  void aPlotByEvaluationsIsDrawnOnlyWhereItIsNotThePlotByIterationsMoved() throws Exception {
    // lbfgs makes several evaluations per iteration: the suite above has both plots for each
    // function; here every optimizer makes one, and the plot by evaluations would be a copy
    Path folder = dir.resolve("one-evaluation-per-iteration");
    String suite =
        "suite: one-each\nbudget: {max_iterations: 20}\nfunctions: [{name: sphere, dim: 2}]\n"
            + "optimizers: [{name: gd}, {name: adam}]\n";
    TestSuites.run(suite, folder, 1);
    ReportWriter.write(folder, null);
    try (Stream<Path> files = Files.list(folder.resolve("plots"))) {
      List<String> names = files.map(p -> p.getFileName().toString()).toList();
      assertTrue(names.contains("convergence-iterations-sphere-dim2.png"), names.toString());
      assertFalse(
          names.stream().anyMatch(n -> n.startsWith("convergence-evaluations")), names.toString());
    }
    assertTrue(Files.exists(results.resolve("plots/convergence-evaluations-bowl.png")));
  }

  /** Names are checked at load now; a CSV's column names are user text that reaches the page. */
  @Test
  void userTextIsEscaped() throws Exception {
    Path folder = dir.resolve("evil");
    Files.createDirectories(folder);
    String column = "<img src=x onerror=alert(1)>";
    Path csv = folder.resolve("evil.csv");
    Files.writeString(csv, column + ",y\n0,1\n1,3\n2,5\n");
    String suite =
        "suite: evil\nbudget: {max_iterations: 3}\nfunctions:\n  - name: linear-regression\n"
            + "    data: {csv: "
            + csv
            + ", x: [\""
            + column
            + "\"], y: y}\noptimizers: [{name: gd}]\n";
    TestSuites.run(suite, folder.resolve("out"), 1);
    String page = Files.readString(ReportWriter.write(folder.resolve("out"), null));
    assertFalse(page.contains("<img src=x"), "a column name reached the page as markup");
    assertTrue(page.contains("&lt;img src=x onerror=alert(1)&gt;"));
  }

  @Test
  void statusesAndTheErrorsOfDivergedRunsAreListed() throws Exception {
    List<RunResult> runs = new ArrayList<>();
    for (String line : Files.readAllLines(results.resolve("runs.jsonl"))) {
      runs.add(RunRecords.fromJson(line));
    }
    List<RunResult> diverged = runs.stream().filter(r -> r.status() == RunStatus.DIVERGED).toList();
    assertFalse(diverged.isEmpty(), "gd lr=0.01 diverges on rosenbrock from (-1.2, 1)");
    for (RunResult r : diverged) {
      assertTrue(html.contains(HtmlReport.escape(r.error())), r.error());
    }
    for (RunResult r : runs) {
      assertTrue(html.contains("<tr><td>" + HtmlReport.escape(r.runId()) + "</td>"), r.runId());
    }
  }

  @Test
  void aPathRunAgainEndsWhereTheRecordedRunEnded() throws Exception {
    Plan plan =
        TestSuites.gradus().planner().plan(new SuiteLoader().parse(SUITE, "suite.yaml", dir));
    RunEngine engine = new RunEngine(plan.rules());
    Map<String, RunResult> recorded = new java.util.HashMap<>();
    for (String line : Files.readAllLines(results.resolve("runs.jsonl"))) {
      RunResult r = RunRecords.fromJson(line);
      recorded.put(r.runId(), r);
    }
    for (RunSpec spec : plan.runs()) {
      if (spec.repeat() != 0 || spec.function().index() == 1) {
        continue;
      }
      RunResult r = recorded.get(spec.runId());
      List<double[]> path = Trajectories.path(engine, spec, Trajectories.MAX_POINTS);
      assertArrayEquals(r.xStart(), path.get(0), spec.runId());
      // iteration t sees x_t; the last iteration evaluates x_final without stepping
      assertEquals(r.iterations() + 1, path.size(), spec.runId());
      assertArrayEquals(r.xFinal(), path.get(path.size() - 1), spec.runId());
    }
  }

  @Test
  void reportRebuildsFromTheFolderWithTheKeptSuite() throws Exception {
    Path again = dir.resolve("again");
    Files.createDirectories(again);
    for (String file : List.of("runs.jsonl", "summary.csv", "suite.resolved.yaml", "suite.yaml")) {
      Files.copy(results.resolve(file), again.resolve(file));
    }
    Files.createDirectories(again.resolve("traces"));
    try (Stream<Path> traces = Files.list(results.resolve("traces"))) {
      for (Path t : traces.toList()) {
        Files.copy(t, again.resolve("traces").resolve(t.getFileName()));
      }
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new PrintWriter(out, true), new PrintWriter(err, true), "report", again.toString());
    assertEquals(0, code, err.toString());
    assertTrue(
        Files.exists(again.resolve("plots").resolve("paths-rosenbrock-dim2-start-1.2-1.png")),
        out.toString());
    assertTrue(Files.exists(again.resolve("report.html")));
  }

  @Test
  void withoutTheSuiteTheReportLeavesOutPathsAndSaysSo() throws Exception {
    Path bare = dir.resolve("bare");
    Files.createDirectories(bare.resolve("traces"));
    Files.copy(results.resolve("runs.jsonl"), bare.resolve("runs.jsonl"));
    Files.copy(results.resolve("summary.csv"), bare.resolve("summary.csv"));
    try (Stream<Path> traces = Files.list(results.resolve("traces"))) {
      for (Path t : traces.toList()) {
        Files.copy(t, bare.resolve("traces").resolve(t.getFileName()));
      }
    }
    Path report = ReportWriter.write(bare, null);
    String page = Files.readString(report);
    assertTrue(page.contains("Paths on contours need the suite"), "note");
    assertTrue(
        Files.exists(
            bare.resolve("plots")
                .resolve("convergence-iterations-rosenbrock-dim2-start-1.2-1.png")));
    assertFalse(
        Files.exists(bare.resolve("plots").resolve("paths-rosenbrock-dim2-start-1.2-1.png")));
  }

  @Test
  void errorMessagesAndLabelsAreEscapedInEveryTable() throws Exception {
    Path hand = dir.resolve("hand");
    Files.createDirectories(hand.resolve("traces"));
    String evil = "<script>alert(1)</script>";
    RunResult r =
        RunResults.sample()
            .run(0, "x", 0, "gd")
            .labels(evil, "gd " + evil)
            .hyperparameters(Map.of("lr", 0.1))
            .status(RunStatus.FAILED)
            .counts(0, 1)
            .points(null, null, null)
            .inDomain(null)
            .values(null, null)
            .distance(null, null)
            .error("IllegalStateException: " + evil, null)
            .build();
    Files.writeString(hand.resolve("runs.jsonl"), RunRecords.toJson(r) + "\n");
    Files.writeString(hand.resolve("summary.csv"), Summary.of(List.of(r)).toCsv());
    String page = Files.readString(ReportWriter.write(hand, null));
    assertEquals(3, page.split("<script", -1).length - 1, "only the page's own scripts");
    assertEquals(3, page.split("</script>", -1).length - 1, "only the page's own scripts");
    assertTrue(page.contains("IllegalStateException: &lt;script&gt;alert(1)&lt;/script&gt;"));
    assertTrue(page.contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>"), "summary label");
  }
}
