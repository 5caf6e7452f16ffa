package dev.gradus.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Call sequences a caller may use on graphs with fused segments, each checked against the same
 * computation built separately and run node by node (an independent set of nodes, so that the two
 * executions share no buffers).
 */
class FusionReviewTest {
  private static final int N = 20_000; // above Graph.MIN_TILED_LENGTH, so Graph.of fuses

  /** Rosenbrock's chain, with its named intermediates. */
  private static final class Chain {
    final Variable x;
    final Node head;
    final Node inner; // tail − head², an intermediate the fused segment keeps in scratch
    final Node later; // 100·inner², created after inner
    final Node sum;

    Chain(double[] start) {
      x = Variable.of("x", Tensor.vector(start));
      head = x.slice(0, 0, start.length - 1);
      Node tail = x.slice(0, 1, start.length);
      inner = tail.sub(head.square());
      later = inner.square().mul(100);
      sum = later.add(Ops.sub(1.0, head).square()).sum();
    }
  }

  private static double[] point(long seed) {
    return RandomChains.randomVector(new Random(seed), N);
  }

  private static void assertSameBits(String what, double[] expected, double[] actual) {
    assertEquals(expected.length, actual.length, what);
    for (int i = 0; i < expected.length; i++) {
      if (Double.doubleToLongBits(expected[i]) != Double.doubleToLongBits(actual[i])) {
        throw new AssertionError(
            what + " differs at " + i + ": expected " + expected[i] + ", got " + actual[i]);
      }
    }
  }

  private static Graph unfused(Node output) {
    return new Graph(output, Graph.BLOCK, Integer.MAX_VALUE);
  }

  /**
   * A graph on an intermediate (run tiled, not fused) writes that intermediate's gradient after the
   * fused graph's backward pass; reading another fused intermediate's gradient afterwards must not
   * overwrite the first one's with the fused graph's older result.
   */
  @Test
  void readingAFusedGradientKeepsTheGradientALaterGraphWroteToASharedNode() {
    Chain c = new Chain(point(1));
    Graph whole = Graph.of(c.sum);
    assertEquals(1, whole.fusedSegments());
    Graph part = Graph.of(c.inner);
    whole.forward().backward();
    double[] seed = point(2);
    Tensor seedTensor = Tensor.vector(java.util.Arrays.copyOf(seed, N - 1));
    part.forward().backward(seedTensor);
    assertSameBits(
        "inner's gradient from the later pass", seedTensor.toArray(), c.inner.grad().toArray());
    c.later.grad(); // recomputes the fused graph's intermediates' gradients
    assertSameBits(
        "inner's gradient after reading another intermediate's",
        seedTensor.toArray(),
        c.inner.grad().toArray());
  }

  /** The same, for the fused gradient itself: it must still be that of the fused graph's pass. */
  @Test
  void aFusedIntermediateGradientReadAfterAnotherGraphsPassIsTheFusedPasssOne() {
    double[] start = point(3);
    Chain reference = new Chain(start);
    unfused(reference.sum).forward().backward();
    Chain c = new Chain(start);
    Graph whole = Graph.of(c.sum);
    Graph part = Graph.of(c.inner);
    whole.forward().backward();
    part.forward().backward(Tensor.vector(java.util.Arrays.copyOf(point(4), N - 1)));
    assertSameBits("later's gradient", reference.later.grad().toArray(), c.later.grad().toArray());
  }

  /**
   * Nodes built, a variable set, the graph compiled and run backward without forward: node by node
   * the backward pass would use the values the nodes were built with, while a fused one would
   * recompute them from the new point; it is the documented error instead, as after any set without
   * forward(). With forward() first, the result is node by node's.
   */
  @Test
  void backwardWithoutForwardAfterASetBeforeCompilingIsAnError() {
    double[] first = point(5);
    double[] second = point(6);
    Chain reference = new Chain(first);
    reference.x.set(second);
    unfused(reference.sum).forward().backward();

    Chain c = new Chain(first);
    c.x.set(second);
    Graph fused = Graph.of(c.sum);
    assertEquals(1, fused.fusedSegments());
    IllegalStateException error = assertThrows(IllegalStateException.class, fused::backward);
    assertTrue(error.getMessage().contains("run forward() first"), error.getMessage());
    fused.forward().backward();
    assertSameBits("x's gradient", reference.x.grad().toArray(), c.x.grad().toArray());
  }

