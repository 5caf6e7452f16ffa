package dev.gradus.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The compiled form of a computation graph: every node the output depends on, in topological order,
 * ready to be re-run.
 *
 * <p>Call order: {@linkplain Variable#set set} variables, {@link #forward()}, then {@link
 * #backward()}; read gradients with {@link Node#grad()}. Each backward pass starts from zero
 * gradients (unlike PyTorch, nothing accumulates across passes). Within a pass, a node that feeds
 * several others receives the sum of their contributions.
 *
 * <p>Compiling walks the graph iteratively, so chains of millions of nodes compile and run without
 * stack overflow. Gradient buffers are allocated here, once; {@link #forward()} and {@link
 * #backward()} allocate nothing. A graph is not thread-safe.
 */
public final class Graph {
  /**
   * Elements per block of a tiled segment: 256 doubles are 2 KB, so the scratch blocks of a fused
   * segment's intermediates and their gradients stay in the L1 cache, or close. On Rosenbrock at n
   * = 10⁶ (fused forward and backward, System.nanoTime loops on a shared 2-core machine), blocks of
   * 128 to 256 elements took 4.7 ms a pass, 1,024 took 6.3 ms, 8,192 took 7.6–8 ms; at 64 the
   * per-block calls dominated (23 ms).
   */
  static final int BLOCK = 256;

  /** Shorter ranges are not tiled: their arrays already fit in cache. */
  static final int MIN_TILED_LENGTH = 16_384;

  private final Node output;
  private final Node[] nodes;
  private final Node[] recomputed;
  private final Node[] differentiated;
  private final List<Variable> variables;

  /**
   * The recomputed nodes, each either a {@link Node} or a {@link TiledSegment}, in tape order; null
   * when nothing is tiled, and then {@link #forward} and {@link #backward} run node by node.
   */
  private final Object[] steps;

  /** The gradients zeroed before a backward pass: all but those zeroed by their segment. */
  private final Node[] zeroedUpfront;

  /**
   * The variables that require a gradient, in {@link #variables()} order: their elements, each
   * variable row-major, make up the parameter vector of the second-order methods.
   */
  private final Variable[] parameters;

  private final int parameterCount;

  /** True once the tangent buffers are allocated, on the first second-order pass. */
  private boolean secondOrderReady;

  private Graph(Node output) {
    this(output, BLOCK, MIN_TILED_LENGTH);
  }

  /**
   * Compiles with tiled segments of {@code block} elements for ranges of at least {@code
   * minTiledLength}; {@code Integer.MAX_VALUE} turns tiling off.
   */
  Graph(Node output, int block, int minTiledLength) {
    this.output = output;
    this.nodes = topologicalOrder(output);
    List<Node> recompute = new ArrayList<>();
    List<Node> differentiate = new ArrayList<>();
    List<Variable> inputs = new ArrayList<>();
    for (Node node : nodes) {
      if (node instanceof Variable variable) {
        inputs.add(variable);
      } else if (node.dependsOnVariable) {
        recompute.add(node);
      }
      if (node.requiresGrad) {
        if (node.grad == null) {
          node.grad = new double[node.value.length];
        }
        node.gbuf = node.grad;
        differentiate.add(node);
      }
    }
    this.recomputed = recompute.toArray(new Node[0]);
    this.differentiated = differentiate.toArray(new Node[0]);
    this.variables = Collections.unmodifiableList(inputs);
    List<Object> planned =
        new TiledSegment.Planner(nodes, output, variables, block, minTiledLength).plan(recomputed);
    List<Node> zeroed = new ArrayList<>(Arrays.asList(differentiated));
    boolean tiled = false;
    for (Object step : planned) {
      if (step instanceof TiledSegment segment) {
        tiled = true;
        zeroed.removeIf(segment::zeroesGradient);
      }
    }
    this.steps = tiled ? planned.toArray() : null;
    if (tiled
        && planned.get(planned.size() - 1) instanceof TiledSegment last
        && last.fused()
        && last.members()[last.members().length - 1] == output) {
      last.deferForward();
    }
    this.zeroedUpfront = zeroed.toArray(new Node[0]);
    List<Variable> withGradient = new ArrayList<>();
    int count = 0;
    for (Variable variable : variables) {
      if (variable.requiresGradient()) {
        withGradient.add(variable);
        count += variable.value.length;
      }
    }
    this.parameters = withGradient.toArray(new Variable[0]);
    this.parameterCount = count;
  }

  /** Compiles the graph that ends at {@code output}. */
  public static Graph of(Node output) {
    return new Graph(output);
  }

  private static Node[] topologicalOrder(Node output) {
    Map<Node, Boolean> seen = new IdentityHashMap<>();
    ArrayDeque<Node> pending = new ArrayDeque<>();
    List<Node> found = new ArrayList<>();
    pending.push(output);
    seen.put(output, Boolean.TRUE);
    while (!pending.isEmpty()) {
      Node node = pending.pop();
      found.add(node);
      for (Node input : node.inputs) {
        if (seen.put(input, Boolean.TRUE) == null) {
          pending.push(input);
        }
      }
    }
    // A node is always created after its inputs, so creation order is a topological order.
    found.sort(Comparator.comparingLong(node -> node.id));
    return found.toArray(new Node[0]);
  }

  public Node output() {
    return output;
  }

  /** The variables the output depends on, in creation order. */
  public List<Variable> variables() {
    return variables;
  }

  /** Every node, in topological (creation) order, the output last. */
  public List<Node> nodes() {
    return List.of(nodes);
  }

  /** Recomputes every node that depends on a variable. Returns this graph. */
  public Graph forward() {
    if (steps == null) {
      for (Node node : recomputed) {
        node.staleValue = null;
        node.computeValue();
      }
      return this;
    }
    for (Object step : steps) {
      if (step instanceof TiledSegment segment) {
        segment.forward();
      } else {
        ((Node) step).staleValue = null;
        ((Node) step).computeValue();
      }
    }
    return this;
  }

  /**
   * Backward pass from a single-element output, seeded with 1.
   *
   * @throws IllegalStateException if the output has more than one element; use {@link
   *     #backward(Tensor)} with a seed gradient then
   */
  public Graph backward() {
    if (output.value.length != 1) {
      throw new IllegalStateException(
          "backward() without a seed needs a scalar output, but "
              + output.describe()
              + " has "
              + output.value.length
              + " elements: pass a seed gradient of that shape, backward(seed)");
    }
    return propagate(1.0, null);
  }

  /** Backward pass with an explicit seed gradient, of the output's shape. */
  public Graph backward(Tensor seed) {
    if (!Arrays.equals(seed.shapeInternal(), output.shape)) {
      throw new ShapeMismatchException(
          "backward: seed of shape "
              + Shapes.format(seed.shapeInternal())
              + " does not match the output "
              + output.describe());
    }
    return propagate(0.0, seed.dataInternal());
  }

  private Graph propagate(double scalarSeed, double[] seed) {
    if (!output.requiresGrad) {
      throw new IllegalStateException(
          "backward: " + output.describe() + " depends on no variable that requires a gradient");
    }
    freshenValuesOfOtherGraphs();
    for (Node node : zeroedUpfront) {
      node.zeroGrad();
    }
    if (seed == null) {
      output.grad[0] = scalarSeed;
    } else {
      System.arraycopy(seed, 0, output.grad, 0, seed.length);
    }
    if (steps == null) {
      for (int i = differentiated.length - 1; i >= 0; i--) {
        differentiated[i].propagateGrad();
      }
      return this;
    }
    // Variables, the only differentiated nodes that are not steps, propagate nothing.
    for (int i = steps.length - 1; i >= 0; i--) {
      Object step = steps[i];
      if (step instanceof TiledSegment segment) {
        segment.backward();
      } else if (((Node) step).requiresGrad) {
        ((Node) step).propagateGrad();
      }
    }
    return this;
  }

  /**
   * Recomputes the values a backward pass reads that a fused segment of another graph sharing these
   * nodes kept in scratch only: node by node, that graph's forward pass would have left them in the
   * nodes' arrays. Values this graph's own segments keep in scratch they recompute themselves.
   *
   * @throws IllegalStateException if a variable was set since that other graph's pass
   */
  private void freshenValuesOfOtherGraphs() {
    for (Node node : recomputed) {
      TiledSegment segment = node.staleValue;
      if (segment != null && !isStep(segment)) {
        node.freshValue();
      }
    }
  }

  private boolean isStep(TiledSegment segment) {
    if (steps != null) {
      for (Object step : steps) {
        if (step == segment) {
          return true;
        }
      }
    }
    return false;
  }

  /** The number of tiled segments, and of nodes in them: {segments, nodes}. For tests. */
  int[] tiling() {
    int segments = 0;
    int members = 0;
    for (Object step : steps == null ? new Object[0] : steps) {
      if (step instanceof TiledSegment segment) {
        segments++;
        members += segment.members().length;
      }
    }
    return new int[] {segments, members};
  }

  /** The number of tiled segments that run fused. For tests. */
  int fusedSegments() {
    int fused = 0;
    for (Object step : steps == null ? new Object[0] : steps) {
      if (step instanceof TiledSegment segment && segment.fused()) {
        fused++;
      }
    }
    return fused;
  }

  // ---- second order: tangents through the tape (forward-over-reverse) ----

  /**
   * The most entries a dense {@link #hessian()} or {@link #jacobian()} may have: 2²⁴ doubles, 128
   * MB. Larger problems use the products, which never form the matrix.
   */
  public static final long MAX_DENSE_ENTRIES = 1L << 24;

  /**
   * The length of the parameter vector of the second-order methods: the number of elements of the
   * variables that require a gradient. Directions ({@link #jacobianVectorProduct}, {@link
   * #hessianVectorProduct}) and the products' results ({@link #vectorJacobianProduct}, {@link
   * #hessianVectorProduct}) list those variables in {@link #variables()} order, each row-major, as
   * {@link NumericalDiff#gradient(Graph)} does; data variables have no entries.
   */
  public int parameterCount() {
    return parameterCount;
  }

  /**
   * The Jacobian-vector product J·v of the output at the variables' current values, written into
   * {@code out} (the output's size, row-major): the derivative of the output along {@code
   * direction}. One pass forward, values and tangents together, node by node; afterwards every
   * node's {@link Node#tangent()} holds its own derivative along the direction. The values are
   * recomputed, so no {@link #forward()} is needed first.
   *
   * @param direction v, of length {@link #parameterCount()}
   * @throws IllegalArgumentException if an array has the wrong length, naming it and both lengths
   */
  public void jacobianVectorProduct(double[] direction, double[] out) {
    requireLength("jacobianVectorProduct: direction", direction, parameterCount);
    requireLength("jacobianVectorProduct: out", out, output.value.length);
    valuesAndTangents(direction);
    if (output.tangent == null) {
      Arrays.fill(out, 0.0);
    } else {
      System.arraycopy(output.tangent, 0, out, 0, out.length);
    }
  }

  /**
   * The vector-Jacobian product uᵀ·J of the output at the variables' current values, written into
   * {@code out} (length {@link #parameterCount()}): a {@link #forward()} and a {@link
   * #backward(Tensor)} seeded with u, the gradients then copied out. For a scalar output and u =
   * [1] this is the gradient. Variables' {@link Node#grad()} hold their blocks afterwards.
   *
   * @param seed u, of the output's size, row-major
   * @throws IllegalArgumentException if an array has the wrong length, naming it and both lengths
   * @throws IllegalStateException if the output depends on no variable that requires a gradient
   */
  public void vectorJacobianProduct(double[] seed, double[] out) {
    requireLength("vectorJacobianProduct: seed", seed, output.value.length);
    requireLength("vectorJacobianProduct: out", out, parameterCount);
    forward();
    propagate(0.0, seed);
    copyParameterGradients(out);
  }

  /**
   * The Hessian-vector product H·v of a scalar output at the variables' current values, exactly (up
   * to rounding), written into {@code out} (length {@link #parameterCount()}).
   *
   * <p>Forward-over-reverse: one pass forward computes every node's value and its tangent along v;
   * one pass backward computes every gradient and, from each node's tangent rule for its backward
   * step, the gradient's tangent, which at the variables is H·v. Both passes run node by node, also
   * where {@link #forward()} and {@link #backward()} run fused (the fused segments are told that
   * their members' values are fresh), and cost about two gradient evaluations. The tangent buffers
   * are allocated on the first second-order call; later calls allocate nothing. Afterwards the
   * variables' {@link Node#grad()} hold ∇f, bit for bit what {@link #backward()} gives, and their
   * {@link Node#gradTangent()} their blocks of H·v. Non-smooth operations take the same subgradient
   * as the first order (see docs/graph.md), so at a kink H·v is the derivative of that gradient
   * along v.
   *
   * @param direction v, of length {@link #parameterCount()}
   * @throws IllegalArgumentException if an array has the wrong length, naming it and both lengths
   * @throws IllegalStateException if the output has more than one element, or depends on no
   *     variable that requires a gradient
   */
  public void hessianVectorProduct(double[] direction, double[] out) {
    requireScalarOutput("hessianVectorProduct");
    requireLength("hessianVectorProduct: direction", direction, parameterCount);
    requireLength("hessianVectorProduct: out", out, parameterCount);
    requireGradientPath("hessianVectorProduct");
    valuesAndTangents(direction);
    for (Node node : differentiated) {
      node.zeroGrad();
      Arrays.fill(node.gradTangent, 0.0);
    }
    output.grad[0] = 1.0;
    for (int i = differentiated.length - 1; i >= 0; i--) {
      Node node = differentiated[i];
      node.propagateGrad();
      node.propagateGradTangent();
    }
    int at = 0;
    for (Variable v : parameters) {
      System.arraycopy(v.gradTangent, 0, out, at, v.gradTangent.length);
      at += v.gradTangent.length;
    }
  }

  /**
   * The dense Hessian of a scalar output at the variables' current values: column j is {@link
   * #hessianVectorProduct} with the j-th unit vector, so it costs n products (about 2n gradient
   * evaluations) and n² doubles, for n = {@link #parameterCount()}. Entries are not symmetrised:
   * H[i][j] and H[j][i] come from different products and may differ in the last bits.
   *
   * @throws IllegalStateException as {@link #hessianVectorProduct} does, or when n² exceeds {@link
   *     #MAX_DENSE_ENTRIES}
   */
  public double[][] hessian() {
    requireScalarOutput("hessian");
    requireDense("hessian", parameterCount, parameterCount);
    int n = parameterCount;
    double[][] hessian = new double[n][n];
    double[] unit = new double[n];
    double[] column = new double[n];
    for (int j = 0; j < n; j++) {
      unit[j] = 1;
      hessianVectorProduct(unit, column);
      unit[j] = 0;
      for (int i = 0; i < n; i++) {
        hessian[i][j] = column[i];
      }
    }
    return hessian;
  }

  /**
   * The dense Jacobian of the output (m = its size, flattened row-major) with respect to the
   * parameter vector (n = {@link #parameterCount()}) at the variables' current values: entry [i][j]
   * is ∂outputᵢ/∂xⱼ. Built from whichever products are fewer: m rows by {@link
   * #vectorJacobianProduct} (one forward pass, then one backward pass per row) when m ≤ n, else n
   * columns by {@link #jacobianVectorProduct} (one pass forward with tangents per column). Zero
   * when the output depends on no variable that requires a gradient.
   *
   * @throws IllegalStateException when m·n exceeds {@link #MAX_DENSE_ENTRIES}
   */
  public double[][] jacobian() {
    int m = output.value.length;
    int n = parameterCount;
    requireDense("jacobian", m, n);
    double[][] jacobian = new double[m][n];
    if (!output.requiresGrad || m == 0 || n == 0) {
      return jacobian;
    }
    if (m <= n) {
      double[] seed = new double[m];
      forward();
      for (int i = 0; i < m; i++) {
        seed[i] = 1;
        propagate(0.0, seed);
        seed[i] = 0;
        copyParameterGradients(jacobian[i]);
      }
    } else {
      double[] unit = new double[n];
      double[] column = new double[m];
      for (int j = 0; j < n; j++) {
        unit[j] = 1;
        jacobianVectorProduct(unit, column);
        unit[j] = 0;
        for (int i = 0; i < m; i++) {
          jacobian[i][j] = column[i];
        }
      }
    }
    return jacobian;
  }

  /**
   * Every recomputed node's value and, for those that require a gradient, its tangent along {@code
   * direction}, node by node in tape order. Allocates the tangent buffers on first use.
   */
  private void valuesAndTangents(double[] direction) {
    if (!secondOrderReady) {
      for (Node node : differentiated) {
        if (node.tangent == null) {
          node.tangent = new double[node.value.length];
        }
        if (node.gradTangent == null) {
          node.gradTangent = new double[node.value.length];
        }
      }
      secondOrderReady = true;
    }
    int at = 0;
    for (Variable v : parameters) {
      System.arraycopy(direction, at, v.tangent, 0, v.tangent.length);
      at += v.tangent.length;
    }
    for (Node node : recomputed) {
      node.staleValue = null;
      node.computeValue();
      if (node.requiresGrad) {
        node.computeTangent();
      }
    }
    if (steps != null) {
      for (Object step : steps) {
        if (step instanceof TiledSegment segment) {
          segment.valuesComputedNodeByNode();
        }
      }
    }
  }

  private void copyParameterGradients(double[] out) {
    int at = 0;
    for (Variable v : parameters) {
      v.copyGradTo(out, at);
      at += v.value.length;
    }
  }

  private void requireScalarOutput(String what) {
    if (output.value.length != 1) {
      throw new IllegalStateException(
          what
              + " needs a scalar output, but "
              + output.describe()
              + " has "
              + output.value.length
              + " elements");
    }
  }

  private void requireGradientPath(String what) {
    if (!output.requiresGrad) {
      throw new IllegalStateException(
          what + ": " + output.describe() + " depends on no variable that requires a gradient");
    }
  }

  private static void requireLength(String what, double[] array, int length) {
    if (array.length != length) {
      throw new IllegalArgumentException(
          what + " has " + array.length + " entries, but must have " + length);
    }
  }

  private static void requireDense(String what, long rows, long columns) {
    if (rows * columns > MAX_DENSE_ENTRIES) {
      throw new IllegalStateException(
          what
              + ": "
              + rows
              + " × "
              + columns
              + " entries exceed MAX_DENSE_ENTRIES = "
              + MAX_DENSE_ENTRIES
              + "; use the vector products instead");
    }
  }

  /**
   * The first node, in evaluation order, whose value holds a NaN or an infinity: the place where a
   * non-finite value was produced, since every later one may just carry it on.
   */
  public Optional<Node> firstNonFinite() {
    for (Node node : nodes) {
      if (node.hasNonFiniteValue()) {
        return Optional.of(node);
      }
    }
    return Optional.empty();
  }

  /** Graphviz DOT of this graph, each node with its operation, value and gradient. */
  public String toDot() {
    return DotWriter.write(this);
  }
}
