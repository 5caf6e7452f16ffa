package dev.gradus.graph;

/**
 * Elementwise operations. Binary operations here see operands of one shape; {@link Ops} broadcasts
 * them first with {@link Structural.Expand}, except for a single-element operand ({@link
 * WithScalar}). Each operation writes its own loops, so that the JIT compiles every loop with its
 * arithmetic inlined.
 */
final class Elementwise {
  private Elementwise() {}

  /** Element i of a tangent, where null stands for a zero tangent. */
  static double at(double[] tangent, int i) {
    return tangent == null ? 0 : tangent[i];
  }

  /** target += sign·source, for a target that may be absent (null). */
  static void addTo(double[] target, double[] source, double sign) {
    if (target != null) {
      for (int i = 0; i < source.length; i++) {
        target[i] += sign * source[i];
      }
    }
  }

  /** An elementwise node: the whole-array pass is the range kernel over all elements. */
  abstract static class Kernel extends Node implements RangeKernel {
    Kernel(String op, int[] shape, Node... inputs) {
      super(op, shape, inputs);
    }

    @Override
    final void computeValue() {
      computeValue(0, value.length);
    }

    @Override
    final void propagateGrad() {
      propagateGrad(0, value.length);
      finishGrad();
    }
  }

  abstract static class Unary extends Kernel {
    final Node x;

    Unary(String op, Node x) {
      super(op, x.shape, x);
      this.x = x;
    }
  }

  abstract static class Binary extends Kernel {
    final Node a;
    final Node b;

    Binary(String op, Node a, Node b) {
      super(op, a.shape, a, b);
      this.a = a;
      this.b = b;
    }
  }

  /**
   * A tensor x with a single-element operand s that broadcasts over it. The kernels read s in place
   * instead of from a broadcast copy of x's shape, which would cost a memory pass in each direction
   * for every constant such as the 100 in 100·(y − x²)²; s's gradient is summed in the same order
   * as {@link Structural.Expand} sums it, so results are bit-for-bit those of the broadcast form.
   */
  abstract static class WithScalar extends Kernel {
    final Node x;
    final Node s;

    /**
     * The running sum of s's gradient terms over the ranges propagated so far in this backward
     * pass, added to s's gradient by {@link #finishGrad()} after the last range.
     */
    double scalarGradSum;

    WithScalar(String op, Node x, Node s) {
      super(op, x.shape, x, s);
      this.x = x;
      this.s = s;
    }

    @Override
    public void finishGrad() {
      if (s.gbuf != null) {
        s.gbuf[0] += scalarGradSum;
      }
    }

    /** ṡ, the scalar operand's tangent: 0 when it has none. */
    final double scalarTangent() {
      return s.tangent == null ? 0 : s.tangent[0];
    }
  }

  /** x + s. */
  static final class AddScalar extends WithScalar {
    AddScalar(Node x, Node s) {
      super("add", x, s);
    }

    @Override
    public void computeValue(int from, int to) {
      double[] in = x.vbuf, out = vbuf;
      double c = s.vbuf[0];
      for (int i = from; i < to; i++) {
        out[i] = in[i] + c;
      }
    }

    @Override
    public void propagateGrad(int from, int to) {
      double[] g = gbuf;
      if (x.gbuf != null) {
        double[] gx = x.gbuf;
        for (int i = from; i < to; i++) {
          gx[i] += g[i];
        }
      }
      if (s.gbuf != null) {
        double sum = base + from == 0 ? 0 : scalarGradSum;
        for (int i = from; i < to; i++) {
          sum += g[i];
        }
        scalarGradSum = sum;
      }
    }

    @Override
    void computeTangent() {
      double[] t = tangent, tx = x.tangent;
      double ts = scalarTangent();
      for (int i = 0; i < t.length; i++) {
        t[i] = at(tx, i) + ts;
      }
    }

    @Override
    void propagateGradTangent() {
      double[] gt = gradTangent;
      if (x.gradTangent != null) {
        double[] gxt = x.gradTangent;
        for (int i = 0; i < gt.length; i++) {
          gxt[i] += gt[i];
        }
      }
      if (s.gradTangent != null) {
        double sum = 0;
        for (double v : gt) {
          sum += v;
        }
        s.gradTangent[0] += sum;
      }
    }
  }

  /** x − s, or s − x when {@code reversed}. */
  static final class SubScalar extends WithScalar {
    private final boolean reversed;

