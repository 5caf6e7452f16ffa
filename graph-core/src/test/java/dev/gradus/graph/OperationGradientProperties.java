package dev.gradus.graph;

import static dev.gradus.graph.TestTensors.assertClose;
import static dev.gradus.graph.TestTensors.awayFromZero;
import static dev.gradus.graph.TestTensors.checkGradient;
import static dev.gradus.graph.TestTensors.distinct;
import static dev.gradus.graph.TestTensors.size;
import static dev.gradus.graph.TestTensors.uniform;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Every graph operation's gradient against central differences, on random shapes of rank 0 to 3
 * (dimensions 1 to 4) and random values from ranges where the operation is smooth. Values are
 * checked against {@link Math} or index loops written in the test.
 */
class OperationGradientProperties {
  private static final int TRIES = 200;
  private static final double TOLERANCE = 1e-6;

  @Provide
  Arbitrary<int[]> shapes() {
    return Arbitraries.integers().between(1, 4).array(int[].class).ofMinSize(0).ofMaxSize(3);
  }

  @Provide
  Arbitrary<int[]> nonScalarShapes() {
    return Arbitraries.integers().between(1, 4).array(int[].class).ofMinSize(1).ofMaxSize(3);
  }

  // ---- elementwise binary ----

  @Property(tries = TRIES)
  void add(@ForAll("shapes") int[] shape, @ForAll long seed) {
    binary(shape, seed, Node::add, (x, y) -> x + y, -2, 2, -2, 2);
  }

  @Property(tries = TRIES)
  void sub(@ForAll("shapes") int[] shape, @ForAll long seed) {
    binary(shape, seed, Node::sub, (x, y) -> x - y, -2, 2, -2, 2);
  }

  @Property(tries = TRIES)
  void mul(@ForAll("shapes") int[] shape, @ForAll long seed) {
    binary(shape, seed, Node::mul, (x, y) -> x * y, -2, 2, -2, 2);
  }

  @Property(tries = TRIES)
  void div(@ForAll("shapes") int[] shape, @ForAll long seed) {
    Random random = new Random(seed);
    int n = size(shape);
    Tensor a = Tensor.of(shape, uniform(random, n, -2, 2));
    Tensor b = Tensor.of(shape, awayFromZero(random, n, 0.5, 2));
    checkBinaryValues(a, b, Node::div, (x, y) -> x / y);
    checkGradient(random, TOLERANCE, v -> v[0].div(v[1]), a, b);
  }

  @Property(tries = TRIES)
  void powWithTensorExponent(@ForAll("shapes") int[] shape, @ForAll long seed) {
    binary(shape, seed, Node::pow, Math::pow, 0.5, 2, -2, 2);
  }

  private void binary(
      int[] shape,
      long seed,
      java.util.function.BinaryOperator<Node> op,
      java.util.function.DoubleBinaryOperator expected,
      double aLo,
      double aHi,
      double bLo,
      double bHi) {
    Random random = new Random(seed);
    int n = size(shape);
    Tensor a = Tensor.of(shape, uniform(random, n, aLo, aHi));
    Tensor b = Tensor.of(shape, uniform(random, n, bLo, bHi));
    checkBinaryValues(a, b, op, expected);
    checkGradient(random, TOLERANCE, v -> op.apply(v[0], v[1]), a, b);
  }