  /** A variable set before the nodes were built does not make backward without forward an error. */
  @Test
  void backwardWithoutForwardOnNodesBuiltAfterTheSetIsNodeByNodes() {
    double[] start = point(13);
    Chain reference = new Chain(start);
    unfused(reference.sum).backward();
    Variable x = Variable.of("x", Tensor.vector(point(14)));
    x.set(start);
    Node head = x.slice(0, 0, N - 1);
    Node f = x.slice(0, 1, N).sub(head.square()).square().mul(100);
    Node sum = f.add(Ops.sub(1.0, head).square()).sum();
    Graph.of(sum).backward();
    assertSameBits("x's gradient", reference.x.grad().toArray(), x.grad().toArray());
  }

  /**
   * Two graphs over the same nodes, one's forward pass after a set, the other's backward pass: node
   * by node that backward pass finds the new point's values and succeeds. Fused, the second graph
   * cannot know another graph recomputed them, so it asks for its own forward pass (a known
   * limitation); after it, the gradient is node by node's.
   */
  @Test
  void backwardThroughOneGraphAfterForwardThroughAnotherOverTheSameNodes() {
    double[] first = point(7);
    double[] second = point(8);
    Chain reference = new Chain(second);
    unfused(reference.sum).forward().backward();

    Chain c = new Chain(first);
    Graph a = Graph.of(c.sum);
    Graph b = Graph.of(c.sum);
    a.forward();
    c.x.set(second);
    b.forward();
    IllegalStateException error = assertThrows(IllegalStateException.class, a::backward);
    assertTrue(error.getMessage().contains("run forward() first"), error.getMessage());
    a.forward().backward();
    assertSameBits("x's gradient", reference.x.grad().toArray(), c.x.grad().toArray());
  }

  /** Mean, scalar-variable operands and a one-column product, fused, against node by node. */
  @Test
  void regressionWithMeanAndScalarVariablesIsBitIdentical() {
    double[][] built = new double[2][];
    double[][] values = new double[2][];
    for (int run = 0; run < 2; run++) {
      Random random = new Random(9);
      double[] features = new double[N];
      double[] targets = new double[N];
      for (int i = 0; i < N; i++) {
        features[i] = random.nextGaussian();
        targets[i] = 3 * features[i] + random.nextGaussian();
      }
      Node a = Ops.constant(Tensor.of(new int[] {N, 1}, features));
      Variable y = Variable.data("y", Tensor.vector(targets));
      Variable w = Variable.vector("w", 0.5);
      Variable b = Variable.scalar("b", -0.25);
      Variable scale = Variable.scalar("s", 1.5);
      Node loss = a.matmul(w).add(b).sub(y).mul(scale).square().mean();
      Graph g = run == 0 ? unfused(loss) : Graph.of(loss);
      if (run == 1) {
        assertEquals(1, g.fusedSegments());
      }
      g.forward().backward();
      g.backward(); // twice: the same result
      built[run] = new double[] {w.grad().toArray()[0], b.gradItem(), scale.gradItem()};
      values[run] = new double[] {loss.item()};
    }
    assertSameBits("gradients", built[0], built[1]);
    assertSameBits("loss", values[0], values[1]);
  }

  /** Central differences through a fused graph (via set-free in-place perturbation) agree. */
  @Test
  void gradientCheckOnAFusedGraphPasses() {
    int n = 200;
    Variable x = Variable.of("x", Tensor.vector(RandomChains.randomVector(new Random(10), n)));
    Node f = ZeroAllocationTest.rosenbrock(x, n);
    Graph fused = new Graph(f, 16, 1);
    assertEquals(1, fused.fusedSegments());
    GradientCheck.Report report = GradientCheck.check(fused, 1e-5);
    assertTrue(report.passed(), report.toString());
    double value = f.item();
    Graph reference = new Graph(f, Graph.BLOCK, Integer.MAX_VALUE);
    assertEquals(reference.forward().output().item(), value);
  }

