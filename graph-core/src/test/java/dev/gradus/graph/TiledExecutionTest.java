package dev.gradus.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tiled execution ({@link TiledSegment}) computes bit-for-bit what node-by-node execution computes:
 * values, and gradients, whose contributions it makes in the same order. Each check compiles the
 * same nodes twice, once tiled and once with tiling off, runs both on the same input, and compares
 * the raw bits.
 */
class TiledExecutionTest {
  private static final int UNTILED = Integer.MAX_VALUE;

  /** Runs forward and backward and returns the output's value followed by each gradient. */
  private static List<double[]> run(Graph graph) {
    graph.forward().backward();
    List<double[]> results = new ArrayList<>();
    results.add(graph.output().value().toArray());
    for (Node node : graph.variables()) {
      results.add(node.grad().toArray());
    }
    return results;
  }

  private static void assertBitIdentical(List<double[]> expected, List<double[]> actual) {
    assertEquals(expected.size(), actual.size());
    for (int k = 0; k < expected.size(); k++) {
      double[] e = expected.get(k);
      double[] a = actual.get(k);
      assertEquals(e.length, a.length);
      for (int i = 0; i < e.length; i++) {
        if (Double.doubleToLongBits(e[i]) != Double.doubleToLongBits(a[i])) {
          throw new AssertionError(
              "result " + k + " differs at " + i + ": untiled " + e[i] + ", tiled " + a[i]);
        }
      }
    }
  }

  /** Segment lengths around the block size, and a large one. */
  @ParameterizedTest
  @ValueSource(
      ints = {1, Graph.BLOCK - 1, Graph.BLOCK, Graph.BLOCK + 1, 3 * Graph.BLOCK + 7, 100_000})
  void rosenbrockTiledMatchesUntiledBitForBit(int length) {
    int n = length + 1;
    Variable x = Variable.of("x", Tensor.vector(RandomChains.randomVector(new Random(length), n)));
    Node f = ZeroAllocationTest.rosenbrock(x, n);
    Graph untiled = new Graph(f, UNTILED, UNTILED);
    Graph tiled = new Graph(f, Graph.BLOCK, 1);
    assertArrayEquals(new int[] {0, 0}, untiled.tiling());
    // All ten operations, from the two slices to the sum, run as one segment.
    assertArrayEquals(new int[] {1, 10}, tiled.tiling());

    List<double[]> expected = run(untiled);
    List<double[]> actual = run(tiled);
    assertBitIdentical(expected, actual);

    // And against the formula, written out independently.
    double[] v = x.value().toArray();
    double value = 0;
    for (int i = 0; i < n - 1; i++) {
      double valley = v[i + 1] - v[i] * v[i];
      value += 100 * valley * valley + (1 - v[i]) * (1 - v[i]);
    }
    assertEquals(value, actual.get(0)[0], 1e-12 * Math.abs(value));
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 65, 3 * 64 + 7, 100_000})
  void linearRegressionTiledMatchesUntiledBitForBit(int points) {
    Random random = new Random(points);
    Node features =
        Ops.constant(Tensor.of(new int[] {points, 1}, RandomChains.randomVector(random, points)));
    Node targets = Ops.constant(Tensor.vector(RandomChains.randomVector(random, points)));
    Variable theta = Variable.vector("theta", 0.3, -0.7);
    Node prediction = features.matmul(theta.slice(0, 0, 1)).add(theta.slice(0, 1, 2));
    Node loss = prediction.sub(targets).square().mean();
    Graph tiled = new Graph(loss, 64, 1);
    // matmul, add, sub, square, mean; the size-1 slice of theta created between matmul and add
    // runs before them.
    assertArrayEquals(new int[] {1, 5}, tiled.tiling());
    List<double[]> expected = run(new Graph(loss, UNTILED, UNTILED));
    assertBitIdentical(expected, run(tiled));
  }

  /**
   * Random chains of elementwise operations over slices of one vector, a second vector and a scalar
   * variable, summed: tiled with a random small block, they give the untiled values and gradients
   * bit for bit.
   */
  @Property(tries = 200)
  void randomElementwiseChainsTiledMatchUntiled(
      @ForAll @IntRange(min = 1, max = 200) int length,
      @ForAll @IntRange(min = 1, max = 37) int block,
      @ForAll @IntRange(min = 1, max = 12) int operations,
      @ForAll long seed) {
    Random random = new Random(seed);
    Node output = RandomChains.sumOfChain(random, length, operations, false);
    Graph tiled = new Graph(output, block, 1);
    List<double[]> expected = run(new Graph(output, UNTILED, UNTILED));
    assertBitIdentical(expected, run(tiled));
  }

  @org.junit.jupiter.api.Test
  void largeRosenbrockGraphIsTiledByDefaultAndAllocatesNothingInSteadyState() {
    int n = 100_000;
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    threads.setThreadAllocatedMemoryEnabled(true);
    Variable x = Variable.of("x", Tensor.full(0.5, n));
    Graph graph = ZeroAllocationTest.rosenbrock(x, n).graph();
    assertArrayEquals(new int[] {1, 10}, graph.tiling());
    double[] point = new double[n];
    double checksum = 0;
    for (int i = 0; i < 200; i++) {
      point[i] = 0.001 * i;
      x.set(point, 0);
      checksum += graph.forward().backward().output().item();
    }
    long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    for (int i = 0; i < 200; i++) {
      point[i] = 0.002 * i;
      x.set(point, 0);
      checksum += graph.forward().backward().output().item() + x.grad.length;
    }
    long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
    assertTrue(Double.isFinite(checksum));
    // One pass's gradient alone would be 800 KB.
    assertTrue(allocated < 64 * 1024, allocated + " bytes allocated over 200 passes");
  }
}
