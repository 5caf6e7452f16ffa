package dev.gradus.runner.analysis;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Percentile bootstrap intervals of a sample's median. */
public final class Bootstrap {
  private Bootstrap() {}

  /**
   * A percentile bootstrap interval of the median: {@code resamples} samples of {@code values}
   * drawn with replacement from {@code seed}, each sample's median ({@link Quantiles#ofSorted} at
   * ½), and the {@code (1 − level)/2} and {@code (1 + level)/2} quantiles of those medians. The
   * same seed gives the same interval, so tables are the same on every machine. Values may be
   * {@code +∞} (an unreached target's runtime), and an end of the interval is then {@code +∞}.
   *
   * @param values not null, no NaN
   * @return {lower, upper}; both NaN for no values
   * @throws IllegalArgumentException unless resamples ≥ 1 and 0 &lt; level &lt; 1, or for a NaN
   */
  public static double[] medianInterval(double[] values, int resamples, double level, long seed) {
    if (resamples < 1 || !(level > 0 && level < 1)) {
      throw new IllegalArgumentException(
          "resamples ≥ 1 and level in (0, 1); got " + resamples + ", " + level);
    }
    for (double v : values) {
      if (Double.isNaN(v)) {
        throw new IllegalArgumentException("a median interval cannot rank NaN");
      }
    }
    if (values.length == 0) {
      return new double[] {Double.NaN, Double.NaN};
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[] medians = new double[resamples];
    double[] sample = new double[values.length];
    for (int b = 0; b < resamples; b++) {
      for (int i = 0; i < sample.length; i++) {
        sample[i] = values[random.nextInt(values.length)];
      }
      Arrays.sort(sample);
      medians[b] = Quantiles.ofSorted(sample, 0.5);
    }
    Arrays.sort(medians);
    return new double[] {
      Quantiles.ofSorted(medians, (1 - level) / 2), Quantiles.ofSorted(medians, (1 + level) / 2)
    };
  }
}
