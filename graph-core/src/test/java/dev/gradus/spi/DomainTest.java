package dev.gradus.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Box domains: validation, copies, membership, boundary and equality. */
class DomainTest {

  @Test
  void boundsAreCopiedInAndOut() {
    double[] lower = {-1, -2};
    double[] upper = {1, 2};
    Domain d = new Domain(lower, upper);
    lower[0] = -100;
    d.upper()[1] = 100;
    assertArrayEquals(new double[] {-1, -2}, d.lower());
    assertArrayEquals(new double[] {1, 2}, d.upper());
    assertEquals(2, d.dimension());
  }

  @Test
  void invalidBoundsAreRejectedWithTheirValues() {
    IllegalArgumentException lengths =
        assertThrows(
            IllegalArgumentException.class, () -> new Domain(new double[2], new double[3]));
    assertTrue(
        lengths.getMessage().contains("2") && lengths.getMessage().contains("3"),
        lengths.getMessage());
    IllegalArgumentException order =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Domain(new double[] {0, 5}, new double[] {1, 4}));
    assertTrue(order.getMessage().contains("5.0"), order.getMessage());
    assertTrue(order.getMessage().contains("4.0"), order.getMessage());
    assertTrue(order.getMessage().contains("at 1"), order.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> new Domain(new double[] {Double.NaN}, new double[] {1}));
  }

  @Test
  void cubeRepeatsTheInterval() {
    Domain cube = Domain.cube(3, -5, 5);
    assertArrayEquals(new double[] {-5, -5, -5}, cube.lower());
    assertArrayEquals(new double[] {5, 5, 5}, cube.upper());
    assertEquals("[-5.0, 5.0] × [-5.0, 5.0] × [-5.0, 5.0]", cube.toString());
  }

  @Test
  void containsIsInclusiveAndChecksTheDimension() {
    Domain d = new Domain(new double[] {-1, 0}, new double[] {1, 2});
    assertTrue(d.contains(new double[] {0, 1}));
    assertTrue(d.contains(new double[] {-1, 2}));
    assertFalse(d.contains(new double[] {1.0000001, 1}));
    assertFalse(d.contains(new double[] {0, Double.NaN}));
    assertFalse(d.contains(new double[] {0}));
    assertFalse(d.contains(new double[] {0, 1, 0}));
  }

  @Test
  void onBoundaryDetectsAnyFace() {
    Domain d = new Domain(new double[] {-1, 0}, new double[] {1, 2});
    assertTrue(d.onBoundary(new double[] {-1, 1}));
    assertTrue(d.onBoundary(new double[] {0, 2}));
    assertFalse(d.onBoundary(new double[] {0, 1}));
    // A point of another dimension lies on no face of this box, as it is not in it either.
    assertFalse(d.onBoundary(new double[] {0, 1, 0}));
    assertFalse(d.onBoundary(new double[] {0}));
  }

  @Test
  void equalityIsByContent() {
    Domain a = Domain.cube(2, 0, 1);
    Domain b = new Domain(new double[] {0, 0}, new double[] {1, 1});
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, Domain.cube(2, 0, 2));
    assertNotEquals(a, Domain.cube(3, 0, 1));
  }
}
