package dev.gradus.runner.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradus.runner.TestSuites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html in a real browser: headless Chromium opens the page from disk, and the tests check
 * that every chart rendered with its series, that legends toggle series, that tables sort and
 * filter, that the page fits a 1400 px window, loads nothing but itself and logs no error. Fails,
 * saying how to install it, when Chromium is missing.
 */
class ReportInBrowserTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static HeadlessChromium browser;
  static Path report;
  static int drawnAtLoad;

  @BeforeAll
  static void openTheReport() throws Exception {
    HeadlessChromium.executable();
    Path results = dir.resolve("results");
    TestSuites.run(ReportWriterTest.SUITE, results, 2);
    report = ReportWriter.write(results, TestSuites.plan(ReportWriterTest.SUITE));
    Path profile = Files.createDirectories(dir.resolve("profile"));
    browser = HeadlessChromium.launch(profile, 1400, 900);
    browser.navigate(report.toUri().toString());
    browser.waitFor("window.gradusReady === true");
    drawnAtLoad =
        browser
            .evaluate(
                "Array.from(document.querySelectorAll('.chart')).filter(function (el) {"
                    + " return echarts.getInstanceByDom(el); }).length")
            .asInt();
  }

  @AfterAll
  static void closeTheBrowser() throws Exception {
    if (browser != null) {
      try {
        Path shot = Path.of("target", "report-in-browser.png");
        if (Files.isDirectory(shot.getParent())) {
          Files.write(shot, browser.screenshot()); // for a person to look at after a failure
        }
      } finally {
        browser.close();
      }
    }
  }

  private static JsonNode page(String expression) throws Exception {
    return JSON.readTree(browser.evaluate("JSON.stringify(" + expression + ")").asText());
  }

  /** Scrolls chart {@code id} into view and waits until it is drawn: charts are drawn lazily. */
  private static void drawn(String id) throws Exception {
    browser.evaluate("document.getElementById('" + id + "').scrollIntoView()");
    browser.waitFor("echarts.getInstanceByDom(document.getElementById('" + id + "'))");
  }

  @Test
  void everyChartRendersItsSeriesOnACanvas() throws Exception {
    JsonNode all =
        page(
            "Array.from(document.querySelectorAll('.chart')).map(function (el) {"
                + " return el.id; })");
    assertTrue(all.size() >= 12, all.toString());
    assertTrue(
        drawnAtLoad > 0 && drawnAtLoad < all.size(),
        "charts far below the view are drawn when they come near it: " + drawnAtLoad);
    for (JsonNode id : all) {
      drawn(id.asText());
    }
    JsonNode charts =
        page(
            "Array.from(document.querySelectorAll('.chart')).map(function (el) {"
                + " var c = echarts.getInstanceByDom(el);"
                + " var canvas = el.querySelector('canvas');"
                + " var painted = 0;"
                + " if (canvas) { var d = canvas.getContext('2d')"
                + "   .getImageData(0, 0, canvas.width, canvas.height).data;"
                + "   for (var i = 3; i < d.length; i += 4 * 97) { painted += d[i] > 0 ? 1 : 0; } }"
                + " return {id: el.id, kind: el.dataset.kind, expected: Number(el.dataset.series),"
                + "  instance: Boolean(c), series: c ? c.getOption().series.length : -1,"
                + "  legend: c ? c.getOption().legend[0].data.length : -1,"
                + "  width: canvas ? canvas.width : 0, height: canvas ? canvas.height : 0,"
                + "  painted: painted}; })");
    List<String> ids = new ArrayList<>();
    for (JsonNode c : charts) {
      String id = c.get("id").asText();
      ids.add(id);
      assertTrue(c.get("instance").asBoolean(), id + " has no ECharts instance");
      assertTrue(c.get("width").asInt() > 300 && c.get("height").asInt() > 200, c.toString());
      assertTrue(c.get("painted").asInt() > 50, id + " drew nearly nothing: " + c);
      assertTrue(c.get("expected").asInt() > 0, c.toString());
      assertEquals(c.get("expected").asInt(), c.get("series").asInt(), id);
      // the suite has five optimizer configurations; lr lines exist for the swept gd only
      int legend = c.get("kind").asText().equals("lr") ? 1 : 5;
      assertEquals(legend, c.get("legend").asInt(), id + " legend entries");
    }
    for (int f = 0; f < 3; f++) {
      assertTrue(ids.contains("convergence-f" + f), ids.toString());
    }
    assertTrue(
        ids.containsAll(List.of("ecdf-all", "ecdf-f0", "ecdf-f1", "ecdf-f2")), ids.toString());
    assertTrue(ids.containsAll(List.of("ert-f0", "ert-f1", "ert-f2", "lr-f0")), ids.toString());
    assertTrue(
        ids.containsAll(List.of("sharpness-f0", "sharpness-f1", "sharpness-f2")), ids.toString());
  }

  @Test
  void aLegendEntryTogglesItsSeries() throws Exception {
    drawn("convergence-f0");
    JsonNode states =
        page(
            "(function () { var c = echarts.getInstanceByDom(document.getElementById("
                + "'convergence-f0'));"
                + " var name = c.getOption().legend[0].data[0];"
                + " var states = [];"
                + " var state = function () { var s = c.getOption().legend[0].selected;"
                + "   return !(s && s[name] === false); };"
                + " states.push(state());"
                + " c.dispatchAction({type: 'legendToggleSelect', name: name}); states.push(state());"
                + " c.dispatchAction({type: 'legendToggleSelect', name: name}); states.push(state());"
                + " return states; })()");
    assertEquals("[true,false,true]", states.toString());
  }

  @Test
  void theTooltipShowsValuesAndTheSliderZooms() throws Exception {
    drawn("convergence-f2");
    JsonNode result =
        page(
            "(function () { var el = document.getElementById('convergence-f2');"
                + " var c = echarts.getInstanceByDom(el);"
                + " c.dispatchAction({type: 'showTip', seriesIndex: 0, dataIndex: 3});"
                + " var tip = Array.from(el.querySelectorAll('div')).map(function (d) {"
                + "   return d.innerText; }).join(' ');"
                + " c.dispatchAction({type: 'dataZoom', start: 50, end: 100});"
                + " var zoom = c.getOption().dataZoom.map(function (z) { return z.start; });"
                + " c.dispatchAction({type: 'dataZoom', start: 0, end: 100});"
                + " return {tip: tip, zoom: zoom}; })()");
    String tip = result.get("tip").asText();
    assertTrue(tip.contains("evaluations") && tip.contains("adam lr=0.05: "), tip);
    assertEquals("[50,50]", result.get("zoom").toString());
  }

  @Test
  void clickingAHeaderSortsTheTable() throws Exception {
    String column =
        "(function (label) { var th = Array.from(document.querySelectorAll("
            + "'#summary-table thead th')).find(function (t) { return t.textContent === label; });"
            + " return Array.prototype.indexOf.call(th.parentNode.children, th); })('final gap')";
    int index = browser.evaluate(column).asInt();
    String keys =
        "Array.from(document.querySelectorAll('#summary-table tbody tr')).map(function (r) {"
            + " return r.cells[0].textContent; })";
    String values =
        "Array.from(document.querySelectorAll('#summary-table tbody tr')).map(function (r) {"
            + " return r.cells["
            + index
            + "].getAttribute('data-v'); })";
    JsonNode before = page(keys);
    browser.evaluate("document.querySelectorAll('#summary-table thead th')[" + index + "].click()");
    assertSorted(page(values), true);
    JsonNode ascending = page(keys);
    assertNotEquals(before, ascending, "sorting by final gap reorders the rows");
    browser.evaluate("document.querySelectorAll('#summary-table thead th')[" + index + "].click()");
    assertSorted(page(values), false);
    assertEquals(
        "descending",
        browser
            .evaluate(
                "document.querySelectorAll('#summary-table thead th')["
                    + index
                    + "].getAttribute('aria-sort')")
            .asText());
  }

  /** Numbers in order; rows without a value last either way. */
  private static void assertSorted(JsonNode values, boolean ascending) {
    boolean empty = false;
    Double previous = null;
    for (JsonNode v : values) {
      if (v.asText().isEmpty()) {
        empty = true;
        continue;
      }
      assertFalse(empty, "a row without a value before one with: " + values);
      double x = Double.parseDouble(v.asText());
      if (previous != null) {
        assertTrue(ascending ? previous <= x : previous >= x, values.toString());
      }
      previous = x;
    }
    assertTrue(previous != null, "no values: " + values);
  }

  @Test
  void theFilterBoxHidesRowsThatDoNotMatch() throws Exception {
    JsonNode shown =
        page(
            "(function () { var box = document.querySelector('input[data-table=\"summary-table\"]');"
                + " box.value = 'adam'; box.dispatchEvent(new Event('input'));"
                + " var rows = Array.from(document.querySelectorAll('#summary-table tbody tr'))"
                + "   .filter(function (r) { return !r.hidden; })"
                + "   .map(function (r) { return r.textContent; });"
                + " box.value = ''; box.dispatchEvent(new Event('input'));"
                + " return rows; })()");
    assertEquals(3, shown.size(), shown.toString());
    shown.forEach(r -> assertTrue(r.asText().contains("adam"), r.asText()));
  }

  @Test
  void thePageFitsA1400PixelWindow() throws Exception {
    assertEquals(
        "true",
        browser.evaluate("document.documentElement.scrollWidth <= window.innerWidth").asText(),
        "the page scrolls sideways");
  }

  @Test
  void thePageLoadsNothingButItselfAndLogsNoError() throws Exception {
    String self = report.toUri().toString();
    assertTrue(browser.requests().contains(self), "requests are recorded: " + browser.requests());
    for (String url : browser.requests()) {
      assertTrue(url.equals(self) || url.startsWith("data:"), "the page loaded " + url);
    }
    assertEquals(List.of(), browser.errors());
  }
}