  /** Threshold: just below is node by node, just above fused; both equal an unfused copy. */
  @Test
  void lengthsAroundTheThresholdMatchNodeByNode() {
    for (int length : new int[] {Graph.MIN_TILED_LENGTH - 1, Graph.MIN_TILED_LENGTH}) {
      double[] start = RandomChains.randomVector(new Random(length), length + 1);
      Chain reference = new Chain(start);
      unfused(reference.sum).forward().backward();
      Chain c = new Chain(start);
      Graph g = Graph.of(c.sum);
      assertEquals(length >= Graph.MIN_TILED_LENGTH ? 1 : 0, g.fusedSegments(), "at " + length);
      g.forward().backward();
      assertSameBits("x grad", reference.x.grad().toArray(), c.x.grad().toArray());
      assertSameBits("inner value", reference.inner.value().toArray(), c.inner.value().toArray());
      assertSameBits("inner grad", reference.later.grad().toArray(), c.later.grad().toArray());
      assertEquals(reference.sum.item(), c.sum.item());
    }
  }

  /** A DOT export after a set without forward says "not kept" rather than failing. */
  @Test
  void dotAfterASetWithoutForwardDoesNotThrow() {
    Chain c = new Chain(point(11));
    Graph g = Graph.of(c.sum);
    g.forward().backward();
    c.x.set(point(12));
    String dot = g.toDot();
    assertTrue(dot.contains("not kept"), dot.substring(0, Math.min(400, dot.length())));
    assertThrows(IllegalStateException.class, () -> c.inner.value());
  }

  /**
   * A variance, (x − mean x)² averaged: an unfused mean read as the scalar operand of a fused
   * segment, whose gradient the segment adds to before the mean passes it on to x; and the call
   * orders forward twice, value before and after backward, backward twice.
   */
  @Test
  void varianceThroughAScalarOperandAndRepeatedCallsMatchNodeByNode() {
    double[] start = point(15);
    double[][] results = new double[2][];
    for (int run = 0; run < 2; run++) {
      Variable x = Variable.of("x", Tensor.vector(start));
      Node mean = x.mean();
      Node variance = x.sub(mean).square().mean();
      Graph g = run == 0 ? unfused(variance) : Graph.of(variance);
      if (run == 1) {
        assertEquals(1, g.fusedSegments());
      }
      g.forward().forward();
      double before = variance.item();
      g.backward().backward();
      double after = variance.item();
      double[] grad = x.grad().toArray();
      results[run] = java.util.Arrays.copyOf(grad, N + 3);
      results[run][N] = before;
      results[run][N + 1] = after;
      results[run][N + 2] = mean.gradItem();
    }
    assertSameBits("gradient, values and the mean's gradient", results[0], results[1]);
  }

  /** Runs {@code build}'s graph unfused and by Graph.of on fresh nodes; compares every variable. */
  private static void assertGraphOfMatchesUnfused(
      java.util.function.Function<Variable[], Node> build, double[][] starts, int[][] shapes) {
    double[][] results = new double[2][];
    for (int run = 0; run < 2; run++) {
      Variable[] vars = new Variable[starts.length];
      for (int v = 0; v < vars.length; v++) {
        vars[v] = Variable.of("v" + v, Tensor.of(shapes[v], starts[v]));
      }
      Node out = build.apply(vars);
      Graph g = run == 0 ? unfused(out) : Graph.of(out);
      if (run == 1) {
        assertTrue(g.tiling()[0] >= 1, "tiled");
      }
      g.forward().backward();
      java.util.List<Double> all = new java.util.ArrayList<>();
      all.add(out.item());
      for (Node node : g.nodes()) {
        for (double d : node.value().toArray()) {
          all.add(d);
        }
        if (node.grad != null) {
          for (double d : node.grad().toArray()) {
            all.add(d);
          }
        }
      }
      results[run] = all.stream().mapToDouble(Double::doubleValue).toArray();
    }
    assertSameBits("values and gradients", results[0], results[1]);
  }

