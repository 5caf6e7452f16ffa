package dev.gradus.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** How compiled graphs accumulate, re-run, reset, scale, fail and report non-finite values. */
class GraphBehaviourTest {

  /** An identity node that counts how often its value is computed. */
  static final class CountingIdentity extends Node {
    final Node x;
    int computed;

    CountingIdentity(Node x) {
      super("count", x.shape(), x);
      this.x = x;
      computeValue();
    }

    @Override
    void computeValue() {
      computed++;
      System.arraycopy(x.value, 0, value, 0, value.length);
    }

    @Override
    void propagateGrad() {
      if (x.grad != null) {
        for (int i = 0; i < grad.length; i++) {
          x.grad[i] += grad[i];
        }
      }
    }

    @Override
    void computeTangent() {
      System.arraycopy(x.tangent, 0, tangent, 0, tangent.length);
    }

    @Override
    void propagateGradTangent() {
      if (x.gradTangent != null) {
        for (int i = 0; i < gradTangent.length; i++) {
          x.gradTangent[i] += gradTangent[i];
        }
      }
    }
  }

  // ---- accumulation where a node feeds several others ----

  @Test
  void xTimesXGetsBothContributions() {
    Variable x = Variable.scalar("x", 3);
    x.mul(x).backward();
    assertEquals(6.0, x.gradItem());
  }

  @Test
  void xPlusXGetsBothContributions() {
    Variable x = Variable.vector("x", 1, 2, 3);
    x.add(x).sum().backward();
    assertArrayEquals(new double[] {2, 2, 2}, x.grad().toArray());
  }

  @Test
  void diamondGraphSumsBothPaths() {
    // u = x², f = sin u + cos u: df/dx = (cos u − sin u)·2x.
    double v = 0.7;
    Variable x = Variable.scalar("x", v);
    Node u = x.square();
    Node f = u.sin().add(u.cos());
    f.backward();
    double uv = v * v;
    assertEquals((Math.cos(uv) - Math.sin(uv)) * 2 * v, x.gradItem(), 1e-15);
    assertEquals(Math.cos(uv) - Math.sin(uv), u.gradItem(), 1e-15);
  }

  @Test
  void diamondThroughDifferentOperationsAndAConcatOfTheSameNode() {
    // f = sum(concat(x, x) · [1, 2, 3, 4]) + x·e^x summed: df/dx_i = w_i + w_{i+2} + (1 +
    // x_i)e^{x_i}
    Variable x = Variable.vector("x", 0.3, -0.4);
    Node w = Ops.constant(Tensor.vector(1, 2, 3, 4));
    Node f = Ops.concat(0, x, x).mul(w).sum().add(x.mul(x.exp()).sum());
    f.backward();
    double[] g = x.grad().toArray();
    assertEquals(1 + 3 + (1 + 0.3) * Math.exp(0.3), g[0], 1e-14);
    assertEquals(2 + 4 + (1 - 0.4) * Math.exp(-0.4), g[1], 1e-14);
  }

  // ---- re-running ----

  private static Node buildMixedGraph(Variable a, Variable b) {
    // Broadcasting, matmul, reductions and structure in one graph.
    Node c = Ops.constant(Tensor.vector(0.5, -1, 2));
    Node h = a.matmul(b).tanh().add(c); // [2,3]
    Node s = h.slice(1, 0, 3, 2).square().sum(0); // [2]
    return s.dot(a.select(1, -1).exp()).add(h.max()).add(b.transpose().sin().mean());
  }

  @Test
  void reEvaluationAfterSetEqualsAFreshlyBuiltGraph() {
    Random random = new Random(42);
    Variable a = Variable.of("a", Tensor.of(new int[] {2, 4}, uniform(random, 8)));
    Variable b = Variable.of("b", Tensor.of(new int[] {4, 3}, uniform(random, 12)));
    Node out = buildMixedGraph(a, b);
    Graph graph = out.graph();
    graph.backward();
    for (int round = 0; round < 5; round++) {
      double[] av = uniform(random, 8);
      double[] bv = uniform(random, 12);
      a.set(av);
      b.set(bv);
      graph.forward().backward();

      Variable fa = Variable.of("a", Tensor.of(new int[] {2, 4}, av));
      Variable fb = Variable.of("b", Tensor.of(new int[] {4, 3}, bv));
      Node fresh = buildMixedGraph(fa, fb);
      fresh.backward();
      assertEquals(fresh.item(), out.item());
      assertEquals(fa.grad(), a.grad());
      assertEquals(fb.grad(), b.grad());
    }
  }

