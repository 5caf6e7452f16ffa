package dev.gradus.functions.distance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.graph.GradientCheck;
import dev.gradus.graph.Node;
import dev.gradus.graph.ShapeMismatchException;
import dev.gradus.graph.Tensor;
import dev.gradus.graph.Variable;
import java.util.Random;
import java.util.function.BinaryOperator;
import java.util.function.ToDoubleBiFunction;
import org.junit.jupiter.api.Test;

/** The graph distances agree with {@link Distances} and have correct gradients off the kinks. */
class DistanceOpsTest {
  private final Random random = new Random(7);

  private double[] randomVector(int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = -5 + 10 * random.nextDouble();
    }
    return v;
  }

  private void check(
      String name, BinaryOperator<Node> graph, ToDoubleBiFunction<double[], double[]> plain) {
    for (int trial = 0; trial < 20; trial++) {
      int n = 1 + random.nextInt(6);
      double[] a = randomVector(n);
      double[] b = randomVector(n);
      Variable va = Variable.of("a", Tensor.vector(a));
      Variable vb = Variable.of("b", Tensor.vector(b));
      Node d = graph.apply(va, vb);
      assertEquals(plain.applyAsDouble(a, b), d.item(), 1e-12, name);
      GradientCheck.Report report = GradientCheck.check(d.graph(), 1e-6);
      assertTrue(report.passed(), name + ": " + report);
    }
  }

  /** Vectors of set members and non-members: 0, −0.0, NaN and other values, empty sets too. */
  private double[] membership(int n) {
    double[] choices = {0, -0.0, 0, 1, 2.5, -3, Double.NaN};
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = choices[random.nextInt(choices.length)];
    }
    return v;
  }

  @Test
  void countingDistancesAgreeToTheBitAndPassBackZero() {
    for (int trial = 0; trial < 200; trial++) {
      int n = random.nextInt(6);
      double[] a = trial % 10 == 0 ? new double[n] : membership(n);
      double[] b = trial % 10 == 0 ? new double[n] : membership(n);
      Variable va = Variable.of("a", Tensor.vector(a));
      Variable vb = Variable.of("b", Tensor.vector(b));
      String at = java.util.Arrays.toString(a) + " " + java.util.Arrays.toString(b);
      Node[] nodes = {
        DistanceOps.hamming(va, vb), DistanceOps.jaccard(va, vb), DistanceOps.dice(va, vb)
      };
      double[] plain = {Distances.hamming(a, b), Distances.jaccard(a, b), Distances.dice(a, b)};
      for (int k = 0; k < nodes.length; k++) {
        assertEquals(plain[k], nodes[k].item(), 0.0, "measure " + k + " at " + at);
        nodes[k].backward();
        for (Variable v : new Variable[] {va, vb}) {
          for (double g : v.grad().toArray()) {
            assertEquals(0.0, g, 0.0, "a count passes back 0, at " + at);
          }
        }
      }
    }
    // by hand: {0, 2} and {2, 3} of four positions share one of three members
    Variable a = Variable.of("a", Tensor.vector(1, 0, 5, 0));
    Variable b = Variable.of("b", Tensor.vector(0, 0, 5, 7));
    assertEquals(2, DistanceOps.hamming(a, b).item());
    assertEquals(1 - 1 / 3.0, DistanceOps.jaccard(a, b).item(), 0.0);
    assertEquals(1 - 2 / 4.0, DistanceOps.dice(a, b).item(), 0.0);
  }

  @Test
  void differentiableDistances() {
    check("euclidean", DistanceOps::euclidean, Distances::euclidean);
    check("manhattan", DistanceOps::manhattan, Distances::manhattan);
    check("chebyshev", DistanceOps::chebyshev, Distances::chebyshev);
    check("cosine", DistanceOps::cosine, Distances::cosine);
    check(
        "minkowski 1",
        (a, b) -> DistanceOps.minkowski(a, b, 1),
        (a, b) -> Distances.minkowski(a, b, 1));
    check(
        "minkowski 3",
        (a, b) -> DistanceOps.minkowski(a, b, 3),
        (a, b) -> Distances.minkowski(a, b, 3));
    check(
        "minkowski 1.5",
        (a, b) -> DistanceOps.minkowski(a, b, 1.5),
        (a, b) -> Distances.minkowski(a, b, 1.5));
    check(
        "minkowski ∞",
        (a, b) -> DistanceOps.minkowski(a, b, Double.POSITIVE_INFINITY),
        Distances::chebyshev);
  }

  @Test
  void haversineAgreesWithTheFormulaAndHasCorrectGradients() {
    for (int trial = 0; trial < 200; trial++) {
      double[] p = {-89 + 178 * random.nextDouble(), -180 + 360 * random.nextDouble()};
      double[] q = {-89 + 178 * random.nextDouble(), -180 + 360 * random.nextDouble()};
      Variable vp = Variable.of("p", Tensor.vector(p));
      Variable vq = Variable.of("q", Tensor.vector(q));
      Node d = DistanceOps.haversine(vp, vq);
      double expected = Distances.haversine(p, q);
      // The graph finds the angle by iteration; it agrees to rounding (≈ 1e-12 relative).
      assertEquals(expected, d.item(), 1e-9 * Math.max(1, expected), "at trial " + trial);
      // Near-antipodal points are nearly singular; the gradient is checked away from them.
      if (expected < 0.9 * Math.PI * Distances.EARTH_MEAN_RADIUS_KM && expected > 1) {
        GradientCheck.Report report = GradientCheck.check(d.graph(), 1e-6);
        assertTrue(report.passed(), "trial " + trial + ": " + report);
      }
    }
  }

  @Test
  void haversineOnAKnownPair() {
    // One degree along the equator: R·π/180 = 111.1950802335329 km (worked in DistancesTest).
    Node d = DistanceOps.haversine(Variable.vector("p", 0, 0), Variable.vector("q", 0, 1));
    assertEquals(111.1950802335329, d.item(), 1e-9);
    // ∂d/∂λ₂ on the equator is R·π/180 per degree, the same number.
    d.backward();
    Variable q = (Variable) d.graph().variables().get(1);
    assertEquals(111.1950802335329, q.grad().toArray()[1], 1e-6);
  }

  @Test
  void errors() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> DistanceOps.minkowski(Variable.vector("a", 1), Variable.vector("b", 2), 0.5));
    assertTrue(e.getMessage().contains("got p = 0.5"), e.getMessage());
    assertThrows(
        ShapeMismatchException.class,
        () -> DistanceOps.haversine(Variable.vector("a", 1, 2, 3), Variable.vector("b", 1, 2)));
    assertThrows(
        ShapeMismatchException.class,
        () -> DistanceOps.euclidean(Variable.vector("a", 1, 2, 3), Variable.vector("b", 1, 2)));
    // A zero vector gives NaN in the graph, where values change after it is built.
    assertTrue(
        Double.isNaN(
            DistanceOps.cosine(Variable.vector("a", 0, 0), Variable.vector("b", 1, 2)).item()));
  }
}
