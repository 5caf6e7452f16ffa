package dev.gradus.runner.report;

import dev.gradus.runner.results.ResultsFolder;
import dev.gradus.runner.run.RunResult;
import java.util.HashMap;
import java.util.Map;

/**
 * For each run, the evaluations after which it first reached each target of a ladder: {@link
 * Ecdf#firstHit} for every target, with rows outside the domain never counting, found in one pass
 * over the trace and kept, since the report's ECDFs and aRT charts all ask for them.
 */
final class TargetHits {
  private final ResultsFolder results;
  private final double[] targets;
  private final Map<String, double[]> hits = new HashMap<>();

  /**
   * @param targets strictly decreasing, as {@link dev.gradus.runner.analysis.Targets} ladders are
   * @throws IllegalArgumentException for targets not strictly decreasing
   */
  TargetHits(ResultsFolder results, double[] targets) {
    for (int k = 1; k < targets.length; k++) {
      if (!(targets[k] < targets[k - 1])) {
        throw new IllegalArgumentException("targets must decrease strictly");
      }
    }
    this.results = results;
    this.targets = targets.clone();
  }

  double[] targets() {
    return targets.clone();
  }

  /**
   * The first hit of each target (+∞ for one never reached), or null when the run has no trace or
   * its function no known minimum.
   */
  double[] of(RunResult r) {
    ResultsFolder.Trace t = results.traces().get(r.runId());
    if (t == null || !t.hasGap()) {
      return null;
    }
    return hits.computeIfAbsent(r.runId(), id -> firstHits(t, targets));
  }

  static double[] firstHits(ResultsFolder.Trace t, double[] targets) {
    double[] out = new double[targets.length];
    java.util.Arrays.fill(out, Double.POSITIVE_INFINITY);
    int next = 0;
    double[] gap = t.gap();
    for (int k = 0; k < gap.length && next < targets.length; k++) {
      // a reached target stays reached, so only the next, smaller ones are open
      while (next < targets.length && t.inDomain()[k] && gap[k] <= targets[next]) {
        out[next++] = t.evaluations()[k];
      }
    }
    return out;
  }
}
