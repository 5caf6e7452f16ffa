package dev.gradus.runner.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gradus.spi.Domain;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The domain test, blockwise (Domain.contains) and with common bounds, against the plain
 * definition.
 */
class InBoxTest {
  private static boolean plain(double[] x, double[] lower, double[] upper) {
    for (int i = 0; i < x.length; i++) {
      if (!(x[i] >= lower[i] && x[i] <= upper[i])) {
        return false;
      }
    }
    return true;
  }

  @Test
  void agreesWithThePlainTestAtBlockEdgesBoundsAndNaN() {
    Random random = new Random(11);
    for (int n : new int[] {1, 2, 1023, 1024, 1025, 3000}) {
      double[] lower = new double[n];
      double[] upper = new double[n];
      Arrays.fill(lower, -5);
      Arrays.fill(upper, 10);
      for (int trial = 0; trial < 200; trial++) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
          x[i] = -5 + 15 * random.nextDouble();
        }
        int at = random.nextInt(n);
        switch (trial % 6) {
          case 0 -> x[at] = -5; // on the bounds: inside
          case 1 -> x[at] = 10;
          case 2 -> x[at] = Math.nextDown(-5.0);
          case 3 -> x[at] = Math.nextUp(10.0);
          case 4 -> x[at] = Double.NaN;
          default -> x[n - 1] = trial % 12 == 5 ? 11 : x[n - 1];
        }
        boolean expected = plain(x, lower, upper);
        assertEquals(expected, new Domain(lower, upper).contains(x), "n " + n + " trial " + trial);
        assertEquals(expected, RunEngine.inBox(x, -5.0, 10.0), "n " + n + " trial " + trial);
      }
    }
  }
}
