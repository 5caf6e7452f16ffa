package dev.gradus.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.spi.GraphObjective;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * After warm-up, forward and backward passes allocate nothing: the bytes this thread allocates over
 * many passes stay below a small fixed slack, which absorbs JIT and instrumentation noise but is
 * far below one pass's worth of buffers (a single n = 1000 gradient is 8 KB).
 */
class ZeroAllocationTest {
  private static final int WARM_UP = 5_000;
  private static final int PASSES = 10_000;
  private static final long SLACK_BYTES = 64 * 1024;

  private static com.sun.management.ThreadMXBean threads;

  @BeforeAll
  static void enableAllocationCounting() {
    threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    assertTrue(threads.isThreadAllocatedMemorySupported(), "JVM cannot count allocated bytes");
    threads.setThreadAllocatedMemoryEnabled(true);
  }

  private static long allocatedBytes() {
    return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
  }

  /** Σ 100(x_{i+1} − x_i²)² + (1 − x_i)², built from slices. */
  static Node rosenbrock(Node x, int n) {
    Node head = x.slice(0, 0, n - 1);
    Node tail = x.slice(0, 1, n);
    return tail.sub(head.square()).square().mul(100).add(Ops.sub(1.0, head).square()).sum();
  }

  /** Beale: (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)². */
  static Node beale(Node x, Node y) {
    Node a = Ops.sub(1.5, x).add(x.mul(y)).square();
    Node b = Ops.sub(2.25, x).add(x.mul(y.square())).square();
    Node c = Ops.sub(2.625, x).add(x.mul(y.pow(3))).square();
    return a.add(b).add(c);
  }

  @Test
  void rosenbrockVectorGraphAllocatesNothingInSteadyState() {
    int n = 1000;
    Variable x = Variable.of("x", Tensor.full(0.5, n));
    Graph graph = rosenbrock(x, n).graph();
    double[] point = new double[n];
    double[] gradient = new double[n];
    double checksum = 0;
    for (int i = 0; i < WARM_UP; i++) {
      checksum += pass(graph, x, point, gradient, i);
    }
    long before = allocatedBytes();
    for (int i = 0; i < PASSES; i++) {
      checksum += pass(graph, x, point, gradient, i);
    }
    long allocated = allocatedBytes() - before;
    assertTrue(Double.isFinite(checksum));
    assertTrue(
        allocated < SLACK_BYTES,
        allocated + " bytes allocated over " + PASSES + " forward+backward passes");

    // The passes computed the right thing: the gradient at x = 1 is zero, at 0 it is (−2, …, −2,
    // 0).
    java.util.Arrays.fill(point, 0);
    x.set(point, 0);
    graph.forward().backward();
    assertEquals(n - 1.0, graph.output().item());
    assertEquals(-2.0, x.grad().get(0));
    assertEquals(0.0, x.grad().get(n - 1));
  }

  private static double pass(Graph graph, Variable x, double[] point, double[] gradient, int i) {
    point[i % point.length] = 0.001 * (i % 7);
    x.set(point, 0);
    graph.forward().backward();
    x.copyGradTo(gradient, 0);
    return graph.output().valueAt(0) + gradient[0];
  }

  @Test
  void scalarBealeGraphAllocatesNothingInSteadyState() {
    Variable x = Variable.scalar("x", 1);
    Variable y = Variable.scalar("y", 1);
    Node f = beale(x, y);
    Graph graph = f.graph();
    double checksum = 0;
    for (int i = 0; i < WARM_UP; i++) {
      checksum += bealePass(graph, x, y, i);
    }
    long before = allocatedBytes();
    for (int i = 0; i < PASSES; i++) {
      checksum += bealePass(graph, x, y, i);
    }
    long allocated = allocatedBytes() - before;
    assertTrue(Double.isFinite(checksum));
    assertTrue(
        allocated < SLACK_BYTES,
        allocated + " bytes allocated over " + PASSES + " forward+backward passes");

    x.set(3);
    y.set(0.5);
    graph.forward().backward();
    assertEquals(0.0, f.item(), 1e-15); // the minimum of Beale
    assertEquals(0.0, x.gradItem(), 1e-14);
    assertEquals(0.0, y.gradItem(), 1e-14);
  }

  private static double bealePass(Graph graph, Variable x, Variable y, int i) {
    x.set(1 + 0.001 * (i % 11));
    y.set(0.5 + 0.001 * (i % 13));
    graph.forward().backward();
    return graph.output().valueAt(0) + x.gradItem() + y.gradItem();
  }

