package dev.gradus.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/graph.md's sharpness example is this test's code (with {@code out.append(…)} for {@code
 * System.out.println(…)}), prints what the docs say, and agrees with the 2×2 closed form.
 */
class LanczosDocExampleTest {
  static String runExample() {
    StringBuilder out = new StringBuilder();
    // --- example ---
    Variable x = Variable.vector("x", -1.2, 1.0);
    Node a = x.slice(0, 0, 1);
    Node b = x.slice(0, 1, 2);
    Node f = Ops.constant(1).sub(a).square().add(Ops.constant(100).mul(b.sub(a.square()).square()));
    Graph rosenbrock = f.sum().graph();

    Lanczos lanczos = new Lanczos(rosenbrock.parameterCount(), 30, 1e-6, 1);
    Lanczos.Estimate e = lanczos.largestEigenvalue(rosenbrock::hessianVectorProduct);
    out.append("largest eigenvalue = " + e.eigenvalue()).append('\n');
    out.append("bound = " + e.residualBound() + ", products: " + e.products()).append('\n');
    // --- end ---
    return out.toString();
  }

  @Test
  void theDocsShowThisCodeAndItsOutput() throws IOException {
    String doc = Files.readString(Path.of("..", "docs", "graph.md"));
    String source =
        Files.readString(Path.of("src/test/java/dev/gradus/graph/LanczosDocExampleTest.java"));
    String code =
        source.substring(
            source.indexOf("// --- example ---\n") + "// --- example ---\n".length(),
            source.indexOf("    // --- end ---"));
    String shown =
        code.lines()
            .map(l -> l.startsWith("    ") ? l.substring(4) : l)
            .map(
                l ->
                    l.replaceAll(
                        "^out\\.append\\((.*)\\)\\.append\\('\\\\n'\\);$",
                        "System.out.println($1);"))
            .reduce("", (s, l) -> s + l + "\n");
    assertTrue(doc.contains(shown), "docs/graph.md must show the example:\n" + shown);
    String output = runExample();
    assertTrue(doc.contains(output), "docs/graph.md must show the output:\n" + output);
  }

  @Test
  void theExampleAgreesWithTheClosedForm() {
    // H at (−1.2, 1): [[2 − 400·1 + 1200·1.44, 480], [480, 200]] = [[1330, 480], [480, 200]]
    double expected = 765 + Math.hypot(565, 480);
    String first = runExample().lines().findFirst().orElseThrow();
    assertEquals(expected, Double.parseDouble(first.substring(first.indexOf('=') + 2)), 1e-9);
  }
}
