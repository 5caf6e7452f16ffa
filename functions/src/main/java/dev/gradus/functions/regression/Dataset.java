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
    int n = rows();
    int k = columns();
    double[] z = new double[features.length];
    for (int j = 0; j < k; j++) {
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += feature(i, j);
      }
      double mean = sum / n;
      double squares = 0;
      for (int i = 0; i < n; i++) {
        double d = feature(i, j) - mean;
        squares += d * d;
      }
      double sd = Math.sqrt(squares / n);
      double scale = sd > 0 ? sd : 1;
      for (int i = 0; i < n; i++) {
        z[i * k + j] = (feature(i, j) - mean) / scale;
      }
    }
    return new Dataset(featureNames, z, targets, origin + ", standardized");
  }
}
