package dev.gradus.functions.regression;

/**
 * Products of dense matrices held as arrays of rows ({@code double[row][column]}), accumulated into
 * the output, as the mlp's forward and backward passes need them. Every output element receives its
 * terms in increasing order of the summed index, exactly as the plain triple loop adds them, so the
 * results are bit-for-bit that loop's whatever the blocking and unrolling (Java never fuses a
 * multiply and an add, nor reorders a sum).
 *
 * <p>The speed comes from the loop order and the layout, not from reordering the arithmetic. The
 * innermost loop runs along a row of the output and rows of the right operand with the left
 * operand's elements fixed, which HotSpot's C2 turns into vector instructions; JDK 17's C2 does so
 * only when every array in the loop is indexed by the loop variable plus the same invariant, which
 * is why rows are separate arrays (all at offset 0) instead of runs of one flat array at different
 * offsets (measured: a flat-array axpy at two offsets ran at the scalar speed, about 5× slower at
 * 1,024 elements). Four terms of the sum are added per pass over an output row, in order, so the
 * row is loaded and stored a quarter as often. The right operand is walked in panels of {@link
 * #DEPTH_BLOCK} rows by {@link #WIDTH_BLOCK} columns (32 KB), so that a panel stays in the level-1
 * cache while every row of the left operand passes over it; at the mlp's sizes (64 × 64 by 64 × 32)
 * the whole right operand is one panel.
 */
final class DenseProducts {
  /** Rows of the right operand per panel; a multiple of the four terms added per pass. */
  static final int DEPTH_BLOCK = 32;

  /** Columns of the right operand (and of the output) per panel. */
  static final int WIDTH_BLOCK = 128;

  private DenseProducts() {}

  /**
   * c += a · b over the first {@code rows} rows of a ({@code depth} columns used) and c ({@code
   * width} columns used) and the first {@code depth} rows of b ({@code width} columns used): every
   * c[i][j] adds a[i][k]·b[k][j] for k = 0, 1, … in turn. No row of c may be a row of a or b.
   */
  static void multiplyAdd(
      double[][] a, double[][] b, double[][] c, int rows, int depth, int width) {
    for (int j0 = 0; j0 < width; j0 += WIDTH_BLOCK) {
      int j1 = Math.min(width, j0 + WIDTH_BLOCK);
      for (int k0 = 0; k0 < depth; k0 += DEPTH_BLOCK) {
        int k1 = Math.min(depth, k0 + DEPTH_BLOCK);
        for (int i = 0; i < rows; i++) {
          double[] ai = a[i];
          double[] ci = c[i];
          int k = k0;
          for (; k + 3 < k1; k += 4) {
            double a0 = ai[k];
            double a1 = ai[k + 1];
            double a2 = ai[k + 2];
            double a3 = ai[k + 3];
            double[] b0 = b[k];
            double[] b1 = b[k + 1];
            double[] b2 = b[k + 2];
            double[] b3 = b[k + 3];
            for (int j = j0; j < j1; j++) {
              ci[j] = ci[j] + a0 * b0[j] + a1 * b1[j] + a2 * b2[j] + a3 * b3[j];
            }
          }
          for (; k < k1; k++) {
            double aik = ai[k];
            double[] bk = b[k];
            for (int j = j0; j < j1; j++) {
              ci[j] += aik * bk[j];
            }
          }
        }
      }
    }
  }

  /**
   * c += aᵀ · b over the first {@code count} rows of a ({@code rows} columns used) and b ({@code
   * width} columns used) and the first {@code rows} rows of c: every c[i][j] adds a[r][i]·b[r][j]
   * for r = 0, 1, … in turn. This is a layer's weight gradient: its inputs transposed times its
   * deltas, summed over a batch's rows in order. No row of c may be a row of a or b.
   */
  static void transposedMultiplyAdd(
      double[][] a, double[][] b, double[][] c, int count, int rows, int width) {
    // here the output is what must stay in cache: a panel of its rows at a time
    int rowBlock = Math.max(1, DEPTH_BLOCK * WIDTH_BLOCK / Math.max(1, width));
    for (int i0 = 0; i0 < rows; i0 += rowBlock) {
      int i1 = Math.min(rows, i0 + rowBlock);
      int r = 0;
      for (; r + 3 < count; r += 4) {
        double[] a0 = a[r];
        double[] a1 = a[r + 1];
        double[] a2 = a[r + 2];
        double[] a3 = a[r + 3];
        double[] b0 = b[r];
        double[] b1 = b[r + 1];
        double[] b2 = b[r + 2];
        double[] b3 = b[r + 3];
        for (int i = i0; i < i1; i++) {
          double e0 = a0[i];
          double e1 = a1[i];
          double e2 = a2[i];
          double e3 = a3[i];
          double[] ci = c[i];
          for (int j = 0; j < width; j++) {
            ci[j] = ci[j] + e0 * b0[j] + e1 * b1[j] + e2 * b2[j] + e3 * b3[j];
          }
        }
      }
      for (; r < count; r++) {
        double[] ar = a[r];
        double[] br = b[r];
        for (int i = i0; i < i1; i++) {
          double ari = ar[i];
          double[] ci = c[i];
          for (int j = 0; j < width; j++) {
            ci[j] += ari * br[j];
          }
        }
      }
    }
  }
}
