package dev.gradus.functions.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The blocked, unrolled products against the plain triple loops, bit for bit: the kernels promise
 * the loops' order of summation, so not even the last bit may differ. Shapes straddle the block
 * sizes and the unrolling by four (one below, at, one above, several blocks and a remainder), and
 * every matrix has rows and columns beyond those used, which must be left as they were.
 */
class DenseProductsTest {
  private static final int[] SIZES = {
    1,
    3,
    DenseProducts.DEPTH_BLOCK - 1,
    DenseProducts.DEPTH_BLOCK,
    DenseProducts.DEPTH_BLOCK + 1,
    2 * DenseProducts.DEPTH_BLOCK + 6,
    DenseProducts.WIDTH_BLOCK + 3,
    2 * DenseProducts.WIDTH_BLOCK + 1
  };

  /** rows × columns of random numbers over a wide range, with 0–2 spare rows and columns. */
  private static double[][] random(SplittableRandom r, int rows, int columns) {
    double[][] x = new double[rows + r.nextInt(3)][columns + r.nextInt(3)];
    for (double[] row : x) {
      for (int j = 0; j < row.length; j++) {
        row[j] = r.nextDouble(-1, 1) * Math.exp(r.nextDouble(-3, 3));
      }
    }
    return x;
  }

  private static double[][] copy(double[][] x) {
    double[][] y = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      y[i] = x[i].clone();
    }
    return y;
  }

  @Test
  void multiplyAddIsTheTripleLoopExactly() {
    SplittableRandom r = new SplittableRandom(11);
    for (int rows : SIZES) {
      for (int depth : SIZES) {
        for (int width : SIZES) {
          double[][] a = random(r, rows, depth);
          double[][] b = random(r, depth, width);
          double[][] c = random(r, rows, width);
          double[][] expected = copy(c);
          for (int i = 0; i < rows; i++) {
            for (int j = 0; j < width; j++) {
              double s = expected[i][j];
              for (int k = 0; k < depth; k++) {
                s += a[i][k] * b[k][j];
              }
              expected[i][j] = s;
            }
          }
          DenseProducts.multiplyAdd(a, b, c, rows, depth, width);
          assertIdentical(expected, c, rows + "x" + depth + " by " + depth + "x" + width);
        }
      }
    }
  }

  @Test
  void transposedMultiplyAddIsTheTripleLoopExactly() {
    SplittableRandom r = new SplittableRandom(12);
    for (int count : SIZES) {
      for (int rows : SIZES) {
        for (int width : SIZES) {
          double[][] a = random(r, count, rows);
          double[][] b = random(r, count, width);
          double[][] c = random(r, rows, width);
          double[][] expected = copy(c);
          for (int i = 0; i < rows; i++) {
            for (int j = 0; j < width; j++) {
              double s = expected[i][j];
              for (int q = 0; q < count; q++) {
                s += a[q][i] * b[q][j];
              }
              expected[i][j] = s;
            }
          }
          DenseProducts.transposedMultiplyAdd(a, b, c, count, rows, width);
          assertIdentical(expected, c, count + "x" + rows + "ᵀ by " + count + "x" + width);
        }
      }
    }
  }

  private static void assertIdentical(double[][] expected, double[][] actual, String shape) {
    for (int i = 0; i < expected.length; i++) {
      for (int j = 0; j < expected[i].length; j++) {
        if (Double.doubleToRawLongBits(expected[i][j])
            != Double.doubleToRawLongBits(actual[i][j])) {
          assertEquals(expected[i][j], actual[i][j], 0.0, shape + ": element " + i + ", " + j);
        }
      }
    }
  }
}
