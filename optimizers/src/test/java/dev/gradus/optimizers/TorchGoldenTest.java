package dev.gradus.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import dev.gradus.spi.Evaluator;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerProvider;
import dev.gradus.spi.OptimizerState;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Trajectories recorded from real torch.optim (see src/test/resources/torch-golden/README.md), fed
 * the same gradients bit for bit. torch evaluates some updates in another order (its Adam and NAdam
 * divide by √(1 − β₂ᵗ) separately, for instance), so agreement is to rounding, not to the bit.
 */
class TorchGoldenTest {
  static final double RELATIVE = 1e-12;

  /** The case names of generate.py, as our ids and hyperparameters (lr added per objective). */
  static final Map<String, Map<String, Object>> CASES = new LinkedHashMap<>();

  static final Map<String, String> IDS = new HashMap<>();

  static {
    add("gd", "gd", Map.of());
    add("momentum-nesterov", "momentum", Map.of("momentum", 0.9, "nesterov", true));
    add("momentum-dampening", "momentum", Map.of("momentum", 0.8, "dampening", 0.3));
    add("adam-amsgrad", "adam", Map.of("amsgrad", true, "betas", List.of(0.8, 0.99)));
    add("adam-weight-decay", "adam", Map.of("weight_decay", 0.1, "eps", 1e-3));
    add("adamw", "adamw", Map.of());
    add("rmsprop-centered-momentum", "rmsprop", Map.of("centered", true, "momentum", 0.5));
    add("adagrad-decay", "adagrad", Map.of("lr_decay", 0.01, "initial_accumulator_value", 0.5));
    add("lbfgs", "lbfgs", Map.of("history_size", 3, "max_iter", 4));
    add("lbfgs-strong-wolfe", "lbfgs", Map.of("line_search", "strong_wolfe"));
  }

  static void add(String name, String id, Map<String, Object> params) {
    CASES.put(name, params);
    IDS.put(name, id);
  }

  static final Map<String, Double> LR_QUADRATIC =
      Map.ofEntries(
          Map.entry("gd", 0.05),
          Map.entry("momentum-nesterov", 0.02),
          Map.entry("momentum-dampening", 0.02),
          Map.entry("adam-amsgrad", 0.1),
          Map.entry("adam-weight-decay", 0.1),
          Map.entry("adamw", 0.1),
          Map.entry("rmsprop-centered-momentum", 0.01),
          Map.entry("adagrad-decay", 0.1),
          Map.entry("lbfgs", 0.5),
          Map.entry("lbfgs-strong-wolfe", 1.0));
  static final Map<String, Double> LR_ROSENBROCK =
      Map.ofEntries(
          Map.entry("gd", 2e-4),
          Map.entry("momentum-nesterov", 1e-4),
          Map.entry("momentum-dampening", 1e-4),
          Map.entry("adam-amsgrad", 0.01),
          Map.entry("adam-weight-decay", 0.01),
          Map.entry("adamw", 0.01),
          Map.entry("rmsprop-centered-momentum", 1e-3),
          Map.entry("adagrad-decay", 0.05),
          Map.entry("lbfgs", 1e-3),
          Map.entry("lbfgs-strong-wolfe", 1.0));

  /** (case, objective) → rows of (x, y), one per step. */
  static Map<String, List<double[]>> read() throws IOException {
    Map<String, List<double[]>> runs = new LinkedHashMap<>();
    try (InputStream in =
        TorchGoldenTest.class.getResourceAsStream("/torch-golden/trajectories.csv")) {
      assertNotNull(in, "torch-golden/trajectories.csv is on the test class path");
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] f = line.split(",");
        List<double[]> rows = runs.computeIfAbsent(f[0] + " " + f[1], k -> new ArrayList<>());
        assertEquals(rows.size() + 1, Integer.parseInt(f[2]), line);
        rows.add(new double[] {Double.parseDouble(f[3]), Double.parseDouble(f[4])});
      }
    }
    return runs;
  }

  static Stream<Arguments> runs() throws IOException {
    return read().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("runs")
  void matchesTorch(String run, List<double[]> expected) {
    String name = run.substring(0, run.indexOf(' '));
    boolean quadratic = run.endsWith("quadratic");
    Evaluator f = quadratic ? GoldenTrajectoryTest.QUADRATIC : GoldenTrajectoryTest.ROSENBROCK;
    double lr = (quadratic ? LR_QUADRATIC : LR_ROSENBROCK).get(name);
    Map<String, Object> params = new HashMap<>(CASES.get(name));
    params.put("lr", lr);
    OptimizerProvider provider = StateRestoreTest.REGISTRY.require(IDS.get(name));
    Optimizer optimizer = provider.create(HyperParameters.resolve(provider, params));
    double[] x = quadratic ? new double[] {2, -1.5} : new double[] {-1.5, 2};
    double[] g = new double[2];
    OptimizerState state = optimizer.init(2);
    for (int k = 0; k < expected.size(); k++) {
      double value = f.evaluate(x, g);
      optimizer.step(x, value, g, lr, state, f);
      for (int i = 0; i < 2; i++) {
        double want = expected.get(k)[i];
        if (!(Math.abs(x[i] - want) <= RELATIVE * Math.abs(want))) {
          fail("step " + (k + 1) + ", coordinate " + i + ": got " + x[i] + ", torch " + want);
        }
      }
    }
  }
}
