package dev.gradus.functions.expression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.graph.GradientCheck;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Gradients of compiled expressions against hand-derived ones and central differences. */
class ExpressionGradientTest {
  private static final String ROSENBROCK = "sum(100*(x[1:] - x[:-1]^2)^2 + (1 - x[:-1])^2)";

  /** f(x) = Σ 100(xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)², written out by hand. */
  private static double rosenbrock(double[] x) {
    double f = 0;
    for (int i = 0; i + 1 < x.length; i++) {
      double a = x[i + 1] - x[i] * x[i];
      double b = 1 - x[i];
      f += 100 * a * a + b * b;
    }
    return f;
  }

  /** ∂f/∂xᵢ = −400 xᵢ (xᵢ₊₁ − xᵢ²) − 2(1 − xᵢ) + 200 (xᵢ − xᵢ₋₁²), terms present where defined. */
  private static double[] rosenbrockGradient(double[] x) {
    double[] g = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      if (i + 1 < x.length) {
        g[i] += -400 * x[i] * (x[i + 1] - x[i] * x[i]) - 2 * (1 - x[i]);
      }
      if (i > 0) {
        g[i] += 200 * (x[i] - x[i - 1] * x[i - 1]);
      }
    }
    return g;
  }

  @Test
  void rosenbrockMatchesTheHandWrittenFunctionInDimensions2To50() {
    Random random = new Random(42);
    for (int n = 2; n <= 50; n++) {
      ExpressionObjective objective =
          ExpressionObjective.builder("rosenbrock", ROSENBROCK).vector("x", n).build();
      for (int trial = 0; trial < 3; trial++) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
          x[i] = -2 + 4 * random.nextDouble();
        }
        double[] gradient = new double[n];
        double value = objective.valueAndGradient(x, gradient);
        double expected = rosenbrock(x);
        assertEquals(expected, value, 1e-12 * Math.max(1, expected), "n = " + n);
        double[] expectedGradient = rosenbrockGradient(x);
        for (int i = 0; i < n; i++) {
          assertEquals(
              expectedGradient[i],
              gradient[i],
              1e-10 * Math.max(1, Math.abs(expectedGradient[i])),
              "n = " + n + ", coordinate " + i);
        }
        assertEquals(expected, objective.value(x), 1e-12 * Math.max(1, expected));
      }
    }
    // The minimum is 0 at (1, ..., 1).
    ExpressionObjective five =
        ExpressionObjective.builder("rosenbrock", ROSENBROCK).vector("x", 5).build();
    assertEquals(0.0, five.value(new double[] {1, 1, 1, 1, 1}));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "sin((x+y)*z)",
        "c*(a+2*b)",
        "(2*a+b)*(c*d)",
        "(x - 3)^2 + 10*(y + 1)^2",
        "exp(x) * log(y^2 + 1) / (1 + z^2)",
        "tanh(a*b) + sigmoid(c - d) + cos(x)^3",
        "sqrt(x^2 + y^2 + 1) - tan(z / 4)",
        "pow(y^2 + 1, x) + pow(2, z)",
        "x^y^2 + 2^-x",
        "-x^2 + - -y",
        "pi * e * x",
        "sum(v * w) + mean(v^2) + norm(w)",
        "sum(v[::2]) * v[-1] + v[1:3][0] * w[0]",
        "prod(v) + prod(w[1:])",
        "dot(v, w) / norm(v)",
        "sum(v[::-1] * w)",
        "min(x, y + 5, z - 5) + max(v * 3) + sum(max(v, w))",
        "euclidean(v, w) + manhattan(v, w) + minkowski(v, w, 3) + chebyshev(v, w)",
        "cosine(v, w) + relu(x) + abs(y)",
        "haversine(v[0:2] * 10, w[1:3] * 10)",
      })
  void gradientsMatchCentralDifferences(String text) {
    Random random = new Random(text.hashCode());
    for (int trial = 0; trial < 5; trial++) {
      Map<String, double[]> at = new LinkedHashMap<>();
      for (String name : Expressions.freeVariables(Expressions.parse(text))) {
        // Scalars in [0.3, 1.3] keep away from the kinks of abs, relu, min and max at 0;
        // vectors have distinct entries so that max and chebyshev have a unique winner.
        int size = name.equals("v") || name.equals("w") ? 4 : 1;
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
          values[i] = 0.3 + random.nextDouble() + (name.equals("w") ? 2 * i : i);
        }
        at.put(name, values);
      }
      var evaluation = Expressions.evaluate(text, at);
      GradientCheck.Report report = GradientCheck.check(evaluation.graph(), 1e-6);
      assertTrue(report.passed(), text + " at trial " + trial + ": " + report);
      assertTrue(Double.isFinite(evaluation.value()), text);
    }
  }

  @Test
  void productHasExactGradientsAtZerosAndNegatives() {
    // prod(0, 2, 3): ∂/∂x₀ = 2·3 = 6, and 0 for the others, since each of them multiplies x₀ = 0.
    var one = Expressions.evaluate("prod(x)", Map.of("x", new double[] {0, 2, 3}));
    assertEquals(0.0, one.value());
    assertArrayEquals(new double[] {6, 0, 0}, one.gradient("x"));
    // prod(−1, 2, −3, 4, 5) = 120; ∂/∂xᵢ = 120 / xᵢ.
    var mixed = Expressions.evaluate("prod(x)", Map.of("x", new double[] {-1, 2, -3, 4, 5}));
    assertEquals(120.0, mixed.value());
    assertArrayEquals(new double[] {-120, 60, -40, 30, 24}, mixed.gradient("x"));
    // Two zeros: every partial derivative is a product containing a zero.
    var two = Expressions.evaluate("prod(x)", Map.of("x", new double[] {0, 7, 0}));
    assertArrayEquals(new double[] {0, 0, 0}, two.gradient("x"));
  }

  @Test
  void normHasNoGradientAtTheZeroVector() {
    // √(Σ xᵢ²) has a cone point at 0: the value is 0, and the gradient NaN (documented).
    var zero = Expressions.evaluate("norm(x)", Map.of("x", new double[] {0, 0}));
    assertEquals(0.0, zero.value());
    assertTrue(Double.isNaN(zero.gradient("x")[0]));
    // abs, the one-dimensional norm, takes the subgradient 0 there.
    var abs = Expressions.evaluate("abs(x)", Map.of("x", new double[] {0}));
    assertEquals(0.0, abs.gradient("x")[0]);
  }

  @Test
  void minAndMaxSendTheGradientToTheFirstTiedArgument() {
    var tie =
        Expressions.evaluate("min(x, y)", Map.of("x", new double[] {2}, "y", new double[] {2}));
    assertEquals(1.0, tie.gradient("x")[0]);
    assertEquals(0.0, tie.gradient("y")[0]);
    var reduction = Expressions.evaluate("max(v)", Map.of("v", new double[] {1, 5, 5}));
    assertArrayEquals(new double[] {0, 1, 0}, reduction.gradient("v"));
    // Elementwise, with broadcasting: max(v, 2) at v = (1, 3): 2 wins the first element.
    var broadcast =
        Expressions.evaluate(
            "sum(max(v, c))", Map.of("v", new double[] {1, 3}, "c", new double[] {2}));
    assertArrayEquals(new double[] {0, 1}, broadcast.gradient("v"));
    assertArrayEquals(new double[] {1}, broadcast.gradient("c"));
  }
}
