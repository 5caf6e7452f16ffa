package dev.gradus.graph;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's first graph example prints exactly what the README says it prints. */
class ReadmeExampleTest {

  static String runReadmeExample() {
    StringBuilder out = new StringBuilder();
    // --- the README's example, line for line (System.out.println replaced by out.append) ---
    Variable x = Variable.scalar("x", 1.0);
    Variable y = Variable.scalar("y", 2.0);
    Variable z = Variable.scalar("z", 3.0);
    Node g = x.add(y).mul(z).sin(); // g = sin((x + y)·z), computed as it is built

    g.backward();
    out.append("g     = " + g.item()).append('\n');
    out.append("dg/dx = " + x.gradItem()).append('\n');
    out.append("dg/dy = " + y.gradItem()).append('\n');
    out.append("dg/dz = " + z.gradItem()).append('\n');

    x.set(0.5); // new input, same graph: no rebuild
    g.forward().backward();
    out.append("g(0.5, 2, 3) = " + g.item() + ", dg/dz = " + z.gradItem()).append('\n');
    // --- end of the example ---
    return out.toString();
  }

  @Test
  void readmeShowsTheExamplesRealOutput() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    String output = runReadmeExample();
    assertTrue(
        readme.contains(output),
        "README.md must contain the example's output verbatim:\n" + output);
  }
}
