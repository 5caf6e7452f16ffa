package dev.gradus.optimizers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.spi.Evaluator;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerProvider;
import dev.gradus.spi.OptimizerState;
import dev.gradus.spi.ParameterBlock;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Steady-state steps allocate nothing: under one byte per step over many steps. */
class AllocationTest {
  static Stream<Arguments> configurations() {
    return Stream.of(
        Arguments.of("gd", Map.of("lr", 1e-3)),
        Arguments.of("momentum", Map.of("lr", 1e-3, "nesterov", true)),
        Arguments.of("adam", Map.of("amsgrad", true)),
        Arguments.of("adamw", Map.of()),
        Arguments.of("rmsprop", Map.of("centered", true, "momentum", 0.5)),
        Arguments.of("adagrad", Map.of()),
        Arguments.of("nadam", Map.of()),
        Arguments.of("adadelta", Map.of("weight_decay", 0.1)),
        Arguments.of("adamax", Map.of("weight_decay", 0.1)),
        Arguments.of("asgd", Map.of("t0", 10.0, "weight_decay", 0.1)),
        Arguments.of("radam", Map.of("weight_decay", 0.1, "decoupled_weight_decay", true)),
        Arguments.of("rprop", Map.of("maximize", true)),
        Arguments.of("adafactor", Map.of("weight_decay", 0.1)),
        Arguments.of("lion", Map.of("weight_decay", 0.01)),
        Arguments.of("lars", Map.of("weight_decay", 0.01, "nesterov", true)),
        Arguments.of("lamb", Map.of("weight_decay", 0.01)),
        Arguments.of("adabelief", Map.of()),
        Arguments.of("yogi", Map.of()),
        Arguments.of("novograd", Map.of("weight_decay", 0.01)),
        Arguments.of("sgd-schedule-free", Map.of("lr", 1e-3, "warmup_steps", 10L)),
        Arguments.of("adamw-schedule-free", Map.of("weight_decay", 0.01)),
        Arguments.of("lbfgs", Map.of("lr", 1e-4, "history_size", 3, "max_iter", 3)),
        Arguments.of(
            "lbfgs",
            Map.of("line_search", "strong_wolfe", "history_size", 3, "tolerance_grad", 0.0)),
        Arguments.of("muon", Map.of()),
        Arguments.of("shampoo", Map.of("momentum", 0.5)));
  }

