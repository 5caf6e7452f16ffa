package dev.gradus.functions.expression;

import dev.gradus.functions.expression.Expr.Operator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Recursive-descent parser for the grammar in {@code docs/expressions.md}. Recursion happens only
 * where the tree nests (parentheses, calls, subscripts, unary minus, '^'), and {@link #enter}
 * checks the depth before each such step, so no input can overflow the stack; chains of {@code + -}
 * and {@code * /} are read in loops.
 */
final class Parser {
  private enum Kind {
    NUMBER,
    NAME,
    SYMBOL,
    END
  }

  private record Token(Kind kind, String text, double number, Position position) {
    boolean is(String symbol) {
      return kind == Kind.SYMBOL && text.equals(symbol);
    }

    String describe() {
      return switch (kind) {
        case END -> "end of input";
        case NUMBER -> "number " + text;
        case NAME -> "name '" + text + "'";
        case SYMBOL -> "'" + text + "'";
      };
    }
  }

  private final String text;
  private int offset;
  private int line = 1;
  private int column = 1;
  private Token token;
  private int levels; // open parentheses and calls

  private Parser(String text) {
    this.text = text;
  }

  static Expr parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("expression text must not be null");
    }
    if (text.length() > Expressions.MAX_LENGTH) {
      throw new ExpressionException(
          new Position(1, 1),
          "expression has "
              + text.length()
              + " characters, more than the limit of "
              + Expressions.MAX_LENGTH,
          null);
    }
    Parser parser = new Parser(text);
    parser.advance();
    if (parser.token.kind == Kind.END) {
      throw parser.error(parser.token.position, "expected an expression, found end of input");
    }
    Expr expr = parser.expression().build();
    if (parser.token.kind != Kind.END) {
      throw parser.error(
          parser.token.position,
          "expected an operator or end of input, found " + parser.token.describe());
    }
    return expr;
  }

  // ---- grammar ----

  /** A binary or prefix operator waiting on the operator stack. */
  private record Pending(String symbol, boolean prefix, Position position) {
    int precedence() {
      if (prefix) {
        return 3;
      }
      return switch (symbol) {
        case "+", "-" -> 1;
        case "*", "/" -> 2;
        default -> 4; // ^
      };
    }

    /** Unary minus and '^' nest the tree, so they count towards the depth while pending. */
    boolean nests() {
      return prefix || symbol.equals("^");
    }
  }

  /**
   * An operand on the stack: a finished tree, or a chain still open to more links at its level
   * (chains grow in place, so a chain of n terms costs O(n)).
   */
  private static final class Operand {
    final Expr expr;
    final int depth; // operations on the longest path to a leaf; a leaf has depth 0
    final List<Expr.Link> links;
    final boolean additive;

    Operand(Expr expr, int depth) {
      this(expr, depth, null, false);
    }

    Operand(Expr first, int depth, List<Expr.Link> links, boolean additive) {
      this.expr = first;
      this.depth = depth;
      this.links = links;
      this.additive = additive;
    }

    Expr build() {
      return links == null ? expr : new Expr.Chain(expr, links, expr.position());
    }
  }

  /**
   * One expression up to a token that cannot continue it, by operator precedence with explicit
   * stacks (a shunting-yard), so that operators never recurse; only parentheses and calls do,
   * through {@link #primary}, one frame pair per level.
   */
  private Operand expression() {
    Deque<Operand> operands = new ArrayDeque<>();
    Deque<Pending> operators = new ArrayDeque<>();
    int nesting = 0; // pending prefix minus and '^' operators
    while (true) {
      while (token.is("+") || token.is("-")) {
        if (token.is("-")) {
          nesting = push(operators, new Pending("-", true, token.position), nesting);
        }
        advance();
      }
      operands.push(postfix(primary()));
      if (!(token.is("+") || token.is("-") || token.is("*") || token.is("/") || token.is("^"))) {
        break;
      }
      Pending next = new Pending(token.text, false, token.position);
      while (!operators.isEmpty() && reducesBefore(operators.peek(), next)) {
        nesting -= reduce(operands, operators.pop()) ? 1 : 0;
      }
      nesting = push(operators, next, nesting);
      advance();
    }
    while (!operators.isEmpty()) {
      reduce(operands, operators.pop());
    }
    return operands.pop();
  }

  private int push(Deque<Pending> operators, Pending operator, int nesting) {
    if (operator.nests()) {
      if (nesting + 1 > Expressions.MAX_DEPTH) {
        throw tooDeep(operator.position);
      }
      nesting++;
    }
    operators.push(operator);
    return nesting;
  }

  private static boolean reducesBefore(Pending top, Pending next) {
    // '^' is right-associative; everything else groups to the left.
    return top.precedence() > next.precedence()
        || (top.precedence() == next.precedence() && !next.symbol.equals("^"));
  }

  /** Applies {@code operator} to the top operands; returns whether it was a nesting operator. */
  private boolean reduce(Deque<Operand> operands, Pending operator) {
    Operand right = operands.pop();
    if (operator.prefix) {
      operands.push(
          checked(new Operand(new Expr.Negate(right.build(), operator.position), right.depth + 1)));
      return true;
    }
    Operand left = operands.pop();
    if (operator.symbol.equals("^")) {
      operands.push(
          checked(
              new Operand(
                  new Expr.Power(left.build(), right.build(), operator.position),
                  1 + Math.max(left.depth, right.depth))));
      return true;
    }
    boolean additive = operator.symbol.equals("+") || operator.symbol.equals("-");
    Operator op =
        switch (operator.symbol) {
          case "+" -> Operator.ADD;
          case "-" -> Operator.SUBTRACT;
          case "*" -> Operator.MULTIPLY;
          default -> Operator.DIVIDE;
        };
    Expr.Link link = new Expr.Link(op, right.build(), operator.position);
    if (left.links != null && left.additive == additive) {
      left.links.add(link);
      operands.push(
          checked(
              new Operand(left.expr, Math.max(left.depth, right.depth + 1), left.links, additive)));
    } else {
      List<Expr.Link> links = new ArrayList<>();
      links.add(link);
      operands.push(
          checked(
              new Operand(left.build(), 1 + Math.max(left.depth, right.depth), links, additive)));
    }
    return false;
  }

  private Operand checked(Operand operand) {
    if (operand.depth > Expressions.MAX_DEPTH) {
      Position at =
          operand.links == null
              ? operand.expr.position()
              : operand.links.get(operand.links.size() - 1).position();
      throw tooDeep(at);
    }
    return operand;
  }

  private Operand postfix(Operand operand) {
    Operand result = operand;
    while (token.is("[")) {
      Position open = token.position;
      advance();
      Expr.Subscript subscript = subscript();
      expect("]");
      result =
          checked(new Operand(new Expr.Index(result.build(), subscript, open), result.depth + 1));
    }
    return result;
  }

  private Expr.Subscript subscript() {
    if (token.is("]")) {
      throw error(token.position, "expected an index or a slice, found ']'");
    }
    Integer start = token.is(":") ? null : integer();
    if (!token.is(":")) {
      if (start == null) {
        throw error(token.position, "expected an index or a slice, found " + token.describe());
      }
      return new Expr.At(start);
    }
    advance();
    Integer end = token.is(":") || token.is("]") ? null : integer();
    Integer step = null;
    if (token.is(":")) {
      advance();
      if (!token.is("]")) {
        Position at = token.position;
        step = integer();
        if (step == 0) {
          throw error(at, "slice step cannot be zero");
        }
      }
    }
    return new Expr.Slice(start, end, step);
  }

  private int integer() {
    Position at = token.position;
    boolean negative = false;
    if (token.is("-")) {
      negative = true;
      advance();
    }
    if (token.kind != Kind.NUMBER) {
      throw error(at, "expected an integer index, found " + token.describe());
    }
    double value = negative ? -token.number : token.number;
    if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
      throw error(at, "expected an integer index, found " + (negative ? "-" : "") + token.text);
    }
    advance();
    return (int) value;
  }

  private Operand primary() {
    Token start = token;
    switch (start.kind) {
      case NUMBER -> {
        advance();
        return new Operand(new Expr.Number(start.number, start.position), 0);
      }
      case NAME -> {
        advance();
        if (!token.is("(")) {
          return new Operand(new Expr.Name(start.text, start.position), 0);
        }
        enter(token.position);
        advance();
        List<Expr> arguments = new ArrayList<>();
        int depth = 0;
        if (!token.is(")")) {
          while (true) {
            Operand argument = expression();
            arguments.add(argument.build());
            depth = Math.max(depth, argument.depth);
            if (!token.is(",")) {
              break;
            }
            advance();
          }
        }
        expect(")");
        levels--;
        return checked(
            new Operand(new Expr.Call(start.text, arguments, start.position), depth + 1));
      }
      case SYMBOL -> {
        if (start.is("[")) {
          // a list literal [a, b, …]: a vector of numbers, or a matrix of vectors
          enter(start.position);
          advance();
          if (token.is("]")) {
            throw error(token.position, "an empty list has no shape: give at least one element");
          }
          List<Expr> elements = new ArrayList<>();
          int depth = 0;
          while (true) {
            Operand element = expression();
            elements.add(element.build());
            depth = Math.max(depth, element.depth);
            if (!token.is(",")) {
              break;
            }
            advance();
          }
          expect("]");
          levels--;
          return checked(
              new Operand(new Expr.Call(FunctionTable.STACK, elements, start.position), depth + 1));
        }
        if (start.is("(")) {
          enter(start.position);
          advance();
          Operand inner = expression();
          expect(")");
          levels--;
          return new Operand(inner.build(), inner.depth); // closed: no longer extends a chain
        }
        throw error(
            start.position, "expected a number, a name, '(' or '[', found " + start.describe());
      }
      default -> throw error(start.position, "expected an expression, found end of input");
    }
  }

  private void expect(String symbol) {
    if (!token.is(symbol)) {
      String found = token.kind == Kind.END ? "" : " but found " + token.describe();
      throw error(token.position, "expected '" + symbol + "'" + found);
    }
    advance();
  }

  /** Opens a parenthesis or call: the only places where the parser recurses. */
  private void enter(Position at) {
    if (++levels > Expressions.MAX_DEPTH) {
      throw tooDeep(at);
    }
  }

  private ExpressionException tooDeep(Position at) {
    return error(at, "expression is nested more than " + Expressions.MAX_DEPTH + " levels deep");
  }

  private ExpressionException error(Position at, String reason) {
    return new ExpressionException(at, reason, text);
  }

  // ---- tokens ----

  private void advance() {
    skipWhitespace();
    Position position = new Position(line, column);
    if (offset >= text.length()) {
      token = new Token(Kind.END, "", 0, position);
      return;
    }
    char c = text.charAt(offset);
    if (isDigit(c)
        || (c == '.' && offset + 1 < text.length() && isDigit(text.charAt(offset + 1)))) {
      token = number(position);
    } else if (Character.isLetter(c) || c == '_') {
      int start = offset;
      while (offset < text.length()
          && (Character.isLetterOrDigit(text.charAt(offset)) || text.charAt(offset) == '_')) {
        step();
      }
      token = new Token(Kind.NAME, text.substring(start, offset), 0, position);
    } else if ("+-*/^()[],:".indexOf(c) >= 0) {
      step();
      token = new Token(Kind.SYMBOL, String.valueOf(c), 0, position);
    } else {
      String shown =
          Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c);
      throw error(position, "unexpected character '" + shown + "'");
    }
  }

  private Token number(Position position) {
    int start = offset;
    while (offset < text.length() && isDigit(text.charAt(offset))) {
      step();
    }
    if (offset < text.length() && text.charAt(offset) == '.') {
      step();
      while (offset < text.length() && isDigit(text.charAt(offset))) {
        step();
      }
    }
    if (offset < text.length() && (text.charAt(offset) == 'e' || text.charAt(offset) == 'E')) {
      int mark = offset;
      step();
      if (offset < text.length() && (text.charAt(offset) == '+' || text.charAt(offset) == '-')) {
        step();
      }
      if (offset >= text.length() || !isDigit(text.charAt(offset))) {
        throw error(
            position,
            "malformed number '"
                + text.substring(start, offset)
                + "': expected digits after the exponent '"
                + text.charAt(mark)
                + "'");
      }
      while (offset < text.length() && isDigit(text.charAt(offset))) {
        step();
      }
    }
    if (offset < text.length() && text.charAt(offset) == '.') {
      throw error(position, "malformed number '" + text.substring(start, offset + 1) + "'");
    }
    if (offset < text.length()
        && (Character.isLetter(text.charAt(offset)) || text.charAt(offset) == '_')) {
      throw error(
          position,
          "malformed number '"
              + text.substring(start, offset + 1)
              + "' (write 2*x, not 2x: multiplication needs '*')");
    }
    String literal = text.substring(start, offset);
    return new Token(Kind.NUMBER, literal, Double.parseDouble(literal), position);
  }

  private void skipWhitespace() {
    while (offset < text.length() && Character.isWhitespace(text.charAt(offset))) {
      step();
    }
  }

  private void step() {
    char c = text.charAt(offset++);
    if (c == '\n') {
      line++;
      column = 1;
    } else {
      column++;
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