  @Test
  void eachBackwardStartsFromZero() {
    Variable x = Variable.vector("x", 0.5, 1.5);
    Node f = x.square().mul(x.sin()).sum();
    f.backward();
    Tensor first = x.grad();
    f.backward();
    f.backward();
    assertEquals(first, x.grad());
    // 2x·sin x + x²·cos x
    assertEquals(2 * 0.5 * Math.sin(0.5) + 0.25 * Math.cos(0.5), first.get(0), 1e-15);
  }

  @Test
  void aNodeSharedByTwoGraphsGetsEachGraphsGradient() {
    double v = 0.8;
    Variable x = Variable.scalar("x", v);
    Node u = x.sin();
    Graph twice = u.mul(2).graph();
    Graph product = u.mul(x).graph();
    for (int round = 0; round < 3; round++) {
      twice.backward();
      assertEquals(2 * Math.cos(v), x.gradItem(), 1e-15);
      assertEquals(2.0, u.gradItem());
      product.backward();
      assertEquals(Math.cos(v) * v + Math.sin(v), x.gradItem(), 1e-15);
      assertEquals(v, u.gradItem());
    }
    // A graph compiled from an intermediate node, before and after the bigger one.
    Graph inner = u.graph();
    inner.backward();
    assertEquals(Math.cos(v), x.gradItem(), 1e-15);
    product.backward();
    assertEquals(Math.cos(v) * v + Math.sin(v), x.gradItem(), 1e-15);
  }

  @Test
  void graphListsVariablesInCreationOrderAndNodesInTopologicalOrder() {
    Variable b = Variable.scalar("b", 1);
    Variable a = Variable.scalar("a", 2);
    Variable unused = Variable.scalar("unused", 3);
    Node out = a.mul(b).add(b.exp());
    Graph graph = out.graph();
    assertEquals(List.of(b, a), graph.variables());
    assertFalse(graph.variables().contains(unused));
    List<Node> nodes = graph.nodes();
    assertSame(out, nodes.get(nodes.size() - 1));
    for (int i = 0; i < nodes.size(); i++) {
      for (Node input : nodes.get(i).inputs) {
        assertTrue(nodes.indexOf(input) < i, "input after its consumer");
      }
    }
    assertSame(graph, out.graph());
    assertSame(out, graph.output());
  }

  // ---- scale ----

  @Test
  void aChainOfAMillionNodesCompilesAndRunsWithoutStackOverflow() {
    double factor = 1.0000001;
    double shift = 1e-6;
    Variable x = Variable.scalar("x", 0.5);
    Node k = Ops.constant(factor);
    Node c = Ops.constant(shift);
    Node n = x;
    int pairs = 500_000;
    for (int i = 0; i < pairs; i++) {
      n = n.mul(k).add(c);
    }
    Graph graph = n.graph();
    assertEquals(2 * pairs + 3, graph.nodes().size());
    x.set(0.25);
    graph.forward().backward();

    double expected = 0.25;
    double gradient = 1;
    for (int i = 0; i < pairs; i++) {
      expected = expected * factor + shift;
      gradient *= factor;
    }
    assertEquals(expected, n.item());
    assertEquals(gradient, x.gradItem(), 1e-12);
    assertEquals(Math.pow(factor, pairs), x.gradItem(), 1e-9);
  }

  // ---- seeds ----

  @Test
  void backwardOfANonScalarNeedsASeed() {
    Variable x = Variable.vector("x", 1, 2, 3);
    Node y = x.square();
    IllegalStateException e = assertThrows(IllegalStateException.class, y::backward);
    assertTrue(e.getMessage().contains("seed"), e.getMessage());
    assertTrue(e.getMessage().contains("[3]"), e.getMessage());
    assertTrue(e.getMessage().contains("3 elements"), e.getMessage());

    y.backward(Tensor.vector(1, 0.5, -1));
    assertArrayEquals(new double[] {2, 2, -6}, x.grad().toArray());

    ShapeMismatchException wrong =
        assertThrows(ShapeMismatchException.class, () -> y.backward(Tensor.vector(1, 2)));
    assertTrue(wrong.getMessage().contains("[2]"), wrong.getMessage());
    assertTrue(wrong.getMessage().contains("[3]"), wrong.getMessage());
    assertThrows(
        ShapeMismatchException.class, () -> y.backward(Tensor.of(new int[] {3, 1}, 1, 2, 3)));
  }

  @Test
  void aSingleElementNonScalarOutputNeedsNoSeed() {
    Variable x = Variable.of("x", Tensor.of(new int[] {1, 1}, 3));
    x.square().backward();
    assertEquals(6.0, x.gradItem());
  }

