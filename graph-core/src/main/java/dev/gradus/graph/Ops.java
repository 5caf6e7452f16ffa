package dev.gradus.graph;

import java.util.Arrays;

/**
 * The graph operations as static helpers; {@link Node}'s fluent methods delegate here. Every
 * operation computes its value at once and records its backward rule.
 *
 * <p>Elementwise operations broadcast their operands as NumPy does: shapes are aligned at their
 * last axis, and an axis of size 1 (or a missing leading axis) stretches to match. Operands that do
 * not fit raise {@link ShapeMismatchException} naming the operation and both shapes.
 */
public final class Ops {
  private Ops() {}

  // ---- leaves ----

  public static Node constant(double value) {
    return new Constant(Tensor.scalar(value));
  }

  public static Node constant(Tensor value) {
    return new Constant(value);
  }

  public static Variable variable(String name, double value) {
    return Variable.scalar(name, value);
  }

  public static Variable variable(String name, Tensor value) {
    return Variable.of(name, value);
  }

  // ---- elementwise, broadcasting ----

  public static Node add(Node a, Node b) {
    int[] shape = Shapes.broadcast("add", a.shape, b.shape);
    if (broadcastsScalar(b, a, shape)) {
      return eval(new Elementwise.AddScalar(a, b));
    }
    if (broadcastsScalar(a, b, shape)) {
      return eval(new Elementwise.AddScalar(b, a));
    }
    return eval(new Elementwise.Add(expand(a, shape), expand(b, shape)));
  }

  public static Node sub(Node a, Node b) {
    int[] shape = Shapes.broadcast("sub", a.shape, b.shape);
    if (broadcastsScalar(b, a, shape)) {
      return eval(new Elementwise.SubScalar(a, b, false));
    }
    if (broadcastsScalar(a, b, shape)) {
      return eval(new Elementwise.SubScalar(b, a, true));
    }
    return eval(new Elementwise.Sub(expand(a, shape), expand(b, shape)));
  }

  public static Node sub(double a, Node b) {
    return sub(constant(a), b);
  }

  public static Node mul(Node a, Node b) {
    int[] shape = Shapes.broadcast("mul", a.shape, b.shape);
    if (broadcastsScalar(b, a, shape)) {
      return eval(new Elementwise.MulScalar(a, b));
    }
    if (broadcastsScalar(a, b, shape)) {
      return eval(new Elementwise.MulScalar(b, a));
    }
    return eval(new Elementwise.Mul(expand(a, shape), expand(b, shape)));
  }

  public static Node mul(double a, Node b) {
    return mul(constant(a), b);
  }

  public static Node div(Node a, Node b) {
    int[] shape = Shapes.broadcast("div", a.shape, b.shape);
    return eval(new Elementwise.Div(expand(a, shape), expand(b, shape)));
  }

  public static Node div(double a, Node b) {
    return div(constant(a), b);
  }

  /** a^b elementwise. The gradient with respect to b is a^b·ln(a), taken as 0 where a = 0. */
  public static Node pow(Node a, Node b) {
    int[] shape = Shapes.broadcast("pow", a.shape, b.shape);
    return eval(new Elementwise.Pow(expand(a, shape), expand(b, shape)));
  }

  /** x^p for a fixed exponent; {@code pow(x, 2)} is {@link #square}. */
  public static Node pow(Node x, double p) {
    if (p == 2) {
      return square(x);
    }
    return eval(new Elementwise.PowScalar(x, p));
  }

  public static Node neg(Node x) {
    return eval(new Elementwise.Neg(x));
  }

  public static Node square(Node x) {
    return eval(new Elementwise.Square(x));
  }

  public static Node sqrt(Node x) {
    return eval(new Elementwise.Sqrt(x));
  }

  public static Node exp(Node x) {
    return eval(new Elementwise.Exp(x));
  }

  public static Node log(Node x) {
    return eval(new Elementwise.Log(x));
  }

  /** |x|; its derivative is sign(x), 0 at 0. */
  public static Node abs(Node x) {
    return eval(new Elementwise.Abs(x));
  }

  public static Node sin(Node x) {
    return eval(new Elementwise.Sin(x));
  }

  public static Node cos(Node x) {
    return eval(new Elementwise.Cos(x));
  }

  public static Node tan(Node x) {
    return eval(new Elementwise.Tan(x));
  }

  public static Node tanh(Node x) {
    return eval(new Elementwise.Tanh(x));
  }

  /** σ(x) = 1 / (1 + e^−x), with σ'(x) = σ(x)(1 − σ(x)). */
  public static Node sigmoid(Node x) {
    return eval(new Elementwise.Sigmoid(x));
  }

  /**
   * 1 where aᵢ ≠ bᵢ, else 0, broadcasting; compared with {@code ==}, so 0.0 equals −0.0 and NaN
   * differs from everything. Piecewise constant: the gradient it passes back is 0.
   */
  public static Node notEqual(Node a, Node b) {
    int[] shape = Shapes.broadcast("not_equal", a.shape, b.shape);
    return eval(new Elementwise.NotEqual(expand(a, shape), expand(b, shape)));
  }

