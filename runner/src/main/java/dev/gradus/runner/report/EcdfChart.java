package dev.gradus.runner.report;

import dev.gradus.runner.analysis.Targets;
import dev.gradus.runner.run.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The interactive fixed-target ECDF of a set of runs (one function configuration's, or all of a
 * suite's): per optimizer configuration, the share of (run, target) pairs, over COCO's ladder of
 * targets (in the report COCO's f − f* ≤ 10², 10^1.8, …, 10⁻⁸, {@link Targets#coco}), reached
 * within a number of evaluations ({@link Ecdf}). Only runs of functions with a known minimum count;
 * a row outside the domain reaches no target; a run that diverged, failed or timed out counts with
 * the targets it reached before. A curve of more than {@link #POINTS} steps is sampled at
 * log-spaced evaluation counts.
 */
final class EcdfChart {
  static final int POINTS = 200;

  private EcdfChart() {}

  /** The chart, or null when no run has a trace with f − f*. */
  static ChartSpec of(
      String id, String title, List<RunResult> runs, TargetHits firstHits, Style style) {
    double maxEvaluations = 1;
    List<Map<String, Object>> series = new ArrayList<>();
    Map<String, Integer> names = new LinkedHashMap<>();
    List<Ecdf.Curve> curves = new ArrayList<>();
    List<RunResult> heads = new ArrayList<>();
    List<Integer> pairs = new ArrayList<>();
    for (List<RunResult> group : Groups.byOptimizer(runs).values()) {
      List<Double> hits = new ArrayList<>();
      for (RunResult r : group) {
        double[] own = firstHits.of(r);
        if (own == null) {
          continue;
        }
        maxEvaluations = Math.max(maxEvaluations, Math.max(1, r.evaluations()));
        for (double hit : own) {
          hits.add(hit);
        }
      }
      if (hits.isEmpty()) {
        continue;
      }
      curves.add(Ecdf.curve(hits.stream().mapToDouble(Double::doubleValue).toArray()));
      heads.add(group.get(0));
      pairs.add(hits.size());
    }
    if (curves.isEmpty()) {
      return null;
    }
    for (int c = 0; c < curves.size(); c++) {
      RunResult head = heads.get(c);
      Style.Look look = style.of(head.optimizerIndex());
      Map<String, Object> s =
          ChartSpec.series(ConvergenceChart.unique(head.optimizerLabel(), names), look);
      s.put("pairs", pairs.get(c));
      s.put("points", steps(curves.get(c), maxEvaluations));
      series.add(s);
    }
    Map<String, Object> data = ChartSpec.data(id, "ecdf", title);
    data.put("targets", firstHits.targets().length);
    data.put("xMax", maxEvaluations);
    data.put("series", series);
    return ChartSpec.of(data, series.size());
  }

  /**
   * [evaluations, share] points of the curve for a step line that holds each share until the next
   * point: from (1, 0) to the last evaluation count, sampled when there are too many steps.
   */
  static List<double[]> steps(Ecdf.Curve curve, double maxEvaluations) {
    double[] x = curve.evaluations();
    double[] y = curve.fraction();
    List<double[]> out = new ArrayList<>();
    out.add(new double[] {1, 0});
    if (x.length <= POINTS) {
      for (int k = 0; k < x.length; k++) {
        out.add(new double[] {Math.max(1, x[k]), NumberText.forChart(y[k])});
      }
    } else {
      for (double e : LogGrid.integers(1, Math.max(1, x[x.length - 1]), POINTS)) {
        int k = Bands.lastAtOrBefore(x, e);
        out.add(new double[] {e, k < 0 ? 0 : NumberText.forChart(y[k])});
      }
    }
    double last = out.get(out.size() - 1)[1];
    out.add(new double[] {Math.max(maxEvaluations, out.get(out.size() - 1)[0]), last});
    return out;
  }
}
