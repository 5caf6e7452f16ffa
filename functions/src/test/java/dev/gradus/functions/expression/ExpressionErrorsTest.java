package dev.gradus.functions.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.graph.Tensor;
import dev.gradus.graph.Variable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Error messages with their exact line and column, close-match suggestions, and input limits. */
class ExpressionErrorsTest {
  /** Scalars s, x, y; vectors a (3), b (2), v (5). */
  private static Map<String, Variable> variables() {
    Map<String, Variable> variables = new LinkedHashMap<>();
    variables.put("s", Variable.scalar("s", 1));
    variables.put("x", Variable.scalar("x", 1));
    variables.put("y", Variable.scalar("y", 2));
    variables.put("a", Variable.of("a", Tensor.vector(1, 2, 3)));
    variables.put("b", Variable.of("b", Tensor.vector(1, 2)));
    variables.put("v", Variable.of("v", Tensor.vector(1, 2, 3, 4, 5)));
    variables.put("alpha", Variable.scalar("alpha", 1));
    return variables;
  }

  private static ExpressionException failure(String text) {
    return assertThrows(ExpressionException.class, () -> Expressions.compile(text, variables()));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "sin((x+y)*s     | column 12: expected ')'",
        "(x + y          | column 7: expected ')'",
        "sin(x, y]       | column 9: expected ')' but found ']'",
        "x + * y         | column 5: expected a number, a name, '(' or '[', found '*'",
        "2x              | column 1: malformed number '2x' (write 2*x, not 2x: multiplication needs '*')",
        "1.5.2           | column 1: malformed number '1.5.'",
        "x $ y           | column 3: unexpected character '$'",
        "1e+             | column 1: malformed number '1e+': expected digits after the exponent 'e'",
        "x y             | column 3: expected an operator or end of input, found name 'y'",
        "\"\"            | column 1: expected an expression, found end of input",
        "f(x,)           | column 5: expected a number, a name, '(' or '[', found ')'",
        "v[1.5]          | column 3: expected an integer index, found 1.5",
        "v[x]            | column 3: expected an integer index, found name 'x'",
        "v[::0]          | column 5: slice step cannot be zero",
        "v[]             | column 3: expected an index or a slice, found ']'",
        "sine(x)         | column 1: unknown function 'sine' (did you mean 'sin'?)",
        "sin(x, y)       | column 1: sin takes 1 argument, got 2: sin(x)",
        "pow(x)          | column 1: pow takes 2 arguments, got 1: pow(a, b)",
        "max()           | column 1: max takes 1 or more arguments, got 0: max(x) or max(a, b, ...)",
        "x + alpah       | column 5: unknown variable 'alpah' (did you mean 'alpha'?)",
        "x + sin         | column 5: 'sin' is a function: call it as sin(x)",
        "2 * x(3)        | column 5: 'x' is a variable, not a function (multiplication needs '*')",
        "x[0]            | column 2: cannot index a scalar: only vectors have elements",
        "sum(a + b)      | column 7: add: shapes [3] and [2] cannot be broadcast together",
        "minkowski(a, a, x) | column 17: minkowski: p must be a constant number, not an expression of variables",
        "minkowski(a, a, 1/2) | column 17: minkowski: p must be in [1, +∞), got p = 0.5",
        "haversine(a, b) | column 1: haversine: points must have shape [2] (latitude, longitude in degrees), got a [3]",
      })
  void malformedInputs(String text, String message) {
    assertEquals(message, failure(text).getMessage());
  }

  @Test
  void indexOutOfRangeNamesTheIndex() {
    ExpressionException e = failure("1 + v[7]");
    assertEquals(6, e.column());
    assertTrue(
        e.getMessage().startsWith("column 6: select: index 7 is out of range"), e.getMessage());
  }

  @Test
  void multiLineExpressionsReportTheLine() {
    ExpressionException e = failure("x +\n  (y * 2");
    assertEquals("line 2, column 9: expected ')'", e.getMessage());
    assertEquals(2, e.line());
    assertEquals(9, e.column());
    assertEquals("expected ')'", e.reason());
    assertEquals("  (y * 2\n        ^", e.excerpt());
    assertEquals(
        "line 3, column 3: unknown variable 'zeta_q' (variables: s, x, y, a, b, v, alpha)",
        failure("x\n+ y\n+ zeta_q").getMessage());
  }

  @Test
  void excerptPointsAtTheColumn() {
    assertEquals("x + * y\n    ^", failure("x + * y").excerpt());
  }

  @Test
  void closeMatchSuggestions() {
    assertTrue(failure("sqr(x)").getMessage().contains("did you mean 'sqrt'"));
    assertTrue(failure("cosin(a, a)").getMessage().contains("did you mean 'cosine'"));
    assertTrue(failure("euclidian(a, a)").getMessage().contains("did you mean 'euclidean'"));
    assertEquals("column 1: unknown function 'zzzzzz'", failure("zzzzzz(x)").getMessage());
    // Short names are close to many others; the closest comes first.
    assertTrue(
        failure("p1")
            .getMessage()
            .startsWith("column 1: unknown variable 'p1' (did you mean 'pi'"));
  }

  @Test
  void objectiveValuesMustBeScalars() {
    ExpressionException e =
        assertThrows(
            ExpressionException.class,
            () -> Expressions.evaluate("x * 2", Map.of("x", new double[] {1, 2, 3})));
    assertEquals(
        "column 1: the expression's value has shape [3], but must be a single number: reduce it,"
            + " for example with sum(...) or norm(...)",
        e.getMessage());
  }

  @Test
  void variablesCannotShadowConstantsOrFunctions() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Expressions.evaluate("e + 1", Map.of("e", new double[] {1})));
    assertEquals(
        "'e' cannot name a variable: it is a constant of the expression language", e.getMessage());
  }

  @Test
  void rejectsOverlongText() {
    ExpressionException e = failure("1".repeat(Expressions.MAX_LENGTH + 1));
    assertEquals(
        "column 1: expression has 100001 characters, more than the limit of 100000",
        e.getMessage());
    // 100,000 nested parentheses are far too long, and rejected without a stack overflow.
    String nested = "(".repeat(100_000) + "1" + ")".repeat(100_000);
    assertTrue(failure(nested).getMessage().contains("more than the limit of 100000"));
  }

  @Test
  void rejectsDeepNestingWithoutStackOverflow() {
    int deep = 49_000; // 98,001 characters: within the length limit
    assertEquals(
        "column 257: expression is nested more than 256 levels deep",
        failure("(".repeat(deep) + "1" + ")".repeat(deep)).getMessage());
    assertEquals(
        "column 257: expression is nested more than 256 levels deep",
        failure("-".repeat(90_000) + "x").getMessage());
    assertEquals(
        "column 1028: expression is nested more than 256 levels deep",
        failure("sin(".repeat(15_000) + "x" + ")".repeat(15_000)).getMessage());
    assertEquals(
        "column 770: expression is nested more than 256 levels deep",
        failure("v" + "[0]".repeat(30_000)).getMessage());
    assertEquals(
        "column 514: expression is nested more than 256 levels deep",
        failure("x^".repeat(40_000) + "x").getMessage());
  }

  @Test
  void acceptsNestingUpToTheLimit() {
    int depth = Expressions.MAX_DEPTH;
    assertEquals(
        1.0, Expressions.evaluate("(".repeat(depth) + "1" + ")".repeat(depth), Map.of()).value());
    assertEquals(
        1.0, Expressions.evaluate("-".repeat(depth) + "1", Map.of()).value()); // even count
  }

  @Test
  void compilesAndDifferentiatesTreesAtTheDepthLimit() {
    int depth = Expressions.MAX_DEPTH;
    var nested =
        Expressions.evaluate(
            "sin(".repeat(depth) + "x" + ")".repeat(depth), Map.of("x", new double[] {0.5}));
    double value = 0.5;
    double derivative = 1;
    for (int i = 0; i < depth; i++) {
      derivative *= Math.cos(value);
      value = Math.sin(value);
    }
    assertEquals(value, nested.value(), 1e-15);
    assertEquals(derivative, nested.gradient("x")[0], 1e-15);
    // One more operation inside: the tree is too deep, which is found when its root is built.
    assertEquals(
        "column 1: expression is nested more than 256 levels deep",
        failure("sum(".repeat(depth) + "-x" + ")".repeat(depth)).getMessage());
  }

  @Test
  void longChainsAreIterative() {
    // 50,000 terms x + x + ... + x (99,999 characters): value 50,000·x, gradient 50,000.
    String chain = "x" + "+x".repeat(49_999);
    var result = Expressions.evaluate(chain, Map.of("x", new double[] {0.5}));
    assertEquals(25_000.0, result.value());
    assertEquals(50_000.0, result.gradient("x")[0]);
    String product = "1" + "*1".repeat(49_999);
    assertEquals(1.0, Expressions.evaluate(product, Map.of()).value());
  }
}