  /** 1 where xᵢ ≠ 0 (NaN counts as nonzero), else 0. Piecewise constant: passes back 0. */
  public static Node nonZero(Node x) {
    return eval(new Elementwise.NonZero(x));
  }

  /** max(x, 0); its derivative is 0 at 0. */
  public static Node relu(Node x) {
    return eval(new Elementwise.Relu(x));
  }

  // ---- reductions ----

  public static Node sum(Node x) {
    return eval(new Reductions.Sum("sum", x, Shapes.SCALAR, 1, x.value.length, 1, false));
  }

  /** Sum along {@code axis} (negative counts from the end), which is removed from the shape. */
  public static Node sum(Node x, int axis) {
    int a = Shapes.axis("sum", axis, x.rank());
    return eval(
        new Reductions.Sum(
            "sum axis " + a,
            x,
            Shapes.without(x.shape, a),
            Shapes.outer(x.shape, a),
            x.shape[a],
            Shapes.inner(x.shape, a),
            false));
  }

  public static Node mean(Node x) {
    return eval(new Reductions.Sum("mean", x, Shapes.SCALAR, 1, x.value.length, 1, true));
  }

  public static Node mean(Node x, int axis) {
    int a = Shapes.axis("mean", axis, x.rank());
    return eval(
        new Reductions.Sum(
            "mean axis " + a,
            x,
            Shapes.without(x.shape, a),
            Shapes.outer(x.shape, a),
            x.shape[a],
            Shapes.inner(x.shape, a),
            true));
  }

  /** The largest element; its gradient goes to the first element that attains it. */
  public static Node max(Node x) {
    return eval(new Reductions.Extreme("max", x, Shapes.SCALAR, 1, x.value.length, 1, true));
  }

  public static Node max(Node x, int axis) {
    return extreme("max", x, axis, true);
  }

  public static Node min(Node x) {
    return eval(new Reductions.Extreme("min", x, Shapes.SCALAR, 1, x.value.length, 1, false));
  }

  public static Node min(Node x, int axis) {
    return extreme("min", x, axis, false);
  }

  private static Node extreme(String op, Node x, int axis, boolean max) {
    int a = Shapes.axis(op, axis, x.rank());
    return eval(
        new Reductions.Extreme(
            op + " axis " + a,
            x,
            Shapes.without(x.shape, a),
            Shapes.outer(x.shape, a),
            x.shape[a],
            Shapes.inner(x.shape, a),
            max));
  }

  // ---- linear algebra ----

  /** The inner product of two vectors of equal length. */
  public static Node dot(Node a, Node b) {
    if (a.rank() != 1 || b.rank() != 1 || a.shape[0] != b.shape[0]) {
      throw new ShapeMismatchException(
          "dot: needs two vectors of equal length, got shapes "
              + Shapes.format(a.shape)
              + " and "
              + Shapes.format(b.shape));
    }
    return eval(new LinearAlgebra.MatMul("dot", a, b, 1, a.shape[0], 1, Shapes.SCALAR));
  }

  /**
   * Matrix product: [m, k]·[k, n] → [m, n], [m, k]·[k] → [m], [k]·[k, n] → [n], and [k]·[k] → []
   * (the dot product).
   */
  public static Node matmul(Node a, Node b) {
    if (a.rank() < 1 || a.rank() > 2 || b.rank() < 1 || b.rank() > 2) {
      throw new ShapeMismatchException(
          "matmul: needs vectors or matrices, got shapes "
              + Shapes.format(a.shape)
              + " and "
              + Shapes.format(b.shape));
    }
    int m = a.rank() == 2 ? a.shape[0] : 1;
    int k = a.shape[a.rank() - 1];
    int kb = b.shape[0];
    int n = b.rank() == 2 ? b.shape[1] : 1;
    if (k != kb) {
      throw new ShapeMismatchException(
          "matmul: inner dimensions differ, shapes "
              + Shapes.format(a.shape)
              + " and "
              + Shapes.format(b.shape));
    }
    int[] shape;
    if (a.rank() == 2 && b.rank() == 2) {
      shape = new int[] {m, n};
    } else if (a.rank() == 2) {
      shape = new int[] {m};
    } else if (b.rank() == 2) {
      shape = new int[] {n};
    } else {
      shape = Shapes.SCALAR;
    }
    return eval(new LinearAlgebra.MatMul("matmul", a, b, m, k, n, shape));
  }

  // ---- structure ----

  /** Reverses the axes: the matrix transpose for rank 2, the identity for ranks 0 and 1. */
  public static Node transpose(Node x) {
    int[] axes = new int[x.rank()];
    for (int i = 0; i < axes.length; i++) {
      axes[i] = axes.length - 1 - i;
    }
    return transpose(x, axes);
  }

