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
    add("adadelta", "adadelta", Map.of());
    add("adadelta-rho-decay", "adadelta", Map.of("rho", 0.8, "eps", 1e-4, "weight_decay", 0.1));
    add("adamax", "adamax", Map.of());
    add(
        "adamax-maximize-decay",
        "adamax",
        Map.of("betas", List.of(0.8, 0.99), "weight_decay", 0.1, "maximize", true));
    add("asgd", "asgd", Map.of());
    add(
        "asgd-averaging",
        "asgd",
        Map.of("lambd", 0.01, "alpha", 0.5, "t0", 5.0, "weight_decay", 0.05));
    add("asgd-maximize", "asgd", Map.of("t0", 10.0, "maximize", true));
    add("radam", "radam", Map.of());
    add(
        "radam-weight-decay",
        "radam",
        Map.of("betas", List.of(0.8, 0.9), "weight_decay", 0.1, "eps", 1e-3));
    add("rprop", "rprop", Map.of());
    add(
        "rprop-maximize-etas",
        "rprop",
        Map.of("etas", List.of(0.3, 1.5), "step_sizes", List.of(1e-3, 0.5), "maximize", true));
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
          Map.entry("lbfgs-strong-wolfe", 1.0),
          Map.entry("adadelta", 1.0),
          Map.entry("adadelta-rho-decay", 1.0),
          Map.entry("adamax", 0.1),
          Map.entry("adamax-maximize-decay", 0.1),
          Map.entry("asgd", 0.05),
          Map.entry("asgd-averaging", 0.05),
          Map.entry("asgd-maximize", 0.01),
          Map.entry("radam", 0.1),
          Map.entry("radam-weight-decay", 0.1),
          Map.entry("rprop", 0.01),
          Map.entry("rprop-maximize-etas", 0.01));
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
          Map.entry("lbfgs-strong-wolfe", 1.0),
          Map.entry("adadelta", 1.0),
          Map.entry("adadelta-rho-decay", 1.0),
          Map.entry("adamax", 0.01),
          Map.entry("adamax-maximize-decay", 0.01),
          Map.entry("asgd", 2e-4),
          Map.entry("asgd-averaging", 2e-4),
          Map.entry("asgd-maximize", 1e-5),
          Map.entry("radam", 0.01),
          Map.entry("radam-weight-decay", 0.01),
          Map.entry("rprop", 1e-3),
          Map.entry("rprop-maximize-etas", 1e-3));

  /** The suffix of the rows that record ASGD's averaged point state["ax"] instead of θ. */
  static final String AVERAGED = ":ax";

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
    return read().entrySet().stream()
        .filter(e -> !e.getKey().contains(AVERAGED))
        .map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  static Stream<Arguments> averagedRuns() throws IOException {
    Map<String, List<double[]>> all = read();
    return all.entrySet().stream()
        .filter(e -> e.getKey().contains(AVERAGED))
        .map(e -> Arguments.of(e.getKey().replace(AVERAGED, ""), e.getValue()));
  }

  @org.junit.jupiter.api.Test
  void everyCaseHasRecordingsAndEveryRecordingACase() throws IOException {
    java.util.Set<String> recorded = new java.util.TreeSet<>();
    for (String run : read().keySet()) {
      recorded.add(run.substring(0, run.indexOf(' ')).replace(AVERAGED, ""));
    }
    assertEquals(new java.util.TreeSet<>(CASES.keySet()), recorded);
    assertEquals(4, averagedRuns().count(), "asgd-averaging and asgd-maximize, on both objectives");
  }

  /**
   * ASGD's averaged point against torch's state["ax"] after each step: the {@link
   * dev.gradus.spi.AveragedIterate} copy while averaging, and "no averaged point" exactly while
   * torch's ax is still a copy of θ (the recorded ax equals the recorded θ).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("averagedRuns")
  void averagedPointMatchesTorch(String run, List<double[]> expected) throws IOException {
    List<double[]> iterates = read().get(run);
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
    double[] ax = new double[2];
    OptimizerState state = optimizer.init(2);
    assertEquals(false, dev.gradus.spi.AveragedIterate.averagedPoint(optimizer, state, ax));
    int averagedSteps = 0;
    for (int k = 0; k < expected.size(); k++) {
      double value = f.evaluate(x, g);
      optimizer.step(x, value, g, lr, state, f);
      double[] want = expected.get(k);
      boolean torchAveraged = want[0] != iterates.get(k)[0] || want[1] != iterates.get(k)[1];
      java.util.Arrays.fill(ax, Double.NaN);
      boolean averaged = dev.gradus.spi.AveragedIterate.averagedPoint(optimizer, state, ax);
      if (!averaged) {
        assertEquals(false, torchAveraged, "step " + (k + 1) + ": torch's ax is an average");
        assertEquals(true, Double.isNaN(ax[0]) && Double.isNaN(ax[1]), "left unchanged");
        continue;
      }
      averagedSteps++;
      for (int i = 0; i < 2; i++) {
        if (!(Math.abs(ax[i] - want[i]) <= RELATIVE * Math.abs(want[i]))) {
          fail("step " + (k + 1) + ", ax[" + i + "]: got " + ax[i] + ", torch " + want[i]);
        }
      }
    }
    // t0 = 5 averages from step 8 on, t0 = 10 from step 13 on: 43 and 38 of 50 steps.
    assertEquals(name.equals("asgd-averaging") ? 43 : 38, averagedSteps);
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
