package dev.gradus.functions.expression;

import dev.gradus.graph.Graph;
import dev.gradus.graph.Node;
import dev.gradus.graph.Tensor;
import dev.gradus.graph.Variable;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Entry points of the expression language: parse text into an {@link Expr}, compile it into a
 * computation graph, or evaluate it with its gradient at a point. The grammar, functions and
 * slicing rules are in {@code docs/expressions.md}.
 *
 * <p>Safety: an expression can only compute. Its names resolve to the caller's variables, the
 * constants {@code pi} and {@code e}, and a fixed table of graph operations ({@link #functions()});
 * nothing in the text can load classes, use reflection, call a script engine or run any other code.
 * Input is bounded: at most {@link #MAX_LENGTH} characters and {@link #MAX_DEPTH} levels of
 * nesting, checked before the parser recurses, so no input can overflow the stack.
 */
public final class Expressions {
  /** The longest expression text accepted, in characters. */
  public static final int MAX_LENGTH = 100_000;

  /**
   * The deepest nesting accepted: each pair of parentheses, function call, subscript, unary minus
   * and exponent adds a level.
   */
  // Compiling walks the tree recursively; 256 levels stay far from the default thread stack even
  // in interpreted frames, which 1,000 did not always.
  public static final int MAX_DEPTH = 256;

  private Expressions() {}

  /**
   * Parses {@code text} into a syntax tree.
   *
   * @throws ExpressionException with the line and column of the first problem
   */
  public static Expr parse(String text) {
    return Parser.parse(text);
  }

  /**
   * Compiles a syntax tree into graph nodes over {@code variables} (name → node, of shape [] for a
   * scalar or [n] for a vector). The result may be a vector; objectives need a scalar.
   *
   * @throws ExpressionException for unknown names, wrong argument counts and shape errors
   * @throws IllegalArgumentException if a variable is named after a constant or function
   */
  public static Node compile(Expr expr, Map<String, ? extends Node> variables) {
    return Compiler.compile(expr, variables, null);
  }

  /** Parses and compiles {@code text}; errors carry the position in the text. */
  public static Node compile(String text, Map<String, ? extends Node> variables) {
    return Compiler.compile(parse(text), variables, text);
  }

  /**
   * The names of the variables {@code expr} uses, in order of first appearance: every name that is
   * neither a constant ({@code pi}, {@code e}) nor a function (a function name without arguments is
   * an error that {@link #compile} reports with its position).
   */
  public static List<String> freeVariables(Expr expr) {
    Set<String> names = new LinkedHashSet<>();
    // Explicit stack in reverse push order, so that names come out in reading order.
    Deque<Expr> pending = new ArrayDeque<>();
    pending.push(expr);
    while (!pending.isEmpty()) {
      Expr next = pending.pop();
      if (next instanceof Expr.Name name) {
        if (!Compiler.CONSTANTS.containsKey(name.name())
            && !FunctionTable.FUNCTIONS.containsKey(name.name())) {
          names.add(name.name());
        }
      } else if (next instanceof Expr.Negate negate) {
        pending.push(negate.operand());
      } else if (next instanceof Expr.Chain chain) {
        for (int i = chain.links().size() - 1; i >= 0; i--) {
          pending.push(chain.links().get(i).operand());
        }
        pending.push(chain.first());
      } else if (next instanceof Expr.Power power) {
        pending.push(power.exponent());
        pending.push(power.base());
      } else if (next instanceof Expr.Call call) {
        for (int i = call.arguments().size() - 1; i >= 0; i--) {
          pending.push(call.arguments().get(i));
        }
      } else if (next instanceof Expr.Index index) {
        pending.push(index.target());
      }
    }
    return List.copyOf(names);
  }

  /** The names of the functions an expression may call. */
  public static Set<String> functions() {
    return Collections.unmodifiableSet(FunctionTable.FUNCTIONS.keySet());
  }

  /** The names of the constants: {@code pi} and {@code e}. */
  public static Set<String> constants() {
    return Set.copyOf(Compiler.CONSTANTS.keySet());
  }

  /**
   * The value and gradient of a scalar expression at a point.
   *
   * @param value f at the point
   * @param gradients ∂f/∂v for each variable v of the point, in the point's order; all zeros for a
   *     variable the expression does not use
   * @param graph the graph, after its forward and backward pass, for DOT output ({@link
   *     Graph#toDot()})
   */
  public record Evaluation(
      double value, Map<String, double[]> gradients, Map<String, int[]> shapes, Graph graph) {
    public Evaluation {
      Map<String, double[]> copies = new LinkedHashMap<>();
      gradients.forEach((name, gradient) -> copies.put(name, gradient.clone()));
      gradients = Collections.unmodifiableMap(copies);
      Map<String, int[]> shapeCopies = new LinkedHashMap<>();
      shapes.forEach((name, shape) -> shapeCopies.put(name, shape.clone()));
      shapes = Collections.unmodifiableMap(shapeCopies);
    }

    /**
     * A variable's shape, that of its gradient: {@code []} for a scalar, {@code [r, c]} for a
     * matrix.
     */
    public int[] shape(String variable) {
      return of(shapes, variable).clone();
    }

    /** The gradient with respect to one variable. */
    public double[] gradient(String variable) {
      return of(gradients, variable).clone();
    }

    private <T> T of(Map<String, T> byVariable, String variable) {
      T value = byVariable.get(variable);
      if (value == null) {
        throw new IllegalArgumentException(
            "no variable '" + variable + "'; variables: " + gradients.keySet());
      }
      return value;
    }
  }

  /**
   * Evaluates {@code text} and its gradient at {@code at}: each entry binds a variable, a scalar
   * when it has one value and a vector otherwise. This is what {@code gradus grad "EXPR" --at
   * x=1,y=2} prints.
   *
   * @throws ExpressionException for a malformed expression, an unbound variable, or a value that is
   *     not a single number
   * @throws IllegalArgumentException for a variable without values
   */
  public static Evaluation evaluate(String text, Map<String, double[]> at) {
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    at.forEach(
        (name, values) -> {
          if (values.length == 0) {
            throw new IllegalArgumentException("variable '" + name + "' has no values");
          }
          tensors.put(
              name, values.length == 1 ? Tensor.scalar(values[0]) : Tensor.vector(values.clone()));
        });
    return evaluateAt(text, tensors);
  }

  /**
   * As {@link #evaluate}, with each variable bound to a tensor of any shape: a matrix for {@code
   * matmul(A, x)}, say. The gradients are flat, in row-major order, with the variables' shapes in
   * {@link Evaluation#shapes}.
   *
   * @throws ExpressionException for a malformed expression, an unbound variable, shapes that do not
   *     fit, or a value that is not a single number
   */
  public static Evaluation evaluateAt(String text, Map<String, Tensor> at) {
    Expr expr = parse(text);
    Map<String, Variable> variables = new LinkedHashMap<>();
    Map<String, int[]> shapes = new LinkedHashMap<>();
    at.forEach(
        (name, value) -> {
          if (value.size() == 0) {
            throw new IllegalArgumentException("variable '" + name + "' has no values");
          }
          variables.put(name, Variable.of(name, value));
          shapes.put(name, value.shape());
        });
    Node output = Compiler.compile(expr, variables, text);
    requireScalar(expr, output, text);
    Graph graph = output.graph();
    boolean differentiable = graph.variables().stream().anyMatch(Variable::requiresGradient);
    if (differentiable) {
      graph.forward().backward();
    }
    Set<Variable> used = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    used.addAll(graph.variables());
    Map<String, double[]> gradients = new LinkedHashMap<>();
    variables.forEach(
        (name, variable) ->
            gradients.put(
                name,
                used.contains(variable) ? variable.grad().toArray() : new double[variable.size()]));
    return new Evaluation(output.valueAt(0), gradients, shapes, graph);
  }

  /** Throws unless the compiled expression has a single element. */
  static void requireScalar(Expr expr, Node output, String text) {
    if (output.size() != 1) {
      throw new ExpressionException(
          expr.position(),
          "the expression's value has shape "
              + java.util.Arrays.toString(output.shape())
              + ", but must be a single number: reduce it, for example with sum(...) or norm(...)",
          text);
    }
  }
}
