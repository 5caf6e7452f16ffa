package dev.gradus.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.graph.NumericalDiff.Scheme;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Finite differences against derivatives known in closed form, and the step-size rule. */
class NumericalDiffTest {

  private static void assertDerivative(
      DoubleUnaryOperator f, double x, double exact, Scheme scheme, double tolerance) {
    double numerical = NumericalDiff.derivative(f, x, scheme);
    assertEquals(exact, numerical, tolerance, () -> scheme + " derivative at " + x);
  }

  @ParameterizedTest
  @EnumSource(Scheme.class)
  void everySchemeApproximatesKnownDerivatives(Scheme scheme) {
    double tolerance = scheme == Scheme.CENTRAL ? 1e-9 : 1e-6;
    assertDerivative(Math::sin, 1.0, Math.cos(1.0), scheme, tolerance);
    assertDerivative(Math::exp, 0.0, 1.0, scheme, tolerance);
    assertDerivative(x -> x * x * x, 2.0, 12.0, scheme, tolerance * 12);
    assertDerivative(Math::log, 3.0, 1.0 / 3, scheme, tolerance);
    assertDerivative(x -> 5 * x - 2, -7.5, 5.0, scheme, tolerance * 10);
    // Far from 1 the step scales with |x|, keeping the relative accuracy.
    assertDerivative(x -> x * x, 1e6, 2e6, scheme, 2e6 * tolerance);
  }

  @Test
  void centralErrorIsMuchSmallerThanForwardAndBackwardError() {
    double exact = Math.cos(1.0);
    double forward = Math.abs(NumericalDiff.derivative(Math::sin, 1.0, Scheme.FORWARD) - exact);
    double backward = Math.abs(NumericalDiff.derivative(Math::sin, 1.0, Scheme.BACKWARD) - exact);
    double central = Math.abs(NumericalDiff.derivative(Math::sin, 1.0, Scheme.CENTRAL) - exact);
    assertTrue(central * 100 < forward, "central " + central + ", forward " + forward);
    assertTrue(central * 100 < backward, "central " + central + ", backward " + backward);
    assertTrue(central < 1e-10, "central " + central);
  }

  @Test
  void oneSidedErrorsHaveOppositeSignsForACurvedFunction() {
    // For f'' < 0 (sin at 1), the forward quotient is too small and the backward one too large,
    // each by about h·|f''|/2, well above the rounding noise at h = √ε for this f.
    DoubleUnaryOperator f = x -> Math.sin(x) * 1e3;
    double exact = 1e3 * Math.cos(1.0);
    double forward = NumericalDiff.derivative(f, 1.0, Scheme.FORWARD) - exact;
    double backward = NumericalDiff.derivative(f, 1.0, Scheme.BACKWARD) - exact;
    assertTrue(forward < 0 && backward > 0, "forward " + forward + ", backward " + backward);
    double expected = NumericalDiff.step(1.0, Scheme.FORWARD) * 1e3 * Math.sin(1.0) / 2;
    assertEquals(expected, -forward, expected);
  }

  @Property(tries = 300)
  void stepIsExactlyRepresentableAndScalesWithX(
      @ForAll @DoubleRange(min = -1, max = 1) double mantissa,
      @ForAll @IntRange(min = -300, max = 300) int exponent) {
    double x = mantissa * Math.pow(10, exponent);
    for (Scheme scheme : Scheme.values()) {
      double h = NumericalDiff.step(x, scheme);
      assertTrue(h > 0, () -> "step " + h + " at " + x);
      assertEquals(h, (x + h) - x, 0.0, () -> scheme + " step at " + x);
      double base = scheme == Scheme.CENTRAL ? Math.cbrt(Math.ulp(1.0)) : Math.sqrt(Math.ulp(1.0));
      double expected = base * Math.max(1, Math.abs(x));
      assertEquals(expected, h, expected * 1e-6, () -> scheme + " step size at " + x);
    }
  }

  @Test
  void stepsAtSpecialPoints() {
    assertEquals(Math.cbrt(Math.ulp(1.0)), NumericalDiff.step(0, Scheme.CENTRAL), 1e-20);
    assertEquals(Math.sqrt(Math.ulp(1.0)), NumericalDiff.step(0, Scheme.FORWARD), 1e-22);
    double x = 0.1;
    double h = NumericalDiff.step(x, Scheme.CENTRAL);
    assertEquals(h, (x + h) - x);
    assertTrue(NumericalDiff.step(5, Scheme.CENTRAL) > NumericalDiff.step(5, Scheme.FORWARD));
  }

  @ParameterizedTest
  @EnumSource(Scheme.class)
  void gradientRestoresThePointAndSeesEachPerturbation(Scheme scheme) {
    double[] x = {0.7, -1.3, 2.1};
    double[] original = x.clone();
    List<double[]> seen = new ArrayList<>();
    double[] gradient =
        NumericalDiff.gradient(
            p -> {
              seen.add(p.clone());
              return p[0] * p[0] * p[1] + Math.sin(p[2]);
            },
            x,
            scheme);
    assertArrayEquals(original, x, 0.0);
    double tolerance = scheme == Scheme.CENTRAL ? 1e-9 : 1e-6;
    assertEquals(2 * 0.7 * -1.3, gradient[0], tolerance * 4);
    assertEquals(0.7 * 0.7, gradient[1], tolerance * 4);
    assertEquals(Math.cos(2.1), gradient[2], tolerance * 4);
    // Every evaluation changes at most one coordinate.
    for (double[] p : seen) {
      int changed = 0;
      for (int i = 0; i < p.length; i++) {
        changed += p[i] == original[i] ? 0 : 1;
      }
      assertTrue(changed <= 1);
    }
    assertEquals(scheme == Scheme.CENTRAL ? 6 : 4, seen.size());
  }

  @Test
  void gradientRestoresThePointEvenWhenTheFunctionThrows() {
    double[] x = {1, 2};
    assertThrows(
        IllegalStateException.class,
        () ->
            NumericalDiff.gradient(
                p -> {
                  throw new IllegalStateException("boom");
                },
                x,
                Scheme.CENTRAL));
    assertArrayEquals(new double[] {1, 2}, x, 0.0);
  }

  @Test
  void gradientChecksTheOutputLength() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> NumericalDiff.gradient(p -> 0, new double[3], Scheme.CENTRAL, new double[2]));
    assertTrue(e.getMessage().contains("2") && e.getMessage().contains("3"), e.getMessage());
  }

  @Test
  void graphGradientRestoresVariablesAndReRunsTheGraph() {
    Variable x = Variable.vector("x", 0.5, -0.25);
    Variable data = Variable.data("data", Tensor.vector(2, 3));
    Variable y = Variable.scalar("y", 1.5);
    Node f = x.mul(data).sin().sum().mul(y.exp());
    double before = f.item();
    double[] gradient = NumericalDiff.gradient(f.graph());
    assertEquals(3, gradient.length); // x then y; the data input is skipped
    double ey = Math.exp(1.5);
    assertEquals(2 * Math.cos(1.0) * ey, gradient[0], 1e-8);
    assertEquals(3 * Math.cos(-0.75) * ey, gradient[1], 1e-8);
    assertEquals((Math.sin(1.0) + Math.sin(-0.75)) * ey, gradient[2], 1e-8);
    assertEquals(before, f.item());
    assertArrayEquals(new double[] {0.5, -0.25}, x.value().toArray(), 0.0);
    assertEquals(1.5, y.value().item());

    Node vector = x.square();
    assertThrows(IllegalStateException.class, () -> NumericalDiff.gradient(vector.graph()));
  }
}
