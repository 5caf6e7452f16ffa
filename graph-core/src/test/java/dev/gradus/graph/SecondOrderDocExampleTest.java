package dev.gradus.graph;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** docs/graph.md's second-order example prints exactly what the docs say it prints. */
class SecondOrderDocExampleTest {

  static String runExample() {
    StringBuilder out = new StringBuilder();
    // --- the docs' example, line for line (System.out.println replaced by out.append) ---
    Variable x = Variable.scalar("x", 1.0);
    Variable y = Variable.scalar("y", 2.0);
    Variable z = Variable.scalar("z", 3.0);
    Graph graph = x.add(y).mul(z).sin().graph(); // g = sin((x + y)·z)

    double[] hv = new double[graph.parameterCount()]; // 3: x, y, z
    graph.hessianVectorProduct(new double[] {0, 0, 1}, hv);
    out.append("H·e_z  = " + Arrays.toString(hv)).append('\n');
    out.append("dg/dz  = " + z.gradItem()).append('\n'); // the pass leaves the gradient too

    double[] jv = new double[1];
    graph.jacobianVectorProduct(new double[] {1, 1, 0}, jv);
    out.append("dg along (1, 1, 0) = " + jv[0]).append('\n');

    double[][] h = graph.hessian(); // n products, one per column
    out.append("H[0]   = " + Arrays.toString(h[0])).append('\n');
    // --- end of the example ---
    return out.toString();
  }

  @Test
  void docsShowTheExamplesRealOutput() throws IOException {
    String doc = Files.readString(Path.of("..", "docs", "graph.md"));
    String output = runExample();
    assertTrue(
        doc.contains(output),
        "docs/graph.md must contain the example's output verbatim:\n" + output);
  }
}
