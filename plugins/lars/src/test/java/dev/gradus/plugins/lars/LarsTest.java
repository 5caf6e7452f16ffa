package dev.gradus.plugins.lars;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerState;
import dev.gradus.spi.ParameterBlock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each block moves by its own trust ratio; docs/plugins.md quotes this plugin as it is. */
class LarsTest {
  static final List<ParameterBlock> BLOCKS =
      List.of(ParameterBlock.matrix("W", 0, 2, 2), ParameterBlock.vector("b", 4, 2));

  static double norm(double[] v, int from, int to) {
    double s = 0;
    for (int i = from; i < to; i++) {
      s += v[i] * v[i];
    }
    return Math.sqrt(s);
  }

  @Test
  void theFirstStepMovesEachBlockByLrTimesEtaOfItsOwnNorm() {
    LarsProvider provider = new LarsProvider();
    Optimizer lars =
        provider.create(
            HyperParameters.resolve(provider, Map.of("lr", 0.5, "trust_coefficient", 0.01)));
    double[] x = {3, 0, 0, 4, 0.1, 0};
    double[] g = {1, 2, -2, 1, 100, -50};
    double[] before = x.clone();
    OptimizerState state = ((Lars) lars).init(6, BLOCKS);
    lars.step(x, 0, g.clone(), lars.learningRate(), state, (p, gr) -> 0);
    double[] moved = new double[6];
    for (int i = 0; i < 6; i++) {
      moved[i] = before[i] - x[i];
    }
    assertEquals(0.5 * 0.01 * 5, norm(moved, 0, 4), 1e-15, "W moves by γη‖W‖");
    assertEquals(0.5 * 0.01 * 0.1, norm(moved, 4, 6), 1e-15, "b moves by γη‖b‖");

    double[] flat = before.clone();
    lars.step(flat, 0, g.clone(), lars.learningRate(), lars.init(6), (p, gr) -> 0);
    assertTrue(Math.abs(flat[0] - x[0]) > 1e-6, "one flat block moves W otherwise");
  }

  @Test
  void docsPluginsMdQuotesThisCodeWhole() throws Exception {
    Path base = Path.of(System.getProperty("basedir", "."));
    String guide = Files.readString(base.resolve("../../docs/plugins.md"), StandardCharsets.UTF_8);
    for (String file : List.of("Lars.java", "LarsProvider.java")) {
      String source =
          Files.readString(
              base.resolve("src/main/java/dev/gradus/plugins/lars/" + file),
              StandardCharsets.UTF_8);
      assertTrue(
          guide.contains("```java\n" + source + "```"),
          "docs/plugins.md shows plugins/lars/.../" + file + " exactly as it is");
    }
  }
}
