package dev.gradus.graph;

/**
 * Elementwise operations. Binary operations here see operands of one shape; {@link Ops} broadcasts
 * them first with {@link Structural.Expand}, except for a single-element operand ({@link
 * WithScalar}). Each operation writes its own loops, so that the JIT compiles every loop with its
 * arithmetic inlined.
 */
final class Elementwise {
  private Elementwise() {}

  abstract static class Unary extends Node {
    final Node x;

    Unary(String op, Node x) {
      super(op, x.shape, x);
      this.x = x;
    }
  }

  abstract static class Binary extends Node {
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
  abstract static class WithScalar extends Node {
    final Node x;
    final Node s;

    WithScalar(String op, Node x, Node s) {
      super(op, x.shape, x, s);
      this.x = x;
      this.s = s;
    }
  }

  /** x + s. */
  static final class AddScalar extends WithScalar {
    AddScalar(Node x, Node s) {
      super("add", x, s);
    }

    @Override
    void computeValue() {
      double[] in = x.value, out = value;
      double c = s.value[0];
      for (int i = 0; i < out.length; i++) {
        out[i] = in[i] + c;
      }
    }

    @Override
    void propagateGrad() {
      double[] g = grad;
      if (x.grad != null) {
        double[] gx = x.grad;
        for (int i = 0; i < g.length; i++) {
          gx[i] += g[i];
        }
      }
      if (s.grad != null) {
        double sum = 0;
        for (double v : g) {
          sum += v;
        }
        s.grad[0] += sum;
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
    void computeValue() {
      double[] in = x.value, out = value;
      double c = s.value[0];
      if (reversed) {
        for (int i = 0; i < out.length; i++) {
          out[i] = c - in[i];
        }
      } else {
        for (int i = 0; i < out.length; i++) {
          out[i] = in[i] - c;
        }
      }
    }

    @Override
    void propagateGrad() {
      double[] g = grad;
      if (x.grad != null) {
        double[] gx = x.grad;
        if (reversed) {
          for (int i = 0; i < g.length; i++) {
            gx[i] -= g[i];
          }
        } else {
          for (int i = 0; i < g.length; i++) {
            gx[i] += g[i];
          }
        }
      }
      if (s.grad != null) {
        double sum = 0;
        for (double v : g) {
          sum += v;
        }
        s.grad[0] += reversed ? sum : -sum;
      }
    }
  }

  /** x·s. */
  static final class MulScalar extends WithScalar {
    MulScalar(Node x, Node s) {
      super("mul", x, s);
    }

    @Override
    void computeValue() {
      double[] in = x.value, out = value;
      double c = s.value[0];
      for (int i = 0; i < out.length; i++) {
        out[i] = in[i] * c;
      }
    }

    @Override
    void propagateGrad() {
      double[] g = grad, in = x.value;
      if (x.grad != null) {
        double[] gx = x.grad;
        double c = s.value[0];
        for (int i = 0; i < g.length; i++) {
          gx[i] += g[i] * c;
        }
      }
      if (s.grad != null) {
        double sum = 0;
        for (int i = 0; i < g.length; i++) {
          sum += g[i] * in[i];
        }
        s.grad[0] += sum;
      }
    }
  }

  static final class Add extends Binary {
    Add(Node a, Node b) {
      super("add", a, b);
    }

    @Override
    void computeValue() {
      double[] x = a.value, y = b.value, out = value;
      for (int i = 0; i < out.length; i++) {
        out[i] = x[i] + y[i];
      }
    }

    @Override
    void propagateGrad() {
      double[] g = grad;
      if (a.grad != null) {
        double[] ga = a.grad;
        for (int i = 0; i < g.length; i++) {
          ga[i] += g[i];
        }
      }
      if (b.grad != null) {
        double[] gb = b.grad;
        for (int i = 0; i < g.length; i++) {
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
    void computeValue() {
      double[] x = a.value, y = b.value, out = value;
      for (int i = 0; i < out.length; i++) {
        out[i] = x[i] - y[i];
      }
    }

    @Override
    void propagateGrad() {
      double[] g = grad;
      if (a.grad != null) {
        double[] ga = a.grad;
        for (int i = 0; i < g.length; i++) {
          ga[i] += g[i];
        }
      }
      if (b.grad != null) {
        double[] gb = b.grad;
        for (int i = 0; i < g.length; i++) {
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
    void computeValue() {
      double[] x = a.value, y = b.value, out = value;
      for (int i = 0; i < out.length; i++) {
        out[i] = x[i] * y[i];
      }
    }

    @Override
    void propagateGrad() {
      double[] g = grad, x = a.value, y = b.value;
      if (a.grad != null) {
        double[] ga = a.grad;
        for (int i = 0; i < g.length; i++) {
          ga[i] += g[i] * y[i];
        }
      }
      if (b.grad != null) {
        double[] gb = b.grad;
        for (int i = 0; i < g.length; i++) {
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
    void computeValue() {
      double[] x = a.value, y = b.value, out = value;
      for (int i = 0; i < out.length; i++) {
        out[i] = x[i] / y[i];
      }
    }

    @Override
    void propagateGrad() {
      double[] g = grad, y = b.value, out = value;
      if (a.grad != null) {
        double[] ga = a.grad;
        for (int i = 0; i < g.length; i++) {
          ga[i] += g[i] / y[i];
        }
      }
      if (b.grad != null) {
        double[] gb = b.grad;
        for (int i = 0; i < g.length; i++) {
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
    void computeValue() {
      double[] x = a.value, y = b.value, out = value;
      for (int i = 0; i < out.length; i++) {
        out[i] = Math.pow(x[i], y[i]);
      }
    }

    @Override
    void propagateGrad() {
      double[] g = grad, x = a.value, y = b.value, out = value;
      if (a.grad != null) {
        double[] ga = a.grad;
        for (int i = 0; i < g.length; i++) {
          // x^0 is constant; y·x^(y−1) would be 0·∞ = NaN at x = 0.
          ga[i] += y[i] == 0 ? 0 : g[i] * y[i] * Math.pow(x[i], y[i] - 1);
        }
      }
      if (b.grad != null) {
        double[] gb = b.grad;
        for (int i = 0; i < g.length; i++) {
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
    void computeValue() {
      double[] in = x.value, out = value;
      for (int i = 0; i < out.length; i++) {
        out[i] = Math.pow(in[i], p);
      }
    }

    @Override
    void propagateGrad() {
      if (p == 0) {
        return; // x^0 is constant; p·x^(p−1) would be 0·∞ = NaN at x = 0.
      }
      double[] g = grad, in = x.value, gx = x.grad;
      for (int i = 0; i < g.length; i++) {
        gx[i] += g[i] * p * Math.pow(in[i], p - 1);
      }
    }
  }

  static final class Neg extends Unary {
    Neg(Node x) {
      super("neg", x);
    }

    @Override
    void computeValue() {
      double[] in = x.value, out = value;
      for (int i = 0; i < out.length; i++) {
        out[i] = -in[i];
      }
    }

    @Override
    void propagateGrad() {
      double[] g = grad, gx = x.grad;
      for (int i = 0; i < g.length; i++) {
        gx[i] -= g[i];
      }
    }
  }

  static final class Square extends Unary {
    Square(Node x) {
      super("square", x);
    }

    @Override
    void computeValue() {
      double[] in = x.value, out = value;
      for (int i = 0; i < out.length; i++) {
        out[i] = in[i] * in[i];
      }
    }

    @Override
    void propagateGrad() {
      double[] g = grad, in = x.value, gx = x.grad;
      for (int i = 0; i < g.length; i++) {
        gx[i] += 2 * in[i] * g[i];
      }
    }
  }

  static final class Sqrt extends Unary {
    Sqrt(Node x) {
      super("sqrt", x);
    }

    @Override
    void computeValue() {
      double[] in = x.value, out = value;
      for (int i = 0; i < out.length; i++) {
        out[i] = Math.sqrt(in[i]);
      }
    }

    @Override
    void propagateGrad() {
      double[] g = grad, out = value, gx = x.grad;
      for (int i = 0; i < g.length; i++) {
        gx[i] += g[i] / (2 * out[i]);
      }
    }
  }

  static final class Exp extends Unary {
    Exp(Node x) {
      super("exp", x);
    }

    @Override
    void computeValue() {
      double[] in = x.value, out = value;
      for (int i = 0; i < out.length; i++) {
        out[i] = Math.exp(in[i]);
      }
    }

    @Override
    void propagateGrad() {
      double[] g = grad, out = value, gx = x.grad;
      for (int i = 0; i < g.length; i++) {
        gx[i] += g[i] * out[i];
      }
    }
  }

  static final class Log extends Unary {
    Log(Node x) {
      super("log", x);
    }

    @Override
    void computeValue() {
      double[] in = x.value, out = value;
      for (int i = 0; i < out.length; i++) {
        out[i] = Math.log(in[i]);
      }
    }

    @Override
    void propagateGrad() {
      double[] g = grad, in = x.value, gx = x.grad;
      for (int i = 0; i < g.length; i++) {
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
    void computeValue() {
      double[] in = x.value, out = value;
      for (int i = 0; i < out.length; i++) {
        out[i] = Math.abs(in[i]);
      }
    }

    @Override
    void propagateGrad() {
      double[] g = grad, in = x.value, gx = x.grad;
      for (int i = 0; i < g.length; i++) {
        gx[i] += g[i] * Math.signum(in[i]);
      }
    }
  }

  static final class Sin extends Unary {
    Sin(Node x) {
      super("sin", x);
    }

    @Override
    void computeValue() {
      double[] in = x.value, out = value;
      for (int i = 0; i < out.length; i++) {
        out[i] = Math.sin(in[i]);
      }
    }

    @Override
    void propagateGrad() {
      double[] g = grad, in = x.value, gx = x.grad;
      for (int i = 0; i < g.length; i++) {
        gx[i] += g[i] * Math.cos(in[i]);
      }
    }
  }

  static final class Cos extends Unary {
    Cos(Node x) {
      super("cos", x);
    }

    @Override
    void computeValue() {
      double[] in = x.value, out = value;
      for (int i = 0; i < out.length; i++) {
        out[i] = Math.cos(in[i]);
      }
    }

    @Override
    void propagateGrad() {
      double[] g = grad, in = x.value, gx = x.grad;
      for (int i = 0; i < g.length; i++) {
        gx[i] -= g[i] * Math.sin(in[i]);
      }
    }
  }

  static final class Tan extends Unary {
    Tan(Node x) {
      super("tan", x);
    }

    @Override
    void computeValue() {
      double[] in = x.value, out = value;
      for (int i = 0; i < out.length; i++) {
        out[i] = Math.tan(in[i]);
      }
    }

    @Override
    void propagateGrad() {
      double[] g = grad, out = value, gx = x.grad;
      for (int i = 0; i < g.length; i++) {
        gx[i] += g[i] * (1 + out[i] * out[i]);
      }
    }
  }

  static final class Tanh extends Unary {
    Tanh(Node x) {
      super("tanh", x);
    }

    @Override
    void computeValue() {
      double[] in = x.value, out = value;
      for (int i = 0; i < out.length; i++) {
        out[i] = Math.tanh(in[i]);
      }
    }

    @Override
    void propagateGrad() {
      double[] g = grad, out = value, gx = x.grad;
      for (int i = 0; i < g.length; i++) {
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
    void computeValue() {
      double[] in = x.value, out = value;
      for (int i = 0; i < out.length; i++) {
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
    void propagateGrad() {
      double[] g = grad, out = value, gx = x.grad;
      for (int i = 0; i < g.length; i++) {
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
    void computeValue() {
      double[] in = x.value, out = value;
      for (int i = 0; i < out.length; i++) {
        out[i] = in[i] < 0 ? 0 : in[i]; // NaN passes through
      }
    }

    @Override
    void propagateGrad() {
      double[] g = grad, in = x.value, gx = x.grad;
      for (int i = 0; i < g.length; i++) {
        if (in[i] > 0) {
          gx[i] += g[i];
        }
      }
    }
  }
}
