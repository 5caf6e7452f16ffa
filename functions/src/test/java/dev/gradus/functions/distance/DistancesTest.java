package dev.gradus.functions.distance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each measure on examples worked by hand; the working is in the comments. */
class DistancesTest {
  private static final double[] A = {1, 2, 3};
  private static final double[] B = {4, 5, 6};

  @Test
  void euclidean() {
    // a − b = (−3, −3, −3); Σ squares = 27; √27 = 3√3 = 5.196152422706632.
    assertEquals(3 * Math.sqrt(3), Distances.euclidean(A, B), 1e-15);
    // The 3-4-5 triangle.
    assertEquals(5.0, Distances.euclidean(new double[] {0, 0}, new double[] {3, 4}));
  }

  @Test
  void manhattan() {
    // |−3| + |−3| + |−3| = 9.
    assertEquals(9.0, Distances.manhattan(A, B));
    // |1 − (−2)| + |5 − 1| = 3 + 4 = 7.
    assertEquals(7.0, Distances.manhattan(new double[] {1, 5}, new double[] {-2, 1}));
  }

  @Test
  void minkowski() {
    // p = 3: (27 + 27 + 27)^(1/3) = 81^(1/3) = 3·∛3 = 4.326748710922225.
    assertEquals(3 * Math.cbrt(3), Distances.minkowski(A, B, 3), 1e-14);
    // p = 1 and p = 2 are Manhattan and Euclidean: 3 + 4 = 7 and √(9 + 16) = 5.
    double[] origin = {0, 0};
    double[] point = {3, 4};
    assertEquals(7.0, Distances.minkowski(origin, point, 1), 1e-15);
    assertEquals(5.0, Distances.minkowski(origin, point, 2), 1e-15);
    // p = ∞ is Chebyshev: max(3, 4) = 4; a huge p approaches it: 4·(1 + (3/4)^1000)^(1/1000).
    assertEquals(4.0, Distances.minkowski(origin, point, Double.POSITIVE_INFINITY));
    assertEquals(4.0, Distances.minkowski(origin, point, 1000), 1e-12);
  }

