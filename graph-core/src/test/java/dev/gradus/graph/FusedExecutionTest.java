package dev.gradus.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fused execution (a {@link TiledSegment} whose intermediates live in block-sized scratch buffers)
 * computes bit-for-bit what node-by-node execution computes, for the variables' gradients and, on
 * demand, for every intermediate's value and gradient. Each check runs the same nodes node by node
 * first and keeps a copy of every node's value and gradient, then runs them fused, overwrites the
 * fused intermediates' own arrays with NaN (so that only a recomputation can restore them) and
 * compares raw bits.
 */
class FusedExecutionTest {
  private static final int UNFUSED = Integer.MAX_VALUE;

  /** Every node's value and, where it has one, gradient, read through the public accessors. */
  private static Map<Node, double[][]> snapshot(Graph graph) {
    Map<Node, double[][]> state = new IdentityHashMap<>();
    for (Node node : graph.nodes()) {
      double[] grad = node.grad == null ? null : node.grad().toArray();
      state.put(node, new double[][] {node.value().toArray(), grad});
    }
    return state;
  }

  /** The nodes a fused segment of {@code graph} keeps in scratch buffers only. */
  private static List<Node> staleNodes(Graph graph) {
    List<Node> stale = new ArrayList<>();
    for (Node node : graph.nodes()) {
      if (node.staleValue != null || node.staleGrad != null) {
        stale.add(node);
      }
    }
    return stale;
  }

  private static void poison(List<Node> nodes) {
    for (Node node : nodes) {
      Arrays.fill(node.value, Double.NaN);
      if (node.grad != null) {
        Arrays.fill(node.grad, Double.NaN);
      }
    }
  }

  private static void assertSameBits(String what, double[] expected, double[] actual) {
    assertEquals(expected.length, actual.length, what);
    for (int i = 0; i < expected.length; i++) {
      if (Double.doubleToLongBits(expected[i]) != Double.doubleToLongBits(actual[i])) {
        throw new AssertionError(
            what + " differs at " + i + ": node by node " + expected[i] + ", fused " + actual[i]);
      }
    }
  }

  /**
   * Runs {@code output}'s graph node by node, then fused, and checks every node's value and
   * gradient. Returns the fused graph.
   */
  private static Graph assertFusedMatchesNodeByNode(
      Node output, int block, int expectedFusedMembers) {
    Graph reference = new Graph(output, UNFUSED, UNFUSED);
    reference.forward().backward();
    Map<Node, double[][]> expected = snapshot(reference);

    Graph fused = new Graph(output, block, 1);
    assertEquals(1, fused.fusedSegments());
    // Leave the intermediates' arrays holding the reference results, then check the fused pass
    // does not rely on them: it must neither read nor write them.
    fused.forward().backward();
    List<Node> stale = staleNodes(fused);
    assertEquals(expectedFusedMembers, stale.size(), "intermediates kept in scratch buffers");
    poison(stale);
    // The segment zeroes the gradients only its members add to, block by block: garbage left in
    // them must not survive.
    for (Node node : fused.variables()) {
      if (node.grad != null) {
        Arrays.fill(node.grad, Double.NaN);
      }
    }
    fused.forward().backward();
    for (Node node : stale) {
      assertTrue(Double.isNaN(node.value[0]), node.describe() + " value array was written");
    }
    for (Node node : fused.variables()) {
      assertSameBits(node.describe() + " gradient", expected.get(node)[1], node.grad().toArray());
    }
    assertSameBits("output", expected.get(output)[0], output.value().toArray());
    Map<Node, double[][]> actual = snapshot(fused);
    for (Node node : fused.nodes()) {
      double[][] e = expected.get(node);
      double[][] a = actual.get(node);
      assertSameBits(node.describe() + " value", e[0], a[0]);
      if (e[1] != null) {
        assertSameBits(node.describe() + " gradient", e[1], a[1]);
      }
    }
    assertTrue(staleNodes(fused).isEmpty(), "reading them recomputed all of them");
    return fused;
  }