  @Test
  void gradientsAreOnlyAvailableAfterABackwardPass() {
    Variable x = Variable.scalar("x", 1);
    Node y = x.exp();
    IllegalStateException e = assertThrows(IllegalStateException.class, x::grad);
    assertTrue(e.getMessage().contains("x"), e.getMessage());
    y.backward();
    assertEquals(Math.E, x.gradItem(), 1e-15);

    Node constantOnly = Ops.constant(2).exp();
    IllegalStateException none = assertThrows(IllegalStateException.class, constantOnly::backward);
    assertTrue(none.getMessage().contains("no variable"), none.getMessage());
  }

  // ---- non-finite values ----

  private static String firstNonFiniteOp(Node out) {
    return out.graph().firstNonFinite().map(Node::op).orElse("none");
  }

  @Test
  void logOfMinusOneIsNaNAndReportedAtTheLog() {
    Variable x = Variable.scalar("x", -1);
    Node out = x.log().mul(2).add(1);
    assertTrue(Double.isNaN(out.item()));
    assertEquals("log", firstNonFiniteOp(out));
    x.set(1);
    out.forward();
    assertEquals(1.0, out.item());
    assertTrue(out.graph().firstNonFinite().isEmpty());
  }

  @Test
  void oneOverZeroIsInfiniteAndReportedAtTheDivision() {
    Variable x = Variable.scalar("x", 0);
    Node out = Ops.div(1.0, x).mul(3).sin();
    assertTrue(Double.isNaN(out.item())); // sin(∞)
    assertEquals("div", firstNonFiniteOp(out));
    Node inf = Ops.div(1.0, x).mul(3);
    assertEquals(Double.POSITIVE_INFINITY, inf.item());
  }

  @Test
  void sqrtOfMinusOneIsNaNAndReportedAtTheSqrt() {
    Variable x = Variable.vector("x", 4, -1);
    Node out = x.sqrt().add(1);
    assertEquals(3.0, out.valueAt(0));
    assertTrue(Double.isNaN(out.valueAt(1)));
    assertEquals("sqrt", firstNonFiniteOp(out));
  }

  @Test
  void reluPassesNaNThrough() {
    Variable x = Variable.vector("x", Double.NaN, -2, 3);
    Node out = x.relu();
    assertTrue(Double.isNaN(out.valueAt(0)));
    assertEquals(0.0, out.valueAt(1));
    assertEquals(3.0, out.valueAt(2));
    assertEquals("x", firstNonFiniteOp(out)); // the variable itself holds the NaN

    Variable y = Variable.scalar("y", -1);
    Node fromLog = y.log().relu();
    assertTrue(Double.isNaN(fromLog.item()));
    assertEquals("log", firstNonFiniteOp(fromLog));
  }

  @Test
  void maxAndMinWithNaNAreNaNWhereverTheNaNIs() {
    for (int at = 0; at < 3; at++) {
      double[] values = {1, 5, 3};
      values[at] = Double.NaN;
      Node c = Ops.constant(Tensor.vector(values));
      assertTrue(Double.isNaN(c.max().item()), "max with NaN at " + at);
      assertTrue(Double.isNaN(c.min().item()), "min with NaN at " + at);
    }
    Variable x = Variable.of("x", Tensor.matrix(new double[] {1, -1}, new double[] {4, 9}));
    Node rows = x.sqrt().max(1);
    assertTrue(Double.isNaN(rows.valueAt(0)));
    assertEquals(3.0, rows.valueAt(1));
    Node columns = x.sqrt().min(0);
    assertEquals(1.0, columns.valueAt(0));
    assertTrue(Double.isNaN(columns.valueAt(1)));
    assertEquals("sqrt", firstNonFiniteOp(rows));
  }

  @Test
  void infinityMinusInfinityIsReportedWhereTheInfinityAppears() {
    Variable x = Variable.scalar("x", 1000);
    Node out = x.exp().sub(x.exp());
    assertTrue(Double.isNaN(out.item()));
    assertEquals("exp", firstNonFiniteOp(out));
  }

  @Test
  void maxGradientGoesToTheFirstOfTiedElements() {
    Variable x = Variable.vector("x", 2, 5, 5, 1);
    x.max().backward();
    assertArrayEquals(new double[] {0, 1, 0, 0}, x.grad().toArray());
    x.min().backward();
    assertArrayEquals(new double[] {0, 0, 0, 1}, x.grad().toArray());
  }

