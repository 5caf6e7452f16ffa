package dev.gradus.functions.regression;

import dev.gradus.spi.HeldOut;
import dev.gradus.spi.Objective;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A regression's metrics on its test split: the full training loss, the same loss on the test rows
 * and, for classifiers, the share of test rows classified right.
 */
final class TestSplitMetrics implements HeldOut {
  private final Objective train;
  private final Objective test;
  private final ToDoubleFunction<double[]> accuracy;

  /**
   * @param test the loss on the test rows
   * @param accuracy the test accuracy at a point, or null for a regression without classes
   */
  TestSplitMetrics(Objective train, Objective test, ToDoubleFunction<double[]> accuracy) {
    this.train = train;
    this.test = test;
    this.accuracy = accuracy;
  }

  @Override
  public List<String> names() {
    return accuracy == null
        ? List.of(TRAIN_LOSS, TEST_LOSS)
        : List.of(TRAIN_LOSS, TEST_LOSS, TEST_ACCURACY);
  }

  @Override
  public double[] at(double[] x) {
    return accuracy == null
        ? new double[] {train.value(x), test.value(x)}
        : new double[] {train.value(x), test.value(x), accuracy.applyAsDouble(x)};
  }

  /**
   * The share of rows of {@code data} whose label is 1 exactly where x·w + b > 0 (σ above ½), with
   * parameters (w, b) packed as {@link RegressionObjective} packs them.
   */
  static double binaryAccuracy(Dataset data, double[] parameters) {
    int k = data.columns();
    int right = 0;
    for (int i = 0; i < data.rows(); i++) {
      double z = parameters[k];
      for (int j = 0; j < k; j++) {
        z += parameters[j] * data.feature(i, j);
      }
      if ((z > 0 ? 1 : 0) == data.targets()[i]) {
        right++;
      }
    }
    return (double) right / data.rows();
  }

  /**
   * The share of rows of {@code data} whose label is the class of the largest logit (the first of
   * equal ones), with parameters packed as {@link SoftmaxRegression.Loss} packs them: W row-major
   * [k, c], then b [c].
   */
  static double classAccuracy(Dataset data, int classes, double[] parameters) {
    int k = data.columns();
    int right = 0;
    for (int i = 0; i < data.rows(); i++) {
      int best = 0;
      double largest = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < classes; c++) {
        double z = parameters[k * classes + c];
        for (int j = 0; j < k; j++) {
          z += data.feature(i, j) * parameters[j * classes + c];
        }
        if (z > largest) {
          largest = z;
          best = c;
        }
      }
      if (best == data.targets()[i]) {
        right++;
      }
    }
    return (double) right / data.rows();
  }
}
