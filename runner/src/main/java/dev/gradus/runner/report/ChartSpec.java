package dev.gradus.runner.report;

import java.util.Map;

/**
 * One interactive chart of report.html: the data its ECharts options are built from in the page.
 * Statistics are all computed here in Java; the page's script only maps them onto options.
 *
 * @param id the id of the chart's element in the page
 * @param kind {@code convergence}, {@code ecdf}, {@code ert} or {@code lr}: which option builder of
 *     report.js draws it
 * @param series how many ECharts series the page draws from {@code data} (lines, bands and marks of
 *     all legend entries), which the browser test checks against the rendered chart
 * @param data the chart's JSON object: {@code id}, {@code kind}, {@code title} and what its kind
 *     needs
 */
record ChartSpec(String id, String kind, String title, int series, Map<String, Object> data) {}