    SubScalar(Node x, Node s, boolean reversed) {
      super("sub", x, s);
      this.reversed = reversed;
    }

    @Override
    public void computeValue(int from, int to) {
      double[] in = x.vbuf, out = vbuf;
      double c = s.vbuf[0];
      if (reversed) {
        for (int i = from; i < to; i++) {
          out[i] = c - in[i];
        }
      } else {
        for (int i = from; i < to; i++) {
          out[i] = in[i] - c;
        }
      }
    }

    @Override
    public void propagateGrad(int from, int to) {
      double[] g = gbuf;
      if (x.gbuf != null) {
        double[] gx = x.gbuf;
        if (reversed) {
          for (int i = from; i < to; i++) {
            gx[i] -= g[i];
          }
        } else {
          for (int i = from; i < to; i++) {
            gx[i] += g[i];
          }
        }
      }
      if (s.gbuf != null) {
        // s's term is +Σg (reversed) or −Σg; the sum is negated once, after the last range.
        double sum = base + from == 0 ? 0 : reversed ? scalarGradSum : -scalarGradSum;
        for (int i = from; i < to; i++) {
          sum += g[i];
        }
        scalarGradSum = reversed ? sum : -sum;
      }
    }

    @Override
    void computeTangent() {
      double[] t = tangent, tx = x.tangent;
      double ts = scalarTangent();
      for (int i = 0; i < t.length; i++) {
        t[i] = reversed ? ts - at(tx, i) : at(tx, i) - ts;
      }
    }

    @Override
    void propagateGradTangent() {
      double[] gt = gradTangent;
      if (x.gradTangent != null) {
        double[] gxt = x.gradTangent;
        for (int i = 0; i < gt.length; i++) {
          gxt[i] += reversed ? -gt[i] : gt[i];
        }
      }
      if (s.gradTangent != null) {
        double sum = 0;
        for (double v : gt) {
          sum += v;
        }
        s.gradTangent[0] += reversed ? sum : -sum;
      }
    }
  }

  /** x·s. */
  static final class MulScalar extends WithScalar {
    MulScalar(Node x, Node s) {
      super("mul", x, s);
    }

    @Override
    public void computeValue(int from, int to) {
      double[] in = x.vbuf, out = vbuf;
      double c = s.vbuf[0];
      for (int i = from; i < to; i++) {
        out[i] = in[i] * c;
      }
    }

    @Override
    public void propagateGrad(int from, int to) {
      double[] g = gbuf, in = x.vbuf;
      if (x.gbuf != null) {
        double[] gx = x.gbuf;
        double c = s.vbuf[0];
        for (int i = from; i < to; i++) {
          gx[i] += g[i] * c;
        }
      }
      if (s.gbuf != null) {
        double sum = base + from == 0 ? 0 : scalarGradSum;
        for (int i = from; i < to; i++) {
          sum += g[i] * in[i];
        }
        scalarGradSum = sum;
      }
    }

    @Override
    void computeTangent() {
      double[] t = tangent, tx = x.tangent, in = x.value;
      double c = s.value[0];
      double ts = scalarTangent();
      for (int i = 0; i < t.length; i++) {
        t[i] = at(tx, i) * c + in[i] * ts;
      }
    }

    @Override
    void propagateGradTangent() {
      double[] g = grad, gt = gradTangent, in = x.value, tx = x.tangent;
      double c = s.value[0];
      double ts = scalarTangent();
      if (x.gradTangent != null) {
        double[] gxt = x.gradTangent;
        for (int i = 0; i < gt.length; i++) {
          gxt[i] += gt[i] * c + g[i] * ts;
        }
      }
      if (s.gradTangent != null) {
        double sum = 0;
        for (int i = 0; i < gt.length; i++) {
          sum += gt[i] * in[i] + g[i] * at(tx, i);
        }
        s.gradTangent[0] += sum;
      }
    }
  }

  static final class Add extends Binary {
    Add(Node a, Node b) {
      super("add", a, b);
    }

    @Override
    public void computeValue(int from, int to) {
      double[] x = a.vbuf, y = b.vbuf, out = vbuf;
      for (int i = from; i < to; i++) {
        out[i] = x[i] + y[i];
      }
    }

    @Override
    public void propagateGrad(int from, int to) {
      double[] g = gbuf;
      if (a.gbuf != null) {
        double[] ga = a.gbuf;
        for (int i = from; i < to; i++) {
          ga[i] += g[i];
        }
      }
      if (b.gbuf != null) {
        double[] gb = b.gbuf;
        for (int i = from; i < to; i++) {
          gb[i] += g[i];
        }
      }
    }

