package dev.gradus.functions.regression;

/**
 * Products of dense row-major matrices held in {@code double[]} at an offset, accumulated into the
 * output, as the mlp's forward and backward passes need them. Every output element receives its
 * terms in increasing order of the summed index, exactly as the plain triple loop adds them, so the
 * results are bit-for-bit those of that loop whatever the blocking (Java never fuses a multiply and
 * an add, nor reorders a sum).
 *
 * <p>The speed comes from the loop order, not from reordering the arithmetic: the innermost loop
 * runs along a row of the output and a row of the right operand, both contiguous, with the left
 * operand's element fixed, which HotSpot's C2 turns into vector instructions; and the right operand
 * is walked in panels of {@link #DEPTH_BLOCK} rows by {@link #WIDTH_BLOCK} columns (32 KB) so that
 * a panel stays in the level-1 cache while every row of the left operand passes over it. At the
 * mlp's sizes (64 × 64 by 64 × 32) the whole right operand is one panel.
 */
final class DenseProducts {
  /** Rows of the right operand per panel. */
  static final int DEPTH_BLOCK = 32;

  /** Columns of the right operand (and of the output) per panel. */
  static final int WIDTH_BLOCK = 128;

  private DenseProducts() {}

  /**
   * c += a · b, for a of {@code rows × depth} at {@code a[aAt …]}, b of {@code depth × width} at
   * {@code b[bAt …]} and c of {@code rows × width} at {@code c[cAt …]}, each row-major and dense;
   * every c[i][j] adds a[i][k]·b[k][j] for k = 0, 1, … in turn. The output must not overlap the
   * operands.
   */
  static void multiplyAdd(
      double[] a,
      int aAt,
      double[] b,
      int bAt,
      double[] c,
      int cAt,
      int rows,
      int depth,
      int width) {
    for (int j0 = 0; j0 < width; j0 += WIDTH_BLOCK) {
      int j1 = Math.min(width, j0 + WIDTH_BLOCK);
      for (int k0 = 0; k0 < depth; k0 += DEPTH_BLOCK) {
        int k1 = Math.min(depth, k0 + DEPTH_BLOCK);
        for (int i = 0; i < rows; i++) {
          int aRow = aAt + i * depth;
          int cRow = cAt + i * width;
          for (int k = k0; k < k1; k++) {
            double aik = a[aRow + k];
            int bRow = bAt + k * width;
            for (int j = j0; j < j1; j++) {
              c[cRow + j] += aik * b[bRow + j];
            }
          }
        }
      }
    }
  }

  /**
   * c += aᵀ · b, for a of {@code count × rows} at {@code a[aAt …]}, b of {@code count × width} at
   * {@code b[bAt …]} and c of {@code rows × width} at {@code c[cAt …]}, each row-major and dense;
   * every c[i][j] adds a[r][i]·b[r][j] for r = 0, 1, … in turn. This is a layer's weight gradient:
   * its inputs transposed times its deltas, summed over a batch's rows in order. The output must
   * not overlap the operands.
   */
  static void transposedMultiplyAdd(
      double[] a,
      int aAt,
      double[] b,
      int bAt,
      double[] c,
      int cAt,
      int count,
      int rows,
      int width) {
    // the output is the block that must stay in cache here: a panel of its rows at a time
    int rowBlock = Math.max(1, DEPTH_BLOCK * WIDTH_BLOCK / Math.max(1, width));
    for (int i0 = 0; i0 < rows; i0 += rowBlock) {
      int i1 = Math.min(rows, i0 + rowBlock);
      for (int r = 0; r < count; r++) {
        int aRow = aAt + r * rows;
        int bRow = bAt + r * width;
        for (int i = i0; i < i1; i++) {
          double ari = a[aRow + i];
          int cRow = cAt + i * width;
          for (int j = 0; j < width; j++) {
            c[cRow + j] += ari * b[bRow + j];
          }
        }
      }
    }
  }

  /**
   * Writes the transpose of the {@code rows × width} matrix at {@code a[aAt …]} into {@code t[0 …
   * width · rows)}, so that a product with aᵀ on the right can run along contiguous rows.
   */
  static void transpose(double[] a, int aAt, int rows, int width, double[] t) {
    for (int i = 0; i < rows; i++) {
      int aRow = aAt + i * width;
      for (int j = 0; j < width; j++) {
        t[j * rows + i] = a[aRow + j];
      }
    }
  }
}
