package dev.gradus.functions.expression;

import dev.gradus.graph.Node;
import dev.gradus.graph.Ops;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Turns a syntax tree into graph nodes. Names resolve to the caller's bindings, the constants
 * {@code pi} and {@code e}, or the fixed {@link FunctionTable}; graph errors (shapes, indices) are
 * rethrown as {@link ExpressionException}s at the position of the operation.
 */
final class Compiler {
  static final Map<String, Double> CONSTANTS = Map.of("pi", Math.PI, "e", Math.E);

  private final Map<String, ? extends Node> bindings;
  private final String text;

  private Compiler(Map<String, ? extends Node> bindings, String text) {
    this.bindings = bindings;
    this.text = text;
  }

  static Node compile(Expr expr, Map<String, ? extends Node> bindings, String text) {
    for (String name : bindings.keySet()) {
      if (CONSTANTS.containsKey(name) || FunctionTable.FUNCTIONS.containsKey(name)) {
        throw new IllegalArgumentException(
            "'"
                + name
                + "' cannot name a variable: it is a "
                + (CONSTANTS.containsKey(name) ? "constant" : "function")
                + " of the expression language");
      }
    }
    return new Compiler(bindings, text).node(expr);
  }

  private Node node(Expr expr) {
    if (expr instanceof Expr.Number number) {
      return Ops.constant(number.value());
    } else if (expr instanceof Expr.Name name) {
      return name(name);
    } else if (expr instanceof Expr.Negate negate) {
      Node operand = node(negate.operand());
      return graphOp(negate.position(), () -> Ops.neg(operand));
    } else if (expr instanceof Expr.Chain chain) {
      Node result = node(chain.first());
      for (Expr.Link link : chain.links()) {
        Node left = result;
        Node right = node(link.operand());
        result =
            graphOp(
                link.position(),
                () ->
                    switch (link.operator()) {
                      case ADD -> Ops.add(left, right);
                      case SUBTRACT -> Ops.sub(left, right);
                      case MULTIPLY -> Ops.mul(left, right);
                      case DIVIDE -> Ops.div(left, right);
                      case POWER -> throw new IllegalStateException("'^' in a chain");
                    });
      }
      return result;
    } else if (expr instanceof Expr.Power power) {
      Node base = node(power.base());
      Node exponent = node(power.exponent());
      return graphOp(power.position(), () -> FunctionTable.power(base, exponent));
    } else if (expr instanceof Expr.Call call) {
      return call(call);
    } else if (expr instanceof Expr.Index index) {
      return index(index);
    }
    throw new IllegalStateException("unknown expression " + expr);
  }

  private Node name(Expr.Name name) {
    Node bound = bindings.get(name.name());
    if (bound != null) {
      return bound;
    }
    Double constant = CONSTANTS.get(name.name());
    if (constant != null) {
      return Ops.constant(constant);
    }
    if (FunctionTable.FUNCTIONS.containsKey(name.name())) {
      throw error(
          name.position(), "'" + name.name() + "' is a function: call it as " + usage(name.name()));
    }
    Set<String> known = new TreeSet<>(bindings.keySet());
    known.addAll(CONSTANTS.keySet());
    String suggestion = suggestion(name.name(), known);
    String listing =
        suggestion.isEmpty()
            ? bindings.isEmpty()
                ? " (no variables are declared)"
                : " (variables: " + String.join(", ", bindings.keySet()) + ")"
            : suggestion;
    throw error(name.position(), "unknown variable '" + name.name() + "'" + listing);
  }

