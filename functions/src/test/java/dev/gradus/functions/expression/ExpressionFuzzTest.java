package dev.gradus.functions.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.gradus.graph.Node;
import dev.gradus.graph.Tensor;
import dev.gradus.graph.Variable;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Arbitrary text through the expression parser, compiler and evaluator. The only allowed failure is
 * an {@link IllegalArgumentException} (ExpressionException, ShapeMismatchException) with a message;
 * anything else, or a hang, is a finding.
 *
 * <p>Without {@code JAZZER_FUZZ} this runs the seed inputs under {@code
 * ExpressionFuzzTestInputs/parseCompileEvaluate/} as a regression test; see docs/reliability.md.
 */
class ExpressionFuzzTest {
  /** Longer texts add nothing the fuzzer cannot reach with short ones, and keep runs fast. */
  private static final int MAX_TEXT = 2_000;

  private static final Map<String, double[]> POINT = new LinkedHashMap<>();

  static {
    POINT.put("x", new double[] {0.7});
    POINT.put("y", new double[] {1.5, -2.0, 0.25});
    POINT.put("z", new double[] {0.0});
  }

  @FuzzTest(maxDuration = "3m")
  void parseCompileEvaluate(byte[] input) {
    String text = new String(input, 0, Math.min(input.length, MAX_TEXT), StandardCharsets.UTF_8);
    Expr expr;
    try {
      expr = Expressions.parse(text);
    } catch (IllegalArgumentException e) {
      requireMessage(e);
      return;
    }
    assertNotNull(expr.position());
    List<String> free = Expressions.freeVariables(expr);
    Map<String, Node> vectors = new LinkedHashMap<>();
    for (String name : free) {
      vectors.put(name, Variable.of(name, Tensor.vector(1.0, -0.5)));
    }
    try {
      Node out = Expressions.compile(expr, vectors);
      assertNotNull(out.value());
    } catch (IllegalArgumentException e) {
      requireMessage(e);
    }
    try {
      Expressions.Evaluation evaluation = Expressions.evaluate(text, POINT);
      assertEquals(POINT.keySet(), evaluation.gradients().keySet());
      POINT.forEach(
          (name, value) -> assertEquals(value.length, evaluation.gradient(name).length, name));
    } catch (IllegalArgumentException e) {
      requireMessage(e);
    }
  }

  private static void requireMessage(IllegalArgumentException e) {
    assertNotNull(e.getMessage(), () -> "no message: " + e);
    assertFalse(e.getMessage().isBlank(), () -> "blank message: " + e);
  }
}
