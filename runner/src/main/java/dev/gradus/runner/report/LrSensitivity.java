package dev.gradus.runner.report;

import dev.gradus.runner.analysis.Quantiles;
import dev.gradus.runner.run.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Learning-rate sweeps found in a suite's runs: optimizer configurations of the same optimizer
 * whose settings differ only in {@code lr} form one line, the final gap against lr.
 */
final class LrSensitivity {
  private LrSensitivity() {}

  /**
   * One swept optimizer: at each learning rate (increasing), the median final value over its runs.
   *
   * @param label the optimizer's label without its lr, such as {@code momentum momentum=0.9}
   * @param optimizer the optimizer's id
   * @param firstConfiguration the index of the line's configuration with the smallest lr, which
   *     gives the line its look
   */
  record Line(
      String label, String optimizer, int firstConfiguration, double[] lr, double[] median) {}

  /** Whether lines of these runs show the final gap: wanted, and some run has one. */
  static boolean showsGap(List<RunResult> runs, boolean gapWanted) {
    return gapWanted && runs.stream().anyMatch(r -> r.finalGap() != null);
  }

  /**
   * The lines of the given runs (usually those of one function configuration). Runs are grouped by
   * optimizer id and every hyperparameter but lr; a group becomes a line when it has at least two
   * learning rates. The value of a run is its final gap f_final − f* when {@code gap} and the run
   * has one, f_final otherwise; only converged and budget-exhausted runs that end inside the domain
   * count.
   */
  static List<Line> lines(List<RunResult> runs, boolean gap) {
    Map<String, TreeMap<Double, List<Double>>> groups = new LinkedHashMap<>();
    Map<String, String> labels = new LinkedHashMap<>();
    Map<String, String> optimizers = new LinkedHashMap<>();
    Map<String, double[]> firstConfiguration = new LinkedHashMap<>();
    for (RunResult r : runs) {
      if (!(r.hyperparameters().get("lr") instanceof Number lr)) {
        continue;
      }
      if (!r.isOutcomeWithValues() || Boolean.FALSE.equals(r.xFinalInDomain())) {
        continue; // diverged, failed or outside the domain: not a result to draw
      }
      Double value = gap && r.finalGap() != null ? r.finalGap() : r.fFinal();
      if (value == null) {
        continue;
      }
      Map<String, Object> others = new TreeMap<>(r.hyperparameters());
      others.remove("lr");
      String key = r.optimizer() + " " + others;
      labels.putIfAbsent(key, r.optimizerLabel().replaceAll(" lr=\\S+", ""));
      optimizers.putIfAbsent(key, r.optimizer());
      firstConfiguration.merge(
          key, new double[] {lr.doubleValue(), r.optimizerIndex()}, (a, b) -> a[0] <= b[0] ? a : b);
      groups
          .computeIfAbsent(key, k -> new TreeMap<>())
          .computeIfAbsent(lr.doubleValue(), k -> new ArrayList<>())
          .add(value);
    }
    List<Line> out = new ArrayList<>();
    groups.forEach(
        (key, byLr) -> {
          if (byLr.size() < 2) {
            return;
          }
          double[] lr = new double[byLr.size()];
          double[] median = new double[byLr.size()];
          int k = 0;
          for (Map.Entry<Double, List<Double>> e : byLr.entrySet()) {
            lr[k] = e.getKey();
            median[k] = Quantiles.linear(e.getValue(), 0.5);
            k++;
          }
          out.add(
              new Line(
                  labels.get(key),
                  optimizers.get(key),
                  (int) firstConfiguration.get(key)[1],
                  lr,
                  median));
        });
    return out;
  }
}
