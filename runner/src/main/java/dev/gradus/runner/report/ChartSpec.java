package dev.gradus.runner.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One interactive chart of report.html: the data its ECharts options are built from in the page.
 * Statistics are all computed here in Java; the page's script only maps them onto options.
 *
 * @param id the id of the chart's element in the page
 * @param kind {@code convergence}, {@code ecdf}, {@code ert}, {@code lr}, {@code profile} or {@code
 *     sharpness}: which option builder of report.js draws it
 * @param series how many ECharts series the page draws from {@code data} (lines, bands and marks of
 *     all legend entries), which the browser test checks against the rendered chart
 * @param data the chart's JSON object: {@code id}, {@code kind}, {@code title} and what its kind
 *     needs
 */
record ChartSpec(String id, String kind, String title, int series, Map<String, Object> data) {
  /** A chart's data object begun with its id, kind and title; the chart class adds the rest. */
  static Map<String, Object> data(String id, String kind, String title) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("id", id);
    data.put("kind", kind);
    data.put("title", title);
    return data;
  }

  /** The chart of a data object made by {@link #data}, drawn as {@code series} ECharts series. */
  static ChartSpec of(Map<String, Object> data, int series) {
    return new ChartSpec(
        (String) data.get("id"),
        (String) data.get("kind"),
        (String) data.get("title"),
        series,
        data);
  }

  /** A series' object begun with its legend name and look; the chart class adds its points. */
  static Map<String, Object> series(String name, Style.Look look) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("name", name);
    s.put("colour", look.colour());
    s.put("dash", look.dash());
    return s;
  }
}
