package dev.gradus.functions.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.graph.GradientCheck;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random well-formed expressions from a small generator: each comes with a Java lambda computing
 * the same function, so the compiled value is checked against an independent evaluation, and the
 * autodiff gradient against central differences.
 */
class ExpressionPropertiesTest {
  /** A point: scalars x, y and a vector v of length 3. */
  record Point(double x, double y, double[] v) {}

  /** Expression text with the function it denotes. */
  record Generated(String text, ToDoubleFunction<Point> f) {
    @Override
    public String toString() {
      return text;
    }
  }

  private static Arbitrary<Generated> leaf() {
    return Arbitraries.oneOf(
        Arbitraries.doubles()
            .between(0.1, 3)
            .ofScale(2)
            .map(c -> new Generated(Double.toString(c), p -> c)),
        Arbitraries.of(
            new Generated("x", Point::x),
            new Generated("y", Point::y),
            new Generated("v[0]", p -> p.v()[0]),
            new Generated("v[-1]", p -> p.v()[2]),
            new Generated("sum(v)", p -> p.v()[0] + p.v()[1] + p.v()[2]),
            new Generated("mean(v[1:])", p -> (p.v()[1] + p.v()[2]) / 2),
            new Generated("prod(v)", p -> p.v()[0] * p.v()[1] * p.v()[2]),
            new Generated(
                "norm(v)",
                p -> Math.sqrt(p.v()[0] * p.v()[0] + p.v()[1] * p.v()[1] + p.v()[2] * p.v()[2])),
            new Generated("sum(v[::-1] * v)", p -> 2 * p.v()[0] * p.v()[2] + p.v()[1] * p.v()[1]),
            new Generated("pi", p -> Math.PI)));
  }

  private static Arbitrary<Generated> expression(int depth) {
    if (depth == 0) {
      return leaf();
    }
    Arbitrary<Generated> inner = Arbitraries.lazy(() -> expression(depth - 1));
    Arbitrary<Generated> unary =
        Combinators.combine(Arbitraries.integers().between(0, 7), inner)
            .as(
                (kind, a) ->
                    switch (kind) {
                      case 0 -> new Generated("-(" + a.text + ")", p -> -a.f.applyAsDouble(p));
                      case 1 ->
                          new Generated("sin(" + a.text + ")", p -> Math.sin(a.f.applyAsDouble(p)));
                      case 2 ->
                          new Generated("cos(" + a.text + ")", p -> Math.cos(a.f.applyAsDouble(p)));
                      case 3 ->
                          new Generated(
                              "tanh(" + a.text + ")", p -> Math.tanh(a.f.applyAsDouble(p)));
                      case 4 ->
                          new Generated(
                              "sigmoid(" + a.text + ")",
                              p -> 1 / (1 + Math.exp(-a.f.applyAsDouble(p))));
                      case 5 ->
                          new Generated(
                              "log(1 + (" + a.text + ")^2)",
                              p -> Math.log(1 + Math.pow(a.f.applyAsDouble(p), 2)));
                      case 6 ->
                          new Generated(
                              "exp(-(" + a.text + ")^2)",
                              p -> Math.exp(-Math.pow(a.f.applyAsDouble(p), 2)));
                      default ->
                          new Generated(
                              "sqrt((" + a.text + ")^2 + 1)",
                              p -> Math.sqrt(Math.pow(a.f.applyAsDouble(p), 2) + 1));
                    });
    Arbitrary<Generated> binary =
        Combinators.combine(Arbitraries.integers().between(0, 4), inner, inner)
            .as(
                (kind, a, b) ->
                    switch (kind) {
                      case 0 ->
                          new Generated(
                              a.text + " + " + b.text,
                              p -> a.f.applyAsDouble(p) + b.f.applyAsDouble(p));
                      case 1 ->
                          new Generated(
                              a.text + " - (" + b.text + ")",
                              p -> a.f.applyAsDouble(p) - b.f.applyAsDouble(p));
                      case 2 ->
                          new Generated(
                              "(" + a.text + ") * (" + b.text + ")",
                              p -> a.f.applyAsDouble(p) * b.f.applyAsDouble(p));
                      case 3 ->
                          new Generated(
                              "(" + a.text + ") / (1 + (" + b.text + ")^2)",
                              p -> a.f.applyAsDouble(p) / (1 + Math.pow(b.f.applyAsDouble(p), 2)));
                      default ->
                          new Generated(
                              "(" + a.text + ")^2 * 0.5",
                              p -> Math.pow(a.f.applyAsDouble(p), 2) * 0.5);
                    });
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(2, leaf()),
        net.jqwik.api.Tuple.of(3, unary),
        net.jqwik.api.Tuple.of(3, binary));
  }

  @Provide
  Arbitrary<Generated> expressions() {
    return expression(4);
  }

  @Provide
  Arbitrary<Point> points() {
    Arbitrary<Double> coordinate = Arbitraries.doubles().between(-2, 2);
    return Combinators.combine(coordinate, coordinate, coordinate.array(double[].class).ofSize(3))
        .as(Point::new);
  }

  @Property(tries = 300)
  void compiledExpressionsMatchTheirMeaningAndTheirGradientsMatchCentralDifferences(
      @ForAll("expressions") Generated expression, @ForAll("points") Point point) {
    Map<String, double[]> at = new LinkedHashMap<>();
    at.put("x", new double[] {point.x()});
    at.put("y", new double[] {point.y()});
    at.put("v", point.v().clone());
    var evaluation = Expressions.evaluate(expression.text(), at);
    double expected = expression.f().applyAsDouble(point);
    Assume.that(Double.isFinite(expected) && Math.abs(expected) < 1e6);
    assertEquals(expected, evaluation.value(), 1e-9 * Math.max(1, Math.abs(expected)));
    // Where the gradient is not finite (norm(v) at v = 0 has none), there is nothing to compare.
    Assume.that(
        evaluation.gradients().values().stream()
            .flatMapToDouble(java.util.Arrays::stream)
            .allMatch(Double::isFinite));
    if (!evaluation.graph().variables().isEmpty()) {
      GradientCheck.Report report = GradientCheck.check(evaluation.graph(), 1e-5);
      assertTrue(report.passed(), expression.text() + ": " + report);
    }
  }

  @Property(tries = 200)
  void parsingIsDeterministicAndFreeVariablesAreKnown(@ForAll("expressions") Generated expression) {
    Expr first = Expressions.parse(expression.text());
    assertEquals(first, Expressions.parse(expression.text()));
    assertTrue(
        java.util.List.of("x", "y", "v").containsAll(Expressions.freeVariables(first)),
        expression.text());
  }
}
