package dev.gradus.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Values and gradients of each operation on shapes where every index computation matters (several
 * outer blocks, inner strides above one, non-square matrices), checked against formulas written
 * here and against central differences computed in this class. Every output element enters the loss
 * with its own weight, so a gradient routed to the wrong element or with the wrong sign shows.
 */
class BackwardRulesTest {
  private static final double H = 1e-6;

  /** Distinct, irregular values: no two elements are equal and none is 0 or 1. */
  private static double[] values(int n, double offset) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = offset + 0.37 * i - 0.011 * i * i;
    }
    return v;
  }

  private static Tensor tensor(double offset, int... shape) {
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    return Tensor.of(shape, values(n, offset));
  }

  /** The weights with which output element i enters the loss: 1.3, −0.7, 2.1, ... */
  private static double weight(int i) {
    return (i % 3 == 0 ? 1.3 : i % 3 == 1 ? -0.7 : 2.1) + 0.05 * i;
  }

  private static Node weightedSum(Node out) {
    double[] w = new double[out.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = weight(i);
    }
    return Ops.sum(Ops.mul(out, Ops.constant(Tensor.of(out.shape(), w))));
  }

  /**
   * Checks d/dx Σ wᵢ·op(x)ᵢ from the backward pass against central differences of the forward pass,
   * coordinate by coordinate.
   */
  private static void assertGradient(Function<Node, Node> op, Tensor start) {
    Variable x = Variable.of("x", start);
    Node loss = weightedSum(op.apply(x));
    Graph graph = loss.graph();
    graph.forward().backward();
    double[] analytic = x.grad().toArray();
    double[] point = start.toArray();
    for (int i = 0; i < point.length; i++) {
      double keep = point[i];
      point[i] = keep + H;
      x.set(point);
      double up = graph.forward().output().item();
      point[i] = keep - H;
      x.set(point);
      double down = graph.forward().output().item();
      point[i] = keep;
      double numeric = (up - down) / (2 * H);
      assertEquals(numeric, analytic[i], 1e-6 * (1 + Math.abs(numeric)), "coordinate " + i);
    }
    x.set(point);
  }

  private static void assertUnary(
      Function<Node, Node> op,
      DoubleUnaryOperator value,
      DoubleUnaryOperator derivative,
      double[] at) {
    Variable x = Variable.vector("x", at);
    Node out = op.apply(x);
    Node loss = weightedSum(out);
    loss.graph().forward().backward();
    for (int i = 0; i < at.length; i++) {
      assertEquals(value.applyAsDouble(at[i]), out.valueAt(i), 1e-15, "value at " + at[i]);
      assertEquals(
          weight(i) * derivative.applyAsDouble(at[i]),
          x.grad().toArray()[i],
          1e-12,
          "derivative at " + at[i]);
    }
  }

  @Test
  void elementwiseValuesAndDerivativesMatchTheirFormulas() {
    double[] mixed = {-1.3, -0.2, 0.4, 0.9, 2.2};
    double[] positive = {0.3, 1.0, 2.5, 7.0};
    assertUnary(Ops::neg, v -> -v, v -> -1, mixed);
    assertUnary(Ops::abs, Math::abs, Math::signum, mixed);
    assertUnary(Ops::log, Math::log, v -> 1 / v, positive);
    assertUnary(Ops::sqrt, Math::sqrt, v -> 0.5 / Math.sqrt(v), positive);
    assertUnary(Ops::cos, Math::cos, v -> -Math.sin(v), mixed);
    assertUnary(Ops::tan, Math::tan, v -> 1 / (Math.cos(v) * Math.cos(v)), mixed);
    assertUnary(Ops::tanh, Math::tanh, v -> 1 / (Math.cosh(v) * Math.cosh(v)), mixed);
    assertUnary(
        Ops::sigmoid,
        v -> 1 / (1 + Math.exp(-v)),
        v -> Math.exp(-v) / ((1 + Math.exp(-v)) * (1 + Math.exp(-v))),
        mixed);
    assertUnary(Ops::relu, v -> Math.max(v, 0), v -> v > 0 ? 1 : 0, mixed);
    assertUnary(x -> Ops.pow(x, 3), v -> v * v * v, v -> 3 * v * v, mixed);
    assertUnary(x -> Ops.pow(x, 0.5), Math::sqrt, v -> 0.5 / Math.sqrt(v), positive);
  }

  @Test
  void kinksFollowPyTorchAtZero() {
    // relu'(0) = 0 and |x|'(0) = sign(0) = 0.
    assertUnary(Ops::relu, v -> Math.max(v, 0), v -> 0, new double[] {0.0});
    assertUnary(Ops::abs, Math::abs, v -> 0, new double[] {0.0});
  }

  @Test
  void sigmoidStaysFiniteFarIntoBothTails() {
    Node out = Ops.sigmoid(Variable.vector("x", -1000, -40, 40, 1000)).forward();
    assertArrayEquals(
        new double[] {0, Math.exp(-40) / (1 + Math.exp(-40)), 1 / (1 + Math.exp(-40)), 1},
        out.value().toArray(),
        1e-300);
  }

  @Test
  void sumAndMeanAlongTheMiddleAxisOfAThreeDimensionalTensor() {
    Tensor t = tensor(0.5, 2, 3, 4);
    Node sum = Ops.sum(Variable.of("x", t), 1).forward();
    Node mean = Ops.mean(Variable.of("x", t), 1).forward();
    assertArrayEquals(new int[] {2, 4}, sum.shape());
    for (int o = 0; o < 2; o++) {
      for (int i = 0; i < 4; i++) {
        double s = t.get(o, 0, i) + t.get(o, 1, i) + t.get(o, 2, i);
        assertEquals(s, sum.value().get(o, i), 1e-14);
        assertEquals(s / 3, mean.value().get(o, i), 1e-14);
      }
    }
    assertGradient(x -> Ops.sum(x, 1), t);
    assertGradient(x -> Ops.mean(x, 1), t);
    assertGradient(x -> Ops.mean(x, 2), t);
    assertGradient(Ops::mean, t);
  }

  @Test
  void maxAndMinAlongAnAxisRouteTheGradientToTheFirstExtreme() {
    Tensor t = tensor(-1.0, 2, 3, 4);
    Node max = Ops.max(Variable.of("x", t), 1).forward();
    Node min = Ops.min(Variable.of("x", t), 1).forward();
    for (int o = 0; o < 2; o++) {
      for (int i = 0; i < 4; i++) {
        double hi = Math.max(t.get(o, 0, i), Math.max(t.get(o, 1, i), t.get(o, 2, i)));
        double lo = Math.min(t.get(o, 0, i), Math.min(t.get(o, 1, i), t.get(o, 2, i)));
        assertEquals(hi, max.value().get(o, i));
        assertEquals(lo, min.value().get(o, i));
      }
    }
    assertGradient(x -> Ops.max(x, 1), t);
    assertGradient(x -> Ops.min(x, 1), t);

    // Ties: the first element attaining the extreme takes the whole gradient.
    Variable tied = Variable.vector("t", 1.0, 3.0, 3.0, -2.0, -2.0);
    Ops.max(tied).backward();
    assertArrayEquals(new double[] {0, 1, 0, 0, 0}, tied.grad().toArray());
    Ops.min(tied).backward();
    assertArrayEquals(new double[] {0, 0, 0, 1, 0}, tied.grad().toArray());
  }

  @Test
  void matmulOfNonSquareMatricesAndOfAMatrixWithAVector() {
    Tensor a = tensor(0.3, 2, 3);
    Tensor b = tensor(-0.8, 3, 4);
    Tensor v = tensor(1.1, 3);
    Node product = Ops.matmul(Variable.of("a", a), Variable.of("b", b)).forward();
    Node applied = Ops.matmul(Variable.of("a", a), Variable.of("v", v)).forward();
    for (int i = 0; i < 2; i++) {
      double av = 0;
      for (int p = 0; p < 3; p++) {
        av += a.get(i, p) * v.get(p);
      }
      assertEquals(av, applied.value().get(i), 1e-14);
      for (int j = 0; j < 4; j++) {
        double c = 0;
        for (int p = 0; p < 3; p++) {
          c += a.get(i, p) * b.get(p, j);
        }
        assertEquals(c, product.value().get(i, j), 1e-14);
      }
    }
    assertGradient(x -> Ops.matmul(x, Ops.constant(b)), a);
    assertGradient(x -> Ops.matmul(Ops.constant(a), x), b);
    assertGradient(x -> Ops.matmul(x, Ops.constant(v)), a);
    assertGradient(x -> Ops.matmul(Ops.constant(a), x), v);
    assertGradient(x -> Ops.matmul(Ops.constant(v), x), b);
  }

  @Test
  void matmulWithBothOperandsVariableGivesBothGradients() {
    Tensor a = tensor(0.3, 2, 3);
    Tensor b = tensor(-0.8, 3, 4);
    Variable va = Variable.of("a", a);
    Variable vb = Variable.of("b", b);
    weightedSum(Ops.matmul(va, vb)).backward();
    // dL/dA = W·Bᵀ and dL/dB = Aᵀ·W, with W the loss weights laid out as the 2×4 product.
    for (int i = 0; i < 2; i++) {
      for (int p = 0; p < 3; p++) {
        double expected = 0;
        for (int j = 0; j < 4; j++) {
          expected += weight(i * 4 + j) * b.get(p, j);
        }
        assertEquals(expected, va.grad().get(i, p), 1e-13);
      }
    }
    for (int p = 0; p < 3; p++) {
      for (int j = 0; j < 4; j++) {
        double expected = 0;
        for (int i = 0; i < 2; i++) {
          expected += a.get(i, p) * weight(i * 4 + j);
        }
        assertEquals(expected, vb.grad().get(p, j), 1e-13);
      }
    }
  }

  @Test
  void sliceWithAStepAlongTheMiddleAxis() {
    Tensor t = tensor(0.2, 2, 5, 3);
    Node s = Ops.slice(Variable.of("x", t), 1, 1, 5, 2).forward();
    assertArrayEquals(new int[] {2, 2, 3}, s.shape());
    for (int o = 0; o < 2; o++) {
      for (int k = 0; k < 2; k++) {
        for (int i = 0; i < 3; i++) {
          assertEquals(t.get(o, 1 + 2 * k, i), s.value().get(o, k, i));
        }
      }
    }
    assertGradient(x -> Ops.slice(x, 1, 1, 5, 2), t);
    assertGradient(x -> Ops.slice(x, 2, -2, 3, 1), t);
  }

  @Test
  void concatAlongTheLastAxisInterleavesTheParts() {
    Tensor left = tensor(0.1, 2, 2);
    Tensor right = tensor(3.0, 2, 3);
    Node c = Ops.concat(1, Variable.of("l", left), Variable.of("r", right)).forward();
    assertArrayEquals(new int[] {2, 5}, c.shape());
    for (int o = 0; o < 2; o++) {
      for (int j = 0; j < 5; j++) {
        double expected = j < 2 ? left.get(o, j) : right.get(o, j - 2);
        assertEquals(expected, c.value().get(o, j));
      }
    }
    assertGradient(x -> Ops.concat(1, x, Ops.constant(right)), left);
    assertGradient(x -> Ops.concat(1, Ops.constant(left), x), right);
    assertGradient(x -> Ops.concat(0, x, x.mul(2)), right);
  }

  @Test
  void concatAlongTheFirstAxisStacksWholeBlocks() {
    Tensor top = tensor(0.1, 1, 2, 3);
    Tensor bottom = tensor(5.0, 2, 2, 3);
    Node c = Ops.concat(0, Variable.of("t", top), Variable.of("b", bottom)).forward();
    assertArrayEquals(new int[] {3, 2, 3}, c.shape());
    for (int j = 0; j < 2; j++) {
      for (int i = 0; i < 3; i++) {
        assertEquals(top.get(0, j, i), c.value().get(0, j, i));
        assertEquals(bottom.get(0, j, i), c.value().get(1, j, i));
        assertEquals(bottom.get(1, j, i), c.value().get(2, j, i));
      }
    }
  }

  @Test
  void transposeAndReshapeMoveGradientsWithTheirElements() {
    Tensor t = tensor(0.4, 2, 3, 4);
    Node moved = Ops.transpose(Variable.of("x", t), 2, 0, 1).forward();
    assertArrayEquals(new int[] {4, 2, 3}, moved.shape());
    assertEquals(t.get(1, 2, 3), moved.value().get(3, 1, 2));
    assertGradient(x -> Ops.transpose(x, 2, 0, 1), t);
    assertGradient(x -> Ops.transpose(x.reshape(6, 4)), t);
    Node flat = Ops.reshape(Variable.of("x", t), 4, 6).forward();
    assertArrayEquals(t.toArray(), flat.value().toArray());
    assertGradient(x -> Ops.reshape(x, 4, 6).mul(x.reshape(4, 6)), t);
  }

  @Test
  void backwardReturnsItsGraphForChaining() {
    Variable x = Variable.vector("x", 1.0, 2.0);
    Node y = Ops.sum(Ops.square(x));
    Graph graph = y.graph();
    assertSame(graph, graph.forward().backward());
    assertSame(graph, graph.backward(Tensor.scalar(2.0)));
    assertArrayEquals(new double[] {4.0, 8.0}, x.grad().toArray());
  }
}