    @Override
    void computeTangent() {
      double[] t = tangent, ta = a.tangent, tb = b.tangent;
      for (int i = 0; i < t.length; i++) {
        t[i] = at(ta, i) + at(tb, i);
      }
    }

    @Override
    void propagateGradTangent() {
      addTo(a.gradTangent, gradTangent, 1);
      addTo(b.gradTangent, gradTangent, 1);
    }
  }

  static final class Sub extends Binary {
    Sub(Node a, Node b) {
      super("sub", a, b);
    }

    @Override
    public void computeValue(int from, int to) {
      double[] x = a.vbuf, y = b.vbuf, out = vbuf;
      for (int i = from; i < to; i++) {
        out[i] = x[i] - y[i];
      }
    }

    @Override
    public void propagateGrad(int from, int to) {
      double[] g = gbuf;
      if (a.gbuf != null) {
        double[] ga = a.gbuf;
        for (int i = from; i < to; i++) {
          ga[i] += g[i];
        }
      }
      if (b.gbuf != null) {
        double[] gb = b.gbuf;
        for (int i = from; i < to; i++) {
          gb[i] -= g[i];
        }
      }
    }

    @Override
    void computeTangent() {
      double[] t = tangent, ta = a.tangent, tb = b.tangent;
      for (int i = 0; i < t.length; i++) {
        t[i] = at(ta, i) - at(tb, i);
      }
    }

    @Override
    void propagateGradTangent() {
      addTo(a.gradTangent, gradTangent, 1);
      addTo(b.gradTangent, gradTangent, -1);
    }
  }

  static final class Mul extends Binary {
    Mul(Node a, Node b) {
      super("mul", a, b);
    }

    @Override
    public void computeValue(int from, int to) {
      double[] x = a.vbuf, y = b.vbuf, out = vbuf;
      for (int i = from; i < to; i++) {
        out[i] = x[i] * y[i];
      }
    }

    @Override
    public void propagateGrad(int from, int to) {
      double[] g = gbuf, x = a.vbuf, y = b.vbuf;
      if (a.gbuf != null) {
        double[] ga = a.gbuf;
        for (int i = from; i < to; i++) {
          ga[i] += g[i] * y[i];
        }
      }
      if (b.gbuf != null) {
        double[] gb = b.gbuf;
        for (int i = from; i < to; i++) {
          gb[i] += g[i] * x[i];
        }
      }
    }

    @Override
    void computeTangent() {
      double[] t = tangent, ta = a.tangent, tb = b.tangent, x = a.value, y = b.value;
      for (int i = 0; i < t.length; i++) {
        t[i] = at(ta, i) * y[i] + x[i] * at(tb, i);
      }
    }

    @Override
    void propagateGradTangent() {
      double[] g = grad, gt = gradTangent, x = a.value, y = b.value, ta = a.tangent, tb = b.tangent;
      if (a.gradTangent != null) {
        double[] gat = a.gradTangent;
        for (int i = 0; i < gt.length; i++) {
          gat[i] += gt[i] * y[i] + g[i] * at(tb, i);
        }
      }
      if (b.gradTangent != null) {
        double[] gbt = b.gradTangent;
        for (int i = 0; i < gt.length; i++) {
          gbt[i] += gt[i] * x[i] + g[i] * at(ta, i);
        }
      }
    }
  }

  static final class Div extends Binary {
    Div(Node a, Node b) {
      super("div", a, b);
    }

    @Override
    public void computeValue(int from, int to) {
      double[] x = a.vbuf, y = b.vbuf, out = vbuf;
      for (int i = from; i < to; i++) {
        out[i] = x[i] / y[i];
      }
    }

    @Override
    public void propagateGrad(int from, int to) {
      double[] g = gbuf, y = b.vbuf, out = vbuf;
      if (a.gbuf != null) {
        double[] ga = a.gbuf;
        for (int i = from; i < to; i++) {
          ga[i] += g[i] / y[i];
        }
      }
      if (b.gbuf != null) {
        double[] gb = b.gbuf;
        for (int i = from; i < to; i++) {
          gb[i] -= g[i] * out[i] / y[i];
        }
      }
    }

