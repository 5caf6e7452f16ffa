package dev.gradus.graph;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A node of a computation graph: a dense tensor value computed from the values of its inputs, and
 * after a backward pass the gradient of the graph's output with respect to that value.
 *
 * <p>Graphs are built define-by-run, as in PyTorch: every operation computes its value as soon as
 * it is created, so {@code x.add(y).mul(z).sin().item()} is the value of sin((x + y)·z). Once
 * built, a graph is re-evaluated without being rebuilt: {@linkplain Variable#set set} new input
 * values, call {@link #forward()}, then {@link #backward()}, and read {@link Variable#grad()}.
 * Every buffer is allocated when the node is created (values) or when it first joins a {@link
 * Graph} (gradients), so a steady-state forward and backward pass allocates nothing.
 *
 * <p>Elementwise operations broadcast their operands as NumPy does. An operation whose operand
 * shapes do not fit throws {@link ShapeMismatchException} naming the operation and both shapes.
 *
 * <p>Nodes are not thread-safe: a graph is built and evaluated by one thread at a time.
 */
public abstract class Node {
  private static final AtomicLong NEXT_ID = new AtomicLong();

  final long id = NEXT_ID.getAndIncrement();

  /** The id the next node will get: every node created so far has a smaller one. */
  static long nextId() {
    return NEXT_ID.get();
  }

  final String op;
  final int[] shape;
  final Node[] inputs;
  final double[] value;

  /** True when the value depends on a {@link Variable}, so {@link Graph#forward} recomputes it. */
  final boolean dependsOnVariable;

  /** True when some variable below this node requires a gradient. */
  final boolean requiresGrad;

  /** Gradient buffer, allocated by {@link Graph} for nodes that require a gradient. */
  double[] grad;

  /**
   * The arrays the range kernels ({@link RangeKernel}) read and write for this node's value and
   * gradient, and the index of element 0 of those arrays: {@link #value}, {@link #grad} and 0,
   * except while a fused {@link TiledSegment} runs, which points them at block-sized scratch
   * buffers holding elements [base, base + block) and restores them before it returns.
   */
  double[] vbuf;

  double[] gbuf;
  int base;

  /**
   * Non-null while {@link #value} (or {@link #grad}) does not hold the last pass's result, because
   * the pass ran this node fused, in scratch buffers: that segment recomputes it on demand.
   */
  TiledSegment staleValue;

  TiledSegment staleGrad;

  /**
   * Second order (forward-over-reverse): the directional derivative of {@link #value} along the
   * direction of the last tangent pass, and the directional derivative of {@link #grad} along it.
   * Allocated by {@link Graph} the first time it runs a second-order pass, for the nodes that
   * require a gradient; null for the others, whose tangent is zero.
   */
  double[] tangent;

  double[] gradTangent;

  private Graph graph;

  /** An operation on {@code inputs}. */
  Node(String op, int[] shape, Node... inputs) {
    this(op, shape, inputs, false, false);
  }

  /** A leaf: a {@link Variable} when {@code variable}, otherwise a constant. */
  Node(String op, int[] shape, boolean variable, boolean requiresGradient) {
    this(op, shape, new Node[0], variable, variable && requiresGradient);
  }

  private Node(String op, int[] shape, Node[] inputs, boolean variable, boolean needsGrad) {
    this.op = op;
    this.shape = shape;
    this.inputs = inputs;
    this.value = new double[Shapes.size(shape)];
    this.vbuf = value;
    for (Node input : inputs) {
      variable |= input.dependsOnVariable;
      needsGrad |= input.requiresGrad;
    }
    this.dependsOnVariable = variable;
    this.requiresGrad = needsGrad;
  }

  /** Recomputes {@link #value} from the inputs' values. */
  abstract void computeValue();

  /**
   * Adds this node's contribution to the gradient buffers of those inputs that have one ({@code
   * input.grad != null}), given {@link #grad}.
   */
  abstract void propagateGrad();

  /**
   * Writes {@link #tangent} from the inputs' values and tangents: J·ṫ, with J this node's Jacobian
   * at its inputs' values and an input's tangent null when it is zero. Called in topological order,
   * node by node, after {@link #computeValue()}, only for a node that requires a gradient.
   */
  abstract void computeTangent();

  /**
   * The tangent of {@link #propagateGrad()}: adds to the {@link #gradTangent} of each input that
   * has one the directional derivative of this node's contribution to that input's gradient, Jᵀ·ġ +
   * (J̇)ᵀ·g, where J̇ is J's derivative along the inputs' tangents. Called in reverse topological
   * order, node by node, after {@link #propagateGrad()}, with {@link #grad} and {@link
   * #gradTangent} complete.
   */
  abstract void propagateGradTangent();

  /** Operation name, such as {@code "add"} or {@code "sin"}; a variable's name for variables. */
  public String op() {
    return op;
  }

  public int[] shape() {
    return shape.clone();
  }

  public int rank() {
    return shape.length;
  }

  /** Number of elements. */
  public int size() {
    return value.length;
  }

  /** A copy of the current value. */
  public Tensor value() {
    freshValue();
    return Tensor.wrap(shape, value.clone());
  }

  /** The value of a node with exactly one element. */
  public double item() {
    requireSingleElement("item");
    freshValue();
    return value[0];
  }

  /** The element at a flat row-major index, without copying. */
  public double valueAt(int flatIndex) {
    freshValue();
    return value[flatIndex];
  }

  /**
   * A copy of the gradient from the last backward pass.
   *
   * @throws IllegalStateException if no backward pass has reached this node
   */
  public Tensor grad() {
    requireGrad();
    freshGrad();
    return Tensor.wrap(shape, grad.clone());
  }

  /** The gradient of a node with exactly one element. */
  public double gradItem() {
    requireSingleElement("gradItem");
    requireGrad();
    freshGrad();
    return grad[0];
  }

  /** Copies the gradient into {@code target} at {@code offset}, without allocating. */
  public void copyGradTo(double[] target, int offset) {
    requireGrad();
    freshGrad();
    System.arraycopy(grad, 0, target, offset, grad.length);
  }

  /**
   * A copy of the tangent from the last second-order pass ({@link Graph#jacobianVectorProduct},
   * {@link Graph#hessianVectorProduct}): the derivative of this node's value along that pass's
   * direction. Zero for a node that depends on no variable requiring a gradient.
   *
   * @throws IllegalStateException if no second-order pass has run on a graph that contains it
   */
  public Tensor tangent() {
    if (tangent == null && requiresGrad) {
      throw new IllegalStateException(
          "no tangent for " + describe() + ": run a second-order pass on a graph that contains it");
    }
    return tangent == null ? Tensor.zeros(shape) : Tensor.wrap(shape, tangent.clone());
  }

  /**
   * A copy of the tangent of the gradient from the last {@link Graph#hessianVectorProduct}: for a
   * variable, its block of H·v.
   *
   * @throws IllegalStateException if no Hessian-vector product has reached this node
   */
  public Tensor gradTangent() {
    if (gradTangent == null) {
      throw new IllegalStateException(
          "no gradient tangent for "
              + describe()
              + ": run hessianVectorProduct on a graph that contains it and depends on a variable"
              + " that requires a gradient");
    }
    return Tensor.wrap(shape, gradTangent.clone());
  }

  /** Copies the value into {@code target} at {@code offset}, without allocating. */
  public void copyValueTo(double[] target, int offset) {
    freshValue();
    System.arraycopy(value, 0, target, offset, value.length);
  }

  /** The graph that ends at this node, built once and cached. */
  public Graph graph() {
    if (graph == null) {
      graph = Graph.of(this);
    }
    return graph;
  }

  /** Recomputes every node of this node's graph from the current variable values. */
  public Node forward() {
    graph().forward();
    return this;
  }

  /** Backward pass from this single-element node; shorthand for {@code graph().backward()}. */
  public Node backward() {
    graph().backward();
    return this;
  }

  /** Backward pass seeded with {@code seed}, which must have this node's shape. */
  public Node backward(Tensor seed) {
    graph().backward(seed);
    return this;
  }

  /** A short description such as {@code mul#12 [2, 3]}, used in error messages and DOT output. */
  public String describe() {
    return op + "#" + id + " " + Shapes.format(shape);
  }

  @Override
  public String toString() {
    return describe() + " = " + value();
  }

  private void requireSingleElement(String what) {
    if (value.length != 1) {
      throw new IllegalStateException(
          what + "() needs a single-element node, but " + describe() + " has " + value.length);
    }
  }

  private void requireGrad() {
    if (grad == null) {
      throw new IllegalStateException(
          "no gradient for "
              + describe()
              + ": run backward() on a graph that contains it and depends on a variable that"
              + " requires a gradient");
    }
  }

  /** The index in {@link #vbuf} and {@link #gbuf} of element {@code element} of this node. */
  final int index(int element) {
    return element - base;
  }

  /** Makes {@link #value} hold the last pass's result, recomputing it if that pass was fused. */
  final void freshValue() {
    if (staleValue != null) {
      staleValue.materialiseValue(this);
    }
  }

  /** Makes {@link #grad} hold the last backward pass's result (see {@link #freshValue()}). */
  final void freshGrad() {
    if (staleGrad != null) {
      staleGrad.materialiseGradients();
    }
  }

  boolean hasNonFiniteValue() {
    freshValue();
    for (double v : value) {
      if (!Double.isFinite(v)) {
        return true;
      }
    }
    return false;
  }

  void zeroGrad() {
    staleGrad = null;
    Arrays.fill(grad, 0.0);
  }

  // ---- Fluent operations. Each delegates to Ops, where the operations are documented. ----

  public Node add(Node other) {
    return Ops.add(this, other);
  }

  public Node add(double other) {
    return Ops.add(this, Ops.constant(other));
  }

  public Node sub(Node other) {
    return Ops.sub(this, other);
  }

  public Node sub(double other) {
    return Ops.sub(this, Ops.constant(other));
  }

  public Node mul(Node other) {
    return Ops.mul(this, other);
  }

  public Node mul(double other) {
    return Ops.mul(this, Ops.constant(other));
  }

  public Node div(Node other) {
    return Ops.div(this, other);
  }

  public Node div(double other) {
    return Ops.div(this, Ops.constant(other));
  }

  public Node pow(Node exponent) {
    return Ops.pow(this, exponent);
  }

  public Node pow(double exponent) {
    return Ops.pow(this, exponent);
  }

  public Node neg() {
    return Ops.neg(this);
  }

  public Node square() {
    return Ops.square(this);
  }

  public Node sqrt() {
    return Ops.sqrt(this);
  }

  public Node exp() {
    return Ops.exp(this);
  }

  public Node log() {
    return Ops.log(this);
  }

  public Node abs() {
    return Ops.abs(this);
  }

  public Node sin() {
    return Ops.sin(this);
  }

  public Node cos() {
    return Ops.cos(this);
  }

  public Node tan() {
    return Ops.tan(this);
  }

  public Node tanh() {
    return Ops.tanh(this);
  }

  public Node sigmoid() {
    return Ops.sigmoid(this);
  }

  public Node relu() {
    return Ops.relu(this);
  }

  public Node sum() {
    return Ops.sum(this);
  }

  public Node sum(int axis) {
    return Ops.sum(this, axis);
  }

  public Node mean() {
    return Ops.mean(this);
  }

  public Node mean(int axis) {
    return Ops.mean(this, axis);
  }

  public Node max() {
    return Ops.max(this);
  }

  public Node max(int axis) {
    return Ops.max(this, axis);
  }

  public Node min() {
    return Ops.min(this);
  }

  public Node min(int axis) {
    return Ops.min(this, axis);
  }

  public Node dot(Node other) {
    return Ops.dot(this, other);
  }

  public Node matmul(Node other) {
    return Ops.matmul(this, other);
  }

  public Node transpose() {
    return Ops.transpose(this);
  }

  public Node transpose(int... axes) {
    return Ops.transpose(this, axes);
  }

  public Node reshape(int... shape) {
    return Ops.reshape(this, shape);
  }

  public Node slice(int axis, int start, int end) {
    return Ops.slice(this, axis, start, end, 1);
  }

  public Node slice(int axis, int start, int end, int step) {
    return Ops.slice(this, axis, start, end, step);
  }

  /** Element {@code index} along the first axis, removing that axis: {@code x[i]}. */
  public Node get(int index) {
    return Ops.select(this, 0, index);
  }

  public Node select(int axis, int index) {
    return Ops.select(this, axis, index);
  }
}
