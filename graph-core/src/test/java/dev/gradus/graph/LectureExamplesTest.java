package dev.gradus.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The lecture's worked examples (L03), with the numbers worked by hand. */
class LectureExamplesTest {
  private static final double EXACT = 1e-15;

  @Test
  void sinOfSumTimesProduct() {
    // g = sin((x + y)·z) at x = 1, y = 2, z = 3: q = x + y = 3, p = q·z = 9, g = sin 9.
    Variable x = Variable.scalar("x", 1);
    Variable y = Variable.scalar("y", 2);
    Variable z = Variable.scalar("z", 3);
    Node g = x.add(y).mul(z).sin();
    g.backward();

    assertEquals(Math.sin(9), g.item(), EXACT);
    // dg/dp = cos 9; dp/dq = z; dq/dx = dq/dy = 1; dp/dz = q.
    assertEquals(Math.cos(9) * 3, x.gradItem(), EXACT);
    assertEquals(Math.cos(9) * 3, y.gradItem(), EXACT);
    assertEquals(Math.cos(9) * 3, z.gradItem(), EXACT);
  }

  @Test
  void linearModelForwardPass() {
    // ŷ = m·x + b at x = 1, m = 2, b = 1 gives 3.
    Variable m = Variable.scalar("m", 2);
    Variable b = Variable.scalar("b", 1);
    Node x = Ops.constant(1);
    Node yhat = m.mul(x).add(b);
    assertEquals(3.0, yhat.item());

    yhat.backward();
    assertEquals(1.0, m.gradItem()); // dŷ/dm = x
    assertEquals(1.0, b.gradItem()); // dŷ/db = 1
  }

  @Test
  void backpropagationOfCTimesAPlusTwoB() {
    // L = c(a + 2b) with d = 2b, e = a + d, L = c·e: dL/da = c, dL/db = 2c, dL/dc = a + 2b.
    Variable a = Variable.scalar("a", 3);
    Variable b = Variable.scalar("b", -1.5);
    Variable c = Variable.scalar("c", 4);
    Node d = b.mul(2);
    Node e = a.add(d);
    Node loss = c.mul(e);
    loss.backward();

    assertEquals(4 * (3 + 2 * -1.5), loss.item());
    assertEquals(4.0, a.gradItem());
    assertEquals(8.0, b.gradItem());
    assertEquals(3 + 2 * -1.5, c.gradItem());
    assertEquals(4.0, e.gradItem()); // dL/de = c
    assertEquals(4.0, d.gradItem()); // dL/dd = dL/de · de/dd = c
  }

  @Test
  void oneForwardAndBackwardStepOfTwoAPlusBTimesCD() {
    // L = (2a + b)(cd) at a = 1, b = 2, c = 3, d = 4: 2a + b = 4, cd = 12, L = 48.
    // dL/da = 2cd = 24, dL/db = cd = 12, dL/dc = (2a + b)d = 16, dL/dd = (2a + b)c = 12.
    Variable a = Variable.scalar("a", 1);
    Variable b = Variable.scalar("b", 2);
    Variable c = Variable.scalar("c", 3);
    Variable d = Variable.scalar("d", 4);
    Node loss = a.mul(2).add(b).mul(c.mul(d));
    loss.backward();

    assertEquals(48.0, loss.item());
    assertEquals(24.0, a.gradItem());
    assertEquals(12.0, b.gradItem());
    assertEquals(16.0, c.gradItem());
    assertEquals(12.0, d.gradItem());
  }

  @Test
  void mseGradientMatchesTheLectureFormula() {
    double[] xs = {1, 2, 3, 4};
    double[] ys = {2.5, 5.1, 6.8, 9.4};
    double mValue = 1.5;
    double bValue = 0.25;
    Variable m = Variable.scalar("m", mValue);
    Variable b = Variable.scalar("b", bValue);
    Node x = Ops.constant(Tensor.vector(xs));
    Node y = Ops.constant(Tensor.vector(ys));
    Node mse = y.sub(m.mul(x).add(b)).square().mean();
    mse.backward();

    double loss = 0;
    double dm = 0;
    double db = 0;
    int n = xs.length;
    for (int i = 0; i < n; i++) {
      double residual = ys[i] - (mValue * xs[i] + bValue);
      loss += residual * residual / n;
      dm += -2 * xs[i] * residual / n;
      db += -2 * residual / n;
    }
    assertEquals(loss, mse.item(), 1e-14);
    assertEquals(dm, m.gradItem(), 1e-14);
    assertEquals(db, b.gradItem(), 1e-14);
  }

  @Test
  void sigmoidDerivativeIsSigmaTimesOneMinusSigma() {
    for (double v : new double[] {-30, -2.5, -0.1, 0, 0.7, 3, 40}) {
      Variable x = Variable.scalar("x", v);
      Node s = x.sigmoid();
      s.backward();
      double sigma = 1 / (1 + Math.exp(-v));
      assertEquals(sigma, s.item(), 1e-15);
      assertEquals(sigma * (1 - sigma), x.gradItem(), 1e-15);
    }
  }

  @Test
  void graphReRunsWithNewInputsWithoutRebuilding() {
    Variable x = Variable.scalar("x", 1);
    Variable y = Variable.scalar("y", 2);
    Variable z = Variable.scalar("z", 3);
    Node g = x.add(y).mul(z).sin();
    Graph graph = g.graph();
    for (double v = -2; v <= 2; v += 0.5) {
      x.set(v);
      graph.forward().backward();
      assertEquals(Math.sin((v + 2) * 3), g.item(), EXACT);
      assertEquals(Math.cos((v + 2) * 3) * (v + 2), z.gradItem(), 1e-14);
    }
  }
}