    // y = a/b: ẏ = (ȧ − y·ḃ)/b; a's term g/b has tangent ġ/b − g·ḃ/b², b's term −g·y/b has
    // tangent −(ġ·y + g·ẏ)/b + g·y·ḃ/b².
    @Override
    void computeTangent() {
      double[] t = tangent, ta = a.tangent, tb = b.tangent, y = b.value, out = value;
      for (int i = 0; i < t.length; i++) {
        t[i] = (at(ta, i) - out[i] * at(tb, i)) / y[i];
      }
    }

    @Override
    void propagateGradTangent() {
      double[] g = grad, gt = gradTangent, y = b.value, out = value, t = tangent, tb = b.tangent;
      if (a.gradTangent != null) {
        double[] gat = a.gradTangent;
        for (int i = 0; i < gt.length; i++) {
          gat[i] += gt[i] / y[i] - g[i] * at(tb, i) / (y[i] * y[i]);
        }
      }
      if (b.gradTangent != null) {
        double[] gbt = b.gradTangent;
        for (int i = 0; i < gt.length; i++) {
          gbt[i] +=
              -(gt[i] * out[i] + g[i] * t[i]) / y[i] + g[i] * out[i] * at(tb, i) / (y[i] * y[i]);
        }
      }
    }
  }

  /** a^b for tensor exponents. The exponent's gradient a^b·ln(a) is taken as 0 where a = 0. */
  static final class Pow extends Binary {
    Pow(Node a, Node b) {
      super("pow", a, b);
    }

    @Override
    public void computeValue(int from, int to) {
      double[] x = a.vbuf, y = b.vbuf, out = vbuf;
      for (int i = from; i < to; i++) {
        out[i] = Math.pow(x[i], y[i]);
      }
    }

    @Override
    public void propagateGrad(int from, int to) {
      double[] g = gbuf, x = a.vbuf, y = b.vbuf, out = vbuf;
      if (a.gbuf != null) {
        double[] ga = a.gbuf;
        for (int i = from; i < to; i++) {
          // x^0 is constant; y·x^(y−1) would be 0·∞ = NaN at x = 0.
          ga[i] += y[i] == 0 ? 0 : g[i] * y[i] * Math.pow(x[i], y[i] - 1);
        }
      }
      if (b.gbuf != null) {
        double[] gb = b.gbuf;
        for (int i = from; i < to; i++) {
          gb[i] += x[i] == 0 ? 0 : g[i] * out[i] * Math.log(x[i]);
        }
      }
    }

    // y = aᵇ: ẏ = b·a^(b−1)·ȧ + y·ln a·ḃ, each term 0 where the first-order rule takes it as 0
    // (b = 0, a = 0). The tangent of a's term g·b·a^(b−1) is ġ·b·a^(b−1) + g·b(b−1)·a^(b−2)·ȧ +
    // g·a^(b−1)(1 + b·ln a)·ḃ; that of b's term g·y·ln a is (ġ·y + g·ẏ)·ln a + g·y·ȧ/a, 0 at a = 0.
    @Override
    void computeTangent() {
      double[] t = tangent, ta = a.tangent, tb = b.tangent, x = a.value, y = b.value, out = value;
      for (int i = 0; i < t.length; i++) {
        double viaBase = ta == null || y[i] == 0 ? 0 : y[i] * Math.pow(x[i], y[i] - 1) * ta[i];
        double viaExponent = tb == null || x[i] == 0 ? 0 : out[i] * Math.log(x[i]) * tb[i];
        t[i] = viaBase + viaExponent;
      }
    }

    @Override
    void propagateGradTangent() {
      double[] g = grad, gt = gradTangent, x = a.value, y = b.value, out = value, t = tangent;
      double[] ta = a.tangent, tb = b.tangent;
      if (a.gradTangent != null) {
        double[] gat = a.gradTangent;
        for (int i = 0; i < gt.length; i++) {
          double p = y[i];
          double sum = p == 0 ? 0 : gt[i] * p * Math.pow(x[i], p - 1);
          if (ta != null && p != 0 && p != 1) {
            sum += g[i] * p * (p - 1) * Math.pow(x[i], p - 2) * ta[i];
          }
          if (tb != null) {
            double log = x[i] == 0 ? 0 : p * Math.log(x[i]);
            sum += g[i] * Math.pow(x[i], p - 1) * (1 + log) * tb[i];
          }
          gat[i] += sum;
        }
      }
      if (b.gradTangent != null) {
        double[] gbt = b.gradTangent;
        for (int i = 0; i < gt.length; i++) {
          if (x[i] != 0) {
            double log = Math.log(x[i]);
            gbt[i] += (gt[i] * out[i] + g[i] * t[i]) * log + g[i] * out[i] * at(ta, i) / x[i];
          }
        }
      }
    }
  }

