package dev.gradus.functions.expression;

import dev.gradus.functions.distance.DistanceOps;
import dev.gradus.graph.Node;
import dev.gradus.graph.Ops;
import dev.gradus.graph.ShapeMismatchException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The fixed table of functions an expression may call. A name maps to a graph operation and nothing
 * else: there is no way to reach Java code, reflection or a script engine from an expression.
 */
final class FunctionTable {
  /** Unlimited argument count. */
  static final int MANY = Integer.MAX_VALUE;

  /** The function a list literal {@code [a, b, …]} stands for. */
  static final String STACK = "stack";

  /** Builds a call's node from its compiled arguments. */
  @FunctionalInterface
  interface Builder {
    Node build(List<Node> arguments);
  }

  /** A function: its name, how many arguments it takes, and how it builds its node. */
  record Function(String name, int minArguments, int maxArguments, String usage, Builder builder) {}

  /** Thrown by a builder about one argument; the compiler adds that argument's position. */
  static final class ArgumentProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int index;

    ArgumentProblem(int index, String message) {
      super(message, null, false, false);
      this.index = index;
    }
  }

  static final Map<String, Function> FUNCTIONS = table();

  private FunctionTable() {}

  private static Map<String, Function> table() {
    Map<String, Function> table = new LinkedHashMap<>();
    unary(table, "sin", Ops::sin);
    unary(table, "cos", Ops::cos);
    unary(table, "tan", Ops::tan);
    unary(table, "exp", Ops::exp);
    unary(table, "log", Ops::log);
    unary(table, "sqrt", Ops::sqrt);
    unary(table, "abs", Ops::abs);
    unary(table, "tanh", Ops::tanh);
    unary(table, "sigmoid", Ops::sigmoid);
    unary(table, "relu", Ops::relu);
    add(table, "pow", 2, 2, "pow(a, b)", args -> power(args.get(0), args.get(1)));
    add(table, "min", 1, MANY, "min(x) or min(a, b, ...)", args -> extreme("min", args));
    add(table, "max", 1, MANY, "max(x) or max(a, b, ...)", args -> extreme("max", args));
    unary(table, "sum", Ops::sum);
    unary(table, "mean", Ops::mean);
    unary(table, "prod", FunctionTable::product);
    unary(table, "norm", x -> Ops.sqrt(Ops.sum(Ops.square(x))));
    add(table, "dot", 2, 2, "dot(a, b)", args -> Ops.dot(args.get(0), args.get(1)));
    binary(table, "matmul", Ops::matmul);
    add(table, STACK, 1, MANY, "stack(a, b, ...) or [a, b, ...]", FunctionTable::stack);
    unary(table, "transpose", Ops::transpose);
    binary(table, "euclidean", DistanceOps::euclidean);
    binary(table, "manhattan", DistanceOps::manhattan);
    binary(table, "chebyshev", DistanceOps::chebyshev);
    binary(table, "cosine", DistanceOps::cosine);
    binary(table, "haversine", DistanceOps::haversine);
    binary(table, "hamming", DistanceOps::hamming);
    binary(table, "jaccard", DistanceOps::jaccard);
    binary(table, "dice", DistanceOps::dice);
    add(
        table,
        "minkowski",
        3,
        3,
        "minkowski(a, b, p)",
        args -> {
          double p = constant(args.get(2), 2, "minkowski: p");
          if (!(p >= 1)) {
            throw new ArgumentProblem(2, "minkowski: p must be in [1, +∞), got p = " + p);
          }
          return DistanceOps.minkowski(args.get(0), args.get(1), p);
        });
    return Collections.unmodifiableMap(table);
  }

  /**
   * Values of one shape stacked along a new first axis: numbers into a vector, vectors into a
   * matrix (each a row), as NumPy's {@code stack}.
   */
  private static Node stack(List<Node> parts) {
    int[] shape = parts.get(0).shape();
    Node[] rows = new Node[parts.size()];
    for (int i = 0; i < rows.length; i++) {
      Node part = parts.get(i);
      if (!java.util.Arrays.equals(part.shape(), shape)) {
        throw new ArgumentProblem(
            i,
            "stack: element "
                + (i + 1)
                + " has shape "
                + java.util.Arrays.toString(part.shape())
                + " and element 1 "
                + java.util.Arrays.toString(shape)
                + "; the rows of a matrix have one length");
      }
      int[] withAxis = new int[shape.length + 1];
      withAxis[0] = 1;
      System.arraycopy(shape, 0, withAxis, 1, shape.length);
      rows[i] = Ops.reshape(part, withAxis);
    }
    return Ops.concat(0, rows);
  }

  private static void unary(Map<String, Function> table, String name, UnaryOperator<Node> op) {
    add(table, name, 1, 1, name + "(x)", args -> op.apply(args.get(0)));
  }

  private static void binary(
      Map<String, Function> table, String name, java.util.function.BinaryOperator<Node> op) {
    add(table, name, 2, 2, name + "(a, b)", args -> op.apply(args.get(0), args.get(1)));
  }

  private static void add(
      Map<String, Function> table, String name, int min, int max, String usage, Builder builder) {
    table.put(name, new Function(name, min, max, usage, builder));
  }

  /**
   * a^b. A constant single-element exponent uses the fixed-exponent operation, whose gradient needs
   * no log(a) and so stays finite for negative a (as in (-2)^2).
   */
  static Node power(Node base, Node exponent) {
    if (isConstant(exponent) && exponent.size() == 1) {
      return Ops.pow(base, exponent.valueAt(0));
    }
    return Ops.pow(base, exponent);
  }

  /** True when the node's value does not depend on any variable. */
  static boolean isConstant(Node node) {
    return node.graph().variables().isEmpty();
  }

  private static double constant(Node node, int index, String what) {
    if (!isConstant(node) || node.size() != 1) {
      throw new ArgumentProblem(
          index, what + " must be a constant number, not an expression of variables");
    }
    return node.valueAt(0);
  }

  /**
   * min(x)/max(x) of one argument reduce it to its extreme element. With two or more arguments, the
   * elementwise extreme of the arguments broadcast together. Both are computed exactly (not as (a +
   * b ∓ |a − b|)/2, which loses the smaller operand to rounding), and at ties the whole gradient
   * goes to the first argument (or element) that attains the extreme; NaN propagates.
   */
  private static Node extreme(String name, List<Node> arguments) {
    boolean max = name.equals("max");
    if (arguments.size() == 1) {
      Node x = arguments.get(0);
      if (x.size() == 0) {
        throw new ArgumentProblem(0, name + ": cannot reduce an empty vector");
      }
      return max ? Ops.max(x) : Ops.min(x);
    }
    int[] shape = arguments.get(0).shape();
    for (Node argument : arguments) {
      shape = broadcast(name, shape, argument.shape());
    }
    int size = 1;
    for (int d : shape) {
      size *= d;
    }
    Node[] rows = new Node[arguments.size()];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = Ops.reshape(Ops.broadcastTo(arguments.get(i), shape), 1, size);
    }
    Node stacked = Ops.concat(0, rows);
    return Ops.reshape(max ? Ops.max(stacked, 0) : Ops.min(stacked, 0), shape);
  }

  private static int[] broadcast(String op, int[] a, int[] b) {
    int rank = Math.max(a.length, b.length);
    int[] out = new int[rank];
    for (int i = 0; i < rank; i++) {
      int da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
      int db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
      if (da != db && da != 1 && db != 1) {
        throw new ShapeMismatchException(
            op
                + ": shapes "
                + Arrays.toString(a)
                + " and "
                + Arrays.toString(b)
                + " cannot be broadcast together");
      }
      out[i] = da == 1 ? db : da;
    }
    return out;
  }

  /**
   * The product of all elements, as a balanced tree of elementwise products of halves: exact
   * gradients everywhere, including at zeros and negative elements (unlike exp(Σ log|x|)), in O(log
   * n) graph nodes. The product of an empty vector is 1, as in NumPy.
   */
  private static Node product(Node x) {
    if (x.rank() == 0) {
      return x;
    }
    Node flat = x.rank() == 1 ? x : Ops.reshape(x, -1);
    int n = flat.size();
    if (n == 0) {
      return Ops.constant(1);
    }
    while (n > 1) {
      int half = n / 2;
      Node pairs = Ops.mul(Ops.slice(flat, 0, 0, half, 1), Ops.slice(flat, 0, half, 2 * half, 1));
      flat = n % 2 == 0 ? pairs : Ops.concat(0, pairs, Ops.slice(flat, 0, 2 * half, n, 1));
      n = flat.size();
    }
    return Ops.select(flat, 0, 0);
  }
}
