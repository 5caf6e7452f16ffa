package dev.gradus.functions.expression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.graph.GradientCheck;
import dev.gradus.spi.Domain;
import dev.gradus.spi.KnownMinimum;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExpressionObjectiveTest {
  @Test
  void scalarVariablesInOrderOfFirstAppearance() {
    ExpressionObjective bowl = ExpressionObjective.of("bowl", "10*(y + 1)^2 + (x - 3)^2");
    assertEquals(2, bowl.dimension());
    assertEquals(List.of("y", "x"), bowl.parameterNames());
    // At (y, x) = (0, 1): 10 + 4 = 14; gradient (20(y + 1), 2(x − 3)) = (20, −4).
    double[] gradient = new double[2];
    assertEquals(14.0, bowl.valueAndGradient(new double[] {0, 1}, gradient));
    assertArrayEquals(new double[] {20, -4}, gradient);
    assertEquals(Optional.empty(), bowl.knownMinimum());
    assertEquals(Optional.empty(), bowl.defaultStart());
    assertEquals("bowl", bowl.name());
    assertEquals("10*(y + 1)^2 + (x - 3)^2", bowl.expression());
  }

  @Test
  void declaredVariablesComeFirstAndStartListsMakeVectors() {
    ExpressionObjective objective =
        ExpressionObjective.builder("mixed", "s * sum(v^2) + t + sum(w)")
            .scalar("t")
            .vector("w", 2)
            .startVector("v", 1, 2, 3)
            .start("s", 0.5)
            .start("t", -1)
            .startVector("w", 4, 5)
            .knownMinimum(KnownMinimum.at(0, new double[7]))
            .domain(Domain.cube(7, -10, 10))
            .build();
    assertEquals(
        List.of("t", "w[0]", "w[1]", "s", "v[0]", "v[1]", "v[2]"), objective.parameterNames());
    assertEquals(Map.of("t", 1, "w", 2, "s", 1, "v", 3), objective.variables());
    assertArrayEquals(
        new double[] {-1, 4, 5, 0.5, 1, 2, 3}, objective.defaultStart().orElseThrow());
    // f = s·Σv² + t + Σw = 0.5·14 − 1 + 9 = 15 at the start.
    double[] start = objective.defaultStart().orElseThrow();
    assertEquals(15.0, objective.value(start));
    double[] gradient = new double[7];
    objective.valueAndGradient(start, gradient);
    // ∂/∂t = 1, ∂/∂w = 1, ∂/∂s = Σv² = 14, ∂/∂v = 2sv = v.
    assertArrayEquals(new double[] {1, 1, 1, 14, 1, 2, 3}, gradient);
    assertTrue(
        GradientCheck.check(objective::value, start, gradient, GradientCheck.DEFAULT_TOLERANCE)
            .passed());
    assertTrue(objective.knownMinimum().isPresent());
    assertEquals(7, objective.domain().orElseThrow().dimension());
  }

  @Test
  void aSizeOfOneFromYamlIsAScalar() {
    ExpressionObjective objective =
        ExpressionObjective.builder("f", "a * sum(b)").variable("a", 1).variable("b", 3).build();
    assertEquals(List.of("a", "b[0]", "b[1]", "b[2]"), objective.parameterNames());
  }

  @Test
  void definitionErrors() {
    assertEquals(
        "f: variable 'zeta' is declared but does not appear in the expression",
        assertThrows(
                IllegalArgumentException.class,
                () -> ExpressionObjective.builder("f", "x + y").scalar("zeta").build())
            .getMessage());
    assertEquals(
        "f: variable 'xx' is given a start value but does not appear in the expression"
            + " (did you mean 'x'?)",
        assertThrows(
                IllegalArgumentException.class,
                () -> ExpressionObjective.builder("f", "x + y").start("xx", 1).build())
            .getMessage());
    assertEquals(
        "f: start gives no value for variable 'y'",
        assertThrows(
                IllegalArgumentException.class,
                () -> ExpressionObjective.builder("f", "x + y").start("x", 1).build())
            .getMessage());
    assertEquals(
        "f: start of 'v' has 2 values, but the variable has size 3",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    ExpressionObjective.builder("f", "sum(v)")
                        .vector("v", 3)
                        .startVector("v", 1, 2)
                        .build())
            .getMessage());
    assertEquals(
        "f: known minimizer has 3 coordinates, but the parameters are [x, y]",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    ExpressionObjective.builder("f", "x + y")
                        .knownMinimum(KnownMinimum.at(0, new double[3]))
                        .build())
            .getMessage());
    assertEquals(
        "f: domain has dimension 1, but the parameters are [x, y]",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    ExpressionObjective.builder("f", "x + y").domain(Domain.cube(1, 0, 1)).build())
            .getMessage());
    assertEquals(
        "f: the expression '1 + 2' has no variables to optimise",
        assertThrows(IllegalArgumentException.class, () -> ExpressionObjective.of("f", "1 + 2"))
            .getMessage());
    assertEquals(
        "f: vector 'v' needs a size of at least 1, got 0",
        assertThrows(
                IllegalArgumentException.class,
                () -> ExpressionObjective.builder("f", "sum(v)").vector("v", 0))
            .getMessage());
  }

  @Test
  void expressionErrorsSurfaceAtConstruction() {
    ExpressionException parse =
        assertThrows(ExpressionException.class, () -> ExpressionObjective.of("f", "sin(x"));
    assertEquals("column 6: expected ')'", parse.getMessage());
    ExpressionException vector =
        assertThrows(
            ExpressionException.class,
            () -> ExpressionObjective.builder("f", "x * 2").vector("x", 3).build());
    assertTrue(vector.getMessage().contains("must be a single number"), vector.getMessage());
    ExpressionException functionName =
        assertThrows(ExpressionException.class, () -> ExpressionObjective.of("f", "x + sum"));
    assertEquals("column 5: 'sum' is a function: call it as sum(x)", functionName.getMessage());
    ExpressionException scalarIndex =
        assertThrows(ExpressionException.class, () -> ExpressionObjective.of("f", "x[1]"));
    assertEquals(
        "column 2: cannot index a scalar: only vectors have elements", scalarIndex.getMessage());
  }

  @Test
  void pointsOfTheWrongLengthAreRejected() {
    ExpressionObjective objective = ExpressionObjective.of("f", "x + y");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> objective.value(new double[3]));
    assertTrue(e.getMessage().contains("point has 3 coordinates"), e.getMessage());
  }
}
