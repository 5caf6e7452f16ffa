package dev.gradus.graph;

/**
 * Matrix products on flat row-major arrays: C[m×n] = A[m×k]·B[k×n]. A vector on the left is a 1×k
 * matrix and a vector on the right a k×1 matrix, which share the vector's layout, so one kernel
 * serves matrix·matrix, matrix·vector, vector·matrix and the dot product.
 */
final class LinearAlgebra {
  private LinearAlgebra() {}

  static final class MatMul extends Node implements RangeKernel {
    final Node a;
    final Node b;
    private final int m;
    private final int k;
    private final int n;

    MatMul(String op, Node a, Node b, int m, int k, int n, int[] shape) {
      super(op, shape, a, b);
      this.a = a;
      this.b = b;
      this.m = m;
      this.k = k;
      this.n = n;
    }

    @Override
    void computeValue() {
      double[] x = a.value, y = b.value, out = value;
      if (n == 1) {
        for (int i = 0; i < m; i++) {
          double sum = 0;
          int row = i * k;
          for (int p = 0; p < k; p++) {
            sum += x[row + p] * y[p];
          }
          out[i] = sum;
        }
        return;
      }
      java.util.Arrays.fill(out, 0.0);
      for (int i = 0; i < m; i++) {
        int outRow = i * n;
        for (int p = 0; p < k; p++) {
          double xip = x[i * k + p];
          int yRow = p * n;
          for (int j = 0; j < n; j++) {
            out[outRow + j] += xip * y[yRow + j];
          }
        }
      }
    }

    @Override
    void propagateGrad() {
      double[] g = grad, x = a.value, y = b.value;
      if (a.grad != null) {
        // dA = dC · Bᵀ
        double[] ga = a.grad;
        for (int i = 0; i < m; i++) {
          for (int p = 0; p < k; p++) {
            double sum = 0;
            int yRow = p * n;
            int gRow = i * n;
            for (int j = 0; j < n; j++) {
              sum += g[gRow + j] * y[yRow + j];
            }
            ga[i * k + p] += sum;
          }
        }
      }
      if (b.grad != null && n == 1) {
        // dB = Aᵀ · dC for a vector B: one running sum per entry, in the same order as below.
        double[] gb = b.grad;
        for (int p = 0; p < k; p++) {
          double sum = gb[p];
          for (int i = 0; i < m; i++) {
            sum += x[i * k + p] * g[i];
          }
          gb[p] = sum;
        }
      } else if (b.grad != null) {
        // dB = Aᵀ · dC
        double[] gb = b.grad;
        for (int i = 0; i < m; i++) {
          int gRow = i * n;
          for (int p = 0; p < k; p++) {
            double xip = x[i * k + p];
            int bRow = p * n;
            for (int j = 0; j < n; j++) {
              gb[bRow + j] += xip * g[gRow + j];
            }
          }
        }
      }
    }

    /**
     * True for a matrix times a vector, whose result element i reads only row i of the matrix: the
     * only form the range kernels compute, over ranges of rows.
     */
    boolean matrixTimesVector() {
      return n == 1;
    }

    @Override
    public void computeValue(int from, int to) {
      double[] x = a.vbuf, y = b.vbuf, out = vbuf;
      int rows = a.index(base);
      if (k == 1) {
        // One column (regression on one feature): the loop below without its inner loop, which C2
        // would not vectorise. 0 + x·y is what the inner loop's sum gives (−0 becomes +0).
        double y0 = y[0];
        for (int i = from; i < to; i++) {
          out[i] = 0.0 + x[rows + i] * y0;
        }
        return;
      }
      for (int i = from; i < to; i++) {
        double sum = 0;
        int row = (rows + i) * k;
        for (int p = 0; p < k; p++) {
          sum += x[row + p] * y[p];
        }
        out[i] = sum;
      }
    }

    @Override
    public void propagateGrad(int from, int to) {
      double[] g = gbuf, x = a.vbuf, y = b.vbuf;
      int rows = a.index(base);
      if (a.gbuf != null) {
        double[] ga = a.gbuf;
        for (int i = from; i < to; i++) {
          for (int p = 0; p < k; p++) {
            ga[(rows + i) * k + p] += g[i] * y[p];
          }
        }
      }
      if (b.gbuf != null) {
        // The running sum continues from the previous range through b's gradient buffer, so the
        // order of the terms is that of the whole-array loop.
        double[] gb = b.gbuf;
        for (int p = 0; p < k; p++) {
          double sum = gb[p];
          for (int i = from; i < to; i++) {
            sum += x[(rows + i) * k + p] * g[i];
          }
          gb[p] = sum;
        }
      }
    }

    // C = A·B: Ċ = Ȧ·B + A·Ḃ; A's term G·Bᵀ has tangent Ġ·Bᵀ + G·Ḃᵀ, B's term Aᵀ·G has Aᵀ·Ġ + Ȧᵀ·G.
    @Override
    void computeTangent() {
      java.util.Arrays.fill(tangent, 0.0);
      if (a.tangent != null) {
        addProduct(a.tangent, b.value, tangent);
      }
      if (b.tangent != null) {
        addProduct(a.value, b.tangent, tangent);
      }
    }

    @Override
    void propagateGradTangent() {
      if (a.gradTangent != null) {
        addProductTransposingRight(gradTangent, b.value, a.gradTangent);
        if (b.tangent != null) {
          addProductTransposingRight(grad, b.tangent, a.gradTangent);
        }
      }
      if (b.gradTangent != null) {
        addProductTransposingLeft(a.value, gradTangent, b.gradTangent);
        if (a.tangent != null) {
          addProductTransposingLeft(a.tangent, grad, b.gradTangent);
        }
      }
    }

    /** out[m×n] += x[m×k]·y[k×n]. */
    private void addProduct(double[] x, double[] y, double[] out) {
      for (int i = 0; i < m; i++) {
        for (int p = 0; p < k; p++) {
          double xip = x[i * k + p];
          for (int j = 0; j < n; j++) {
            out[i * n + j] += xip * y[p * n + j];
          }
        }
      }
    }

    /** out[m×k] += g[m×n]·y[k×n]ᵀ. */
    private void addProductTransposingRight(double[] g, double[] y, double[] out) {
      for (int i = 0; i < m; i++) {
        for (int p = 0; p < k; p++) {
          double sum = 0;
          for (int j = 0; j < n; j++) {
            sum += g[i * n + j] * y[p * n + j];
          }
          out[i * k + p] += sum;
        }
      }
    }

    /** out[k×n] += x[m×k]ᵀ·g[m×n]. */
    private void addProductTransposingLeft(double[] x, double[] g, double[] out) {
      for (int i = 0; i < m; i++) {
        for (int p = 0; p < k; p++) {
          double xip = x[i * k + p];
          for (int j = 0; j < n; j++) {
            out[p * n + j] += xip * g[i * n + j];
          }
        }
      }
    }
  }
}
