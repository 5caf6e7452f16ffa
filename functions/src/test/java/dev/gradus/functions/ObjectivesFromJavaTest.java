package dev.gradus.functions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.graph.NumericalDiff;
import dev.gradus.spi.GraphObjective;
import dev.gradus.spi.Objective;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Objectives from a Java function and from a graph built by a lambda. */
class ObjectivesFromJavaTest {
  /** f(x, y) = (x − 1)² + 3(y + 2)², ∇f = (2(x − 1), 6(y + 2)). */
  private static double bowl(double[] p, double[] g) {
    g[0] = 2 * (p[0] - 1);
    g[1] = 6 * (p[1] + 2);
    return (p[0] - 1) * (p[0] - 1) + 3 * (p[1] + 2) * (p[1] + 2);
  }

  @Test
  void aFunctionObjectiveCallsTheFunctionWithItsNames() {
    Objective f = Objectives.of(List.of("x", "y"), ObjectivesFromJavaTest::bowl);
    assertEquals(2, f.dimension());
    assertEquals(List.of("x", "y"), f.parameterNames());
    double[] g = new double[2];
    double[] at = {2, 0};
    assertEquals(13, f.valueAndGradient(at, g));
    assertArrayEquals(new double[] {2, 12}, g);
    assertEquals(13, f.value(at));
    assertArrayEquals(new double[] {2, 0}, at, "the point is left as it was");
    assertTrue(f.knownMinimum().isEmpty() && f.domain().isEmpty() && f.defaultStart().isEmpty());
    assertEquals("objective of [x, y]", f.toString());
    assertEquals(List.of("x0", "x1", "x2"), Objectives.of(3, (x, gr) -> 0).parameterNames());
  }

  @Test
  void wrongLengthsAndBadNamesAreRefused() {
    Objective f = Objectives.of(List.of("x", "y"), ObjectivesFromJavaTest::bowl);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> f.value(new double[3]));
    assertEquals(
        "point has 3 coordinates, but the objective has dimension 2 [x, y]", e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> f.valueAndGradient(new double[2], new double[1]));
    assertEquals(
        "coordinate name 'x' appears twice in [x, x]",
        assertThrows(
                IllegalArgumentException.class,
                () -> Objectives.of(List.of("x", "x"), ObjectivesFromJavaTest::bowl))
            .getMessage());
    assertThrows(IllegalArgumentException.class, () -> Objectives.of(List.of(), (x, g) -> 0));
    assertEquals(
        "dimension = 0 is not allowed: must be at least 1",
        assertThrows(IllegalArgumentException.class, () -> Objectives.of(0, (x, g) -> 0))
            .getMessage());
  }

  @Test
  void aGraphObjectivesGradientIsItsCentralDifferences() {
    // f = Σ xᵢ² + sin(x₀·x₁)
    GraphObjective f =
        Objectives.fromGraph(
            List.of("a", "b", "c"), x -> x.square().sum().add(x.get(0).mul(x.get(1)).sin()));
    double[] at = {0.3, -1.1, 2.0};
    double[] g = new double[3];
    double value = f.valueAndGradient(at, g);
    assertEquals(0.09 + 1.21 + 4 + Math.sin(-0.33), value, 1e-15);
    double[] numerical = NumericalDiff.gradient(f::value, at.clone(), NumericalDiff.Scheme.CENTRAL);
    assertArrayEquals(numerical, g, 1e-8);
    assertArrayEquals(
        new double[] {0.6 - 1.1 * Math.cos(-0.33), -2.2 + 0.3 * Math.cos(-0.33), 4}, g, 1e-15);
    assertEquals(List.of("a", "b", "c"), f.parameterNames());
    assertEquals(value, f.value(at));
    assertEquals(3, Objectives.fromGraph(3, x -> x.sum()).dimension());
  }

  @Test
  void aGraphWithMoreThanOneElementIsRefusedOnFirstUse() {
    GraphObjective f = Objectives.fromGraph(2, x -> x.square());
    assertThrows(IllegalStateException.class, () -> f.value(new double[2]));
  }
}