  /** x^p for a fixed exponent p. */
  static final class PowScalar extends Unary {
    final double p;

    PowScalar(Node x, double p) {
      super("pow " + p, x);
      this.p = p;
    }

    @Override
    public void computeValue(int from, int to) {
      double[] in = x.vbuf, out = vbuf;
      for (int i = from; i < to; i++) {
        out[i] = Math.pow(in[i], p);
      }
    }

    @Override
    public void propagateGrad(int from, int to) {
      if (p == 0) {
        return; // x^0 is constant; p·x^(p−1) would be 0·∞ = NaN at x = 0.
      }
      double[] g = gbuf, in = x.vbuf, gx = x.gbuf;
      for (int i = from; i < to; i++) {
        gx[i] += g[i] * p * Math.pow(in[i], p - 1);
      }
    }

    // ẏ = p·x^(p−1)·ẋ; the tangent of g·p·x^(p−1) is ġ·p·x^(p−1) + g·p(p−1)·x^(p−2)·ẋ, whose second
    // term vanishes for p = 1 (where x^(p−2) could be ∞) and the whole for p = 0, as in first
    // order.
    @Override
    void computeTangent() {
      double[] t = tangent, tx = x.tangent, in = x.value;
      for (int i = 0; i < t.length; i++) {
        t[i] = p == 0 ? 0 : p * Math.pow(in[i], p - 1) * tx[i];
      }
    }

    @Override
    void propagateGradTangent() {
      if (p == 0) {
        return;
      }
      double[] g = grad, gt = gradTangent, in = x.value, tx = x.tangent, gxt = x.gradTangent;
      for (int i = 0; i < gt.length; i++) {
        double curvature = p == 1 ? 0 : g[i] * p * (p - 1) * Math.pow(in[i], p - 2) * tx[i];
        gxt[i] += gt[i] * p * Math.pow(in[i], p - 1) + curvature;
      }
    }
  }

  static final class Neg extends Unary {
    Neg(Node x) {
      super("neg", x);
    }

    @Override
    public void computeValue(int from, int to) {
      double[] in = x.vbuf, out = vbuf;
      for (int i = from; i < to; i++) {
        out[i] = -in[i];
      }
    }

    @Override
    public void propagateGrad(int from, int to) {
      double[] g = gbuf, gx = x.gbuf;
      for (int i = from; i < to; i++) {
        gx[i] -= g[i];
      }
    }

    @Override
    void computeTangent() {
      double[] t = tangent, tx = x.tangent;
      for (int i = 0; i < t.length; i++) {
        t[i] = -tx[i];
      }
    }

    @Override
    void propagateGradTangent() {
      addTo(x.gradTangent, gradTangent, -1);
    }
  }

  static final class Square extends Unary {
    Square(Node x) {
      super("square", x);
    }

    @Override
    public void computeValue(int from, int to) {
      double[] in = x.vbuf, out = vbuf;
      for (int i = from; i < to; i++) {
        out[i] = in[i] * in[i];
      }
    }

    @Override
    public void propagateGrad(int from, int to) {
      double[] g = gbuf, in = x.vbuf, gx = x.gbuf;
      for (int i = from; i < to; i++) {
        gx[i] += 2 * in[i] * g[i];
      }
    }

    @Override
    void computeTangent() {
      double[] t = tangent, tx = x.tangent, in = x.value;
      for (int i = 0; i < t.length; i++) {
        t[i] = 2 * in[i] * tx[i];
      }
    }

    @Override
    void propagateGradTangent() {
      double[] g = grad, gt = gradTangent, in = x.value, tx = x.tangent, gxt = x.gradTangent;
      for (int i = 0; i < gt.length; i++) {
        gxt[i] += 2 * in[i] * gt[i] + 2 * tx[i] * g[i];
      }
    }
  }

  static final class Sqrt extends Unary {
    Sqrt(Node x) {
      super("sqrt", x);
    }

    @Override
    public void computeValue(int from, int to) {
      double[] in = x.vbuf, out = vbuf;
      for (int i = from; i < to; i++) {
        out[i] = Math.sqrt(in[i]);
      }
    }

