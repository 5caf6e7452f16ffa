package dev.gradus.graph;

import static dev.gradus.graph.TestTensors.assertClose;
import static dev.gradus.graph.TestTensors.size;
import static dev.gradus.graph.TestTensors.uniform;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.BinaryOperator;
import java.util.function.DoubleBinaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * NumPy broadcasting of the elementwise operations: values against explicit loops over the output
 * index, gradients against central differences and against sums written out by hand.
 */
class BroadcastingTest {

  record Op(String name, BinaryOperator<Node> node, DoubleBinaryOperator scalar) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final List<Op> OPS =
      List.of(
          new Op("add", Node::add, (x, y) -> x + y),
          new Op("sub", Node::sub, (x, y) -> x - y),
          new Op("mul", Node::mul, (x, y) -> x * y),
          new Op("div", Node::div, (x, y) -> x / y),
          new Op("pow", Node::pow, Math::pow));

  static final int[][][] COMPATIBLE = {
    {{}, {2, 3}, {2, 3}},
    {{3}, {2, 3}, {2, 3}},
    {{2, 1}, {1, 3}, {2, 3}},
    {{4, 1, 3}, {2, 1}, {4, 2, 3}},
    {{}, {2, 3, 4}, {2, 3, 4}},
    {{1}, {4}, {4}},
    {{2, 3}, {2, 3}, {2, 3}},
  };

  static Stream<Arguments> compatibleCases() {
    return OPS.stream()
        .flatMap(
            op ->
                Arrays.stream(COMPATIBLE)
                    .flatMap(
                        c ->
                            Stream.of(
                                Arguments.of(op, c[0], c[1], c[2]),
                                Arguments.of(op, c[1], c[0], c[2]))));
  }

  /** The element of {@code shape} that broadcasting reads for output index {@code out}. */
  private static int sourceOf(int[] shape, int[] outShape, int[] out) {
    int offset = outShape.length - shape.length;
    int[] index = new int[shape.length];
    for (int i = 0; i < shape.length; i++) {
      index[i] = shape[i] == 1 ? 0 : out[i + offset];
    }
    return TestTensors.flat(shape, index);
  }

  @ParameterizedTest(name = "{0} {1} with {2}")
  @MethodSource("compatibleCases")
  void valuesEqualExplicitLoopsAndGradientsSumOverBroadcastAxes(
      Op op, int[] aShape, int[] bShape, int[] outShape) {
    Random random = new Random(Arrays.hashCode(aShape) * 31L + Arrays.hashCode(bShape));
    // Positive bases keep pow smooth; nonzero divisors keep div smooth.
    double[] a = uniform(random, size(aShape), 0.5, 2);
    double[] b = uniform(random, size(bShape), 0.5, 2);
    double[] w = uniform(random, size(outShape), -1.5, 1.5);
    Variable va = Variable.of("a", Tensor.of(aShape, a));
    Variable vb = Variable.of("b", Tensor.of(bShape, b));
    Node out = op.node().apply(va, vb);
    assertArrayEquals(outShape, out.shape());

    double[] expected = new double[size(outShape)];
    double[] gradA = new double[a.length];
    double[] gradB = new double[b.length];
    double h = 1e-6;
    for (int o = 0; o < expected.length; o++) {
      int[] index = TestTensors.unravel(outShape, o);
      int i = sourceOf(aShape, outShape, index);
      int j = sourceOf(bShape, outShape, index);
      expected[o] = op.scalar().applyAsDouble(a[i], b[j]);
      // Hand sums: each output element adds w · ∂op/∂operand to the element it read.
      gradA[i] += w[o] * partial(op, a[i], b[j], h, true);
      gradB[j] += w[o] * partial(op, a[i], b[j], h, false);
    }
    assertClose(expected, out.value().toArray(), 0, op + " value");

    Node loss = out.mul(Ops.constant(Tensor.of(outShape, w))).sum();
    loss.backward();
    assertClose(gradA, va.grad().toArray(), 1e-7, op + " grad of " + Arrays.toString(aShape));
    assertClose(gradB, vb.grad().toArray(), 1e-7, op + " grad of " + Arrays.toString(bShape));
    assertArrayEquals(aShape, va.grad().shape());
    assertArrayEquals(bShape, vb.grad().shape());

    GradientCheck.Report report = GradientCheck.check(loss.graph());
    assertTrue(report.passed(), report::toString);
  }

