package dev.gradus.runner.report;

import dev.gradus.runner.results.ResultsFolder;
import dev.gradus.runner.run.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;

/**
 * The fixed-target ECDF of the suite, as COCO draws it, one line per optimizer configuration over
 * all functions with a known minimum. A row outside the domain never reaches a target; a run that
 * diverged, failed or timed out counts with the targets it reached before.
 */
final class EcdfPlot implements PlotKind {
  @Override
  public List<Drawing> draw(Input input) {
    ResultsFolder results = input.results();
    Map<Integer, List<Double>> hits = new java.util.TreeMap<>();
    Map<Integer, String> labels = new LinkedHashMap<>();
    double maxEvaluations = 1;
    for (RunResult r : results.runs()) {
      ResultsFolder.Trace t = results.traces().get(r.runId());
      if (t == null || !t.hasGap()) {
        continue;
      }
      double[] gaps = t.gap().clone();
      for (int k = 0; k < gaps.length; k++) {
        if (!t.inDomain()[k]) {
          gaps[k] = Double.NaN;
        }
      }
      maxEvaluations = Math.max(maxEvaluations, Math.max(1, r.evaluations()));
      labels.putIfAbsent(r.optimizerIndex(), r.optimizerLabel());
      List<Double> own = hits.computeIfAbsent(r.optimizerIndex(), k -> new ArrayList<>());
      for (double target : Ecdf.TARGETS) {
        own.add(Ecdf.firstHit(t.evaluations(), gaps, target));
      }
    }
    if (hits.isEmpty()) {
      return List.of();
    }
    XYChart chart =
        Charts.chart(
            "Fixed-target ECDF: targets f − f* ≤ 1e2 … 1e-8, all functions",
            "evaluations",
            "share of (run, target) pairs reached",
            true,
            false);
    chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
    for (Map.Entry<Integer, List<Double>> e : hits.entrySet()) {
      Ecdf.Curve curve = Ecdf.curve(Charts.toArray(e.getValue()));
      int n = curve.evaluations().length;
      double[] x = new double[2 * n + 2];
      double[] y = new double[2 * n + 2];
      x[0] = 1;
      y[0] = 0;
      double previous = 0;
      for (int k = 0; k < n; k++) {
        x[2 * k + 1] = Math.max(1, curve.evaluations()[k]);
        y[2 * k + 1] = previous;
        x[2 * k + 2] = x[2 * k + 1];
        y[2 * k + 2] = curve.fraction()[k];
        previous = curve.fraction()[k];
      }
      x[2 * n + 1] = Math.max(maxEvaluations, x[2 * n]);
      y[2 * n + 1] = previous;
      Charts.line(chart, labels.get(e.getKey()), x, y, Charts.colour(e.getKey()));
    }
    return List.of(new Drawing(new Plot("ecdf", "All functions", chart.getTitle()), chart));
  }
}