  private static void checkBinaryValues(
      Tensor a,
      Tensor b,
      java.util.function.BinaryOperator<Node> op,
      java.util.function.DoubleBinaryOperator expected) {
    double[] x = a.toArray();
    double[] y = b.toArray();
    double[] want = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      want[i] = expected.applyAsDouble(x[i], y[i]);
    }
    Node out = op.apply(Ops.constant(a), Ops.constant(b));
    assertArrayEquals(a.shape(), out.shape());
    assertClose(want, out.value().toArray(), 0, "value");
  }

  // ---- elementwise unary ----

  @Property(tries = TRIES)
  void neg(@ForAll("shapes") int[] shape, @ForAll long seed) {
    unary(shape, seed, Node::neg, x -> -x, uniformIn(-2, 2));
  }

  @Property(tries = TRIES)
  void square(@ForAll("shapes") int[] shape, @ForAll long seed) {
    unary(shape, seed, Node::square, x -> x * x, uniformIn(-2, 2));
  }

  @Property(tries = TRIES)
  void sqrt(@ForAll("shapes") int[] shape, @ForAll long seed) {
    unary(shape, seed, Node::sqrt, Math::sqrt, uniformIn(0.5, 3));
  }

  @Property(tries = TRIES)
  void exp(@ForAll("shapes") int[] shape, @ForAll long seed) {
    unary(shape, seed, Node::exp, Math::exp, uniformIn(-2, 2));
  }

  @Property(tries = TRIES)
  void log(@ForAll("shapes") int[] shape, @ForAll long seed) {
    unary(shape, seed, Node::log, Math::log, uniformIn(0.5, 3));
  }

  @Property(tries = TRIES)
  void abs(@ForAll("shapes") int[] shape, @ForAll long seed) {
    unary(shape, seed, Node::abs, Math::abs, (r, n) -> awayFromZero(r, n, 0.1, 2));
  }

  @Property(tries = TRIES)
  void sin(@ForAll("shapes") int[] shape, @ForAll long seed) {
    unary(shape, seed, Node::sin, Math::sin, uniformIn(-3, 3));
  }

  @Property(tries = TRIES)
  void cos(@ForAll("shapes") int[] shape, @ForAll long seed) {
    unary(shape, seed, Node::cos, Math::cos, uniformIn(-3, 3));
  }

  @Property(tries = TRIES)
  void tan(@ForAll("shapes") int[] shape, @ForAll long seed) {
    unary(shape, seed, Node::tan, Math::tan, uniformIn(-1.2, 1.2));
  }

  @Property(tries = TRIES)
  void tanh(@ForAll("shapes") int[] shape, @ForAll long seed) {
    unary(shape, seed, Node::tanh, Math::tanh, uniformIn(-3, 3));
  }

  @Property(tries = TRIES)
  void sigmoid(@ForAll("shapes") int[] shape, @ForAll long seed) {
    unary(shape, seed, Node::sigmoid, x -> 1 / (1 + Math.exp(-x)), uniformIn(-4, 4));
  }

  @Property(tries = TRIES)
  void relu(@ForAll("shapes") int[] shape, @ForAll long seed) {
    unary(shape, seed, Node::relu, x -> x > 0 ? x : 0, (r, n) -> awayFromZero(r, n, 0.1, 2));
  }

  @Property(tries = TRIES)
  void powWithNonIntegerScalarExponentOnPositiveBase(
      @ForAll("shapes") int[] shape, @ForAll long seed) {
    double p = -2.5 + 5 * new Random(seed ^ 0x5DEECE66DL).nextDouble();
    unary(shape, seed, x -> x.pow(p), x -> Math.pow(x, p), uniformIn(0.5, 2));
  }

  @Property(tries = TRIES)
  void powWithIntegerScalarExponentOnAnySign(
      @ForAll("shapes") int[] shape,
      @ForAll @IntRange(min = -3, max = 4) int p,
      @ForAll long seed) {
    unary(shape, seed, x -> x.pow(p), x -> Math.pow(x, p), (r, n) -> awayFromZero(r, n, 0.5, 2));
  }

  private interface Sampler {
    double[] sample(Random random, int n);
  }

  private static Sampler uniformIn(double lo, double hi) {
    return (random, n) -> uniform(random, n, lo, hi);
  }

  private void unary(
      int[] shape, long seed, UnaryOperator<Node> op, DoubleUnaryOperator expected, Sampler s) {
    Random random = new Random(seed);
    double[] x = s.sample(random, size(shape));
    Tensor input = Tensor.of(shape, x);
    double[] want = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      want[i] = expected.applyAsDouble(x[i]);
    }
    Node out = op.apply(Ops.constant(input));
    assertArrayEquals(shape, out.shape());
    assertClose(want, out.value().toArray(), 1e-15 * 4, "value");
    checkGradient(random, TOLERANCE, v -> op.apply(v[0]), input);
  }

  // ---- reductions ----

  @Property(tries = TRIES)
  void sumAndMeanOverAllElements(@ForAll("shapes") int[] shape, @ForAll long seed) {
    Random random = new Random(seed);
    double[] x = uniform(random, size(shape), -2, 2);
    Tensor input = Tensor.of(shape, x);
    double total = 0;
    for (double v : x) {
      total += v;
    }
    assertClose(
        new double[] {total}, new double[] {Ops.constant(input).sum().item()}, 1e-12, "sum");
    assertClose(
        new double[] {total / x.length},
        new double[] {Ops.constant(input).mean().item()},
        1e-12,
        "mean");
    checkGradient(random, TOLERANCE, v -> v[0].sum(), input);
    checkGradient(random, TOLERANCE, v -> v[0].mean(), input);
  }

  @Property(tries = TRIES)
  void maxAndMinOverAllElements(@ForAll("shapes") int[] shape, @ForAll long seed) {
    Random random = new Random(seed);
    double[] x = distinct(random, size(shape));
    Tensor input = Tensor.of(shape, x);
    double max = Double.NEGATIVE_INFINITY;
    double min = Double.POSITIVE_INFINITY;
    for (double v : x) {
      max = Math.max(max, v);
      min = Math.min(min, v);
    }
    assertClose(new double[] {max}, new double[] {Ops.constant(input).max().item()}, 0, "max");
    assertClose(new double[] {min}, new double[] {Ops.constant(input).min().item()}, 0, "min");
    checkGradient(random, TOLERANCE, v -> v[0].max(), input);
    checkGradient(random, TOLERANCE, v -> v[0].min(), input);
  }

  /** Reduction along one axis, computed in the test by iterating over output indices. */
  private static double[] reduceAlong(double[] x, int[] shape, int axis, String kind) {
    int[] outShape = new int[shape.length - 1];
    for (int i = 0, j = 0; i < shape.length; i++) {
      if (i != axis) {
        outShape[j++] = shape[i];
      }
    }
    double[] out = new double[size(outShape)];
    for (int o = 0; o < out.length; o++) {
      int[] outIndex = TestTensors.unravel(outShape, o);
      int[] index = new int[shape.length];
      for (int i = 0, j = 0; i < shape.length; i++) {
        if (i != axis) {
          index[i] = outIndex[j++];
        }
      }
      double acc =
          switch (kind) {
            case "max" -> Double.NEGATIVE_INFINITY;
            case "min" -> Double.POSITIVE_INFINITY;
            default -> 0;
          };
      for (int k = 0; k < shape[axis]; k++) {
        index[axis] = k;
        double v = x[TestTensors.flat(shape, index)];
        acc =
            switch (kind) {
              case "max" -> Math.max(acc, v);
              case "min" -> Math.min(acc, v);
              default -> acc + v;
            };
      }
      out[o] = kind.equals("mean") ? acc / shape[axis] : acc;
    }
    return out;
  }

  @Property(tries = TRIES)
  void reductionsAlongEveryAxis(@ForAll("nonScalarShapes") int[] shape, @ForAll long seed) {
    Random random = new Random(seed);
    double[] x = distinct(random, size(shape));
    Tensor input = Tensor.of(shape, x);
    for (int axis = 0; axis < shape.length; axis++) {
      int a = axis;
      // A negative axis counts from the end; use it every other time.
      int given = random.nextBoolean() ? axis : axis - shape.length;
      Node c = Ops.constant(input);
      assertClose(reduceAlong(x, shape, a, "sum"), c.sum(given).value().toArray(), 1e-12, "sum");
      assertClose(reduceAlong(x, shape, a, "mean"), c.mean(given).value().toArray(), 1e-12, "mean");
      assertClose(reduceAlong(x, shape, a, "max"), c.max(given).value().toArray(), 0, "max");
      assertClose(reduceAlong(x, shape, a, "min"), c.min(given).value().toArray(), 0, "min");
      checkGradient(random, TOLERANCE, v -> v[0].sum(given), input);
      checkGradient(random, TOLERANCE, v -> v[0].mean(given), input);
      checkGradient(random, TOLERANCE, v -> v[0].max(given), input);
      checkGradient(random, TOLERANCE, v -> v[0].min(given), input);
    }
  }

  // ---- linear algebra ----

  @Property(tries = TRIES)
  void dot(@ForAll @IntRange(min = 1, max = 4) int n, @ForAll long seed) {
    Random random = new Random(seed);
    double[] a = uniform(random, n, -2, 2);
    double[] b = uniform(random, n, -2, 2);
    double expected = 0;
    for (int i = 0; i < n; i++) {
      expected += a[i] * b[i];
    }
    Node out = Ops.constant(Tensor.vector(a)).dot(Ops.constant(Tensor.vector(b)));
    assertArrayEquals(new int[0], out.shape());
    assertClose(new double[] {expected}, new double[] {out.item()}, 1e-12, "dot");
    checkGradient(random, TOLERANCE, v -> v[0].dot(v[1]), Tensor.vector(a), Tensor.vector(b));
  }

  @Property(tries = TRIES)
  void matmulOfEveryRankCombination(
      @ForAll @IntRange(min = 1, max = 4) int m,
      @ForAll @IntRange(min = 1, max = 4) int k,
      @ForAll @IntRange(min = 1, max = 4) int n,
      @ForAll @IntRange(min = 0, max = 3) int variant,
      @ForAll long seed) {
    Random random = new Random(seed);
    boolean leftMatrix = (variant & 1) == 0;
    boolean rightMatrix = (variant & 2) == 0;
    int rows = leftMatrix ? m : 1;
    int cols = rightMatrix ? n : 1;
    double[] a = uniform(random, rows * k, -2, 2);
    double[] b = uniform(random, k * cols, -2, 2);
    Tensor ta = leftMatrix ? Tensor.of(new int[] {m, k}, a) : Tensor.vector(a);
    Tensor tb = rightMatrix ? Tensor.of(new int[] {k, n}, b) : Tensor.vector(b);
    double[] expected = new double[rows * cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        for (int p = 0; p < k; p++) {
          expected[i * cols + j] += a[i * k + p] * b[p * cols + j];
        }
      }
    }
    Node out = Ops.constant(ta).matmul(Ops.constant(tb));
    int[] expectedShape =
        leftMatrix && rightMatrix
            ? new int[] {m, n}
            : leftMatrix ? new int[] {m} : rightMatrix ? new int[] {n} : new int[0];
    assertArrayEquals(expectedShape, out.shape());
    assertClose(expected, out.value().toArray(), 1e-12, "matmul");
    checkGradient(random, TOLERANCE, v -> v[0].matmul(v[1]), ta, tb);
  }

  // ---- structure ----

  @Property(tries = TRIES)
  void transposeOfAMatrix(
      @ForAll @IntRange(min = 1, max = 4) int rows,
      @ForAll @IntRange(min = 1, max = 4) int cols,
      @ForAll long seed) {
    Random random = new Random(seed);
    double[] x = uniform(random, rows * cols, -2, 2);
    Tensor input = Tensor.of(new int[] {rows, cols}, x);
    Node out = Ops.constant(input).transpose();
    assertArrayEquals(new int[] {cols, rows}, out.shape());
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        assertClose(
            new double[] {x[i * cols + j]}, new double[] {out.value().get(j, i)}, 0, "transpose");
      }
    }
    checkGradient(random, TOLERANCE, v -> v[0].transpose(), input);
  }

  private static final int[][] PERMUTATIONS_OF_3 = {
    {0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}
  };

  @Property(tries = TRIES)
  void transposeOfRank3ByEveryPermutation(
      @ForAll @IntRange(min = 1, max = 4) int d0,
      @ForAll @IntRange(min = 1, max = 4) int d1,
      @ForAll @IntRange(min = 1, max = 4) int d2,
      @ForAll @IntRange(min = 0, max = 5) int which,
      @ForAll long seed) {
    Random random = new Random(seed);
    int[] shape = {d0, d1, d2};
    int[] axes = PERMUTATIONS_OF_3[which];
    double[] x = uniform(random, size(shape), -2, 2);
    Tensor input = Tensor.of(shape, x);
    Node out = Ops.constant(input).transpose(axes);
    int[] outShape = {shape[axes[0]], shape[axes[1]], shape[axes[2]]};
    assertArrayEquals(outShape, out.shape());
    double[] expected = new double[x.length];
    for (int o = 0; o < expected.length; o++) {
      int[] outIndex = TestTensors.unravel(outShape, o);
      int[] inIndex = new int[3];
      for (int i = 0; i < 3; i++) {
        inIndex[axes[i]] = outIndex[i];
      }
      expected[o] = x[TestTensors.flat(shape, inIndex)];
    }
    assertClose(expected, out.value().toArray(), 0, "transpose " + java.util.Arrays.toString(axes));
    checkGradient(random, TOLERANCE, v -> v[0].transpose(axes), input);
  }

  @Property(tries = TRIES)
  void reshapeIncludingInferredDimension(@ForAll("shapes") int[] shape, @ForAll long seed) {
    Random random = new Random(seed);
    int n = size(shape);
    double[] x = uniform(random, n, -2, 2);
    Tensor input = Tensor.of(shape, x);
    int d1 = divisorOf(n, random);
    int d2 = divisorOf(n / d1, random);
    int[][] targets = {{n}, {-1}, {d1, -1}, {-1, d1}, {d1, d2, n / d1 / d2}, {d1, -1, d2}};
    int[] target = targets[random.nextInt(targets.length)];
    Node out = Ops.constant(input).reshape(target);
    assertClose(x, out.value().toArray(), 0, "reshape keeps row-major order");
    int[] resolved = target.clone();
    for (int i = 0; i < resolved.length; i++) {
      if (resolved[i] == -1) {
        resolved[i] = n / -size(target);
      }
    }
    assertArrayEquals(resolved, out.shape());
    checkGradient(random, TOLERANCE, v -> v[0].reshape(target).square(), input);
  }

  private static int divisorOf(int n, Random random) {
    int d;
    do {
      d = 1 + random.nextInt(n);
    } while (n % d != 0);
    return d;
  }

  @Property(tries = TRIES)
  void sliceWithNegativeBoundsAndSteps(@ForAll("nonScalarShapes") int[] shape, @ForAll long seed) {
    Random random = new Random(seed);
    double[] x = uniform(random, size(shape), -2, 2);
    Tensor input = Tensor.of(shape, x);
    int axis = random.nextInt(shape.length);
    int length = shape[axis];
    int start = random.nextInt(2 * length + 3) - length - 1;
    int end = random.nextInt(2 * length + 3) - length - 1;
    int step = 1 + random.nextInt(3);
    // The Python rule for a positive step, written out: normalise, clip, then count.
    int from = Math.max(0, Math.min(length, start < 0 ? start + length : start));
    int to = Math.max(0, Math.min(length, end < 0 ? end + length : end));
    java.util.List<Integer> picked = new java.util.ArrayList<>();
    for (int i = from; i < to; i += step) {
      picked.add(i);
    }
    int[] outShape = shape.clone();
    outShape[axis] = picked.size();
    double[] expected = new double[size(outShape)];
    for (int o = 0; o < expected.length; o++) {
      int[] index = TestTensors.unravel(outShape, o);
      index[axis] = picked.get(index[axis]);
      expected[o] = x[TestTensors.flat(shape, index)];
    }
    Node out = Ops.constant(input).slice(axis, start, end, step);
    assertArrayEquals(outShape, out.shape(), () -> "slice " + start + ":" + end + ":" + step);
    assertClose(expected, out.value().toArray(), 0, "slice " + start + ":" + end + ":" + step);
    checkGradient(random, TOLERANCE, v -> v[0].slice(axis, start, end, step), input);
  }

  @Property(tries = TRIES)
  void selectWithNegativeIndex(@ForAll("nonScalarShapes") int[] shape, @ForAll long seed) {
    Random random = new Random(seed);
    double[] x = uniform(random, size(shape), -2, 2);
    Tensor input = Tensor.of(shape, x);
    int axis = random.nextInt(shape.length);
    int index = random.nextInt(2 * shape[axis]) - shape[axis];
    int resolved = index < 0 ? index + shape[axis] : index;
    int[] outShape = new int[shape.length - 1];
    for (int i = 0, j = 0; i < shape.length; i++) {
      if (i != axis) {
        outShape[j++] = shape[i];
      }
    }
    double[] expected = new double[size(outShape)];
    for (int o = 0; o < expected.length; o++) {
      int[] outIndex = TestTensors.unravel(outShape, o);
      int[] inIndex = new int[shape.length];
      for (int i = 0, j = 0; i < shape.length; i++) {
        inIndex[i] = i == axis ? resolved : outIndex[j++];
      }
      expected[o] = x[TestTensors.flat(shape, inIndex)];
    }
    Node out = Ops.constant(input).select(axis, index);
    assertArrayEquals(outShape, out.shape());
    assertClose(expected, out.value().toArray(), 0, "select");
    checkGradient(random, TOLERANCE, v -> v[0].select(axis, index), input);
  }

  @Property(tries = TRIES)
  void concatAlongEachAxis(
      @ForAll("nonScalarShapes") int[] shape,
      @ForAll @IntRange(min = 2, max = 3) int parts,
      @ForAll long seed) {
    Random random = new Random(seed);
    int axis = random.nextInt(shape.length);
    Tensor[] inputs = new Tensor[parts];
    int[][] partShapes = new int[parts][];
    int total = 0;
    for (int p = 0; p < parts; p++) {
      partShapes[p] = shape.clone();
      partShapes[p][axis] = 1 + random.nextInt(3);
      total += partShapes[p][axis];
      inputs[p] = Tensor.of(partShapes[p], uniform(random, size(partShapes[p]), -2, 2));
    }
    int[] outShape = shape.clone();
    outShape[axis] = total;
    double[] expected = new double[size(outShape)];
    for (int o = 0; o < expected.length; o++) {
      int[] index = TestTensors.unravel(outShape, o);
      int p = 0;
      while (index[axis] >= partShapes[p][axis]) {
        index[axis] -= partShapes[p][axis];
        p++;
      }
      expected[o] = inputs[p].get(index);
    }
    Node[] constants = new Node[parts];
    for (int p = 0; p < parts; p++) {
      constants[p] = Ops.constant(inputs[p]);
    }
    Node out = Ops.concat(axis, constants);
    assertArrayEquals(outShape, out.shape());
    assertClose(expected, out.value().toArray(), 0, "concat axis " + axis);
    checkGradient(random, TOLERANCE, v -> Ops.concat(axis, v), inputs);
  }
}
