package dev.gradus.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.spi.Evaluator;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerProvider;
import dev.gradus.spi.OptimizerState;
import dev.gradus.spi.ProviderRegistry;
import dev.gradus.spi.StateSnapshot;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A run restored mid-way from a snapshot is bit-identical to an uninterrupted one. */
class StateRestoreTest {
  static final ProviderRegistry<OptimizerProvider> REGISTRY =
      ProviderRegistry.load(OptimizerProvider.class, StateRestoreTest.class.getClassLoader());

  static Supplier<Optimizer> builtIn(String id, Map<String, Object> params) {
    return () -> {
      OptimizerProvider provider = REGISTRY.require(id);
      return provider.create(HyperParameters.resolve(provider, params));
    };
  }

  static Stream<Arguments> optimizers() {
    return Stream.of(
        Arguments.of("gd", builtIn("gd", Map.of("lr", 2e-4))),
        Arguments.of("momentum", builtIn("momentum", Map.of("lr", 1e-4, "nesterov", true))),
        Arguments.of("adam", builtIn("adam", Map.of("lr", 0.01, "amsgrad", true))),
        Arguments.of("adamw", builtIn("adamw", Map.of("lr", 0.01))),
        Arguments.of(
            "rmsprop", builtIn("rmsprop", Map.of("lr", 1e-3, "centered", true, "momentum", 0.5))),
        Arguments.of("adagrad", builtIn("adagrad", Map.of("lr", 0.05, "lr_decay", 0.01))),
        Arguments.of("nadam", builtIn("nadam", Map.of("lr", 0.01))),
        Arguments.of("adadelta", builtIn("adadelta", Map.of("weight_decay", 0.1))),
        Arguments.of("adamax", builtIn("adamax", Map.of("lr", 0.01))),
        Arguments.of("asgd", builtIn("asgd", Map.of("lr", 2e-4, "t0", 5.0))),
        Arguments.of("radam", builtIn("radam", Map.of("lr", 0.01, "weight_decay", 0.1))),
        Arguments.of("rprop", builtIn("rprop", Map.of("lr", 1e-3))),
        Arguments.of("adafactor", builtIn("adafactor", Map.of("lr", 0.05, "maximize", false))),
        Arguments.of("lion", builtIn("lion", Map.of("lr", 0.01, "weight_decay", 0.01))),
        Arguments.of("lars", builtIn("lars", Map.of("trust_coefficient", 0.01, "nesterov", true))),
        Arguments.of("lamb", builtIn("lamb", Map.of("lr", 0.01, "weight_decay", 0.01))),
        Arguments.of("adabelief", builtIn("adabelief", Map.of("lr", 0.01))),
        Arguments.of("yogi", builtIn("yogi", Map.of("lr", 0.01))),
        Arguments.of("novograd", builtIn("novograd", Map.of("lr", 1e-3))),
        Arguments.of(
            "sgd-schedule-free",
            builtIn("sgd-schedule-free", Map.of("lr", 1e-4, "warmup_steps", 20L))),
        Arguments.of(
            "adamw-schedule-free",
            builtIn("adamw-schedule-free", Map.of("lr", 0.01, "warmup_steps", 5L, "r", 1.0))),
        Arguments.of("lbfgs", builtIn("lbfgs", Map.of("lr", 1e-3, "history_size", 4))),
        Arguments.of(
            "lbfgs strong_wolfe",
            builtIn("lbfgs", Map.of("line_search", "strong_wolfe", "history_size", 3))),
        Arguments.of(
            "muon (flat: the AdamW fallback)", builtIn("muon", Map.of("fallback_lr", 0.01))),
        Arguments.of("shampoo (flat: diagonal)", builtIn("shampoo", Map.of("momentum", 0.5))),
        Arguments.of(
            "composed adam + cosine + clipping",
            (Supplier<Optimizer>)
                () ->
                    Optimizers.compose(
                        builtIn("adam", Map.of("lr", 0.05)).get(),
                        Schedule.cosine(20, 0.001),
                        GradientClip.byNorm(10))),
        Arguments.of(
            "lookahead (a sync at step 12, restored between syncs)",
            (Supplier<Optimizer>)
                () ->
                    Optimizers.lookahead(
                        builtIn("adam", Map.of("lr", 0.05)).get(),
                        new Wrappers.LookaheadConfig(5, 0.5))),
        Arguments.of(
            "ema",
            (Supplier<Optimizer>)
                () ->
                    Optimizers.ema(
                        builtIn("momentum", Map.of("lr", 1e-4)).get(),
                        new Wrappers.EmaConfig(0.9, true))),
        Arguments.of(
            "swa",
            (Supplier<Optimizer>)
                () ->
                    Optimizers.swa(
                        builtIn("momentum", Map.of("lr", 1e-4)).get(),
                        new Wrappers.SwaConfig(4, 3))),
        Arguments.of(
            "composed ema(lookahead(sam(adam))) + cosine",
            (Supplier<Optimizer>)
                () ->
                    Optimizers.compose(
                        Optimizers.ema(
                            Optimizers.lookahead(
                                Optimizers.sam(
                                    builtIn("adam", Map.of("lr", 0.05)).get(),
                                    new Wrappers.SamConfig(0.05, true)),
                                new Wrappers.LookaheadConfig(7, 0.5)),
                            Wrappers.EmaConfig.DEFAULTS),
                        Schedule.cosine(20, 0.001),
                        GradientClip.byNorm(10))));
  }

