package dev.gradus.functions.expression;

import java.util.List;
import java.util.Objects;

/**
 * The syntax tree of an expression, as produced by {@link Expressions#parse}. Every node records
 * the position of its first character (for operators, of the operator) so that errors found later
 * point into the text.
 *
 * <p>Left-associative chains such as {@code a + b - c} are one {@link Chain} node rather than
 * nested binary nodes, so that a long chain stays a shallow tree: every tree the parser produces is
 * at most {@link Expressions#MAX_DEPTH} levels deep, and recursive walks over it cannot overflow
 * the stack.
 */
public sealed interface Expr
    permits Expr.Number, Expr.Name, Expr.Negate, Expr.Chain, Expr.Power, Expr.Call, Expr.Index {

  Position position();

  /** A numeric literal such as {@code 3}, {@code .5} or {@code 1e-3}. */
  record Number(double value, Position position) implements Expr {}

  /** A variable or constant ({@code pi}, {@code e}) reference. */
  record Name(String name, Position position) implements Expr {
    public Name {
      Objects.requireNonNull(name, "name");
    }
  }

  /** Unary minus. */
  record Negate(Expr operand, Position position) implements Expr {}

  /** The binary operators. */
  enum Operator {
    ADD("+"),
    SUBTRACT("-"),
    MULTIPLY("*"),
    DIVIDE("/"),
    POWER("^");

    private final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }
  }

  /** One step {@code op operand} of a {@link Chain}; the position is the operator's. */
  record Link(Operator operator, Expr operand, Position position) {
    public Link {
      if (operator == Operator.POWER) {
        throw new IllegalArgumentException("'^' is right-associative and never forms a chain");
      }
    }
  }

  /**
   * {@code first op₁ operand₁ op₂ operand₂ ...} evaluated left to right: a run of {@code + -} or of
   * {@code * /} operators at one precedence level.
   */
  record Chain(Expr first, List<Link> links, Position position) implements Expr {
    public Chain {
      links = List.copyOf(links);
      if (links.isEmpty()) {
        throw new IllegalArgumentException("a chain needs at least one operator");
      }
    }
  }

  /** {@code base ^ exponent}; the position is the operator's. */
  record Power(Expr base, Expr exponent, Position position) implements Expr {}

  /** A function call {@code name(arguments)}. */
  record Call(String function, List<Expr> arguments, Position position) implements Expr {
    public Call {
      arguments = List.copyOf(arguments);
    }
  }

  /** {@code target[subscript]}; the position is the '['. */
  record Index(Expr target, Subscript subscript, Position position) implements Expr {}

  /** What goes between the brackets of an {@link Index}. */
  sealed interface Subscript permits At, Slice {}

  /** A single element {@code [i]}, removing the axis; negative i counts from the end. */
  record At(int index) implements Subscript {}

  /**
   * A slice {@code [start:end:step]} with NumPy semantics; null bounds are omitted ones. Step
   * defaults to 1 and must not be 0.
   */
  record Slice(Integer start, Integer end, Integer step) implements Subscript {}
}
