package dev.gradus.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** GradientCheck finds wrong gradients, passes right ones and reports the worst coordinate. */
class GradientCheckTest {
  private static final ToDoubleFunction<double[]> F =
      p -> p[0] * p[0] + Math.sin(p[1]) + p[1] * p[2] + Math.exp(p[2]);

  private static double[] gradientOfF(double[] p) {
    return new double[] {2 * p[0], Math.cos(p[1]) + p[2], p[1] + Math.exp(p[2])};
  }

  @Test
  void passesARightGradient() {
    double[] x = {0.3, -1.2, 0.8};
    GradientCheck.Report report =
        GradientCheck.check(F, x, gradientOfF(x), GradientCheck.DEFAULT_TOLERANCE);
    assertTrue(report.passed(), report::toString);
    assertTrue(report.maxError() < 1e-8, report::toString);
    assertTrue(report.toString().contains("passed"), report.toString());
    assertArrayEquals(gradientOfF(x), report.numerical(), 1e-8);
    assertArrayEquals(new double[] {0.3, -1.2, 0.8}, x, 0.0);
  }

  @Test
  void findsAWrongGradientAndNamesTheWorstCoordinate() {
    double[] x = {0.3, -1.2, 0.8};
    double[] wrong = gradientOfF(x);
    wrong[1] += 1e-3; // small
    wrong[2] *= 1.5; // worst
    GradientCheck.Report report = GradientCheck.check(F, x, wrong, 1e-6);
    assertFalse(report.passed());
    assertEquals(2, report.worstIndex());
    double exact = x[1] + Math.exp(x[2]);
    assertEquals(0.5 * exact / Math.max(1, 1.5 * exact), report.maxError(), 1e-8);
    String text = report.toString();
    assertTrue(text.contains("FAILED"), text);
    assertTrue(text.contains("coordinate 2"), text);
    assertTrue(text.contains("tolerance 1.0e-06"), text);
    assertTrue(text.contains(String.format(java.util.Locale.ROOT, "%.17g", wrong[2])), text);
  }

  @Test
  void theErrorIsAbsoluteBelowOneAndRelativeAbove() {
    assertEquals(0.0, GradientCheck.error(3, 3));
    assertEquals(0.0, GradientCheck.error(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY));
    assertEquals(1e-3, GradientCheck.error(0.001, 0.002), 1e-15);
    assertEquals(1.0 / 101, GradientCheck.error(100, 101), 1e-15);
    assertEquals(1.0 / 101, GradientCheck.error(-101, -100), 1e-15);
    assertEquals(Double.POSITIVE_INFINITY, GradientCheck.error(Double.NaN, 1));
    assertEquals(Double.POSITIVE_INFINITY, GradientCheck.error(1, Double.NaN));
  }

  @Test
  void aNaNGradientFails() {
    double[] x = {0.3, -1.2, 0.8};
    double[] analytic = gradientOfF(x);
    analytic[0] = Double.NaN;
    GradientCheck.Report report = GradientCheck.check(F, x, analytic, 1e-6);
    assertFalse(report.passed());
    assertEquals(0, report.worstIndex());
  }

  @Test
  void emptyPointHasNoCoordinates() {
    GradientCheck.Report report = GradientCheck.check(p -> 1, new double[0], new double[0], 1e-6);
    assertTrue(report.passed());
    assertEquals(-1, report.worstIndex());
    assertEquals("gradient check: no coordinates", report.toString());
  }

  @Test
  void lengthMismatchIsAnError() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> GradientCheck.check(F, new double[3], new double[2], 1e-6));
    assertTrue(e.getMessage().contains("2") && e.getMessage().contains("3"), e.getMessage());
  }

  /** An identity node whose backward rule doubles the gradient: a deliberate bug. */
  static final class WrongIdentity extends Node {
    final Node x;

    WrongIdentity(Node x) {
      super("wrong", x.shape(), x);
      this.x = x;
      computeValue();
    }

    @Override
    void computeValue() {
      System.arraycopy(x.value, 0, value, 0, value.length);
    }

    @Override
    void propagateGrad() {
      for (int i = 0; i < grad.length; i++) {
        x.grad[i] += 2 * grad[i];
      }
    }

    @Override
    void computeTangent() {
      System.arraycopy(x.tangent, 0, tangent, 0, tangent.length);
    }

    @Override
    void propagateGradTangent() {
      for (int i = 0; i < gradTangent.length; i++) {
        x.gradTangent[i] += 2 * gradTangent[i];
      }
    }
  }

  @Test
  void graphCheckFindsAWrongBackwardRule() {
    Variable a = Variable.vector("a", 0.5, 1.5);
    Variable b = Variable.scalar("b", -0.7);
    Node right = a.sin().sum().mul(b);
    GradientCheck.Report good = GradientCheck.check(right.graph());
    assertTrue(good.passed(), good::toString);
    assertEquals(3, good.analytic().length);

    Variable c = Variable.vector("c", 0.5, 1.5);
    Variable d = Variable.scalar("d", -0.7);
    Node wrong = new WrongIdentity(d).mul(c.sin().sum());
    GradientCheck.Report bad = GradientCheck.check(wrong.graph());
    assertFalse(bad.passed());
    assertEquals(2, bad.worstIndex()); // d comes after c's two elements
    assertEquals(2 * bad.numerical()[2], bad.analytic()[2], 1e-8);
  }
}
