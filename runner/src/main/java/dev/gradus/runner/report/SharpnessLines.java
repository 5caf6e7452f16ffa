package dev.gradus.runner.report;

import dev.gradus.runner.analysis.Quantiles;
import dev.gradus.runner.results.ResultsFolder;
import dev.gradus.runner.run.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sharpness against the stability threshold, per optimizer configuration of one function: at each
 * iteration where some run measured it ({@code output.sharpness_every}), the median over those runs
 * of the Hessian's largest eigenvalue, and the median of 2/lr, the threshold above which gradient
 * descent with that rate cannot be stable along the top eigenvector (f's quadratic model grows by
 * the factor |1 − lr·λ| > 1 there). lr is the trace's: the rate of the step into x_t, so the first
 * row (iteration 0) has no threshold. Every run with a trace counts, whatever its status: sharpness
 * on the way to divergence is what the plot is for. Non-finite measurements are left out.
 */
final class SharpnessLines {
  private SharpnessLines() {}

  /**
   * One configuration's line.
   *
   * @param iteration the iterations with a measurement, increasing
   * @param sharpness the median sharpness there
   * @param threshold the median 2/lr there, NaN where no run had an lr (iteration 0, or an
   *     optimizer without one)
   * @param runs how many runs measured at each iteration
   */
  record Line(
      RunResult first, double[] iteration, double[] sharpness, double[] threshold, int[] runs) {
    /** Whether any point has a threshold. */
    boolean hasThreshold() {
      for (double t : threshold) {
        if (!Double.isNaN(t)) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * The lines of {@code runs} (one function configuration's), one per optimizer configuration with
   * a measurement, in configuration order; empty when no trace has sharpness.
   */
  static List<Line> of(List<RunResult> runs, Map<String, ResultsFolder.Trace> traces) {
    List<Line> out = new ArrayList<>();
    for (List<RunResult> group : Groups.byOptimizer(runs).values()) {
      TreeMap<Long, List<Double>> values = new TreeMap<>();
      TreeMap<Long, List<Double>> thresholds = new TreeMap<>();
      for (RunResult r : group) {
        ResultsFolder.Trace t = traces.get(r.runId());
        if (t == null || !t.hasSharpness()) {
          continue;
        }
        for (int k = 0; k < t.iteration().length; k++) {
          if (!Double.isFinite(t.sharpness()[k])) {
            continue;
          }
          long iteration = (long) t.iteration()[k];
          values.computeIfAbsent(iteration, i -> new ArrayList<>()).add(t.sharpness()[k]);
          double lr = t.lr()[k];
          if (lr > 0 && Double.isFinite(lr)) {
            thresholds.computeIfAbsent(iteration, i -> new ArrayList<>()).add(2 / lr);
          }
        }
      }
      if (values.isEmpty()) {
        continue;
      }
      int n = values.size();
      double[] iteration = new double[n];
      double[] sharpness = new double[n];
      double[] threshold = new double[n];
      int[] counts = new int[n];
      int k = 0;
      for (Map.Entry<Long, List<Double>> e : values.entrySet()) {
        iteration[k] = e.getKey();
        sharpness[k] = Quantiles.linear(e.getValue(), 0.5);
        List<Double> limits = thresholds.get(e.getKey());
        threshold[k] = limits == null ? Double.NaN : Quantiles.linear(limits, 0.5);
        counts[k] = e.getValue().size();
        k++;
      }
      out.add(new Line(group.get(0), iteration, sharpness, threshold, counts));
    }
    return out;
  }
}