  // ---- data variables and constants ----

  @Test
  void dataVariablesGetNoGradientButAreRecomputed() {
    Variable w = Variable.vector("w", 1, 2);
    Variable data = Variable.data("data", Tensor.vector(3, 4));
    assertFalse(data.requiresGradient());
    Node loss = w.mul(data).sum();
    loss.backward();
    assertArrayEquals(new double[] {3, 4}, w.grad().toArray());
    assertThrows(IllegalStateException.class, data::grad);

    data.set(5, 6);
    loss.forward().backward();
    assertEquals(17.0, loss.item());
    assertArrayEquals(new double[] {5, 6}, w.grad().toArray());

    GradientCheck.Report report = GradientCheck.check(loss.graph());
    assertEquals(2, report.analytic().length);
    assertTrue(report.passed(), report::toString);

    Node dataOnly = data.square().sum();
    assertThrows(IllegalStateException.class, dataOnly::backward);
  }

  @Test
  void constantOnlySubgraphsAreNotRecomputed() {
    CountingIdentity constantPart = new CountingIdentity(Ops.constant(2).exp());
    Variable x = Variable.scalar("x", 1);
    CountingIdentity variablePart = new CountingIdentity(x.square());
    Node out = constantPart.mul(variablePart);
    Graph graph = out.graph();
    for (int i = 0; i < 5; i++) {
      x.set(i);
      graph.forward();
      assertEquals(Math.exp(2) * i * i, out.item(), 1e-12);
    }
    assertEquals(1, constantPart.computed, "constant subgraph computed once, when built");
    assertEquals(6, variablePart.computed, "once when built, then once per forward");
  }

  @Test
  void variableSetChecksSizesAndNamesTheVariable() {
    Variable x = Variable.vector("weights", 1, 2, 3);
    ShapeMismatchException scalar = assertThrows(ShapeMismatchException.class, () -> x.set(1.0));
    assertTrue(scalar.getMessage().contains("weights"), scalar.getMessage());
    ShapeMismatchException few =
        assertThrows(ShapeMismatchException.class, () -> x.set(new double[] {1, 2}));
    assertTrue(few.getMessage().contains("weights") && few.getMessage().contains("3"));
    assertThrows(ShapeMismatchException.class, () -> x.set(new double[] {1, 2, 3}, 1));
    assertThrows(ShapeMismatchException.class, () -> x.set(new double[] {1, 2, 3}, -1));
    ShapeMismatchException shape =
        assertThrows(ShapeMismatchException.class, () -> x.set(Tensor.zeros(1, 3)));
    assertTrue(shape.getMessage().contains("[1, 3]") && shape.getMessage().contains("[3]"));
    x.set(new double[] {0, 7, 8, 9, 0}, 1);
    assertArrayEquals(new double[] {7, 8, 9}, x.value().toArray());
    assertThrows(IllegalArgumentException.class, () -> Variable.scalar(" ", 1));
  }

  // ---- pow at zero ----

  @Test
  void powerZeroHasZeroGradientEverywhereIncludingAtZero() {
    Variable x = Variable.vector("x", 0, 2, -3);
    Node scalarExponent = x.pow(0.0).sum();
    scalarExponent.backward();
    assertEquals(3.0, scalarExponent.item());
    assertArrayEquals(new double[] {0, 0, 0}, x.grad().toArray());

    Node tensorExponent = x.pow(Ops.constant(Tensor.zeros(3))).sum();
    tensorExponent.backward();
    assertArrayEquals(new double[] {0, 0, 0}, x.grad().toArray());
  }

  @Test
  void powGradientsAtZeroBaseAreTheOneSidedLimits() {
    Variable x = Variable.scalar("x", 0);
    Variable p = Variable.scalar("p", 2);
    Node f = x.pow(p);
    f.backward();
    assertEquals(0.0, x.gradItem()); // 2·0¹
    assertEquals(0.0, p.gradItem()); // 0²·ln 0 taken as 0
    p.set(1);
    f.forward().backward();
    assertEquals(1.0, x.gradItem()); // 1·0⁰
    x.set(-2);
    p.set(3);
    f.forward().backward();
    assertEquals(12.0, x.gradItem()); // 3·(−2)²
    Variable y = Variable.scalar("y", 0);
    y.pow(1.0).backward();
    assertEquals(1.0, y.gradItem());
    y.pow(3.0).backward();
    assertEquals(0.0, y.gradItem());
  }

  private static double[] uniform(Random random, int n) {
    return TestTensors.uniform(random, n, -1, 1);
  }
}
