package dev.gradus.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The known minimum copies its points in and out and rejects non-finite values. */
class KnownMinimumTest {

  @Test
  void minimizersAreCopiedInAndOut() {
    double[] first = {1, 1};
    double[] second = {-1, -1};
    List<double[]> points = new ArrayList<>(List.of(first, second));
    KnownMinimum minimum = new KnownMinimum(0, points);
    first[0] = 99;
    points.clear();
    minimum.minimizers().get(1)[0] = 99;
    minimum.minimizers().clear();
    assertEquals(2, minimum.minimizers().size());
    assertArrayEquals(new double[] {1, 1}, minimum.minimizers().get(0));
    assertArrayEquals(new double[] {-1, -1}, minimum.minimizers().get(1));
  }

  @Test
  void atListsThePoints() {
    double[] point = {3, 0.5};
    KnownMinimum beale = KnownMinimum.at(0, point);
    point[1] = 7;
    assertEquals(0.0, beale.value());
    assertEquals(1, beale.minimizers().size());
    assertArrayEquals(new double[] {3, 0.5}, beale.minimizers().get(0));
  }

  @Test
  void equalityAndTextAreByContent() {
    KnownMinimum a = KnownMinimum.at(0, new double[] {1, 1}, new double[] {-1, 2});
    KnownMinimum b = KnownMinimum.at(0, new double[] {1, 1}, new double[] {-1, 2});
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    org.junit.jupiter.api.Assertions.assertNotEquals(a, KnownMinimum.at(0, new double[] {1, 1}));
    org.junit.jupiter.api.Assertions.assertNotEquals(
        a, KnownMinimum.at(1, new double[] {1, 1}, new double[] {-1, 2}));
    assertTrue(a.toString().contains("[1.0, 1.0]"), a.toString());
    assertTrue(a.toString().contains("[-1.0, 2.0]"), a.toString());
  }

  @Test
  void valueMustBeFinite() {
    for (double bad : new double[] {Double.NaN, Double.NEGATIVE_INFINITY}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> KnownMinimum.at(bad));
      assertTrue(e.getMessage().contains(String.valueOf(bad)), e.getMessage());
    }
  }
}
