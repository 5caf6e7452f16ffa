package dev.gradus.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.graph.GradientCheck;
import dev.gradus.graph.Node;
import dev.gradus.graph.Tensor;
import dev.gradus.graph.Variable;
import dev.gradus.spi.GraphObjective;
import dev.gradus.spi.HessianMethod;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/graph.md's custom operation is {@link Softplus}, byte for byte (the block whose first line
 * names this file), compiled here outside {@code dev.gradus.graph}, as a plugin is; what the docs
 * say it prints is what it prints; its rules pass {@link GradientCheck#checkOperation}, which fails
 * a wrong one.
 */
class CustomOperationDocTest {
  private static final String SOURCE = "graph-core/src/test/java/dev/gradus/examples/Softplus.java";

  private static String graphDoc() throws IOException {
    return Files.readString(Path.of("..", "docs", "graph.md"), StandardCharsets.UTF_8);
  }

  @Test
  void theDocsShowThisFileByteForByte() throws IOException {
    String doc = graphDoc();
    String marker = "```java\n// File: " + SOURCE + "\n";
    int start = doc.indexOf(marker);
    assertTrue(start >= 0, "docs/graph.md has no java block starting // File: " + SOURCE);
    int from = start + "```java\n".length();
    int end = doc.indexOf("```\n", from);
    String block = doc.substring(from, end);
    String file = Files.readString(Path.of("..", SOURCE), StandardCharsets.UTF_8);
    assertEquals(file, block, "the docs' block and " + SOURCE + " differ");
  }

  @Test
  void theDocsShowTheExamplesRealOutput() throws IOException {
    String output = Softplus.example();
    assertTrue(
        graphDoc().contains("```\n" + output + "```\n"),
        "docs/graph.md must show the example's output verbatim:\n" + output);
  }

  /** f = Σ φ(xᵢ)² has H = diag(2φ'² + 2φφ''), φ' = σ, φ'' = σ(1 − σ): by hand, through the SPI. */
  @Test
  void aGraphObjectiveUsingItGetsExactHessianVectorProducts() {
    GraphObjective f =
        new GraphObjective(3) {
          @Override
          protected Node build(Variable x) {
            return new Softplus().apply(x).square().sum();
          }
        };
    assertEquals(HessianMethod.AUTODIFF, f.hessianMethod());
    double[] x = {-1, 0.5, 2};
    double[] v = {0.3, -1, 2};
    double[] hv = new double[3];
    f.hessianVectorProduct(x, v, hv);
    for (int i = 0; i < 3; i++) {
      double phi = Math.log1p(Math.exp(x[i]));
      double s = 1 / (1 + Math.exp(-x[i]));
      assertEquals((2 * s * s + 2 * phi * s * (1 - s)) * v[i], hv[i], 1e-15, "coordinate " + i);
    }
  }

  @Test
  void theCheckPassesTheRulesAndFailsAWrongOne() {
    Tensor at = Tensor.of(new int[] {2, 2}, new double[] {-1.5, 0.3, 2.2, -0.4});
    GradientCheck.OperationReport right = GradientCheck.checkOperation(new Softplus(), 1e-6, 1, at);
    assertTrue(right.passed(), right::toString);

    // backwardTangent without its curvature term φ''·ẋ·g: only the third check can see it
    GradientCheck.OperationReport flat =
        GradientCheck.checkOperation(
            new Softplus() {
              @Override
              protected void backwardTangent(Operands o) {
                double[] gxt = o.inputGradTangent(0);
                double[] x = o.input(0);
                for (int i = 0; i < gxt.length; i++) {
                  gxt[i] += o.gradTangent()[i] / (1 + Math.exp(-x[i]));
                }
              }
            },
            1e-6,
            1,
            at);
    assertTrue(flat.gradient().passed() && flat.jacobianVectorProduct().passed(), flat::toString);
    assertFalse(flat.hessianVectorProduct().passed(), flat::toString);

    // a tangent rule with the wrong slope
    GradientCheck.OperationReport steep =
        GradientCheck.checkOperation(
            new Softplus() {
              @Override
              protected void tangent(Operands o) {
                for (int i = 0; i < o.tangent().length; i++) {
                  o.tangent()[i] = 2 * o.inputTangent(0)[i];
                }
              }
            },
            1e-6,
            1,
            at);
    assertFalse(steep.jacobianVectorProduct().passed(), steep::toString);
    assertTrue(steep.gradient().passed(), steep::toString);
  }

  @Test
  void applyChecksItsInputs() {
    IllegalArgumentException none =
        assertThrows(IllegalArgumentException.class, () -> new Softplus().apply());
    assertEquals("softplus: a custom operation needs at least one input", none.getMessage());
    IllegalArgumentException two =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Softplus().apply(Variable.scalar("a", 1), Variable.scalar("b", 2)));
    assertEquals("softplus takes one tensor, got 2", two.getMessage());
    Node y = new Softplus().apply(Variable.vector("x", 0, 1));
    assertEquals("softplus", y.op());
    assertArrayEquals(new double[] {Math.log(2), Math.log1p(Math.E)}, y.value().toArray(), 1e-15);
  }
}
