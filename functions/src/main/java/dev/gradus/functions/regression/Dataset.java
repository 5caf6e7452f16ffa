package dev.gradus.functions.regression;

import java.util.List;

/**
 * Rows of features and one target each, row-major: feature j of row i is {@code features[i·k + j]}.
 * Arrays are owned by the dataset and never changed after construction.
 *
 * @param featureNames one name per feature column (k of them)
 * @param features n·k values, row-major
 * @param targets n values
 * @param origin where the data came from, for messages
 */
record Dataset(List<String> featureNames, double[] features, double[] targets, String origin) {
  Dataset {
    featureNames = List.copyOf(featureNames);
    if (featureNames.isEmpty()) {
      throw new IllegalArgumentException(origin + ": needs at least one feature column");
    }
    if (targets.length == 0) {
      throw new IllegalArgumentException(origin + ": has no data rows");
    }
    if (features.length != targets.length * featureNames.size()) {
      throw new IllegalArgumentException(
          origin
              + ": "
              + features.length
              + " feature values do not fill "
              + targets.length
              + " rows of "
              + featureNames.size());
    }
  }

  int rows() {
    return targets.length;
  }

  int columns() {
    return featureNames.size();
  }

  double feature(int row, int column) {
    return features[row * featureNames.size() + column];
  }

  /** The dataset with every feature multiplied by {@code factor}. */
  Dataset scaled(double factor) {
    double[] z = new double[features.length];
    for (int i = 0; i < z.length; i++) {
      z[i] = features[i] * factor;
    }
    return new Dataset(featureNames, z, targets, origin);
  }

  /**
   * The dataset with each feature column centred on its mean and divided by its standard deviation
   * (population, 1/n); a constant column is only centred. Targets are unchanged.
   */
  Dataset standardized() {
    return standardizedAs(this);
  }

  /**
   * The dataset standardized with the means and deviations of {@code reference}'s columns (a test
   * split scaled as its training split was).
   */
  Dataset standardizedAs(Dataset reference) {
    int k = columns();
    int m = reference.rows();
    double[] z = new double[features.length];
    for (int j = 0; j < k; j++) {
      double sum = 0;
      for (int i = 0; i < m; i++) {
        sum += reference.feature(i, j);
      }
      double mean = sum / m;
      double squares = 0;
      for (int i = 0; i < m; i++) {
        double d = reference.feature(i, j) - mean;
        squares += d * d;
      }
      double sd = Math.sqrt(squares / m);
      double scale = sd > 0 ? sd : 1;
      for (int i = 0; i < rows(); i++) {
        z[i * k + j] = (feature(i, j) - mean) / scale;
      }
    }
    return new Dataset(featureNames, z, targets, origin + ", standardized");
  }

  /** The rows at {@code indices}, in that order. */
  Dataset rows(int[] indices, String part) {
    int k = columns();
    double[] x = new double[indices.length * k];
    double[] y = new double[indices.length];
    for (int r = 0; r < indices.length; r++) {
      System.arraycopy(features, indices[r] * k, x, r * k, k);
      y[r] = targets[indices[r]];
    }
    return new Dataset(featureNames, x, y, origin + ", " + part);
  }
}