    @Override
    public void propagateGrad(int from, int to) {
      double[] g = gbuf, out = vbuf, gx = x.gbuf;
      for (int i = from; i < to; i++) {
        gx[i] += g[i] / (2 * out[i]);
      }
    }

    // ẏ = ẋ/(2y); the tangent of g/(2y) is ġ/(2y) − g·ẏ/(2y²).
    @Override
    void computeTangent() {
      double[] t = tangent, tx = x.tangent, out = value;
      for (int i = 0; i < t.length; i++) {
        t[i] = tx[i] / (2 * out[i]);
      }
    }

    @Override
    void propagateGradTangent() {
      double[] g = grad, gt = gradTangent, out = value, t = tangent, gxt = x.gradTangent;
      for (int i = 0; i < gt.length; i++) {
        gxt[i] += gt[i] / (2 * out[i]) - g[i] * t[i] / (2 * out[i] * out[i]);
      }
    }
  }

  static final class Exp extends Unary {
    Exp(Node x) {
      super("exp", x);
    }

    @Override
    public void computeValue(int from, int to) {
      double[] in = x.vbuf, out = vbuf;
      for (int i = from; i < to; i++) {
        out[i] = Math.exp(in[i]);
      }
    }

    @Override
    public void propagateGrad(int from, int to) {
      double[] g = gbuf, out = vbuf, gx = x.gbuf;
      for (int i = from; i < to; i++) {
        gx[i] += g[i] * out[i];
      }
    }

    @Override
    void computeTangent() {
      double[] t = tangent, tx = x.tangent, out = value;
      for (int i = 0; i < t.length; i++) {
        t[i] = out[i] * tx[i];
      }
    }

    @Override
    void propagateGradTangent() {
      double[] g = grad, gt = gradTangent, out = value, t = tangent, gxt = x.gradTangent;
      for (int i = 0; i < gt.length; i++) {
        gxt[i] += gt[i] * out[i] + g[i] * t[i];
      }
    }
  }

  static final class Log extends Unary {
    Log(Node x) {
      super("log", x);
    }

    @Override
    public void computeValue(int from, int to) {
      double[] in = x.vbuf, out = vbuf;
      for (int i = from; i < to; i++) {
        out[i] = Math.log(in[i]);
      }
    }

    @Override
    public void propagateGrad(int from, int to) {
      double[] g = gbuf, in = x.vbuf, gx = x.gbuf;
      for (int i = from; i < to; i++) {
        gx[i] += g[i] / in[i];
      }
    }

    @Override
    void computeTangent() {
      double[] t = tangent, tx = x.tangent, in = x.value;
      for (int i = 0; i < t.length; i++) {
        t[i] = tx[i] / in[i];
      }
    }

    @Override
    void propagateGradTangent() {
      double[] g = grad, gt = gradTangent, in = x.value, tx = x.tangent, gxt = x.gradTangent;
      for (int i = 0; i < gt.length; i++) {
        gxt[i] += gt[i] / in[i] - g[i] * tx[i] / (in[i] * in[i]);
      }
    }
  }

  /** |x|, with derivative sign(x), which is 0 at 0 as in PyTorch. */
  static final class Abs extends Unary {
    Abs(Node x) {
      super("abs", x);
    }

    @Override
    public void computeValue(int from, int to) {
      double[] in = x.vbuf, out = vbuf;
      for (int i = from; i < to; i++) {
        out[i] = Math.abs(in[i]);
      }
    }

    @Override
    public void propagateGrad(int from, int to) {
      double[] g = gbuf, in = x.vbuf, gx = x.gbuf;
      for (int i = from; i < to; i++) {
        gx[i] += g[i] * Math.signum(in[i]);
      }
    }

    // sign(x) is constant on each side of 0 and taken as 0 at 0, so the curvature term is 0.
    @Override
    void computeTangent() {
      double[] t = tangent, tx = x.tangent, in = x.value;
      for (int i = 0; i < t.length; i++) {
        t[i] = Math.signum(in[i]) * tx[i];
      }
    }

    @Override
    void propagateGradTangent() {
      double[] gt = gradTangent, in = x.value, gxt = x.gradTangent;
      for (int i = 0; i < gt.length; i++) {
        gxt[i] += gt[i] * Math.signum(in[i]);
      }
    }
  }

  static final class Sin extends Unary {
    Sin(Node x) {
      super("sin", x);
    }

