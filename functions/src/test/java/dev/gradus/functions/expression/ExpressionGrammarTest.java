package dev.gradus.functions.expression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.functions.distance.Distances;
import dev.gradus.functions.expression.Expr.Chain;
import dev.gradus.functions.expression.Expr.Link;
import dev.gradus.functions.expression.Expr.Name;
import dev.gradus.functions.expression.Expr.Negate;
import dev.gradus.functions.expression.Expr.Operator;
import dev.gradus.functions.expression.Expr.Power;
import dev.gradus.graph.GradientCheck;
import dev.gradus.graph.Node;
import dev.gradus.graph.Tensor;
import dev.gradus.graph.Variable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Numbers, precedence, associativity, unary minus, constants, slicing and functions. */
class ExpressionGrammarTest {
  private static final double[] X = {10, 11, 12, 13, 14};

  private static double value(String text) {
    return Expressions.evaluate(text, Map.of()).value();
  }

  /** The value of a (possibly vector) expression of x = X. */
  private static double[] vector(String text) {
    Node out = Expressions.compile(text, Map.of("x", Variable.of("x", Tensor.vector(X))));
    return out.value().toArray();
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "1e-3; 0.001",
        ".5; 0.5",
        "2.5E+2; 250",
        "3.; 3",
        "1 + 2 * 3; 7",
        "(1 + 2) * 3; 9",
        "2 * 3 ^ 2; 18",
        "8 / 4 / 2; 1",
        "8 - 4 - 2; 2",
        "2 ^ 3 ^ 2; 512",
        "-2 ^ 2; -4",
        "(-2) ^ 2; 4",
        "2 ^ -1; 0.5",
        "- -3; 3",
        "+3 - +1; 2",
        "2 * -3; -6",
        "-2 * 3 + 1; -5",
        "1 - 2 * 3 / 4 ^ 2; 0.625",
        "cos(pi); -1",
        "log(e); 1",
        "pow(2, 10); 1024",
        "sqrt(16) + abs(-2); 6",
        "relu(-1) + relu(2) + sigmoid(0); 2.5",
        "min(3, 1, 2) + max(3, 1, 2); 4",
        "tanh(0) + exp(0) + tan(0) + sin(0); 1",
      })
  void scalarValues(String text, double expected) {
    assertEquals(expected, value(text), 1e-15);
  }

  @Test
  void multiLineTextWithTabs() {
    assertEquals(7.0, value("1 +\n\t2 *\r\n  3\n"));
  }

  @Test
  void leftAssociativeChainsAreOneNode() {
    Expr parsed = Expressions.parse("a - b + c");
    Expr expected =
        new Chain(
            new Name("a", new Position(1, 1)),
            List.of(
                new Link(Operator.SUBTRACT, new Name("b", new Position(1, 5)), new Position(1, 3)),
                new Link(Operator.ADD, new Name("c", new Position(1, 9)), new Position(1, 7))),
            new Position(1, 1));
    assertEquals(expected, parsed);
  }

  @Test
  void powerBindsTighterThanUnaryMinusAndAssociatesRight() {
    // -x^2 is -(x^2); 2^3^2 is 2^(3^2).
    assertEquals(
        new Negate(
            new Power(
                new Name("x", new Position(1, 2)),
                new Expr.Number(2, new Position(1, 4)),
                new Position(1, 3)),
            new Position(1, 1)),
        Expressions.parse("-x^2"));
    Expr rightNested = Expressions.parse("2^3^2");
    Power outer = (Power) rightNested;
    assertEquals(new Expr.Number(2, new Position(1, 1)), outer.base());
    assertEquals(Power.class, outer.exponent().getClass());
    assertEquals(-9.0, Expressions.evaluate("-x^2", Map.of("x", new double[] {3})).value());
  }

  @Test
  void slicingFollowsNumPy() {
    assertArrayEquals(new double[] {10}, vector("x[0]"));
    assertArrayEquals(new double[] {14}, vector("x[-1]"));
    assertArrayEquals(new double[] {11, 12, 13, 14}, vector("x[1:]"));
    assertArrayEquals(new double[] {10, 11, 12, 13}, vector("x[:-1]"));
    assertArrayEquals(new double[] {11, 12}, vector("x[1:3]"));
    assertArrayEquals(new double[] {10, 12, 14}, vector("x[::2]"));
    assertArrayEquals(new double[] {11, 13}, vector("x[1:4:2]"));
    assertArrayEquals(new double[] {13, 14}, vector("x[-2:]"));
    assertArrayEquals(X, vector("x[:]"));
    assertArrayEquals(new double[] {}, vector("x[10:]"));
    assertArrayEquals(new double[] {10, 11, 12, 13, 14}, vector("x[-100:100]"));
    assertArrayEquals(new double[] {14, 13, 12, 11, 10}, vector("x[::-1]"));
    assertArrayEquals(new double[] {13, 12, 11}, vector("x[3:0:-1]"));
    assertArrayEquals(new double[] {14, 12, 10}, vector("x[::-2]"));
    assertArrayEquals(new double[] {}, vector("x[0:3:-1]"));
    assertArrayEquals(new double[] {12}, vector("x[1:][1]"));
    assertArrayEquals(new double[] {12}, vector("(x * 1)[2]"));
  }

  @Test
  void reductionsAndElementwiseFunctions() {
    assertArrayEquals(new double[] {60}, vector("sum(x)"));
    assertArrayEquals(new double[] {12}, vector("mean(x)"));
    assertArrayEquals(new double[] {10.0 * 11 * 12 * 13 * 14}, vector("prod(x)"));
    assertArrayEquals(new double[] {11.0 * 12 * 13}, vector("prod(x[1:4])"));
    assertArrayEquals(new double[] {1}, vector("prod(x[5:])"));
    assertArrayEquals(new double[] {10}, vector("min(x)"));
    assertArrayEquals(new double[] {14}, vector("max(x)"));
    assertArrayEquals(new double[] {10, 11, 12, 12, 12}, vector("min(x, 12)"));
    assertArrayEquals(new double[] {13, 13, 13, 13, 14}, vector("max(13, x, 0)"));
    assertArrayEquals(new double[] {Math.sqrt(100 + 121 + 144 + 169 + 196)}, vector("norm(x)"));
    assertArrayEquals(new double[] {10 * 10 + 11 * 11 + 144 + 169 + 196}, vector("dot(x, x)"));
    // min(a, b) is exact, where (a + b − |a − b|)/2 would round 1 away next to 1e20.
    assertEquals(1.0, value("min(1e20, 1)"));
  }

  @Test
  void distancesAsFunctions() {
    double[] a = {1, 2, 3};
    double[] b = {4, 6, 3};
    Map<String, double[]> at = Map.of("a", a, "b", b);
    assertEquals(Distances.euclidean(a, b), Expressions.evaluate("euclidean(a, b)", at).value());
    assertEquals(Distances.manhattan(a, b), Expressions.evaluate("manhattan(a, b)", at).value());
    assertEquals(Distances.chebyshev(a, b), Expressions.evaluate("chebyshev(a, b)", at).value());
    assertEquals(
        Distances.minkowski(a, b, 3),
        Expressions.evaluate("minkowski(a, b, 3)", at).value(),
        1e-14);
    assertEquals(Distances.cosine(a, b), Expressions.evaluate("cosine(a, b)", at).value(), 1e-15);
    double[] paris = {48.8566, 2.3522};
    double[] london = {51.5074, -0.1278};
    assertEquals(
        Distances.haversine(paris, london),
        Expressions.evaluate("haversine(p, q)", Map.of("p", paris, "q", london)).value(),
        1e-9);
    // the counting measures, on sets given by their nonzero entries: {0, 2} and {2, 3}
    Map<String, double[]> sets =
        Map.of("u", new double[] {1, 0, 5, 0}, "v", new double[] {0, 0, 5, 7});
    var hamming = Expressions.evaluate("hamming(u, v)", sets);
    assertEquals(2, hamming.value());
    assertEquals(0, hamming.gradient("u")[0], "a count has gradient 0");
    assertEquals(1 - 1 / 3.0, Expressions.evaluate("jaccard(u, v)", sets).value());
    assertEquals(0.5, Expressions.evaluate("dice(u, v)", sets).value());
    assertEquals(
        Distances.jaccard(a, b), Expressions.evaluate("jaccard(a, b)", at).value(), "no zeros");
  }

  @Test
  void matricesMultiplyTransposeAndBroadcast() {
    Tensor a = Tensor.matrix(new double[] {2, 1, 0}, new double[] {1, 3, -1});
    Tensor x = Tensor.vector(1, 2, -1);
    Tensor y = Tensor.vector(0.5, -2);
    // yᵀ A x + ‖Aᵀ y‖², and A − x broadcasting x over A's rows
    var e =
        Expressions.evaluateAt(
            "dot(y, matmul(A, x)) + sum(matmul(transpose(A), y)^2) + sum((A - x)^2)",
            Map.of("A", a, "x", x, "y", y));
    double ax0 = 2 * 1 + 1 * 2 + 0 * -1; // 4
    double ax1 = 1 * 1 + 3 * 2 + -1 * -1; // 8
    double[] aty = {2 * 0.5 + 1 * -2, 1 * 0.5 + 3 * -2, 0 * 0.5 + -1 * -2}; // -1, -5.5, 2
    double broadcast = 1 + 1 + 1 + 0 + 1 + 0; // (2-1)² (1-2)² (0+1)² (1-1)² (3-2)² (-1+1)²
    double expected =
        0.5 * ax0 - 2 * ax1 + aty[0] * aty[0] + aty[1] * aty[1] + aty[2] * aty[2] + broadcast;
    assertEquals(expected, e.value(), 1e-12);
    assertArrayEquals(new int[] {2, 3}, e.shape("A"));
    assertArrayEquals(new int[] {3}, e.shape("x"));
    // each gradient against central differences of the same expression
    GradientCheck.Report report = GradientCheck.check(e.graph(), 1e-6);
    assertTrue(report.passed(), report.toString());
    // ∂/∂A of yᵀAx is y xᵀ: its (1, 2) entry is y₁ x₂ = -2 · -1, plus the other terms' parts
    double[] gA = e.gradient("A");
    double byHand = -2 * -1 + 2 * aty[2] * -2 + 2 * (-1 - -1); // yᵀAx, ‖Aᵀy‖², broadcast terms
    assertEquals(byHand, gA[1 * 3 + 2], 1e-12);
  }

  @Test
  void listLiteralsAreVectorsAndMatrices() {
    Map<String, double[]> at = Map.of("x", new double[] {1, 2});
    // xᵀAx with A written out: 18, gradient (A + Aᵀ)x = (8, 14)
    var quadratic = Expressions.evaluate("dot(x, matmul([[2, 1], [1, 3]], x))", at);
    assertEquals(18, quadratic.value());
    assertArrayEquals(new double[] {8, 14}, quadratic.gradient("x"));
    // elements may be expressions, and the gradient flows through them
    var built = Expressions.evaluate("sum([x[0], 2 * x[1]]^2)", at);
    assertEquals(1 + 16, built.value());
    assertArrayEquals(new double[] {2, 16}, built.gradient("x"));
    assertEquals(3, Expressions.evaluate("[[1, 2], [3, 4]][1][0]", at).value(), "row 1, column 0");
    assertEquals(
        10, Expressions.evaluate("sum(matmul([[1, 2], [3, 4]], [[0, 1], [1, 0]]))", at).value());
    assertEquals(
        6, Expressions.evaluate("sum(stack(1, 2, 3))", at).value(), "what [1, 2, 3] means");
    ExpressionException ragged =
        assertThrows(
            ExpressionException.class, () -> Expressions.evaluate("sum([[1, 2], [3]])", at));
    assertTrue(
        ragged.getMessage().contains("column 14: stack: element 2 has shape [1]"),
        ragged.getMessage());
    ExpressionException empty =
        assertThrows(ExpressionException.class, () -> Expressions.evaluate("[]", at));
    assertTrue(empty.getMessage().contains("an empty list has no shape"), empty.getMessage());
  }

  @Test
  void lectureExamples() {
    // g = sin((x + y)·z) at (1, 2, 3): g = sin 9, and each partial is 3·cos 9 (see graph-core).
    var g =
        Expressions.evaluate(
            "sin((x+y)*z)",
            Map.of("x", new double[] {1}, "y", new double[] {2}, "z", new double[] {3}));
    assertEquals(Math.sin(9), g.value(), 1e-15);
    assertEquals(3 * Math.cos(9), g.gradient("x")[0], 1e-15);
    assertEquals(3 * Math.cos(9), g.gradient("z")[0], 1e-15);
    // L = c(a + 2b) at a = 1, b = 2, c = 3: L = 15; ∂L/∂a = c = 3, ∂L/∂b = 2c = 6, ∂L/∂c = 5.
    var l =
        Expressions.evaluate(
            "c*(a+2*b)",
            Map.of("a", new double[] {1}, "b", new double[] {2}, "c", new double[] {3}));
    assertEquals(15.0, l.value());
    assertEquals(3.0, l.gradient("a")[0]);
    assertEquals(6.0, l.gradient("b")[0]);
    assertEquals(5.0, l.gradient("c")[0]);
    // L = (2a + b)(cd) at a = 1, b = 2, c = 3, d = 4: (2 + 2)·12 = 48; ∂L/∂a = 2cd = 24,
    // ∂L/∂b = cd = 12, ∂L/∂c = (2a + b)d = 16, ∂L/∂d = (2a + b)c = 12.
    var h =
        Expressions.evaluate(
            "(2*a+b)*(c*d)",
            Map.of(
                "a",
                new double[] {1},
                "b",
                new double[] {2},
                "c",
                new double[] {3},
                "d",
                new double[] {4}));
    assertEquals(48.0, h.value());
    assertEquals(24.0, h.gradient("a")[0]);
    assertEquals(12.0, h.gradient("b")[0]);
    assertEquals(16.0, h.gradient("c")[0]);
    assertEquals(12.0, h.gradient("d")[0]);
  }

  @Test
  void evaluationGivesZeroGradientsForUnusedVariablesAndAGraph() {
    var bowl =
        Expressions.evaluate(
            "(x - 3)^2 + 10*(y + 1)^2",
            Map.of("x", new double[] {1}, "y", new double[] {0}, "unused", new double[] {5, 6}));
    // (1 − 3)² + 10·(0 + 1)² = 4 + 10 = 14; ∂/∂x = 2(x − 3) = −4, ∂/∂y = 20(y + 1) = 20.
    assertEquals(14.0, bowl.value());
    assertArrayEquals(new double[] {-4}, bowl.gradient("x"));
    assertArrayEquals(new double[] {20}, bowl.gradient("y"));
    assertArrayEquals(new double[] {0, 0}, bowl.gradient("unused"));
    String dot = bowl.graph().toDot();
    assertEquals(true, dot.startsWith("digraph"), dot);
    assertEquals(true, dot.contains("x"), dot);
    // A constant expression has a value and no gradients to compute.
    assertEquals(2.0, Expressions.evaluate("1 + 1", Map.of()).value());
  }

  @Test
  void freeVariablesInOrderOfFirstAppearance() {
    assertEquals(
        List.of("y", "x", "z"),
        Expressions.freeVariables(Expressions.parse("y*x + sin(z[0]) - x + pi * e")));
  }

  @Test
  void functionAndConstantNames() {
    assertEquals(
        true,
        Expressions.functions()
            .containsAll(List.of("sin", "prod", "haversine", "hamming", "jaccard", "dice")));
    assertEquals(java.util.Set.of("pi", "e"), Expressions.constants());
  }
}
