package dev.gradus.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gradus.graph.Node;
import dev.gradus.graph.Variable;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SPI 1.5's Hessian-vector product: the default by central differences of gradients, an SPI 1.4
 * objective that knows nothing of it, and a graph objective's exact product by autodiff.
 */
class HessianVectorProductTest {
  /** f = Σ xᵢ⁴ with its gradient 4xᵢ³ by hand, written as an SPI 1.4 plugin would. */
  static final class Quartic implements Objective {
    int gradients;

    @Override
    public int dimension() {
      return 3;
    }

    @Override
    public List<String> parameterNames() {
      return List.of("a", "b", "c");
    }

    @Override
    public double value(double[] x) {
      double f = 0;
      for (double xi : x) {
        f += xi * xi * xi * xi;
      }
      return f;
    }

    @Override
    public double valueAndGradient(double[] x, double[] gradient) {
      gradients++;
      for (int i = 0; i < x.length; i++) {
        gradient[i] = 4 * x[i] * x[i] * x[i];
      }
      return value(x);
    }
  }

  @Test
  void defaultIsCentralDifferencesOfTwoGradients() {
    Quartic f = new Quartic();
    assertEquals(HessianMethod.FINITE_DIFFERENCES, f.hessianMethod());
    double[] x = {0.5, -1.5, 2};
    double[] v = {1, 0.5, -0.25};
    double[] hv = new double[3];
    f.hessianVectorProduct(x, v, hv);
    assertEquals(2, f.gradients);
    // H = diag(12xᵢ²); h = ∛ε·2/1 ≈ 1.2e-5, so the truncation error 4·h²·vᵢ³... is near 1e-9
    for (int i = 0; i < 3; i++) {
      assertEquals(12 * x[i] * x[i] * v[i], hv[i], 1e-8, "coordinate " + i);
    }
    assertArrayEquals(new double[] {0.5, -1.5, 2}, x, 0.0, "x untouched");
    f.hessianVectorProduct(x, new double[3], hv);
    assertArrayEquals(new double[3], hv, 0.0, "a zero direction without evaluating");
    assertEquals(2, f.gradients);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> f.hessianVectorProduct(x, new double[2], new double[3]));
    assertEquals("direction has 2 entries, but the dimension is 3", e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> f.hessianVectorProduct(new double[4], v, new double[3]));
  }

  @Test
  void graphObjectivesAreExact() {
    GraphObjective f =
        new GraphObjective(2) {
          @Override
          protected Node build(Variable x) {
            // f = x₀²x₁ + sin x₁: H = [[2x₁, 2x₀], [2x₀, −sin x₁]]
            return x.get(0).square().mul(x.get(1)).add(x.get(1).sin());
          }
        };
    assertEquals(HessianMethod.AUTODIFF, f.hessianMethod());
    double[] hv = new double[2];
    f.hessianVectorProduct(new double[] {1.5, 0.5}, new double[] {1, 2}, hv);
    assertArrayEquals(new double[] {2 * 0.5 + 2 * 1.5 * 2, 2 * 1.5 - Math.sin(0.5) * 2}, hv, 1e-15);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> f.hessianVectorProduct(new double[2], new double[2], new double[1]));
    assertEquals("out has 1 entries, but the dimension is 2", e.getMessage());
  }
}
