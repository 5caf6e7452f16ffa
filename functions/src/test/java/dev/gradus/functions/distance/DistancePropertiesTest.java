package dev.gradus.functions.distance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.ToDoubleBiFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

/** Symmetry for every measure, and the triangle inequality for those that are metrics. */
class DistancePropertiesTest {
  /** Three points of one random dimension. */
  record Triple(double[] a, double[] b, double[] c) {}

  @Provide
  Arbitrary<Triple> points() {
    return Arbitraries.integers()
        .between(1, 8)
        .flatMap(
            n -> {
              Arbitrary<double[]> point =
                  Arbitraries.doubles().between(-1e3, 1e3).array(double[].class).ofSize(n);
              return point.tuple3().map(t -> new Triple(t.get1(), t.get2(), t.get3()));
            });
  }

  @Provide
  Arbitrary<Triple> sets() {
    return Arbitraries.integers()
        .between(1, 12)
        .flatMap(
            n -> {
              Arbitrary<double[]> set = Arbitraries.of(0.0, 1.0).array(double[].class).ofSize(n);
              return set.tuple3().map(t -> new Triple(t.get1(), t.get2(), t.get3()));
            });
  }

  @Provide
  Arbitrary<Triple> places() {
    Arbitrary<double[]> place =
        Arbitraries.doubles()
            .between(-90, 90)
            .tuple2()
            .flatMap(
                lat ->
                    Arbitraries.doubles()
                        .between(-180, 180)
                        .map(lon -> new double[] {lat.get1(), lon}));
    return place.tuple3().map(t -> new Triple(t.get1(), t.get2(), t.get3()));
  }

  @Property
  void metricsOnVectors(
      @ForAll("points") Triple t, @ForAll @DoubleRange(min = 1, max = 8) double p) {
    checkMetric(Distances::euclidean, t);
    checkMetric(Distances::manhattan, t);
    checkMetric(Distances::chebyshev, t);
    checkMetric((a, b) -> Distances.minkowski(a, b, p), t);
    checkMetric((a, b) -> Distances.hamming(a, b), t);
  }

  @Property
  void cosineIsSymmetricAndBounded(@ForAll("points") Triple t) {
    Assume.that(Distances.euclidean(t.a(), new double[t.a().length]) > 0);
    Assume.that(Distances.euclidean(t.b(), new double[t.b().length]) > 0);
    double ab = Distances.cosine(t.a(), t.b());
    assertEquals(ab, Distances.cosine(t.b(), t.a()), 1e-12);
    assertTrue(ab >= 0 && ab <= 2, "cosine distance " + ab);
  }

  @Property
  void setMeasures(@ForAll("sets") Triple t) {
    checkMetric(Distances::jaccard, t);
    checkMetric(Distances::hammingFraction, t);
    // Sørensen–Dice is symmetric and in [0, 1] but not a metric; it relates to Jaccard as
    // D = 2J / (1 + J) for the indices.
    double dice = Distances.diceCoefficient(t.a(), t.b());
    double jaccard = Distances.jaccardIndex(t.a(), t.b());
    assertEquals(dice, Distances.diceCoefficient(t.b(), t.a()));
    assertEquals(2 * jaccard / (1 + jaccard), dice, 1e-12);
  }

  @Property
  void haversineIsAMetricOnTheSphere(@ForAll("places") Triple t) {
    checkMetric(Distances::haversine, t);
    assertTrue(
        Distances.haversine(t.a(), t.b()) <= Math.PI * Distances.EARTH_MEAN_RADIUS_KM + 1e-6);
  }

  private static void checkMetric(ToDoubleBiFunction<double[], double[]> d, Triple t) {
    double ab = d.applyAsDouble(t.a(), t.b());
    double bc = d.applyAsDouble(t.b(), t.c());
    double ac = d.applyAsDouble(t.a(), t.c());
    assertEquals(ab, d.applyAsDouble(t.b(), t.a()), 1e-12 * Math.max(1, ab), "symmetry");
    assertEquals(0.0, d.applyAsDouble(t.a(), t.a()), "distance to itself");
    assertTrue(ab >= 0, "non-negative");
    double slack = 1e-9 * Math.max(1, ab + bc);
    assertTrue(ac <= ab + bc + slack, "triangle inequality: " + ac + " > " + ab + " + " + bc);
  }
}
