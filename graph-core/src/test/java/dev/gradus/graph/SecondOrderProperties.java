package dev.gradus.graph;

import static dev.gradus.graph.TestTensors.awayFromZero;
import static dev.gradus.graph.TestTensors.distinct;
import static dev.gradus.graph.TestTensors.size;
import static dev.gradus.graph.TestTensors.uniform;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Every operation's second-order rules against central differences, on random shapes of rank 0 to 3
 * (dimensions 1 to 4), broadcast operands and random values from ranges where the operation is
 * smooth, with inputs that are data (no gradient, so a zero tangent) at random:
 *
 * <ul>
 *   <li>the Jacobian-vector product of the operation's output along a random direction against the
 *       central difference of its values, and
 *   <li>the Hessian-vector product of a loss Σ w·y + Σ u·y² of the output y (random weights, so
 *       that every output element has its own gradient, and even a linear operation has curvature
 *       to pass through its tangent rules) against the central difference of autodiff gradients,
 *   <li>the gradient of the second-order pass against {@link Graph#backward()}'s, bit for bit.
 * </ul>
 *
 * <p>Tolerance: {@link GradientCheck#DEFAULT_TOLERANCE} in its measure. The step is h = ∛ε·max(1,
 * ‖x‖∞)/‖v‖∞ ≈ 6e-6 to 2e-5 here, so truncation contributes h²/6 times a third derivative of the
 * loss (below 1e3 on these ranges), under 1e-7, and rounding ε·|∇L|/h about 1e-10: the tolerance
 * holds with a margin of ten or more while a wrong rule (a missing term is of the size of the
 * Hessian itself) fails it.
 */
class SecondOrderProperties {
  private static final int TRIES = 100;
  private static final double TOLERANCE = GradientCheck.DEFAULT_TOLERANCE;

  @Provide
  Arbitrary<int[]> shapes() {
    return Arbitraries.integers().between(1, 4).array(int[].class).ofMinSize(0).ofMaxSize(3);
  }

  @Provide
  Arbitrary<int[]> nonScalarShapes() {
    return Arbitraries.integers().between(1, 4).array(int[].class).ofMinSize(1).ofMaxSize(3);
  }

  // ---- the check ----

  /**
   * Builds f over variables holding {@code inputs} (each a data variable with probability 1/3, as
   * long as one variable requires a gradient) and runs the three checks.
   */
  static void check(Random random, Function<Node[], Node> f, Tensor... inputs) {
    Node[] leaves = new Node[inputs.length];
    int keep = random.nextInt(inputs.length);
    for (int i = 0; i < inputs.length; i++) {
      boolean data = i != keep && random.nextInt(3) == 0;
      leaves[i] = data ? Variable.data("d" + i, inputs[i]) : Variable.of("x" + i, inputs[i]);
    }
    Node y = f.apply(leaves);
    Graph values = Graph.of(y);
    double[] v = uniform(random, values.parameterCount(), -1, 1);
    String where = " for input shapes " + TestTensors.shapesOf(inputs) + ", " + y.describe();
    GradientCheck.Report jvp = GradientCheck.checkJacobianVectorProduct(values, v, TOLERANCE);
    assertTrue(jvp.passed(), () -> "JVP " + jvp + where);

    Tensor w = Tensor.of(y.shape(), uniform(random, y.size(), -1.5, 1.5));
    Tensor u = Tensor.of(y.shape(), uniform(random, y.size(), -1, 1));
    Node loss = y.mul(Ops.constant(w)).sum().add(y.square().mul(Ops.constant(u)).sum());
    Graph graph = loss.graph();
    GradientCheck.Report hvp = GradientCheck.checkHessianVectorProduct(graph, v, TOLERANCE);
    assertTrue(hvp.passed(), () -> "HVP " + hvp + where);

    double[] gradient = new double[graph.parameterCount()];
    double[] product = new double[graph.parameterCount()];
    graph.hessianVectorProduct(v, product);
    copyGradients(graph, gradient);
    double[] firstOrder = new double[gradient.length];
    graph.forward().backward();
    copyGradients(graph, firstOrder);
    assertArrayEquals(firstOrder, gradient, 0.0, "the second-order pass's gradient" + where);
  }

  static void copyGradients(Graph graph, double[] out) {
    int at = 0;
    for (Variable variable : graph.variables()) {
      if (variable.requiresGradient()) {
        variable.copyGradTo(out, at);
        at += variable.size();
      }
    }
  }

  // ---- elementwise unary ----

  private interface Sampler {
    double[] sample(Random random, int n);
  }

  private static Sampler in(double lo, double hi) {
    return (random, n) -> uniform(random, n, lo, hi);
  }

  private static Sampler away(double lo, double hi) {
    return (random, n) -> awayFromZero(random, n, lo, hi);
  }

  private static void unary(int[] shape, long seed, UnaryOperator<Node> op, Sampler sampler) {
    Random random = new Random(seed);
    check(random, v -> op.apply(v[0]), Tensor.of(shape, sampler.sample(random, size(shape))));
  }

  @Property(tries = TRIES)
  void neg(@ForAll("shapes") int[] shape, @ForAll long seed) {
    unary(shape, seed, Node::neg, in(-2, 2));
  }

  @Property(tries = TRIES)
  void square(@ForAll("shapes") int[] shape, @ForAll long seed) {
    unary(shape, seed, Node::square, in(-2, 2));
  }

  @Property(tries = TRIES)
  void sqrt(@ForAll("shapes") int[] shape, @ForAll long seed) {
    unary(shape, seed, Node::sqrt, in(0.5, 3));
  }

  @Property(tries = TRIES)
  void exp(@ForAll("shapes") int[] shape, @ForAll long seed) {
    unary(shape, seed, Node::exp, in(-2, 2));
  }

  @Property(tries = TRIES)
  void log(@ForAll("shapes") int[] shape, @ForAll long seed) {
    unary(shape, seed, Node::log, in(0.5, 3));
  }

  @Property(tries = TRIES)
  void abs(@ForAll("shapes") int[] shape, @ForAll long seed) {
    unary(shape, seed, Node::abs, away(0.1, 2));
  }

  @Property(tries = TRIES)
  void sin(@ForAll("shapes") int[] shape, @ForAll long seed) {
    unary(shape, seed, Node::sin, in(-3, 3));
  }

  @Property(tries = TRIES)
  void cos(@ForAll("shapes") int[] shape, @ForAll long seed) {
    unary(shape, seed, Node::cos, in(-3, 3));
  }

  @Property(tries = TRIES)
  void tan(@ForAll("shapes") int[] shape, @ForAll long seed) {
    unary(shape, seed, Node::tan, in(-1, 1));
  }

  @Property(tries = TRIES)
  void tanh(@ForAll("shapes") int[] shape, @ForAll long seed) {
    unary(shape, seed, Node::tanh, in(-3, 3));
  }

  @Property(tries = TRIES)
  void sigmoid(@ForAll("shapes") int[] shape, @ForAll long seed) {
    unary(shape, seed, Node::sigmoid, in(-4, 4));
  }

  @Property(tries = TRIES)
  void relu(@ForAll("shapes") int[] shape, @ForAll long seed) {
    unary(shape, seed, Node::relu, away(0.1, 2));
  }

  @Property(tries = TRIES)
  void indicatorsPassBackNothing(@ForAll("shapes") int[] shape, @ForAll long seed) {
    unary(shape, seed, x -> Ops.nonZero(x).add(x), away(0.1, 2));
    Random random = new Random(seed);
    double[] a = uniform(random, size(shape), -2, 2);
    double[] b = a.clone();
    for (int i = 0; i < b.length; i++) {
      b[i] += 0.5; // every element differs, away from the jump, so the indicator stays 1 nearby
    }
    check(
        random,
        v -> Ops.notEqual(v[0], v[1]).mul(v[0]).add(Ops.notEqual(v[1], v[1]).mul(v[1].exp())),
        Tensor.of(shape, a),
        Tensor.of(shape, b));
  }

  @Property(tries = TRIES)
  void powWithNonIntegerScalarExponent(@ForAll("shapes") int[] shape, @ForAll long seed) {
    double p = -2.5 + 5 * new Random(seed ^ 0x5DEECE66DL).nextDouble();
    unary(shape, seed, x -> x.pow(p), in(0.5, 2));
  }

  @Property(tries = TRIES)
  void powWithIntegerScalarExponent(
      @ForAll("shapes") int[] shape,
      @ForAll @IntRange(min = -3, max = 4) int p,
      @ForAll long seed) {
    unary(shape, seed, x -> x.pow(p), away(0.5, 2));
  }

  // ---- elementwise binary, broadcasting ----

  /**
   * A shape that broadcasts against {@code shape}: some leading axes dropped and some axes set to
   * 1; now and then a single element ([] or all ones), which takes the scalar-operand kernels.
   */
  private static int[] broadcastPartner(Random random, int[] shape) {
    if (random.nextInt(4) == 0) {
      return random.nextBoolean() ? new int[0] : ones(random.nextInt(shape.length + 1));
    }
    int drop = random.nextInt(shape.length + 1);
    int[] partner = java.util.Arrays.copyOfRange(shape, drop, shape.length);
    for (int i = 0; i < partner.length; i++) {
      if (random.nextInt(3) == 0) {
        partner[i] = 1;
      }
    }
    return partner;
  }

  private static int[] ones(int rank) {
    int[] shape = new int[rank];
    java.util.Arrays.fill(shape, 1);
    return shape;
  }

  private static void binary(
      int[] shape, long seed, BinaryOperator<Node> op, Sampler first, Sampler second) {
    Random random = new Random(seed);
    int[] partner = broadcastPartner(random, shape);
    boolean swap = random.nextBoolean();
    int[] sa = swap ? partner : shape;
    int[] sb = swap ? shape : partner;
    Tensor a = Tensor.of(sa, first.sample(random, size(sa)));
    Tensor b = Tensor.of(sb, second.sample(random, size(sb)));
    check(random, v -> op.apply(v[0], v[1]), a, b);
  }

  @Property(tries = TRIES)
  void add(@ForAll("shapes") int[] shape, @ForAll long seed) {
    binary(shape, seed, Node::add, in(-2, 2), in(-2, 2));
  }

  @Property(tries = TRIES)
  void sub(@ForAll("shapes") int[] shape, @ForAll long seed) {
    binary(shape, seed, Node::sub, in(-2, 2), in(-2, 2));
  }

  @Property(tries = TRIES)
  void mul(@ForAll("shapes") int[] shape, @ForAll long seed) {
    binary(shape, seed, Node::mul, in(-2, 2), in(-2, 2));
  }

  @Property(tries = TRIES)
  void div(@ForAll("shapes") int[] shape, @ForAll long seed) {
    binary(shape, seed, Node::div, in(-2, 2), away(0.5, 2));
  }

  @Property(tries = TRIES)
  void powWithTensorExponent(@ForAll("shapes") int[] shape, @ForAll long seed) {
    binary(shape, seed, Node::pow, in(0.5, 2), in(-2, 2));
  }

  @Property(tries = TRIES)
  void explicitBroadcast(@ForAll("nonScalarShapes") int[] shape, @ForAll long seed) {
    Random random = new Random(seed);
    int[] partner = broadcastPartner(random, shape);
    Tensor x = Tensor.of(partner, uniform(random, size(partner), -2, 2));
    check(random, v -> Ops.broadcastTo(v[0], shape).sin(), x);
  }

  // ---- reductions ----

  @Property(tries = TRIES)
  void sumAndMean(@ForAll("shapes") int[] shape, @ForAll long seed) {
    Random random = new Random(seed);
    Tensor x = Tensor.of(shape, uniform(random, size(shape), -2, 2));
    check(random, v -> v[0].sum(), x);
    check(random, v -> v[0].mean(), x);
  }

  @Property(tries = TRIES)
  void maxAndMin(@ForAll("shapes") int[] shape, @ForAll long seed) {
    Random random = new Random(seed);
    Tensor x = Tensor.of(shape, distinct(random, size(shape)));
    check(random, v -> v[0].max(), x);
    check(random, v -> v[0].min(), x);
  }

  @Property(tries = TRIES)
  void reductionsAlongEveryAxis(@ForAll("nonScalarShapes") int[] shape, @ForAll long seed) {
    Random random = new Random(seed);
    Tensor x = Tensor.of(shape, distinct(random, size(shape)));
    for (int axis = 0; axis < shape.length; axis++) {
      int given = random.nextBoolean() ? axis : axis - shape.length;
      check(random, v -> v[0].sum(given), x);
      check(random, v -> v[0].mean(given), x);
      check(random, v -> v[0].max(given), x);
      check(random, v -> v[0].min(given), x);
    }
  }

  // ---- linear algebra ----

  @Property(tries = TRIES)
  void dot(@ForAll @IntRange(min = 1, max = 4) int n, @ForAll long seed) {
    Random random = new Random(seed);
    check(
        random,
        v -> v[0].dot(v[1]),
        Tensor.vector(uniform(random, n, -2, 2)),
        Tensor.vector(uniform(random, n, -2, 2)));
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
    check(random, v -> v[0].matmul(v[1]), ta, tb);
  }

  // ---- structure ----

  private static final int[][] PERMUTATIONS_OF_3 = {
    {0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}
  };

  @Property(tries = TRIES)
  void transpose(
      @ForAll @IntRange(min = 1, max = 4) int d0,
      @ForAll @IntRange(min = 1, max = 4) int d1,
      @ForAll @IntRange(min = 1, max = 4) int d2,
      @ForAll @IntRange(min = 0, max = 5) int which,
      @ForAll long seed) {
    Random random = new Random(seed);
    Tensor matrix = Tensor.of(new int[] {d0, d1}, uniform(random, d0 * d1, -2, 2));
    check(random, v -> v[0].transpose().mul(v[0].transpose()), matrix);
    Tensor cube = Tensor.of(new int[] {d0, d1, d2}, uniform(random, d0 * d1 * d2, -2, 2));
    check(random, v -> v[0].transpose(PERMUTATIONS_OF_3[which]), cube);
  }

  @Property(tries = TRIES)
  void reshape(@ForAll("shapes") int[] shape, @ForAll long seed) {
    Random random = new Random(seed);
    int n = size(shape);
    Tensor x = Tensor.of(shape, uniform(random, n, -2, 2));
    check(random, v -> v[0].reshape(-1).sin(), x);
    check(random, v -> v[0].reshape(1, n, 1), x);
  }

  @Property(tries = TRIES)
  void sliceAndSelect(@ForAll("nonScalarShapes") int[] shape, @ForAll long seed) {
    Random random = new Random(seed);
    Tensor x = Tensor.of(shape, uniform(random, size(shape), -2, 2));
    int axis = random.nextInt(shape.length);
    int length = shape[axis];
    int start = random.nextInt(2 * length + 3) - length - 1;
    int end = random.nextInt(2 * length + 3) - length - 1;
    int step = 1 + random.nextInt(3);
    int index = random.nextInt(2 * length) - length;
    check(random, v -> v[0].slice(axis, start, end, step).cos(), x);
    check(random, v -> v[0].select(axis, index).mul(v[0].select(axis, 0)), x);
  }

  @Property(tries = TRIES)
  void concat(
      @ForAll("nonScalarShapes") int[] shape,
      @ForAll @IntRange(min = 2, max = 3) int parts,
      @ForAll long seed) {
    Random random = new Random(seed);
    int axis = random.nextInt(shape.length);
    Tensor[] inputs = new Tensor[parts];
    for (int p = 0; p < parts; p++) {
      int[] partShape = shape.clone();
      partShape[axis] = 1 + random.nextInt(3);
      inputs[p] = Tensor.of(partShape, uniform(random, size(partShape), -2, 2));
    }
    check(random, v -> Ops.concat(axis, v).exp(), inputs);
  }

  // ---- compositions: several rules in one tape ----

  @Property(tries = TRIES)
  void sharedNodesAndChains(@ForAll("nonScalarShapes") int[] shape, @ForAll long seed) {
    Random random = new Random(seed);
    Tensor x = Tensor.of(shape, uniform(random, size(shape), 0.5, 1.5));
    Tensor y = Tensor.of(shape, uniform(random, size(shape), -1, 1));
    check(
        random,
        v -> {
          Node shared = v[0].mul(v[1]).tanh();
          return shared.mul(shared).add(v[0].log().mul(shared)).div(v[0].add(2)).sigmoid();
        },
        x,
        y);
  }
}