    @Override
    public void computeValue(int from, int to) {
      double[] in = x.vbuf, out = vbuf;
      for (int i = from; i < to; i++) {
        out[i] = Math.sin(in[i]);
      }
    }

    @Override
    public void propagateGrad(int from, int to) {
      double[] g = gbuf, in = x.vbuf, gx = x.gbuf;
      for (int i = from; i < to; i++) {
        gx[i] += g[i] * Math.cos(in[i]);
      }
    }

    @Override
    void computeTangent() {
      double[] t = tangent, tx = x.tangent, in = x.value;
      for (int i = 0; i < t.length; i++) {
        t[i] = Math.cos(in[i]) * tx[i];
      }
    }

    @Override
    void propagateGradTangent() {
      double[] g = grad, gt = gradTangent, in = x.value, tx = x.tangent, gxt = x.gradTangent;
      for (int i = 0; i < gt.length; i++) {
        gxt[i] += gt[i] * Math.cos(in[i]) - g[i] * Math.sin(in[i]) * tx[i];
      }
    }
  }

  static final class Cos extends Unary {
    Cos(Node x) {
      super("cos", x);
    }

    @Override
    public void computeValue(int from, int to) {
      double[] in = x.vbuf, out = vbuf;
      for (int i = from; i < to; i++) {
        out[i] = Math.cos(in[i]);
      }
    }

    @Override
    public void propagateGrad(int from, int to) {
      double[] g = gbuf, in = x.vbuf, gx = x.gbuf;
      for (int i = from; i < to; i++) {
        gx[i] -= g[i] * Math.sin(in[i]);
      }
    }

    @Override
    void computeTangent() {
      double[] t = tangent, tx = x.tangent, in = x.value;
      for (int i = 0; i < t.length; i++) {
        t[i] = -Math.sin(in[i]) * tx[i];
      }
    }

    @Override
    void propagateGradTangent() {
      double[] g = grad, gt = gradTangent, in = x.value, tx = x.tangent, gxt = x.gradTangent;
      for (int i = 0; i < gt.length; i++) {
        gxt[i] -= gt[i] * Math.sin(in[i]) + g[i] * Math.cos(in[i]) * tx[i];
      }
    }
  }

  static final class Tan extends Unary {
    Tan(Node x) {
      super("tan", x);
    }

    @Override
    public void computeValue(int from, int to) {
      double[] in = x.vbuf, out = vbuf;
      for (int i = from; i < to; i++) {
        out[i] = Math.tan(in[i]);
      }
    }

    @Override
    public void propagateGrad(int from, int to) {
      double[] g = gbuf, out = vbuf, gx = x.gbuf;
      for (int i = from; i < to; i++) {
        gx[i] += g[i] * (1 + out[i] * out[i]);
      }
    }

    @Override
    void computeTangent() {
      double[] t = tangent, tx = x.tangent, out = value;
      for (int i = 0; i < t.length; i++) {
        t[i] = (1 + out[i] * out[i]) * tx[i];
      }
    }

    @Override
    void propagateGradTangent() {
      double[] g = grad, gt = gradTangent, out = value, t = tangent, gxt = x.gradTangent;
      for (int i = 0; i < gt.length; i++) {
        gxt[i] += gt[i] * (1 + out[i] * out[i]) + 2 * g[i] * out[i] * t[i];
      }
    }
  }

  static final class Tanh extends Unary {
    Tanh(Node x) {
      super("tanh", x);
    }

    @Override
    public void computeValue(int from, int to) {
      double[] in = x.vbuf, out = vbuf;
      for (int i = from; i < to; i++) {
        out[i] = Math.tanh(in[i]);
      }
    }

    @Override
    public void propagateGrad(int from, int to) {
      double[] g = gbuf, out = vbuf, gx = x.gbuf;
      for (int i = from; i < to; i++) {
        gx[i] += g[i] * (1 - out[i] * out[i]);
      }
    }

    @Override
    void computeTangent() {
      double[] t = tangent, tx = x.tangent, out = value;
      for (int i = 0; i < t.length; i++) {
        t[i] = (1 - out[i] * out[i]) * tx[i];
      }
    }

    @Override
    void propagateGradTangent() {
      double[] g = grad, gt = gradTangent, out = value, t = tangent, gxt = x.gradTangent;
      for (int i = 0; i < gt.length; i++) {
        gxt[i] += gt[i] * (1 - out[i] * out[i]) - 2 * g[i] * out[i] * t[i];
      }
    }
  }