  @ParameterizedTest
  @ValueSource(
      ints = {1, Graph.BLOCK - 1, Graph.BLOCK, Graph.BLOCK + 1, 3 * Graph.BLOCK + 7, 100_000})
  void rosenbrockFusedMatchesNodeByNodeBitForBit(int length) {
    int n = length + 1;
    Variable x = Variable.of("x", Tensor.vector(RandomChains.randomVector(new Random(length), n)));
    Node f = ZeroAllocationTest.rosenbrock(x, n);
    // The two slices and the seven operations after them; the sum is the output.
    assertFusedMatchesNodeByNode(f, Graph.BLOCK, 9);
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 63, 64, 65, 3 * 64 + 7, 100_000})
  void linearRegressionFusedMatchesNodeByNodeBitForBit(int points) {
    Random random = new Random(points);
    Node features =
        Ops.constant(Tensor.of(new int[] {points, 1}, RandomChains.randomVector(random, points)));
    Node targets = Ops.constant(Tensor.vector(RandomChains.randomVector(random, points)));
    Variable theta = Variable.vector("theta", 0.3, -0.7);
    Node prediction = features.matmul(theta.slice(0, 0, 1)).add(theta.slice(0, 1, 2));
    Node loss = prediction.sub(targets).square().mean();
    // matmul, add, sub (its targets read through a window), square; then the mean.
    assertFusedMatchesNodeByNode(loss, 64, 4);
  }

  /** A matrix with two columns, so the product's rows are not its elements. */
  @Test
  void twoFeatureRegressionFusedMatchesNodeByNode() {
    Random random = new Random(7);
    int points = 1000;
    Node features =
        Ops.constant(
            Tensor.of(new int[] {points, 2}, RandomChains.randomVector(random, 2 * points)));
    Node targets = Ops.constant(Tensor.vector(RandomChains.randomVector(random, points)));
    Variable theta = Variable.vector("theta", 0.3, -0.7, 0.1);
    Node prediction = features.matmul(theta.slice(0, 0, 2)).add(theta.slice(0, 2, 3));
    Node loss = prediction.sub(targets).square().mean();
    assertFusedMatchesNodeByNode(loss, 37, 4);
  }

  /**
   * Random chains of elementwise operations over slices of one vector, a second vector (read
   * element for element, so through a window, its gradient accumulated there) and a scalar
   * variable, summed. Those that plan as one fused segment match node by node, intermediates too.
   */
  @Property(tries = 300)
  void randomChainsFusedMatchNodeByNode(
      @ForAll @IntRange(min = 1, max = 200) int length,
      @ForAll @IntRange(min = 1, max = 37) int block,
      @ForAll @IntRange(min = 1, max = 12) int operations,
      @ForAll long seed) {
    Random random = new Random(seed);
    Node output = RandomChains.sumOfChain(random, length, operations, true);
    Graph planned = new Graph(output, block, 1);
    boolean oneFusedSegment = planned.fusedSegments() == 1 && planned.tiling()[0] == 1;
    net.jqwik.api.statistics.Statistics.label("planned as")
        .collect(oneFusedSegment ? "one fused segment" : "split");
    if (!oneFusedSegment) {
      // Split by the planner (an order it cannot keep), maybe with a fused part: still the same.
      new Graph(output, UNFUSED, UNFUSED).forward().backward();
      Map<Node, double[][]> expected = snapshot(planned);
      planned.forward().backward();
      Map<Node, double[][]> actual = snapshot(planned);
      for (Node node : planned.nodes()) {
        assertSameBits(node.describe() + " value", expected.get(node)[0], actual.get(node)[0]);
        if (expected.get(node)[1] != null) {
          assertSameBits(node.describe() + " grad", expected.get(node)[1], actual.get(node)[1]);
        }
      }
      return;
    }
    assertFusedMatchesNodeByNode(output, block, planned.tiling()[1] - 1);
  }

  /** Most random chains do fuse, so the property above is not vacuous. */
  @Test
  void aSimpleChainOverAWindowAndSlicesFuses() {
    Variable x = Variable.of("x", Tensor.vector(RandomChains.randomVector(new Random(3), 103)));
    Variable y = Variable.of("y", Tensor.vector(RandomChains.randomVector(new Random(4), 100)));
    Node a = x.slice(0, 0, 100).mul(y);
    Node b = x.slice(0, 3, 103).sub(y.square()).add(a);
    assertFusedMatchesNodeByNode(b.add(y).tanh().sum(), 16, 8);
  }

  @Test
  void aChainWhoseIntermediateIsReadOutsideIsTiledButNotFused() {
    Variable x = Variable.of("x", Tensor.vector(RandomChains.randomVector(new Random(5), 100)));
    Node squared = x.square();
    Node output = squared.sin().sum().add(squared.sum(0).mul(0));
    Graph graph = new Graph(output, 16, 1);
    assertEquals(0, graph.fusedSegments());
  }

  @Test
  void intermediatesOfAPassThatCannotBeRecomputedAreAnErrorNotAWrongValue() {
    int n = 100;
    Variable x = Variable.of("x", Tensor.vector(RandomChains.randomVector(new Random(6), n)));
    Node f = ZeroAllocationTest.rosenbrock(x, n);
    Graph graph = new Graph(f, 16, 1);
    graph.forward().backward();
    Node inner = staleNodes(graph).get(3);
    x.set(RandomChains.randomVector(new Random(8), n));
    IllegalStateException error = assertThrows(IllegalStateException.class, inner::value);
    assertTrue(error.getMessage().contains("run forward() first"), error.getMessage());
    assertThrows(IllegalStateException.class, graph::backward);
    assertThrows(IllegalStateException.class, inner::grad);
    // DOT says so instead of failing.
    assertTrue(graph.toDot().contains("not kept"));
    // After a forward pass the values are there again, equal to a node-by-node pass.
    graph.forward();
    double[] fusedValue = inner.value().toArray();
    new Graph(f, UNFUSED, UNFUSED).forward().backward();
    assertSameBits("value", inner.value, fusedValue);
  }

  @Test
  void firstNonFiniteFindsTheFusedIntermediateThatProducedIt() {
    int n = 200;
    double[] start = new double[n];
    Random random = new Random(9);
    for (int i = 0; i < n; i++) {
      start[i] = 1 + random.nextDouble();
    }
    start[150] = -1; // the log of a negative number
    Variable x = Variable.of("x", Tensor.vector(start));
    Node logged = x.slice(0, 0, n).mul(2).sub(0.5).log();
    Node output = logged.mul(2).sum();
    Graph fused = new Graph(output, 16, 1);
    assertEquals(1, fused.fusedSegments());
    fused.forward();
    assertEquals(logged, fused.firstNonFinite().orElseThrow());
  }

  @Test
  void dotOutputOfAFusedGraphIsThatOfTheUnfusedOne() {
    int n = 40;
    Variable x = Variable.of("x", Tensor.vector(RandomChains.randomVector(new Random(10), n)));
    Node f = ZeroAllocationTest.rosenbrock(x, n);
    String unfused = new Graph(f, UNFUSED, UNFUSED).forward().backward().toDot();
    Graph fused = new Graph(f, 8, 1);
    fused.forward().backward();
    poison(staleNodes(fused));
    assertEquals(unfused, fused.toDot());
  }

  /** A node fused in one graph and run node by node in another reads what ran last. */
  @Test
  void aNodeSharedWithAnUnfusedGraphReportsTheLatestPass() {
    int n = 64;
    Variable x = Variable.of("x", Tensor.vector(RandomChains.randomVector(new Random(11), n)));
    Node f = ZeroAllocationTest.rosenbrock(x, n);
    Graph fused = new Graph(f, 8, 1);
    Graph unfused = new Graph(f, UNFUSED, UNFUSED);
    fused.forward().backward();
    Node inner = staleNodes(fused).get(4);
    x.set(RandomChains.randomVector(new Random(12), n));
    unfused.forward().backward();
    double[] value = inner.value.clone();
    double[] grad = inner.grad.clone();
    assertSameBits("value", value, inner.value().toArray());
    assertSameBits("gradient", grad, inner.grad().toArray());
  }

  /**
   * The forward pass of a graph that ends in a fused segment waits for the backward pass; reading
   * the output, or setting a variable, runs it first, so what is read is what node by node gives.
   */
  @Test
  void aDeferredForwardPassGivesTheValueOfThePointItWasCalledAt() {
    int n = 300;
    double[] first = RandomChains.randomVector(new Random(13), n);
    double[] second = RandomChains.randomVector(new Random(14), n);
    Variable x = Variable.of("x", Tensor.vector(first));
    Node f = ZeroAllocationTest.rosenbrock(x, n);
    Graph unfused = new Graph(f, UNFUSED, UNFUSED);
    double atFirst = unfused.forward().output().item();
    x.set(second);
    double atSecond = unfused.forward().output().item();
    x.set(first);

    Graph fused = new Graph(f, 16, 1);
    fused.forward();
    assertEquals(f, staleNodesAndOutput(fused));
    assertEquals(atFirst, f.item());
    fused.forward();
    x.set(second); // runs the pending pass at the first point before changing x
    assertEquals(atFirst, f.item());
    fused.forward();
    x.set(second);
    fused.forward();
    assertEquals(atSecond, f.valueAt(0));
    // Two forward calls and one backward: one combined pass, the same gradient.
    x.set(first);
    fused.forward();
    fused.forward();
    fused.backward();
    double[] gradient = x.grad().toArray();
    unfused.forward().backward();
    assertSameBits("gradient", x.grad().toArray(), gradient);
  }

  /** The output, when the graph's fused segment is pending, else null. */
  private static Node staleNodesAndOutput(Graph graph) {
    return graph.output().staleValue != null ? graph.output() : null;
  }

  @Test
  void largeFusedRosenbrockPassAllocatesNothing() {
    int n = 100_000;
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    threads.setThreadAllocatedMemoryEnabled(true);
    Variable x = Variable.of("x", Tensor.full(0.5, n));
    Graph graph = ZeroAllocationTest.rosenbrock(x, n).graph();
    assertArrayEquals(new int[] {1, 10}, graph.tiling());
    assertEquals(1, graph.fusedSegments());
    double[] point = new double[n];
    double[] gradient = new double[n];
    double checksum = 0;
    for (int i = 0; i < 200; i++) {
      point[i] = 0.001 * i;
      x.set(point, 0);
      checksum += graph.forward().backward().output().item();
      x.copyGradTo(gradient, 0);
    }
    long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    for (int i = 0; i < 200; i++) {
      point[i] = 0.002 * i;
      x.set(point, 0);
      checksum += graph.forward().backward().output().item();
      x.copyGradTo(gradient, 0);
      checksum += gradient[i];
    }
    long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
    assertTrue(Double.isFinite(checksum));
    // One pass's gradient alone would be 800 KB.
    assertTrue(allocated < 64 * 1024, allocated + " bytes allocated over 200 passes");
  }
}