  /** Slices with offsets of a matrix along its first axis, in both creation orders. */
  @Test
  void matrixSlicesWithOffsetsInBothOrdersMatchNodeByNode() {
    int rows = 7_000; // 3 columns: ranges of 20,994 elements
    double[] start = RandomChains.randomVector(new Random(16), rows * 3);
    int[][] shape = {{rows, 3}};
    assertGraphOfMatchesUnfused(
        v -> {
          Node low = v[0].slice(0, 0, rows - 2);
          Node high = v[0].slice(0, 2, rows);
          return high.sub(low.square()).square().add(low.mul(0.5)).sum();
        },
        new double[][] {start},
        shape);
    assertGraphOfMatchesUnfused(
        v -> {
          Node high = v[0].slice(0, 2, rows);
          Node low = v[0].slice(0, 0, rows - 2);
          return high.sub(low.square()).square().add(low.mul(0.5)).mean();
        },
        new double[][] {start},
        shape);
  }

  /** A one-column product whose matrix is computed in the segment, and a three-column one. */
  @Test
  void matrixTimesVectorWithOneAndThreeColumnsMatchesNodeByNode() {
    double[] features = RandomChains.randomVector(new Random(17), N);
    assertGraphOfMatchesUnfused(
        v -> {
          Node a = Ops.constant(Tensor.of(new int[] {N, 1}, features)).mul(2.0);
          return a.matmul(v[0]).sub(1.0).square().sum();
        },
        new double[][] {{0.75}},
        new int[][] {{1}});
    double[] wide = RandomChains.randomVector(new Random(18), 3 * N);
    assertGraphOfMatchesUnfused(
        v -> {
          Node a = Ops.constant(Tensor.of(new int[] {N, 3}, wide));
          return a.matmul(v[0]).mul(v[1]).square().mean();
        },
        new double[][] {{0.5, -1.0, 2.0}, {1.25}},
        new int[][] {{3}, {}});
  }

  /**
   * An operation built on a fused intermediate after a pass (define-by-run, to inspect it) computes
   * from that pass's values, as node by node, not from the array the intermediate was built with.
   */
  @Test
  void anOperationBuiltOnAFusedIntermediateAfterAPassReadsThatPasssValues() {
    double[] first = point(19);
    double[] second = point(20);
    Chain reference = new Chain(first);
    reference.x.set(second);
    unfused(reference.sum).forward().backward();
    double expected = reference.inner.mul(2.0).sum().item();

    Chain c = new Chain(first);
    Graph fused = Graph.of(c.sum);
    c.x.set(second);
    fused.forward().backward();
    assertEquals(expected, c.inner.mul(2.0).sum().item());
  }

  /**
   * A graph on a fused intermediate run backward without its own forward pass, after the fused
   * graph's forward pass at a new point: node by node the intermediates hold that point's values.
   */
  @Test
  void backwardOfAGraphOnAFusedIntermediateAfterTheFusedGraphsForwardUsesItsValues() {
    double[] first = point(21);
    double[] second = point(22);
    Tensor seed = Tensor.vector(java.util.Arrays.copyOf(point(23), N - 1));
    Chain reference = new Chain(first);
    Graph referencePart = unfused(reference.later);
    reference.x.set(second);
    unfused(reference.sum).forward();
    referencePart.backward(seed);

    Chain c = new Chain(first);
    Graph fused = Graph.of(c.sum);
    Graph part = Graph.of(c.later);
    c.x.set(second);
    fused.forward();
    part.backward(seed);
    assertSameBits("x's gradient", reference.x.grad().toArray(), c.x.grad().toArray());
  }
}
