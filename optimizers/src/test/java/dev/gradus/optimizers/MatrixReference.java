package dev.gradus.optimizers;

/**
 * Plain, allocation-happy references for the matrix methods, written from the papers' pseudo-code
 * and sharing no code with the implementations: matrices are double[][], every product is a new
 * array, and Shampoo's inverse fourth roots come from Denman–Beavers square-root iterations (with a
 * Gauss–Jordan inverse) instead of an eigendecomposition.
 */
final class MatrixReference {
  private MatrixReference() {}

  static double[][] zeros(int m, int n) {
    return new double[m][n];
  }

  static double[][] identity(int n, double scale) {
    double[][] out = new double[n][n];
    for (int i = 0; i < n; i++) {
      out[i][i] = scale;
    }
    return out;
  }

  static double[][] multiply(double[][] x, double[][] y) {
    double[][] out = new double[x.length][y[0].length];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < y[0].length; j++) {
        double sum = 0;
        for (int k = 0; k < y.length; k++) {
          sum += x[i][k] * y[k][j];
        }
        out[i][j] = sum;
      }
    }
    return out;
  }

  static double[][] transpose(double[][] x) {
    double[][] out = new double[x[0].length][x.length];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < x[0].length; j++) {
        out[j][i] = x[i][j];
      }
    }
    return out;
  }

  /** αx + βy. */
  static double[][] combine(double alpha, double[][] x, double beta, double[][] y) {
    double[][] out = new double[x.length][x[0].length];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < x[0].length; j++) {
        out[i][j] = alpha * x[i][j] + beta * y[i][j];
      }
    }
    return out;
  }

  static double frobenius(double[][] x) {
    double sum = 0;
    for (double[] row : x) {
      for (double v : row) {
        sum += v * v;
      }
    }
    return Math.sqrt(sum);
  }

  /**
   * Muon's zeroth power: X = G/(‖G‖+ε), transposed when tall, then X ← aX + (bA + cA²)X with A =
   * XXᵀ, {@code steps} times, transposed back.
   */
  static double[][] newtonSchulz(
      double[][] g, double a, double b, double c, int steps, double eps) {
    boolean tall = g.length > g[0].length;
    double[][] x = tall ? transpose(g) : g;
    x = combine(1 / (frobenius(g) + eps), x, 0, x);
    for (int s = 0; s < steps; s++) {
      double[][] gram = multiply(x, transpose(x));
      double[][] poly = combine(b, gram, c, multiply(gram, gram));
      x = combine(a, x, 1, multiply(poly, x));
    }
    return tall ? transpose(x) : x;
  }

  /** Gauss–Jordan inverse with partial pivoting. */
  static double[][] inverse(double[][] a) {
    int n = a.length;
    double[][] m = new double[n][2 * n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(a[i], 0, m[i], 0, n);
      m[i][n + i] = 1;
    }
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int r = col + 1; r < n; r++) {
        if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
          pivot = r;
        }
      }
      double[] swap = m[col];
      m[col] = m[pivot];
      m[pivot] = swap;
      double p = m[col][col];
      for (int j = 0; j < 2 * n; j++) {
        m[col][j] /= p;
      }
      for (int r = 0; r < n; r++) {
        if (r != col) {
          double f = m[r][col];
          for (int j = 0; j < 2 * n; j++) {
            m[r][j] -= f * m[col][j];
          }
        }
      }
    }
    double[][] out = new double[n][n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(m[i], n, out[i], 0, n);
    }
    return out;
  }

  /**
   * Denman–Beavers: Y ← (Y + Z⁻¹)/2, Z ← (Z + Y⁻¹)/2 from Y = A, Z = I converges to Y = A^{1/2}, Z
   * = A^{−1/2} for symmetric positive definite A. Returns {Y, Z}.
   */
  static double[][][] squareRoots(double[][] a) {
    double[][] y = a;
    double[][] z = identity(a.length, 1);
    for (int k = 0; k < 100; k++) {
      double[][] yNext = combine(0.5, y, 0.5, inverse(z));
      double[][] zNext = combine(0.5, z, 0.5, inverse(y));
      double change = frobenius(combine(1, yNext, -1, y)) / frobenius(yNext);
      y = yNext;
      z = zNext;
      if (change < 1e-16) {
        break;
      }
    }
    return new double[][][] {y, z};
  }

  /** A^{−1/4} = (A^{−1/2})^{1/2}. */
  static double[][] inverseFourthRoot(double[][] a) {
    return squareRoots(squareRoots(a)[1])[0];
  }

  /** The block of {@code flat} at {@code offset} as a rows × columns matrix (row-major). */
  static double[][] view(double[] flat, int offset, int rows, int columns) {
    double[][] out = new double[rows][columns];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < columns; j++) {
        out[i][j] = flat[offset + i * columns + j];
      }
    }
    return out;
  }

  static void store(double[][] matrix, double[] flat, int offset) {
    int columns = matrix[0].length;
    for (int i = 0; i < matrix.length; i++) {
      for (int j = 0; j < columns; j++) {
        flat[offset + i * columns + j] = matrix[i][j];
      }
    }
  }
}