  /** The matrix methods on a matrix, a vector and a scalar block (16 coordinates in all). */
  static Stream<Arguments> blockConfigurations() {
    return Stream.of(
        Arguments.of("muon", Map.of("nesterov", false)),
        Arguments.of("muon", Map.of("adjust_lr_fn", "match_rms_adamw")),
        Arguments.of("shampoo", Map.of()),
        Arguments.of("shampoo", Map.of("update_interval", 5, "momentum", 0.9)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("blockConfigurations")
  void steadyStateStepsOnBlocksDoNotAllocate(String id, Map<String, Object> params) {
    OptimizerProvider provider = StateRestoreTest.REGISTRY.require(id);
    Optimizer inner = provider.create(HyperParameters.resolve(provider, params));
    ComposedOptimizer optimizer =
        Optimizers.compose(inner, Schedule.cosine(1000, 0), GradientClip.byNorm(1e9));
    List<ParameterBlock> blocks =
        List.of(
            ParameterBlock.matrix("W", 0, 4, 3),
            ParameterBlock.vector("b", 12, 3),
            ParameterBlock.vector("s", 15, 1));
    double[] x = new double[16];
    double[] g = new double[16];
    OptimizerState state = optimizer.init(16, blocks);
    int steps = 2000;
    long least = leastAllocated(optimizer, state, x, g, steps);
    assertTrue(least < steps, id + " allocated " + least + " bytes in " + steps + " steps");
  }

  /** A quadratic with its minimum far away, so that no run converges and stops early. */
  static final Evaluator BOWL =
      (x, g) -> {
        double f = 0;
        for (int i = 0; i < x.length; i++) {
          double c = 1 + i;
          double r = x[i] - 1e6;
          g[i] = c * r;
          f += 0.5 * c * r * r;
        }
        return f;
      };

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("configurations")
  void steadyStateStepsDoNotAllocate(String id, Map<String, Object> params) {
    OptimizerProvider provider = StateRestoreTest.REGISTRY.require(id);
    Optimizer inner = provider.create(HyperParameters.resolve(provider, params));
    Optimizer optimizer =
        Optimizers.compose(inner, Schedule.cosine(1000, 0), GradientClip.byNorm(1e9));
    double[] x = new double[16];
    double[] g = new double[16];
    OptimizerState state = optimizer.init(16);
    int steps = 2000;
    long least = leastAllocated(optimizer, state, x, g, steps);
    assertTrue(least < steps, id + " allocated " + least + " bytes in " + steps + " steps");
  }

  static Stream<Arguments> wrapped() {
    Optimizer adam = StateRestoreTest.builtIn("adam", Map.of()).get();
    Optimizer momentum = StateRestoreTest.builtIn("momentum", Map.of("lr", 1e-3)).get();
    return Stream.of(
        Arguments.of("lookahead", Optimizers.lookahead(adam, Wrappers.LookaheadConfig.DEFAULTS)),
        Arguments.of("ema", Optimizers.ema(adam, Wrappers.EmaConfig.DEFAULTS)),
        Arguments.of("swa", Optimizers.swa(momentum, new Wrappers.SwaConfig(3, 2))),
        Arguments.of("sam", Optimizers.sam(adam, new Wrappers.SamConfig(0.05, true))),
        Arguments.of(
            "ema(lookahead(sam(grouped momentum)))",
            Optimizers.ema(
                Optimizers.lookahead(
                    Optimizers.sam(
                        Optimizers.grouped(
                            momentum,
                            java.util.List.of(
                                new ParamGroup(
                                    "b",
                                    StateRestoreTest.builtIn("momentum", Map.of("lr", 1e-2))
                                        .get()))),
                        Wrappers.SamConfig.DEFAULTS),
                    Wrappers.LookaheadConfig.DEFAULTS),
                Wrappers.EmaConfig.DEFAULTS)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wrapped")
  void wrappedStepsAndAveragedPointsDoNotAllocate(String name, Optimizer wrapped) {
    Optimizer optimizer =
        Optimizers.compose(wrapped, Schedule.cosine(1000, 0), GradientClip.byNorm(1e9));
    java.util.List<dev.gradus.spi.ParameterBlock> blocks =
        java.util.List.of(
            new dev.gradus.spi.ParameterBlock("w", 0, new int[] {12}),
            new dev.gradus.spi.ParameterBlock("b", 12, new int[] {4}));
    double[] x = new double[16];
    double[] g = new double[16];
    OptimizerState state = dev.gradus.spi.BlockAware.init(optimizer, 16, blocks);
    int steps = 2000;
    long least = leastAllocated(optimizer, state, x, g, steps);
    assertTrue(least < steps, name + " allocated " + least + " bytes in " + steps + " steps");
    double[] into = new double[16];
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    for (int k = 0; k < 20_000; k++) { // warm up
      dev.gradus.spi.AveragedIterate.averagedPoint(optimizer, state, into);
    }
    long before = threads.getThreadAllocatedBytes(thread);
    for (int k = 0; k < 1000; k++) {
      dev.gradus.spi.AveragedIterate.averagedPoint(optimizer, state, into);
    }
    long copied = threads.getThreadAllocatedBytes(thread) - before;
    assertTrue(copied < 1000, name + ": averagedPoint allocated " + copied + " bytes");
  }

  /**
   * Momentum-cycling, loss-driven and running-product schedules allocate nothing per step either
   * (the cycled momentum is passed as a number; the plateau state is made once in init).
   */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("schedules")
  void scheduledStepsDoNotAllocate(String id, Object schedule) {
    OptimizerProvider provider = StateRestoreTest.REGISTRY.require(id);
    Optimizer inner = provider.create(HyperParameters.resolve(provider, Map.of()));
    Optimizer optimizer =
        Optimizers.compose(
            inner, Schedule.parse(schedule, text -> t -> 0.9999), GradientClip.none());
    double[] x = new double[16];
    double[] g = new double[16];
    OptimizerState state = optimizer.init(16);
    int steps = 2000;
    long least = leastAllocated(optimizer, state, x, g, steps);
    assertTrue(least < steps, id + " allocated " + least + " bytes in " + steps + " steps");
  }

  static Stream<Arguments> schedules() {
    Object oneCycle = Map.of("one_cycle", Map.of("max_lr", 0.01, "total_steps", 100_000));
    Object cyclic = Map.of("cyclic", Map.of("base_lr", 1e-4, "max_lr", 1e-2, "step_size_up", 50));
    return Stream.of(
        Arguments.of("gd", oneCycle),
        Arguments.of("adam", cyclic),
        Arguments.of("rmsprop", oneCycle),
        Arguments.of("nadam", oneCycle),
        Arguments.of("adam", Map.of("reduce_on_plateau", Map.of("patience", 3))),
        Arguments.of("gd", Map.of("multiplicative", "any")));
  }

  /**
   * The fewest bytes {@code steps} steps allocate, over a few windows after a warm-up: a one-time
   * cost (class loading, a deoptimization) is not the steady state.
   */
  static long leastAllocated(
      Optimizer optimizer, OptimizerState state, double[] x, double[] g, int steps) {
    run(optimizer, state, x, g, 20 * steps); // warm up: JIT-compile, fill histories
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    long least = Long.MAX_VALUE;
    for (int window = 0; window < 3; window++) {
      long before = threads.getThreadAllocatedBytes(thread);
      assertTrue(before > 0, "this JVM measures allocation per thread");
      run(optimizer, state, x, g, steps);
      least = Math.min(least, threads.getThreadAllocatedBytes(thread) - before);
    }
    return least;
  }

  static void run(Optimizer optimizer, OptimizerState state, double[] x, double[] g, int steps) {
    for (int k = 0; k < steps; k++) {
      double value = BOWL.evaluate(x, g);
      optimizer.step(x, value, g, optimizer.learningRate(), state, BOWL);
    }
  }
}
