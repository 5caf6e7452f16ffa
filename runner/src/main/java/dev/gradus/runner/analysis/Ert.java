package dev.gradus.runner.analysis;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The average runtime to a target (COCO's aRT, formerly ERT): the evaluations all runs spent until
 * they first reached the target (or until they ended, for those that never did), divided by the
 * number of runs that reached it. Infinite when none did.
 */
public final class Ert {
  private Ert() {}

  /**
   * One run's part: the evaluations after which it first reached the target ({@code +∞} if never),
   * and the evaluations it made in all.
   */
  public record Run(double evaluationsToTarget, double evaluations) {
    public Run {
      if (!(evaluations >= 0) || Double.isInfinite(evaluations)) {
        throw new IllegalArgumentException(
            "evaluations must be finite and ≥ 0, got " + evaluations);
      }
      if (!(evaluationsToTarget >= 0)) {
        throw new IllegalArgumentException(
            "evaluations to target must be ≥ 0 (or +∞), got " + evaluationsToTarget);
      }
    }

    boolean reached() {
      return Double.isFinite(evaluationsToTarget);
    }
  }

  /** The aRT of {@code runs}; {@code +∞} when none reached the target, NaN for no runs. */
  public static double of(Run... runs) {
    if (runs.length == 0) {
      return Double.NaN;
    }
    double spent = 0;
    int successes = 0;
    for (Run r : runs) {
      spent += r.reached() ? r.evaluationsToTarget() : r.evaluations();
      successes += r.reached() ? 1 : 0;
    }
    return successes == 0 ? Double.POSITIVE_INFINITY : spent / successes;
  }

  /**
   * A percentile bootstrap interval of the aRT: {@code resamples} samples of the runs drawn with
   * replacement from {@code seed}, and the {@code (1 − level)/2} and {@code (1 + level)/2}
   * quantiles of their aRTs (a sample with no success has an infinite aRT, so an end can be {@code
   * +∞}).
   *
   * @return {lower, upper}
   */
  public static double[] bootstrap(Run[] runs, int resamples, double level, long seed) {
    if (runs.length == 0) {
      return new double[] {Double.NaN, Double.NaN};
    }
    if (resamples < 1 || !(level > 0 && level < 1)) {
      throw new IllegalArgumentException(
          "resamples ≥ 1 and level in (0, 1); got " + resamples + ", " + level);
    }
    if (allAlike(runs)) {
      // every sample is the same runs, with the same aRT: the resampling's own answer, at once
      double art = of(runs);
      return new double[] {art, art};
    }
    // each sample's aRT summed as it is drawn, in the order of(sample) would sum it, from each
    // run's cost (its evaluations to the target, or all of them) and success
    int n = runs.length;
    double[] cost = new double[n];
    int[] success = new int[n];
    for (int i = 0; i < n; i++) {
      cost[i] = runs[i].reached() ? runs[i].evaluationsToTarget() : runs[i].evaluations();
      success[i] = runs[i].reached() ? 1 : 0;
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[] arts = new double[resamples];
    for (int b = 0; b < resamples; b++) {
      double spent = 0;
      int successes = 0;
      for (int i = 0; i < n; i++) {
        int drawn = random.nextInt(n);
        spent += cost[drawn];
        successes += success[drawn];
      }
      arts[b] = successes == 0 ? Double.POSITIVE_INFINITY : spent / successes;
    }
    Arrays.sort(arts);
    return new double[] {
      Quantiles.ofSorted(arts, (1 - level) / 2), Quantiles.ofSorted(arts, (1 + level) / 2)
    };
  }

  /** Whether every sample drawn from the runs has the same aRT: all alike, or none reached. */
  private static boolean allAlike(Run[] runs) {
    boolean none = true;
    boolean same = true;
    for (Run r : runs) {
      none &= !r.reached();
      same &= r.equals(runs[0]);
    }
    return none || same;
  }
}