  @Test
  void graphObjectiveValueAndGradientAllocatesNothingInSteadyState() {
    int n = 1000;
    GraphObjective objective =
        new GraphObjective(n) {
          @Override
          protected Node build(Variable x) {
            return rosenbrock(x, n);
          }
        };
    double[] point = new double[n];
    double[] gradient = new double[n];
    double checksum = 0;
    for (int i = 0; i < WARM_UP; i++) {
      point[i % n] = 0.001 * (i % 5);
      checksum += objective.valueAndGradient(point, gradient) + objective.value(point);
    }
    long before = allocatedBytes();
    for (int i = 0; i < PASSES; i++) {
      point[i % n] = 0.001 * (i % 5);
      checksum += objective.valueAndGradient(point, gradient) + objective.value(point);
    }
    long allocated = allocatedBytes() - before;
    assertTrue(Double.isFinite(checksum));
    assertTrue(
        allocated < SLACK_BYTES,
        allocated + " bytes allocated over " + PASSES + " valueAndGradient+value calls");
  }

  /**
   * Hessian-vector products allocate their tangent buffers on the first call and nothing after,
   * node by node (n = 1,000) and on a graph whose first-order passes run fused (n = 20,000, fewer
   * passes: each costs about a millisecond).
   */
  @Test
  void hessianVectorProductsAllocateNothingInSteadyState() {
    for (int n : new int[] {1000, 20_000}) {
      int passes = n > 1000 ? 1000 : PASSES;
      Variable x = Variable.of("x", Tensor.full(0.5, n));
      Graph graph = rosenbrock(x, n).graph();
      double[] point = new double[n];
      double[] direction = new double[n];
      double[] product = new double[n];
      java.util.Arrays.fill(direction, 1);
      double checksum = 0;
      for (int i = 0; i < Math.min(WARM_UP, passes); i++) {
        checksum += hessianPass(graph, x, point, direction, product, i);
      }
      long before = allocatedBytes();
      for (int i = 0; i < passes; i++) {
        checksum += hessianPass(graph, x, point, direction, product, i);
      }
      long allocated = allocatedBytes() - before;
      assertTrue(Double.isFinite(checksum));
      assertTrue(
          allocated < SLACK_BYTES,
          allocated + " bytes allocated over " + passes + " Hessian-vector products at n = " + n);
      // at x = 0 the Hessian is diag(2, 202, …, 202, 200), its off-diagonal −400xᵢ being 0: x_0
      // appears in one term's curvature 1200x² − 400x₁ + 2, x_{n−1} only in 200(x_{n−1} − …)²
      java.util.Arrays.fill(point, 0);
      x.set(point, 0);
      graph.hessianVectorProduct(direction, product);
      assertEquals(2.0, product[0]);
      assertEquals(202.0, product[1]);
      assertEquals(200.0, product[n - 1]);
    }
  }

  private static double hessianPass(
      Graph graph, Variable x, double[] point, double[] direction, double[] product, int i) {
    point[i % point.length] = 0.001 * (i % 7);
    x.set(point, 0);
    graph.hessianVectorProduct(direction, product);
    return product[0] + product[product.length - 1];
  }

  @Test
  void graphObjectiveHessianVectorProductAllocatesNothingInSteadyState() {
    int n = 1000;
    GraphObjective objective =
        new GraphObjective(n) {
          @Override
          protected Node build(Variable x) {
            return rosenbrock(x, n);
          }
        };
    double[] point = new double[n];
    double[] direction = new double[n];
    double[] product = new double[n];
    java.util.Arrays.fill(direction, 0.5);
    double checksum = 0;
    for (int i = 0; i < WARM_UP; i++) {
      point[i % n] = 0.001 * (i % 5);
      objective.hessianVectorProduct(point, direction, product);
      checksum += product[i % n];
    }
    long before = allocatedBytes();
    for (int i = 0; i < PASSES; i++) {
      point[i % n] = 0.001 * (i % 5);
      objective.hessianVectorProduct(point, direction, product);
      checksum += product[i % n];
    }
    long allocated = allocatedBytes() - before;
    assertTrue(Double.isFinite(checksum));
    assertTrue(
        allocated < SLACK_BYTES,
        allocated + " bytes allocated over " + PASSES + " hessianVectorProduct calls");
  }
}
