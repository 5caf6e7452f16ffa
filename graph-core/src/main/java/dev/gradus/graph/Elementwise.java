package dev.gradus.graph;

/**
 * Elementwise operations. Binary operations here see operands of one shape; {@link Ops} broadcasts
 * them first with {@link Structural.Expand}, except for a single-element operand ({@link
 * WithScalar}). Each operation writes its own loops, so that the JIT compiles every loop with its
 * arithmetic inlined.
 */
final class Elementwise {
  private Elementwise() {}

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
  }
}
