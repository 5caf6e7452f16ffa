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
