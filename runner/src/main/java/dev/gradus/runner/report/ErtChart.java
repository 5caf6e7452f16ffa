package dev.gradus.runner.report;

import dev.gradus.runner.results.ErtTable;
import dev.gradus.runner.run.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The interactive average-runtime chart of one function configuration: per optimizer configuration,
 * the aRT ({@link dev.gradus.runner.analysis.Ert}) to each target of the suite's ladder ({@code
 * report.targets}, by default COCO's), with its 95% percentile bootstrap interval, the same numbers
 * as {@code tables/ert.csv} (same hits, same resamples and seeds). A run reaches a target at its
 * first row inside the domain with f − f* at or below it. Targets no run reached have no aRT: a gap
 * in the line.
 */
final class ErtChart {

  private ErtChart() {}

  /** The chart, or null when the function has no known minimum or no traces. */
  static ChartSpec of(String id, List<RunResult> runs, TargetHits firstHits, Style style) {
    double[] targets = firstHits.targets();
    Map<String, Integer> names = new LinkedHashMap<>();
    List<Map<String, Object>> series = new ArrayList<>();
    for (List<RunResult> group : Groups.byOptimizer(runs).values()) {
      List<double[]> hits = new ArrayList<>();
      List<Double> totals = new ArrayList<>();
      for (RunResult r : group) {
        double[] own = firstHits.of(r);
        if (own != null) {
          hits.add(own);
          totals.add((double) r.evaluations());
        }
      }
      if (hits.isEmpty()) {
        continue;
      }
      RunResult head = group.get(0);
      List<List<Object>> points = new ArrayList<>();
      for (int k = 0; k < targets.length; k++) {
        ErtTable.Estimate e =
            ErtTable.estimate(hits, totals, k, head.functionIndex(), head.optimizerIndex());
        double art = e.art();
        int successes = e.successes();
        double[] ci =
            successes == 0
                ? new double[] {Double.NaN, Double.NaN}
                : new double[] {e.low(), e.high()};
        List<Object> point = new ArrayList<>();
        point.add(targets[k]);
        point.add(Double.isFinite(art) ? NumberText.forChart(art) : null);
        point.add(successes);
        point.add(e.runs());
        point.add(finiteOrNull(ci[0]));
        point.add(Double.isInfinite(ci[1]) ? "inf" : finiteOrNull(ci[1]));
        points.add(point);
      }
      Style.Look look = style.of(head.optimizerIndex());
      Map<String, Object> s =
          ChartSpec.series(ConvergenceChart.unique(head.optimizerLabel(), names), look);
      s.put("points", points);
      series.add(s);
    }
    if (series.isEmpty()) {
      return null;
    }
    String title = runs.get(0).functionLabel() + ": average runtime (aRT) to each target";
    Map<String, Object> data = ChartSpec.data(id, "ert", title);
    data.put("series", series);
    return ChartSpec.of(data, series.size());
  }

  private static Double finiteOrNull(double v) {
    return Double.isFinite(v) ? NumberText.forChart(v) : null;
  }
}