  static double[][] run(Optimizer optimizer, OptimizerState state, double[] x, int steps) {
    Evaluator f = GoldenTrajectoryTest.ROSENBROCK;
    double[] g = new double[x.length];
    double[][] out = new double[steps][];
    for (int k = 0; k < steps; k++) {
      double value = f.evaluate(x, g);
      optimizer.step(x, value, g, optimizer.learningRate(), state, f);
      out[k] = x.clone();
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("optimizers")
  void restoredRunIsBitIdentical(String name, Supplier<Optimizer> make) {
    Optimizer optimizer = make.get();
    double[] straight = {-1.5, 2};
    double[][] expected = run(optimizer, optimizer.init(2), straight, 30);

    double[] resumed = {-1.5, 2};
    OptimizerState first = optimizer.init(2);
    run(optimizer, first, resumed, 12);
    StateSnapshot snapshot = first.snapshot();
    Optimizer fresh = make.get();
    double[][] rest = run(fresh, fresh.restore(snapshot, 2), resumed, 18);
    for (int k = 0; k < 18; k++) {
      for (int i = 0; i < 2; i++) {
        assertEquals(
            Double.doubleToLongBits(expected[12 + k][i]),
            Double.doubleToLongBits(rest[k][i]),
            "step " + (13 + k) + ", coordinate " + i);
      }
    }
    assertTrue(expected[29][0] != -1.5, "the run moved");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("optimizers")
  void restoredAveragedPointIsBitIdentical(String name, Supplier<Optimizer> make) {
    Optimizer optimizer = make.get();
    double[] x = {-1.5, 2};
    OptimizerState straight = optimizer.init(2);
    run(optimizer, straight, x, 30);
    double[] y = {-1.5, 2};
    OptimizerState first = optimizer.init(2);
    run(optimizer, first, y, 12);
    Optimizer fresh = make.get();
    OptimizerState resumed = fresh.restore(first.snapshot(), 2);
    run(fresh, resumed, y, 18);
    double[] expected = {Double.NaN, Double.NaN};
    double[] actual = {Double.NaN, Double.NaN};
    boolean has = dev.gradus.spi.AveragedIterate.averagedPoint(optimizer, straight, expected);
    assertEquals(has, dev.gradus.spi.AveragedIterate.averagedPoint(fresh, resumed, actual));
    // the averaging wrappers, ASGD (t0 = 5 here, so averaging began) and schedule-free's x
    assertEquals(
        name.contains("ema")
            || name.contains("swa")
            || name.equals("asgd")
            || name.contains("schedule-free"),
        has,
        "keeps an averaged point");
    for (int i = 0; i < 2; i++) {
      assertEquals(Double.doubleToLongBits(expected[i]), Double.doubleToLongBits(actual[i]));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("optimizers")
  void restoreRejectsTheWrongDimension(String name, Supplier<Optimizer> make) {
    Optimizer optimizer = make.get();
    OptimizerState state = optimizer.init(2);
    run(optimizer, state, new double[] {-1.5, 2}, 3);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> optimizer.restore(state.snapshot(), 3));
    assertTrue(e.getMessage().contains("dimension 2 into dimension 3"), e.getMessage());
  }

  @Test
  void restoreRejectsAnotherOptimizersSnapshot() {
    Optimizer adam = builtIn("adam", Map.of()).get();
    Optimizer nadam = builtIn("nadam", Map.of()).get();
    OptimizerState state = adam.init(2);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> nadam.restore(state.snapshot(), 2));
    assertEquals("cannot restore a snapshot of 'adam' into optimizer 'nadam'", e.getMessage());
  }

  @Test
  void stepRejectsAnotherOptimizersState() {
    Optimizer adam = builtIn("adam", Map.of()).get();
    Optimizer gd = builtIn("gd", Map.of()).get();
    OptimizerState foreign = gd.init(2);
    assertThrows(
        IllegalArgumentException.class,
        () -> adam.step(new double[2], 0, new double[2], 1e-3, foreign, (x, g) -> 0));
  }

  @Test
  void snapshotsUseTorchsKeyNames() {
    StateSnapshot adam = builtIn("adam", Map.of("amsgrad", true)).get().init(2).snapshot();
    assertEquals(
        List.of("exp_avg", "exp_avg_sq", "max_exp_avg_sq"), List.copyOf(adam.arrays().keySet()));
    assertEquals(0.0, adam.scalar("step"));
    StateSnapshot rms =
        builtIn("rmsprop", Map.of("centered", true, "momentum", 0.1)).get().init(2).snapshot();
    assertEquals(
        List.of("square_avg", "grad_avg", "momentum_buffer"), List.copyOf(rms.arrays().keySet()));
    StateSnapshot adagrad =
        builtIn("adagrad", Map.of("initial_accumulator_value", 0.25)).get().init(2).snapshot();
    assertEquals(0.25, adagrad.array("sum")[1]);
    StateSnapshot nadam = builtIn("nadam", Map.of()).get().init(2).snapshot();
    assertEquals(1.0, nadam.scalar("mu_product"));
    StateSnapshot momentum = builtIn("momentum", Map.of()).get().init(2).snapshot();
    assertEquals(List.of("momentum_buffer"), List.copyOf(momentum.arrays().keySet()));
    StateSnapshot lbfgs = builtIn("lbfgs", Map.of()).get().init(2).snapshot();
    assertTrue(
        lbfgs
            .arrays()
            .keySet()
            .containsAll(List.of("d", "prev_flat_grad", "old_dirs", "old_stps", "ro")));
    assertTrue(
        lbfgs.scalars().keySet().containsAll(List.of("n_iter", "func_evals", "t", "H_diag")));
  }

  @Test
  void composedSnapshotWrapsTheInnerOneAndTheStepCounter() {
    Optimizer adam = builtIn("adam", Map.of()).get();
    Optimizer composed = Optimizers.compose(adam, Schedule.exponential(0.5), GradientClip.none());
    OptimizerState state = composed.init(2);
    run(composed, state, new double[] {1, 1}, 3);
    StateSnapshot snapshot = state.snapshot();
    assertEquals(3.0, snapshot.scalar("schedule_step"));
    assertEquals(3.0, snapshot.scalar("inner.step"));
    assertEquals(2, snapshot.array("inner.exp_avg").length);
    assertThrows(IllegalArgumentException.class, () -> adam.restore(snapshot, 2));
    StateSnapshot plain = adam.init(2).snapshot();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> composed.restore(plain, 2));
    assertTrue(e.getMessage().contains("schedule_step"), e.getMessage());
  }
}