  /** Permutes the axes: axis i of the result is axis {@code axes[i]} of x. */
  public static Node transpose(Node x, int... axes) {
    if (axes.length != x.rank()) {
      throw new IllegalArgumentException(
          "transpose: "
              + Arrays.toString(axes)
              + " is not a permutation of the axes of "
              + x.describe());
    }
    boolean[] seen = new boolean[axes.length];
    int[] resolved = new int[axes.length];
    int[] shape = new int[axes.length];
    for (int i = 0; i < axes.length; i++) {
      int a = Shapes.axis("transpose", axes[i], x.rank());
      if (seen[a]) {
        throw new IllegalArgumentException(
            "transpose: axis " + a + " appears twice in " + Arrays.toString(axes));
      }
      seen[a] = true;
      resolved[i] = a;
      shape[i] = x.shape[a];
    }
    return eval(new Structural.Transpose(x, resolved, shape));
  }

  /** The same elements in a new shape; one dimension may be -1 and is then inferred. */
  public static Node reshape(Node x, int... shape) {
    return eval(new Structural.Reshape(x, Shapes.reshapeTarget(x.shape, shape)));
  }

  /** Broadcasts x to {@code shape}, as NumPy's {@code broadcast_to}. */
  public static Node broadcastTo(Node x, int... shape) {
    int[] target = Shapes.checked(shape);
    if (!Shapes.broadcastsTo(x.shape, target)) {
      throw new ShapeMismatchException(
          "broadcast: shape "
              + Shapes.format(x.shape)
              + " cannot be broadcast to "
              + Shapes.format(target));
    }
    return Arrays.equals(x.shape, target) ? x : eval(new Structural.Expand(x, target));
  }

  /**
   * NumPy's {@code x[..., start:end:step, ...]} along {@code axis}: negative start and end count
   * from the end, and out-of-range bounds are clipped. The step must be positive.
   */
  public static Node slice(Node x, int axis, int start, int end, int step) {
    int a = Shapes.axis("slice", axis, x.rank());
    if (step <= 0) {
      throw new IllegalArgumentException("slice: step must be positive, got " + step);
    }
    int length = x.shape[a];
    int from = clip(start < 0 ? start + length : start, length);
    int to = clip(end < 0 ? end + length : end, length);
    int count = to > from ? (to - from + step - 1) / step : 0;
    int[] shape = x.shape.clone();
    shape[a] = count;
    return eval(
        new Structural.Slice(
            "slice [" + start + ":" + end + (step == 1 ? "" : ":" + step) + "] axis " + a,
            x,
            a,
            from,
            step,
            count,
            shape));
  }

  /** NumPy's {@code x[..., index, ...]} along {@code axis}, which removes the axis. */
  public static Node select(Node x, int axis, int index) {
    int a = Shapes.axis("select", axis, x.rank());
    int i = index < 0 ? index + x.shape[a] : index;
    if (i < 0 || i >= x.shape[a]) {
      throw new IndexOutOfBoundsException(
          "select: index " + index + " is out of range for axis " + a + " of " + x.describe());
    }
    return eval(
        new Structural.Slice(
            "select [" + index + "] axis " + a, x, a, i, 1, 1, Shapes.without(x.shape, a)));
  }

  /** Joins tensors along an existing axis; all other dimensions must match. */
  public static Node concat(int axis, Node... parts) {
    if (parts.length == 0) {
      throw new IllegalArgumentException("concat: needs at least one tensor");
    }
    int rank = parts[0].rank();
    int a = Shapes.axis("concat", axis, rank);
    int[] shape = parts[0].shape.clone();
    shape[a] = 0;
    for (Node part : parts) {
      boolean fits = part.rank() == rank;
      for (int d = 0; fits && d < rank; d++) {
        fits = d == a || part.shape[d] == parts[0].shape[d];
      }
      if (!fits) {
        throw new ShapeMismatchException(
            "concat: shape "
                + Shapes.format(part.shape)
                + " does not fit "
                + Shapes.format(parts[0].shape)
                + " along axis "
                + a);
      }
      shape[a] += part.shape[a];
    }
    return eval(new Structural.Concat(parts.clone(), a, shape));
  }

  private static int clip(int index, int length) {
    return Math.max(0, Math.min(length, index));
  }

  /** True when single-element {@code s} broadcasts over {@code x}, whose shape is the result's. */
  private static boolean broadcastsScalar(Node s, Node x, int[] shape) {
    return s.value.length == 1 && x.value.length > 1 && Arrays.equals(x.shape, shape);
  }

  private static Node expand(Node x, int[] shape) {
    return Arrays.equals(x.shape, shape) ? x : eval(new Structural.Expand(x, shape));
  }

  /** A node built outside this class ({@link CustomOperation#apply}), evaluated as here. */
  static <T extends Node> T evaluated(T node) {
    return eval(node);
  }

  private static <T extends Node> T eval(T node) {
    // An input a fused pass kept in scratch only gets that pass's value first, as node by node.
    for (Node input : node.inputs) {
      input.freshValue();
    }
    node.computeValue();
    return node;
  }
}
