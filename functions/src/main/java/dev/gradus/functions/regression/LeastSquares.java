package dev.gradus.functions.regression;

import java.util.Optional;

/** The least-squares fit of y ≈ X·w + b, from the normal equations by Cholesky, in double. */
final class LeastSquares {
  private LeastSquares() {}

  /**
   * (w₀, ..., w_{k−1}, b) minimising the mean squared error, or empty when the normal matrix is not
   * positive definite (collinear features, or fewer rows than parameters), so that the minimizer is
   * not unique.
   */
  static Optional<double[]> solve(Dataset data) {
    int n = data.rows();
    int p = data.columns() + 1;
    double[][] normal = new double[p][p];
    double[] rhs = new double[p];
    double[] row = new double[p];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < p - 1; j++) {
        row[j] = data.feature(i, j);
      }
      row[p - 1] = 1;
      for (int a = 0; a < p; a++) {
        rhs[a] += row[a] * data.targets()[i];
        for (int b = 0; b <= a; b++) {
          normal[a][b] += row[a] * row[b];
        }
      }
    }
    double[][] lower = new double[p][p];
    for (int a = 0; a < p; a++) {
      for (int b = 0; b <= a; b++) {
        double sum = normal[a][b];
        for (int c = 0; c < b; c++) {
          sum -= lower[a][c] * lower[b][c];
        }
        if (a == b) {
          // A pivot lost to cancellation means the columns are (nearly) dependent.
          if (!(sum > 1e-12 * normal[a][a])) {
            return Optional.empty();
          }
          lower[a][a] = Math.sqrt(sum);
        } else {
          lower[a][b] = sum / lower[b][b];
        }
      }
    }
    double[] z = new double[p];
    for (int a = 0; a < p; a++) {
      double sum = rhs[a];
      for (int c = 0; c < a; c++) {
        sum -= lower[a][c] * z[c];
      }
      z[a] = sum / lower[a][a];
    }
    double[] theta = new double[p];
    for (int a = p - 1; a >= 0; a--) {
      double sum = z[a];
      for (int c = a + 1; c < p; c++) {
        sum -= lower[c][a] * theta[c];
      }
      theta[a] = sum / lower[a][a];
    }
    return Optional.of(theta);
  }

  /** The mean squared error of (w, b) on the data. */
  static double meanSquaredError(Dataset data, double[] theta) {
    int k = data.columns();
    double sum = 0;
    for (int i = 0; i < data.rows(); i++) {
      double residual = theta[k] - data.targets()[i];
      for (int j = 0; j < k; j++) {
        residual += theta[j] * data.feature(i, j);
      }
      sum += residual * residual;
    }
    return sum / data.rows();
  }
}