  /** The logistic function, evaluated without overflow for large |x|; σ' = σ(1 − σ). */
  static final class Sigmoid extends Unary {
    Sigmoid(Node x) {
      super("sigmoid", x);
    }

    @Override
    public void computeValue(int from, int to) {
      double[] in = x.vbuf, out = vbuf;
      for (int i = from; i < to; i++) {
        double v = in[i];
        if (v >= 0) {
          out[i] = 1 / (1 + Math.exp(-v));
        } else {
          double e = Math.exp(v);
          out[i] = e / (1 + e);
        }
      }
    }

    @Override
    public void propagateGrad(int from, int to) {
      double[] g = gbuf, out = vbuf, gx = x.gbuf;
      for (int i = from; i < to; i++) {
        gx[i] += g[i] * out[i] * (1 - out[i]);
      }
    }

    @Override
    void computeTangent() {
      double[] t = tangent, tx = x.tangent, out = value;
      for (int i = 0; i < t.length; i++) {
        t[i] = out[i] * (1 - out[i]) * tx[i];
      }
    }

    @Override
    void propagateGradTangent() {
      double[] g = grad, gt = gradTangent, out = value, t = tangent, gxt = x.gradTangent;
      for (int i = 0; i < gt.length; i++) {
        gxt[i] += gt[i] * out[i] * (1 - out[i]) + g[i] * t[i] * (1 - 2 * out[i]);
      }
    }
  }

  /** max(x, 0), with derivative 0 at 0 as in PyTorch. */
  static final class Relu extends Unary {
    Relu(Node x) {
      super("relu", x);
    }

    @Override
    public void computeValue(int from, int to) {
      double[] in = x.vbuf, out = vbuf;
      for (int i = from; i < to; i++) {
        out[i] = in[i] < 0 ? 0 : in[i]; // NaN passes through
      }
    }

    @Override
    public void propagateGrad(int from, int to) {
      double[] g = gbuf, in = x.vbuf, gx = x.gbuf;
      for (int i = from; i < to; i++) {
        if (in[i] > 0) {
          gx[i] += g[i];
        }
      }
    }

    // The same subgradient as first order: slope 1 where x > 0, 0 elsewhere (at 0 and at NaN).
    @Override
    void computeTangent() {
      double[] t = tangent, tx = x.tangent, in = x.value;
      for (int i = 0; i < t.length; i++) {
        t[i] = in[i] > 0 ? tx[i] : 0;
      }
    }

    @Override
    void propagateGradTangent() {
      double[] gt = gradTangent, in = x.value, gxt = x.gradTangent;
      for (int i = 0; i < gt.length; i++) {
        if (in[i] > 0) {
          gxt[i] += gt[i];
        }
      }
    }
  }

  /**
   * 1 where aᵢ ≠ bᵢ (compared with {@code ==}: 0.0 equals −0.0, NaN differs from everything), else
   * 0. Piecewise constant, so its derivative is 0 wherever it exists, and 0 is what it passes back.
   */
  static final class NotEqual extends Binary {
    NotEqual(Node a, Node b) {
      super("not_equal", a, b);
    }

    @Override
    public void computeValue(int from, int to) {
      double[] x = a.vbuf, y = b.vbuf, out = vbuf;
      for (int i = from; i < to; i++) {
        out[i] = x[i] == y[i] ? 0 : 1;
      }
    }

    @Override
    public void propagateGrad(int from, int to) {
      // the derivative of an indicator is 0 wherever it is defined
    }

    @Override
    void computeTangent() {
      // an indicator's tangent is 0: the buffer stays as allocated, zero
    }

    @Override
    void propagateGradTangent() {}
  }

  /** 1 where xᵢ ≠ 0 (NaN included), else 0; a set's membership vector. Passes back 0. */
  static final class NonZero extends Unary {
    NonZero(Node x) {
      super("nonzero", x);
    }

    @Override
    public void computeValue(int from, int to) {
      double[] in = x.vbuf, out = vbuf;
      for (int i = from; i < to; i++) {
        out[i] = in[i] != 0 ? 1 : 0;
      }
    }

    @Override
    public void propagateGrad(int from, int to) {
      // the derivative of an indicator is 0 wherever it is defined
    }

    @Override
    void computeTangent() {
      // an indicator's tangent is 0: the buffer stays as allocated, zero
    }

    @Override
    void propagateGradTangent() {}
  }
}