  private Node call(Expr.Call call) {
    FunctionTable.Function function = FunctionTable.FUNCTIONS.get(call.function());
    if (function == null) {
      if (bindings.containsKey(call.function()) || CONSTANTS.containsKey(call.function())) {
        throw error(
            call.position(),
            "'"
                + call.function()
                + "' is a "
                + (bindings.containsKey(call.function()) ? "variable" : "constant")
                + ", not a function (multiplication needs '*')");
      }
      throw error(
          call.position(),
          "unknown function '"
              + call.function()
              + "'"
              + suggestion(call.function(), FunctionTable.FUNCTIONS.keySet()));
    }
    int count = call.arguments().size();
    if (count < function.minArguments() || count > function.maxArguments()) {
      throw error(
          call.position(),
          function.name()
              + " takes "
              + arity(function)
              + ", got "
              + count
              + ": "
              + function.usage());
    }
    List<Node> arguments = new ArrayList<>(count);
    for (Expr argument : call.arguments()) {
      arguments.add(node(argument));
    }
    try {
      return graphOp(call.position(), () -> function.builder().build(arguments));
    } catch (FunctionTable.ArgumentProblem problem) {
      throw error(call.arguments().get(problem.index).position(), problem.getMessage());
    }
  }

  private Node index(Expr.Index index) {
    Node target = node(index.target());
    if (target.rank() == 0) {
      throw error(index.position(), "cannot index a scalar: only vectors have elements");
    }
    return graphOp(
        index.position(),
        () -> {
          if (index.subscript() instanceof Expr.At at) {
            return Ops.select(target, 0, at.index());
          }
          Expr.Slice slice = (Expr.Slice) index.subscript();
          int step = slice.step() == null ? 1 : slice.step();
          if (step > 0) {
            int start = slice.start() == null ? 0 : slice.start();
            int end = slice.end() == null ? Integer.MAX_VALUE : slice.end();
            return Ops.slice(target, 0, start, end, step);
          }
          return reversedSlice(target, slice.start(), slice.end(), step);
        });
  }

  /**
   * NumPy's slice with a negative step, which the graph's slice does not offer: the selected
   * elements, joined. Omitted bounds run from the last element to the first, inclusive.
   */
  private static Node reversedSlice(Node x, Integer start, Integer end, int step) {
    int length = x.shape()[0];
    int from = start == null ? length - 1 : clip(start < 0 ? start + length : start, length);
    int to = end == null ? -1 : clip(end < 0 ? end + length : end, length);
    List<Node> parts = new ArrayList<>();
    for (int i = from; i > to; i += step) {
      parts.add(Ops.slice(x, 0, i, i + 1, 1));
    }
    return parts.isEmpty() ? Ops.slice(x, 0, 0, 0, 1) : Ops.concat(0, parts.toArray(new Node[0]));
  }

  /** NumPy's bound clipping for negative steps: into [−1, length − 1]. */
  private static int clip(int index, int length) {
    return Math.max(-1, Math.min(length - 1, index));
  }

  private Node graphOp(Position position, Supplier<Node> op) {
    try {
      return op.get();
    } catch (ExpressionException | FunctionTable.ArgumentProblem e) {
      throw e;
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      throw new ExpressionException(position, e.getMessage(), text, e);
    }
  }

  private ExpressionException error(Position position, String reason) {
    return new ExpressionException(position, reason, text);
  }

  /**
   * " (did you mean 'sin'?)" with the closest name only, since one clear suggestion reads better in
   * a one-line error than a list; "" when nothing is close.
   */
  static String suggestion(String name, java.util.Collection<String> candidates) {
    // Any one-letter name is within two edits of a short typo, or contained in a long one, so
    // one-letter names are only suggested for names of at most two letters.
    List<String> close = new ArrayList<>();
    for (String candidate : candidates) {
      if (candidate.length() > 1 || name.length() <= 2) {
        close.add(candidate);
      }
    }
    List<String> matches = dev.gradus.spi.Names.closeMatches(name, close);
    return matches.isEmpty() ? "" : " (did you mean '" + matches.get(0) + "'?)";
  }

  private static String usage(String function) {
    return FunctionTable.FUNCTIONS.get(function).usage();
  }

  private static String arity(FunctionTable.Function function) {
    int min = function.minArguments();
    int max = function.maxArguments();
    String count =
        min == max
            ? String.valueOf(min)
            : max == FunctionTable.MANY ? min + " or more" : min + " to " + max;
    return count + (min == 1 && max == 1 ? " argument" : " arguments");
  }
}
