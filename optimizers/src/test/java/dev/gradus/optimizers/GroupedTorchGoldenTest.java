package dev.gradus.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.gradus.spi.OptimizerState;
import dev.gradus.spi.ParameterBlock;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Parameter groups against torch 1.13 (src/test/resources/torch-golden/param_groups.py): a least
 * squares with blocks W [2, 3] and b [3], each case with a group that overrides some of the entry's
 * values, through clipping and a schedule where torch has them.
 */
class GroupedTorchGoldenTest {
  static final double RELATIVE = 1e-12;
  static final double[][] X = {{1.0, 2.0}, {-0.5, 1.5}, {2.0, -1.0}, {0.3, 0.7}};
  static final double[][] Y = {
    {1.0, 0.0, -1.0}, {0.5, 2.0, 0.0}, {-1.0, 1.0, 3.0}, {0.2, -0.4, 0.6}
  };
  static final List<ParameterBlock> BLOCKS =
      List.of(ParameterBlock.matrix("W", 0, 2, 3), ParameterBlock.vector("b", 6, 3));

  /** The gradient in the script's order of operations, so that both sides see the same bits. */
  static void gradient(double[] p, double[] g) {
    java.util.Arrays.fill(g, 0);
    int rows = X.length;
    for (int n = 0; n < rows; n++) {
      for (int j = 0; j < 3; j++) {
        double r = X[n][0] * p[j] + X[n][1] * p[3 + j] + p[6 + j] - Y[n][j];
        g[j] += X[n][0] * r / rows;
        g[3 + j] += X[n][1] * r / rows;
        g[6 + j] += r / rows;
      }
    }
  }

  static Map<String, Supplier<ComposedOptimizer>> cases() {
    Map<String, Supplier<ComposedOptimizer>> cases = new LinkedHashMap<>();
    cases.put(
        "adamw_bias_no_decay",
        () ->
            Optimizers.compose(
                Optimizers.grouped(
                    GroupedTest.create("adamw", Map.of("lr", 0.05, "weight_decay", 0.1)),
                    List.of(
                        new ParamGroup(
                            "b",
                            GroupedTest.create("adamw", Map.of("lr", 0.05, "weight_decay", 0.0))))),
                Schedule.constant(),
                GradientClip.none()));
    cases.put(
        "momentum_cosine_clipped",
        () ->
            Optimizers.compose(
                Optimizers.grouped(
                    GroupedTest.create(
                        "momentum", Map.of("lr", 0.05, "momentum", 0.9, "weight_decay", 0.01)),
                    List.of(
                        new ParamGroup(
                            "b",
                            GroupedTest.create(
                                "momentum",
                                Map.of("lr", 0.2, "momentum", 0.5, "weight_decay", 0.01))))),
                Schedule.cosine(25, 0.001),
                GradientClip.byNorm(0.5)));
    cases.put(
        "adam_step_decay",
        () ->
            Optimizers.compose(
                Optimizers.grouped(
                    GroupedTest.create("adam", Map.of("lr", 0.02)),
                    List.of(
                        new ParamGroup(
                            "W",
                            GroupedTest.create("adam", Map.of("lr", 0.1, "weight_decay", 0.05))))),
                Schedule.step(7, 0.5),
                GradientClip.none()));
    return cases;
  }

  static Map<String, List<double[]>> recorded() throws IOException {
    Map<String, List<double[]>> out = new LinkedHashMap<>();
    try (InputStream in =
        GroupedTorchGoldenTest.class.getResourceAsStream("/torch-golden/param_groups.csv")) {
      assertNotNull(in, "torch-golden/param_groups.csv is on the test class path");
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] f = line.split(",");
        List<double[]> steps = out.computeIfAbsent(f[0], k -> new ArrayList<>());
        assertEquals(steps.size(), Integer.parseInt(f[1]), line);
        double[] p = new double[9];
        for (int i = 0; i < 9; i++) {
          p[i] = Double.parseDouble(f[2 + i]);
        }
        steps.add(p);
      }
    }
    return out;
  }

  @Test
  void groupedRunsFollowTorchsParamGroups() throws IOException {
    Map<String, List<double[]>> torch = recorded();
    Map<String, Supplier<ComposedOptimizer>> cases = cases();
    assertEquals(cases.keySet(), torch.keySet());
    for (var c : cases.entrySet()) {
      List<double[]> expected = torch.get(c.getKey());
      ComposedOptimizer optimizer = c.getValue().get();
      double[] p = expected.get(0).clone();
      double[] g = new double[9];
      OptimizerState state = optimizer.init(9, BLOCKS);
      for (int step = 1; step < expected.size(); step++) {
        gradient(p, g);
        optimizer.step(p, Double.NaN, g, optimizer.learningRate(), state, (x, gr) -> 0);
        for (int i = 0; i < 9; i++) {
          double want = expected.get(step)[i];
          assertEquals(
              want,
              p[i],
              RELATIVE * Math.max(1e-3, Math.abs(want)),
              c.getKey() + " step " + step + " coordinate " + i);
        }
      }
    }
  }
}
