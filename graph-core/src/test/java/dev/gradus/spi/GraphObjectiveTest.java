package dev.gradus.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.graph.GradientCheck;
import dev.gradus.graph.Node;
import dev.gradus.graph.Ops;
import dev.gradus.graph.Variable;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** An objective defined by a graph: values, autodiff gradients and errors. */
class GraphObjectiveTest {

  /** Σ 100(x_{i+1} − x_i²)² + (1 − x_i)², counting how often it is built. */
  static final class Rosenbrock extends GraphObjective {
    int builds;

    Rosenbrock(int dimension) {
      super(dimension);
    }

    @Override
    protected Node build(Variable x) {
      builds++;
      int n = dimension();
      Node head = x.slice(0, 0, n - 1);
      Node tail = x.slice(0, 1, n);
      return tail.sub(head.square()).square().mul(100).add(Ops.sub(1.0, head).square()).sum();
    }
  }

  private static double rosenbrock(double[] x) {
    double sum = 0;
    for (int i = 0; i + 1 < x.length; i++) {
      sum += 100 * Math.pow(x[i + 1] - x[i] * x[i], 2) + Math.pow(1 - x[i], 2);
    }
    return sum;
  }

  @Test
  void valueAndGradientMatchTheFormulaAndCentralDifferences() {
    Rosenbrock f = new Rosenbrock(4);
    Random random = new Random(7);
    double[] gradient = new double[4];
    for (int trial = 0; trial < 20; trial++) {
      double[] x = new double[4];
      for (int i = 0; i < 4; i++) {
        x[i] = -1.5 + 3 * random.nextDouble();
      }
      double[] copy = x.clone();
      assertEquals(rosenbrock(x), f.value(x), 1e-12);
      assertEquals(rosenbrock(x), f.valueAndGradient(x, gradient), 1e-12);
      assertArrayEquals(copy, x, 0.0);
      GradientCheck.Report report = GradientCheck.check(f::value, x, gradient, 1e-6);
      assertTrue(report.passed(), report::toString);
    }
    assertEquals(1, f.builds);
    // The minimum at (1, …, 1).
    double[] ones = {1, 1, 1, 1};
    assertEquals(0.0, f.valueAndGradient(ones, gradient));
    assertArrayEquals(new double[4], gradient, 0.0);
  }

  @Test
  void wrongDimensionsNameBothLengths() {
    Rosenbrock f = new Rosenbrock(3);
    IllegalArgumentException point =
        assertThrows(IllegalArgumentException.class, () -> f.value(new double[2]));
    assertTrue(point.getMessage().contains("2 coordinates"), point.getMessage());
    assertTrue(point.getMessage().contains("dimension 3"), point.getMessage());
    assertTrue(point.getMessage().contains("[x0, x1, x2]"), point.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> f.valueAndGradient(new double[4], new double[3]));
    IllegalArgumentException buffer =
        assertThrows(
            IllegalArgumentException.class, () -> f.valueAndGradient(new double[3], new double[2]));
    assertTrue(buffer.getMessage().contains("2 entries"), buffer.getMessage());
    assertTrue(buffer.getMessage().contains("dimension is 3"), buffer.getMessage());
  }

  @Test
  void aNonScalarGraphIsRejectedNamingTheClass() {
    GraphObjective vectorValued =
        new GraphObjective(2) {
          @Override
          protected Node build(Variable x) {
            return x.square();
          }
        };
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> vectorValued.value(new double[2]));
    assertTrue(e.getMessage().contains(".build returned"), e.getMessage());
    assertTrue(e.getMessage().contains("[2]"), e.getMessage());
    assertTrue(e.getMessage().contains("single-element"), e.getMessage());
  }

  @Test
  void dimensionMustBePositive() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Rosenbrock(0));
    assertTrue(e.getMessage().contains("0"), e.getMessage());
  }

  @Test
  void defaultsOfTheOptionalMethods() {
    Rosenbrock f = new Rosenbrock(3);
    assertEquals(List.of("x0", "x1", "x2"), f.parameterNames());
    assertEquals(3, f.dimension());
    assertTrue(f.knownMinimum().isEmpty());
    assertTrue(f.domain().isEmpty());
    assertTrue(f.defaultStart().isEmpty());
    assertSame(f.graph(), f.graph());
    assertEquals(1, f.builds);
    assertEquals("x", f.graph().variables().get(0).name());
  }
}
