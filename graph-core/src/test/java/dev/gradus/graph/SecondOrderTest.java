package dev.gradus.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The second-order methods of {@link Graph} on hand-worked examples, on fused graphs (against the
 * same nodes run node by node, and against Rosenbrock's Hessian written out), and their errors.
 */
class SecondOrderTest {
  /** The lecture's g = sin((x + y)·z) at (1, 2, 3), its Hessian worked by hand. */
  @Test
  void lectureGraphHessianByHand() {
    Variable x = Variable.scalar("x", 1);
    Variable y = Variable.scalar("y", 2);
    Variable z = Variable.scalar("z", 3);
    Graph graph = x.add(y).mul(z).sin().graph();
    // u = (x + y)z = 9: g_x = g_y = z cos u, g_z = (x + y) cos u, so g_xx = g_xy = g_yy =
    // −z² sin u, g_xz = g_yz = cos u − z(x + y) sin u, g_zz = −(x + y)² sin u.
    double s = Math.sin(9);
    double c = Math.cos(9);
    double[][] expected = {
      {-9 * s, -9 * s, c - 9 * s}, {-9 * s, -9 * s, c - 9 * s}, {c - 9 * s, c - 9 * s, -9 * s}
    };
    double[][] hessian = graph.hessian();
    for (int i = 0; i < 3; i++) {
      assertArrayEquals(expected[i], hessian[i], 1e-14, "row " + i);
    }
    // the last product, along z, leaves the gradient and column z of H in the variables
    assertEquals(3 * c, x.gradItem());
    assertEquals(3 * c, z.gradItem());
    assertEquals(c - 9 * s, x.gradTangent().item(), 1e-14);
    assertEquals(-9 * s, z.gradTangent().item(), 1e-14);
  }

  /** y = tanh(A·x): J = diag(1 − y²)·A, by rows (m ≤ n) and by columns (m > n). */
  @Test
  void jacobianOfAVectorValuedNodeByRowsAndByColumns() {
    for (int m : new int[] {2, 5}) {
      int n = 3;
      Random random = new Random(m);
      double[] a = TestTensors.uniform(random, m * n, -1, 1);
      double[] x0 = TestTensors.uniform(random, n, -1, 1);
      Variable x = Variable.vector("x", x0);
      Node out = Ops.constant(Tensor.of(new int[] {m, n}, a)).matmul(x).tanh();
      Graph graph = out.graph();
      double[][] jacobian = graph.jacobian();
      double[] v = TestTensors.uniform(random, n, -1, 1);
      double[] u = TestTensors.uniform(random, m, -1, 1);
      double[] jv = new double[m];
      double[] uj = new double[n];
      graph.jacobianVectorProduct(v, jv);
      graph.vectorJacobianProduct(u, uj);
      double[] expectedUj = new double[n];
      for (int i = 0; i < m; i++) {
        double z = 0;
        for (int j = 0; j < n; j++) {
          z += a[i * n + j] * x0[j];
        }
        double slope = 1 - Math.tanh(z) * Math.tanh(z);
        double expectedJv = 0;
        for (int j = 0; j < n; j++) {
          assertEquals(slope * a[i * n + j], jacobian[i][j], 1e-15, "J[" + i + "][" + j + "]");
          expectedJv += slope * a[i * n + j] * v[j];
          expectedUj[j] += u[i] * slope * a[i * n + j];
        }
        assertEquals(expectedJv, jv[i], 1e-14, "(J·v)[" + i + "]");
      }
      assertArrayEquals(expectedUj, uj, 1e-14, "uᵀ·J");
    }
  }

  /** Σ 100(x_{i+1} − x_i²)² + (1 − x_i)², whose Hessian is tridiagonal. */
  private static double[] rosenbrockHessianTimes(double[] x, double[] v) {
    int n = x.length;
    double[] hv = new double[n];
    for (int i = 0; i + 1 < n; i++) {
      // term i depends on x_i and x_{i+1}
      double hii = 1200 * x[i] * x[i] - 400 * x[i + 1] + 2;
      double hij = -400 * x[i];
      hv[i] += hii * v[i] + hij * v[i + 1];
      hv[i + 1] += hij * v[i] + 200 * v[i + 1];
    }
    return hv;
  }

  /**
   * At n = 20,000 the graph runs fused; its Hessian-vector product is the hand-written one and, bit
   * for bit, that of the same nodes compiled without tiling; the gradient it leaves is the fused
   * backward pass's; and the graph's first-order passes work as before afterwards.
   */
  @Test
  void fusedRosenbrockHessianVectorProduct() {
    int n = 20_000;
    Random random = new Random(7);
    double[] x0 = TestTensors.uniform(random, n, -1.5, 1.5);
    double[] v = TestTensors.uniform(random, n, -1, 1);
    Variable x = Variable.of("x", Tensor.vector(x0));
    Node f = ZeroAllocationTest.rosenbrock(x, n);
    Graph fused = f.graph();
    assertTrue(fused.fusedSegments() > 0, "the test needs a fused graph");
    fused.forward().backward();
    double[] fusedGradient = x.grad().toArray();

    double[] hv = new double[n];
    fused.hessianVectorProduct(v, hv);
    double[] expected = rosenbrockHessianTimes(x0, v);
    for (int i = 0; i < n; i++) {
      assertEquals(expected[i], hv[i], 1e-12 * Math.max(1, Math.abs(expected[i])), "(H·v)" + i);
    }
    assertArrayEquals(fusedGradient, x.grad().toArray(), 0.0, "gradient of the second-order pass");

    Graph unfused = new Graph(f, Graph.BLOCK, Integer.MAX_VALUE);
    double[] hvUnfused = new double[n];
    unfused.hessianVectorProduct(v, hvUnfused);
    assertArrayEquals(hvUnfused, hv, 0.0, "fused and node-by-node graphs");

    // backward() without forward() right after: the values the second-order pass computed
    fused.backward();
    assertArrayEquals(fusedGradient, x.grad().toArray(), 0.0, "backward after the product");
    x0[0] = 0.25;
    x.set(x0, 0);
    fused.hessianVectorProduct(v, hv);
    assertEquals(rosenbrockHessianTimes(x0, v)[0], hv[0], 1e-12);
    // as after any pass, a backward pass after a set needs a forward pass first
    x.set(x0, 0);
    assertThrows(IllegalStateException.class, fused::backward);
    fused.forward().backward();
  }

  /**
   * Random fused chains: the product is bit for bit that of the unfused graph, and matches central
   * differences to 1e-4: the scalar variable's gradient sums over all 20,000 elements, so the
   * differences' truncation error h²/6·Σᵢ (third derivatives) grows with n, to about 1e-10 · 2e4 ·
   * (third derivatives up to 10) = 2e-5 (the small-shape properties hold the rules to 1e-6).
   */
  @Property(tries = 10)
  void fusedChainsMatchNodeByNode(@ForAll long seed) {
    Random random = new Random(seed);
    Node f = RandomChains.sumOfChain(random, 20_000, 12, true);
    Graph fused = f.graph();
    double[] v = TestTensors.uniform(random, fused.parameterCount(), -1, 1);
    double[] hv = new double[v.length];
    fused.hessianVectorProduct(v, hv);
    double[] hvUnfused = new double[v.length];
    new Graph(f, Graph.BLOCK, Integer.MAX_VALUE).hessianVectorProduct(v, hvUnfused);
    assertArrayEquals(hvUnfused, hv, 0.0);
    GradientCheck.Report report = GradientCheck.checkHessianVectorProduct(fused, v, 1e-4);
    assertTrue(report.passed(), report::toString);
  }

  @Test
  void dataVariablesHaveNoParametersAndZeroTangents() {
    Variable w = Variable.vector("w", 1, 2);
    Variable data = Variable.data("X", Tensor.vector(3, 4));
    Node f = w.mul(data).square().sum();
    Graph graph = f.graph();
    assertEquals(2, graph.parameterCount());
    double[] hv = new double[2];
    graph.hessianVectorProduct(new double[] {1, 0}, hv);
    // f = Σ (wᵢXᵢ)²: H = diag(2Xᵢ²) = diag(18, 32)
    assertArrayEquals(new double[] {18, 0}, hv, 0.0);
    assertEquals(0.0, data.tangent().get(0));
    assertArrayEquals(new double[][] {{18, 0}, {0, 32}}, graph.hessian());
  }

  @Test
  void errorsNameTheArrayAndTheLengths() {
    Variable x = Variable.vector("x", 1, 2);
    Graph graph = x.square().sum().graph();
    IllegalArgumentException shortDirection =
        assertThrows(
            IllegalArgumentException.class,
            () -> graph.hessianVectorProduct(new double[1], new double[2]));
    assertEquals(
        "hessianVectorProduct: direction has 1 entries, but must have 2",
        shortDirection.getMessage());
    IllegalArgumentException longOut =
        assertThrows(
            IllegalArgumentException.class,
            () -> graph.jacobianVectorProduct(new double[2], new double[3]));
    assertEquals("jacobianVectorProduct: out has 3 entries, but must have 1", longOut.getMessage());
    Graph vector = x.square().graph();
    IllegalStateException notScalar =
        assertThrows(
            IllegalStateException.class,
            () -> vector.hessianVectorProduct(new double[2], new double[2]));
    assertTrue(notScalar.getMessage().contains("needs a scalar output"), notScalar.getMessage());
    Variable big = Variable.of("big", Tensor.zeros(5000));
    IllegalStateException dense =
        assertThrows(IllegalStateException.class, () -> big.sum().graph().hessian());
    assertTrue(dense.getMessage().contains("MAX_DENSE_ENTRIES"), dense.getMessage());
    assertThrows(IllegalStateException.class, () -> Variable.scalar("t", 1).sin().tangent());
  }
}