  /** The exact partial derivative of the scalar operation, written out per operation. */
  private static double partial(Op op, double x, double y, double unused, boolean first) {
    return switch (op.name()) {
      case "add" -> 1;
      case "sub" -> first ? 1 : -1;
      case "mul" -> first ? y : x;
      case "div" -> first ? 1 / y : -x / (y * y);
      case "pow" -> first ? y * Math.pow(x, y - 1) : Math.pow(x, y) * Math.log(x);
      default -> throw new AssertionError(op);
    };
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ops")
  void scalarConstantBroadcastGivesTheSumOfAllUpstreamGradients(Op op) {
    // A [1,1] variable against a [2,3] constant: the one element gets every contribution.
    Variable s = Variable.of("s", Tensor.of(new int[] {1, 1}, 1.5));
    double[] c = {0.5, 1.0, 1.5, 2.0, 2.5, 3.0};
    Node out = op.node().apply(s, Ops.constant(Tensor.of(new int[] {2, 3}, c))).sum();
    out.backward();
    double expected = 0;
    for (double v : c) {
      expected += partial(op, 1.5, v, 0, true);
    }
    assertEquals(expected, s.gradItem(), 1e-12);
    assertArrayEquals(new int[] {1, 1}, s.grad().shape());
  }

  static Stream<Op> ops() {
    return OPS.stream();
  }

  static Stream<Arguments> incompatibleCases() {
    int[][][] shapes = {
      {{2, 3}, {4}},
      {{2, 3}, {3, 2}},
      {{4, 1, 3}, {2, 2}},
      {{3}, {4}},
      {{2, 0}, {2, 3}},
    };
    return OPS.stream().flatMap(op -> Arrays.stream(shapes).map(s -> Arguments.of(op, s[0], s[1])));
  }

  @ParameterizedTest(name = "{0} {1} with {2}")
  @MethodSource("incompatibleCases")
  void incompatibleShapesThrowNamingTheOperationAndBothShapes(Op op, int[] a, int[] b) {
    Node x = Variable.of("x", Tensor.zeros(a));
    Node y = Variable.of("y", Tensor.ones(b));
    ShapeMismatchException e =
        assertThrows(ShapeMismatchException.class, () -> op.node().apply(x, y));
    assertTrue(e.getMessage().contains(op.name()), e.getMessage());
    assertTrue(e.getMessage().contains(Arrays.toString(a)), e.getMessage());
    assertTrue(e.getMessage().contains(Arrays.toString(b)), e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ops")
  void eagerTensorOperationsBroadcastLikeTheGraph(Op op) {
    Tensor column = Tensor.of(new int[] {2, 1}, 1, 2);
    Tensor row = Tensor.of(new int[] {1, 3}, 3, 4, 5);
    Tensor result =
        switch (op.name()) {
          case "add" -> column.add(row);
          case "sub" -> column.sub(row);
          case "mul" -> column.mul(row);
          case "div" -> column.div(row);
          default -> Ops.pow(Ops.constant(column), Ops.constant(row)).value();
        };
    assertArrayEquals(new int[] {2, 3}, result.shape());
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 3; j++) {
        assertEquals(op.scalar().applyAsDouble(i + 1, j + 3), result.get(i, j));
      }
    }
  }

  @org.junit.jupiter.api.Test
  void broadcastToFollowsNumPyAndRejectsShrinking() {
    Tensor t = Tensor.of(new int[] {3, 1}, 1, 2, 3).broadcastTo(2, 3, 4);
    assertArrayEquals(new int[] {2, 3, 4}, t.shape());
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 3; j++) {
        for (int k = 0; k < 4; k++) {
          assertEquals(j + 1.0, t.get(i, j, k));
        }
      }
    }
    ShapeMismatchException e =
        assertThrows(
            ShapeMismatchException.class,
            () -> Tensor.of(new int[] {2, 3}, 1, 2, 3, 4, 5, 6).broadcastTo(3));
    assertTrue(e.getMessage().contains("[2, 3]") && e.getMessage().contains("[3]"), e.getMessage());

    // Gradient through broadcastTo sums over the new axes.
    Variable v = Variable.vector("v", 1, 2, 3);
    Ops.broadcastTo(v, 4, 3).sum().backward();
    assertArrayEquals(new double[] {4, 4, 4}, v.grad().toArray());
  }

  @org.junit.jupiter.api.Test
  void broadcastingWithZeroSizedAxesGivesEmptyResults() {
    Node out = Ops.add(Ops.constant(Tensor.zeros(2, 0)), Ops.constant(Tensor.ones(1, 1)));
    assertArrayEquals(new int[] {2, 0}, out.shape());
    assertEquals(0, out.size());
  }
}
