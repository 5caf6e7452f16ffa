package dev.gradus.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.MomentumAware;
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
import java.util.function.LongToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The later schedules and options against torch 1.13 (the part of torch-golden/schedules.csv after
 * "# from here on", written by schedules.py): rates and cycled momenta (β₁ for Adam) of ConstantLR,
 * LambdaLR, MultiplicativeLR, CyclicLR, ChainedScheduler and OneCycleLR; ReduceLROnPlateau driven
 * by a recorded loss through {@link Optimizers#compose}; and trajectories of optimizers whose
 * momentum a one_cycle or cyclic schedule cycles.
 */
class TorchScheduleMoreGoldenTest {
  static final double BASE = 0.1;
  static final double RELATIVE = 1e-12;

  /** The expressions the YAML below uses, compiled by hand (the runner compiles real ones). */
  static final Map<String, LongToDoubleFunction> EXPRESSIONS =
      Map.of("0.95^t", t -> Math.pow(0.95, t), "0.9 + 0.001*t", t -> 0.9 + 0.001 * t);

  static final Map<String, Object> YAML =
      Map.ofEntries(
          Map.entry("constant_lr", Map.of("constant", Map.of())),
          Map.entry(
              "constant_lr_half", Map.of("constant", Map.of("factor", 0.5, "total_iters", 12))),
          Map.entry("lambda", Map.of("lambda", "0.95^t")),
          Map.entry(
              "multiplicative", Map.of("multiplicative", Map.of("lr_lambda", "0.9 + 0.001*t"))),
          Map.entry(
              "cyclic_triangular",
              Map.of("cyclic", Map.of("base_lr", 0.01, "max_lr", 0.1, "step_size_up", 7))),
          Map.entry(
              "cyclic_triangular2",
              Map.of(
                  "cyclic",
                  Map.of(
                      "base_lr", 0.01,
                      "max_lr", 0.1,
                      "step_size_up", 5,
                      "step_size_down", 8,
                      "mode", "triangular2",
                      "base_momentum", 0.7,
                      "max_momentum", 0.95))),
          Map.entry(
              "cyclic_exp_range",
              Map.of(
                  "cyclic",
                  Map.of(
                      "base_lr",
                      0.01,
                      "max_lr",
                      0.1,
                      "step_size_up",
                      6,
                      "mode",
                      "exp_range",
                      "gamma",
                      0.97))),
          Map.entry(
              "cyclic_no_momentum",
              Map.of(
                  "cyclic",
                  Map.of(
                      "base_lr", 0.01, "max_lr", 0.1, "step_size_up", 9, "cycle_momentum", false))),
          Map.entry("one_cycle_adam", Map.of("one_cycle", Map.of("max_lr", 1, "total_steps", 60))),
          Map.entry(
              "one_cycle_adam_three_phase",
              Map.of(
                  "one_cycle",
                  Map.of(
                      "max_lr",
                      1,
                      "total_steps",
                      60,
                      "three_phase",
                      true,
                      "base_momentum",
                      0.8,
                      "max_momentum",
                      0.9))),
          Map.entry(
              "chained",
              Map.of(
                  "chained",
                  Map.of(
                      "schedulers",
                      List.of(
                          Map.of("constant", Map.of("factor", 0.5, "total_iters", 4)),
                          Map.of("exponential", Map.of("gamma", 0.97)),
                          Map.of("step", Map.of("step_size", 10, "gamma", 0.5)),
                          Map.of("linear", Map.of("start_factor", 0.2, "total_iters", 8)),
                          Map.of("multistep", Map.of("milestones", List.of(20, 40), "gamma", 0.7)),
                          Map.of("polynomial", Map.of("total_iters", 50, "power", 1.5)))))));

  /** ReduceLROnPlateau cases: YAML and whether torch was stepped with −loss (mode max). */
  static final Map<String, Map<String, Object>> PLATEAU =
      Map.of(
          "plateau_min_rel", Map.of("patience", 2),
          "plateau_min_abs",
              Map.of("threshold_mode", "abs", "threshold", 0.05, "patience", 1, "factor", 0.5),
          "plateau_max_rel", Map.of("mode", "max", "patience", 3, "factor", 0.3, "threshold", 1e-3),
          "plateau_max_abs_cooldown",
              Map.of(
                  "mode",
                  "max",
                  "threshold_mode",
                  "abs",
                  "threshold",
                  0.0,
                  "patience",
                  1,
                  "factor",
                  0.5,
                  "cooldown",
                  3),
          "plateau_min_lr", Map.of("patience", 0, "factor", 0.5, "min_lr", 0.02),
          "plateau_eps", Map.of("patience", 0, "factor", 0.9, "min_lr", 0.0, "eps", 0.004));

  /** Trajectory cases: optimizer id, hyperparameters and schedule, as in schedules.py. */
  record Run(String id, Map<String, Object> hyper, Object schedule) {}

  static final Map<String, Run> TRAJECTORIES =
      Map.of(
          "traj_one_cycle_gd",
          new Run(
              "gd",
              Map.of("lr", 0.01),
              Map.of("one_cycle", Map.of("max_lr", 0.1, "total_steps", 60))),
          "traj_one_cycle_sgd_nesterov",
          new Run(
              "momentum",
              Map.of("lr", 0.01, "momentum", 0.9, "nesterov", true),
              Map.of("one_cycle", Map.of("max_lr", 0.05, "total_steps", 60, "three_phase", true))),
          "traj_one_cycle_rmsprop",
          new Run(
              "rmsprop",
              Map.of("lr", 0.01),
              Map.of("one_cycle", Map.of("max_lr", 0.05, "total_steps", 60))),
          "traj_one_cycle_adam",
          new Run(
              "adam",
              Map.of("lr", 0.01),
              Map.of("one_cycle", Map.of("max_lr", 0.3, "total_steps", 60))),
          "traj_one_cycle_adamw",
          new Run(
              "adamw",
              Map.of("lr", 0.01),
              Map.of(
                  "one_cycle",
                  Map.of("max_lr", 0.3, "total_steps", 60, "anneal_strategy", "linear"))),
          "traj_cyclic_sgd",
          new Run(
              "momentum",
              Map.of("lr", 0.01, "momentum", 0.5, "dampening", 0.1),
              Map.of(
                  "cyclic",
                  Map.of(
                      "base_lr",
                      0.001,
                      "max_lr",
                      0.05,
                      "step_size_up",
                      10,
                      "mode",
                      "triangular2"))));

  static Map<String, List<Double>> series() throws IOException {
    Map<String, List<Double>> series = new LinkedHashMap<>();
    try (InputStream in =
        TorchScheduleMoreGoldenTest.class.getResourceAsStream("/torch-golden/schedules.csv")) {
      assertNotNull(in, "torch-golden/schedules.csv is on the test class path");
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      boolean later = false;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.startsWith("# from here on")) {
          later = true;
        }
        if (!later || line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] f = line.split(",");
        List<Double> list = series.computeIfAbsent(f[0], k -> new ArrayList<>());
        assertEquals(list.size(), Integer.parseInt(f[1]), line);
        list.add(Double.parseDouble(f[2]));
      }
    }
    return series;
  }

  static Schedule parse(Object yaml) {
    return Schedule.parse(
        yaml,
        text -> {
          LongToDoubleFunction f = EXPRESSIONS.get(text);
          assertNotNull(f, text);
          return f;
        });
  }

  static void assertClose(double want, double got, String what) {
    assertTrue(
        Math.abs(got - want) <= RELATIVE * Math.abs(want),
        what + ": got " + got + ", torch " + want);
  }

  static Stream<Arguments> schedules() throws IOException {
    Map<String, List<Double>> all = series();
    for (String name : YAML.keySet()) {
      assertTrue(all.containsKey(name), name + " is recorded");
    }
    return YAML.keySet().stream()
        .sorted()
        .map(name -> Arguments.of(name, all.get(name), all.get(name + ".momentum")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schedules")
  void ratesAndMomentaMatchTorch(String name, List<Double> rates, List<Double> momenta) {
    Schedule schedule = parse(YAML.get(name));
    assertEquals(momenta != null, schedule.cyclesMomentum(), name + " cycles momentum");
    for (int step = 0; step < rates.size(); step++) {
      assertClose(rates.get(step), schedule.lr(step, BASE), name + " lr at step " + step);
      if (momenta != null) {
        assertClose(
            momenta.get(step), schedule.momentum(step, 0.5), name + " momentum at step " + step);
      }
    }
  }

  static Stream<Arguments> plateaus() throws IOException {
    Map<String, List<Double>> all = series();
    List<Double> loss = all.get("plateau_loss");
    assertNotNull(loss);
    return PLATEAU.keySet().stream().sorted().map(n -> Arguments.of(n, all.get(n), loss));
  }

  /** A gd whose rate is recorded, to see the rate the composition passes at each step. */
  static class Recording implements Optimizer {
    final List<Double> rates = new ArrayList<>();
    final List<Double> momenta = new ArrayList<>();

    @Override
    public String id() {
      return "recording";
    }

    @Override
    public double learningRate() {
      return BASE;
    }

    @Override
    public OptimizerState init(int dimension) {
      return new OptimizerState() {
        @Override
        public int dimension() {
          return dimension;
        }

        @Override
        public dev.gradus.spi.StateSnapshot snapshot() {
          return new dev.gradus.spi.StateSnapshot("recording", dimension, Map.of(), Map.of());
        }
      };
    }

    @Override
    public void step(
        double[] params,
        double value,
        double[] gradient,
        double lr,
        OptimizerState state,
        dev.gradus.spi.Evaluator objective) {
      rates.add(lr);
    }

    @Override
    public OptimizerState restore(dev.gradus.spi.StateSnapshot snapshot, int dimension) {
      return init(dimension);
    }
  }

  /** {@link Recording} with a β₁ of 0.9 that a schedule may replace. */
  static final class RecordingMomentum extends Recording implements MomentumAware {
    @Override
    public double momentum() {
      return 0.9;
    }

    @Override
    public void step(
        double[] params,
        double value,
        double[] gradient,
        double lr,
        double momentum,
        OptimizerState state,
        dev.gradus.spi.Evaluator objective) {
      rates.add(lr);
      momenta.add(momentum);
    }

    @Override
    public void step(
        double[] params,
        double value,
        double[] gradient,
        double lr,
        OptimizerState state,
        dev.gradus.spi.Evaluator objective) {
      MomentumAware.super.step(params, value, gradient, lr, state, objective);
    }
  }

  /**
   * torch's loop: loss at x_t, optimizer.step() with the current rate, scheduler.step(loss). The
   * rate the runner records (nextLearningRate) and the one the inner optimizer gets must both be
   * torch's.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("plateaus")
  void reduceOnPlateauMatchesTorch(String name, List<Double> rates, List<Double> loss) {
    Map<String, Object> keys = PLATEAU.get(name);
    boolean negate = "max".equals(keys.get("mode"));
    Recording inner = new Recording();
    ComposedOptimizer composed =
        Optimizers.compose(
            inner, Schedule.parse(Map.of("reduce_on_plateau", keys)), GradientClip.none());
    OptimizerState state = composed.init(1);
    double[] x = {0};
    for (int step = 0; step < loss.size(); step++) {
      assertClose(rates.get(step), composed.nextLearningRate(state), name + " at step " + step);
      double value = negate ? -loss.get(step) : loss.get(step);
      composed.step(x, value, new double[] {0}, BASE, state, null);
      assertClose(rates.get(step), inner.rates.get(step), name + " passed at step " + step);
    }
  }

  /**
   * Current torch's CyclicLR also cycles β₁ (torch 1.13 raises for Adam, so this case is not
   * recorded): β₁ follows the documented momentum formula, the same as SGD's momentum, which torch
   * 1.13 recorded for cyclic_triangular. Hand-worked: step 1 of a 7-step rise from 0.9 to 0.8 is
   * 0.9 − 0.1·(1/7) = 0.885714285714...
   */
  @Test
  void cyclicCyclesBeta1AsTheDocumentedFormula() throws IOException {
    List<Double> momenta = series().get("cyclic_triangular.momentum");
    RecordingMomentum adamLike = new RecordingMomentum();
    ComposedOptimizer composed =
        Optimizers.compose(adamLike, parse(YAML.get("cyclic_triangular")), GradientClip.none());
    OptimizerState state = composed.init(1);
    for (int step = 0; step < momenta.size(); step++) {
      composed.step(new double[] {0}, 0, new double[] {0}, BASE, state, null);
      assertClose(momenta.get(step), adamLike.momenta.get(step), "β₁ at step " + step);
    }
    assertEquals(0.9 - 0.1 / 7, adamLike.momenta.get(1), 1e-15);
  }

  static Stream<Arguments> trajectories() throws IOException {
    Map<String, List<Double>> all = series();
    return TRAJECTORIES.keySet().stream()
        .sorted()
        .map(n -> Arguments.of(n, all.get(n + ".x"), all.get(n + ".y")));
  }

  /** f = x² + 5y² + xy from (2, −1.5), as schedules.py; the gradient written as there. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("trajectories")
  void momentumCyclingTrajectoriesMatchTorch(String name, List<Double> xs, List<Double> ys) {
    assertNotNull(xs, name);
    Run run = TRAJECTORIES.get(name);
    OptimizerProvider provider = StateRestoreTest.REGISTRY.require(run.id());
    Optimizer optimizer =
        provider.create(HyperParameters.resolve(provider, new HashMap<>(run.hyper())));
    assertTrue(optimizer instanceof MomentumAware, run.id() + " is momentum-aware");
    ComposedOptimizer composed =
        Optimizers.compose(optimizer, Schedule.parse(run.schedule()), GradientClip.none());
    OptimizerState state = composed.init(2);
    double[] p = {2, -1.5};
    for (int step = 0; step < xs.size(); step++) {
      double x = p[0];
      double y = p[1];
      double[] g = {2 * x + y, 10 * y + x};
      composed.step(p, x * x + 5 * y * y + x * y, g, optimizer.learningRate(), state, null);
      assertClose(xs.get(step), p[0], name + " x after step " + (step + 1));
      assertClose(ys.get(step), p[1], name + " y after step " + (step + 1));
    }
  }
}