  @Test
  void minkowskiRejectsOrdersBelowOne() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Distances.minkowski(A, B, 0.5));
    assertEquals(
        "minkowski: p must be in [1, +∞) (below 1 it is not a distance), got p = 0.5",
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Distances.minkowski(A, B, Double.NaN));
  }

  @Test
  void chebyshev() {
    // max(|1 − 4|, |7 − 2|, |3 − 3|) = max(3, 5, 0) = 5.
    assertEquals(5.0, Distances.chebyshev(new double[] {1, 7, 3}, new double[] {4, 2, 3}));
    assertEquals(0.0, Distances.chebyshev(new double[0], new double[0]));
  }

  @Test
  void cosine() {
    // a·b = 4 + 10 + 18 = 32; ‖a‖² = 14, ‖b‖² = 77; similarity 32/√1078 = 0.9746318461970762;
    // distance 1 − that = 0.025368153802923787.
    assertEquals(32 / Math.sqrt(1078), Distances.cosineSimilarity(A, B), 1e-15);
    assertEquals(0.025368153802923787, Distances.cosine(A, B), 1e-15);
    // Orthogonal: similarity 0, distance 1. Opposite: similarity −1, distance 2.
    assertEquals(1.0, Distances.cosine(new double[] {1, 0}, new double[] {0, 3}));
    assertEquals(2.0, Distances.cosine(new double[] {1, 1}, new double[] {-2, -2}), 1e-15);
    // Only directions matter: (1, 2, 3) and (2, 4, 6) point the same way.
    assertEquals(0.0, Distances.cosine(A, new double[] {2, 4, 6}), 1e-15);
  }

  @Test
  void cosineOfZeroVectorIsAnError() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Distances.cosine(new double[] {1, 2}, new double[] {0, 0}));
    assertEquals(
        "cosine: the second vector is zero, and the angle to a zero vector is undefined",
        e.getMessage());
  }

  @Test
  void hamming() {
    // (1, 0, 1, 1) vs (1, 1, 0, 1): positions 1 and 2 differ → 2 of 4 → fraction 0.5.
    double[] a = {1, 0, 1, 1};
    double[] b = {1, 1, 0, 1};
    assertEquals(2, Distances.hamming(a, b));
    assertEquals(0.5, Distances.hammingFraction(a, b));
    // karolin / kathrin: r≠t, o≠h, l≠r → 3.
    assertEquals(3, Distances.hamming("karolin", "kathrin"));
    // 0.0 == −0.0, and NaN differs even from NaN.
    assertEquals(
        1, Distances.hamming(new double[] {0.0, Double.NaN}, new double[] {-0.0, Double.NaN}));
    assertEquals(0.0, Distances.hammingFraction(new double[0], new double[0]));
  }

  @Test
  void jaccardAndDice() {
    // A = {0, 1, 2}, B = {1, 2, 3, 4}: |A ∩ B| = 2, |A ∪ B| = 5, |A| + |B| = 7.
    double[] a = {1, 1, 1, 0, 0};
    double[] b = {0, 1, 1, 1, 1};
    assertEquals(0.4, Distances.jaccardIndex(a, b), 1e-15); // 2/5
    assertEquals(0.6, Distances.jaccard(a, b), 1e-15);
    assertEquals(4.0 / 7, Distances.diceCoefficient(a, b), 1e-15); // 2·2/7
    assertEquals(3.0 / 7, Distances.dice(a, b), 1e-15);
    // Any nonzero entry is a member: (2, −1, 0.5, 0, 0) is the same set as a.
    assertEquals(0.4, Distances.jaccardIndex(new double[] {2, -1, 0.5, 0, 0}, b), 1e-15);
    boolean[] setA = {true, true, true, false, false};
    boolean[] setB = {false, true, true, true, true};
    assertEquals(0.4, Distances.jaccardIndex(setA, setB), 1e-15);
    assertEquals(4.0 / 7, Distances.diceCoefficient(setA, setB), 1e-15);
  }

  @Test
  void twoEmptySetsAreIdentical() {
    double[] empty = {0, 0, 0};
    assertEquals(1.0, Distances.jaccardIndex(empty, empty));
    assertEquals(0.0, Distances.jaccard(empty, empty));
    assertEquals(1.0, Distances.diceCoefficient(empty, empty));
    assertEquals(0.0, Distances.dice(empty, empty));
  }

  @Test
  void haversineAlongTheEquatorAndBetweenThePoles() {
    // One degree of longitude on the equator: h = sin²(π/360), d = 2R·π/360 = R·π/180
    // = 6371.0088 · 0.017453292519943295 = 111.1950802335329 km.
    assertEquals(111.1950802335329, Distances.haversine(0, 0, 0, 1), 1e-9);
    // Pole to pole: Δφ = π, h = sin²(π/2) = 1, d = 2R·asin(1) = πR = 20015.114442035923 km.
    assertEquals(Math.PI * 6371.0088, Distances.haversine(90, 0, -90, 0), 1e-9);
  }

  @Test
  void haversineParisToLondon() {
    // Paris (48.8566, 2.3522), London (51.5074, −0.1278), worked step by step:
    //   φ₁ = 0.8527085313, φ₂ = 0.8989737191, Δφ = 0.0462651878, Δλ = −0.0432841654 (radians)
    //   sin²(Δφ/2) = 0.00053502146
    //   cos φ₁ · cos φ₂ · sin²(Δλ/2) = 0.65748 · 0.62164 · 0.00046830 = 0.00019177832
    //   h = 0.00072679977, √h = 0.0269592243, asin √h = 0.0269624910
    //   d = 2 · 6371.0088 · 0.0269624910 = 343.5565 km
    assertEquals(343.5565, Distances.haversine(48.8566, 2.3522, 51.5074, -0.1278), 1e-3);
    assertEquals(
        Distances.haversine(48.8566, 2.3522, 51.5074, -0.1278),
        Distances.haversine(new double[] {51.5074, -0.1278}, new double[] {48.8566, 2.3522}),
        1e-9);
  }

  @Test
  void haversineRejectsBadCoordinates() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Distances.haversine(91, 0, 0, 0));
    assertEquals("haversine: latitude must be in [-90, 90] degrees, got 91.0", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Distances.haversine(0, Double.NaN, 0, 0));
    assertThrows(
        IllegalArgumentException.class,
        () -> Distances.haversine(new double[] {1, 2, 3}, new double[] {1, 2}));
  }

  @Test
  void lengthsMustMatch() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Distances.euclidean(new double[] {1, 2}, new double[] {1, 2, 3}));
    assertEquals("euclidean: vectors must have equal lengths, got 2 and 3", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Distances.hamming("abc", "ab"));
    assertThrows(
        IllegalArgumentException.class,
        () -> Distances.jaccardIndex(new boolean[2], new boolean[3]));
  }

  @Test
  void nearestMinimizer() {
    // From (1, 1): to (0, 0) is √2, to (4, 5) is 5, to (1, 3) is 2 → √2.
    double[] point = {1, 1};
    List<double[]> minimizers =
        List.of(new double[] {4, 5}, new double[] {0, 0}, new double[] {1, 3});
    assertEquals(Math.sqrt(2), Distances.nearest(point, minimizers), 1e-15);
    assertEquals(0.0, Distances.nearest(point, List.of(new double[] {1, 1})));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Distances.nearest(point, List.of()));
    assertTrue(e.getMessage().contains("at least one minimizer"), e.getMessage());
  }
}
