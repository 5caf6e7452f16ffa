package dev.gradus.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.spi.AveragedIterate;
import dev.gradus.spi.BlockAware;
import dev.gradus.spi.Evaluator;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.InvalidHyperParameterException;
import dev.gradus.spi.MomentumAware;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerProvider;
import dev.gradus.spi.OptimizerState;
import dev.gradus.spi.ParameterBlock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * lion, lars, lamb, adabelief, yogi, novograd and the schedule-free pair against the independent
 * {@link ModernReference} (torch has none of them), plus hand-worked steps, the layer-wise methods'
 * use of blocks, scheduled momentum and schedule-free's averaged point.
 */
class ModernOptimizersTest {
  /** An mlp-like layout: a weight matrix W1 [2, 2] and its bias b1 [2], of very different scale. */
  static final List<ParameterBlock> MLP_BLOCKS =
      List.of(ParameterBlock.matrix("W1", 0, 2, 2), ParameterBlock.vector("b1", 4, 2));

  static final int[][] MLP = {{0, 4}, {4, 6}};
  static final int[][] WHOLE = {{0, 6}};
  static final double[] START = {10, -8, 12, 9, 0.01, -0.02};
  static final double[] SCALE = {1, 4, 0.5, 2, 10, 0.2};
  static final double[] TARGET = {1, -2, 0.5, 3, 0.1, -1};

  /** Separable quadratic plus a coupling of W1[0,0] and b1[0]: gradients differ per block. */
  static final Evaluator F =
      (x, g) -> {
        double f = 0;
        for (int i = 0; i < 6; i++) {
          double d = x[i] - TARGET[i];
          g[i] = SCALE[i] * d;
          f += 0.5 * SCALE[i] * d * d;
        }
        double c = x[0] * x[4] - 0.3;
        g[0] += c * x[4];
        g[4] += c * x[0];
        return f + 0.5 * c * c;
      };

  static Optimizer create(String id, Map<String, Object> values) {
    OptimizerProvider provider = StateRestoreTest.REGISTRY.require(id);
    return provider.create(HyperParameters.resolve(provider, values));
  }

  static double[][] run(Optimizer optimizer, List<ParameterBlock> blocks, int steps) {
    double[] x = START.clone();
    OptimizerState state = BlockAware.init(optimizer, x.length, blocks);
    return run(optimizer, state, x, steps, null);
  }

  static double[][] run(
      Optimizer optimizer, OptimizerState state, double[] x, int steps, double[] momenta) {
    double[] g = new double[x.length];
    double[][] out = new double[steps][];
    for (int k = 0; k < steps; k++) {
      double value = F.evaluate(x, g);
      if (momenta == null) {
        optimizer.step(x, value, g, optimizer.learningRate(), state, F);
      } else {
        ((MomentumAware) optimizer)
            .step(x, value, g, optimizer.learningRate(), momenta[k], state, F);
      }
      out[k] = x.clone();
    }
    return out;
  }

  static void assertClose(double[][] expected, double[][] actual, String what) {
    for (int k = 0; k < actual.length; k++) {
      for (int i = 0; i < actual[k].length; i++) {
        double e = expected[k][i];
        double a = actual[k][i];
        assertTrue(
            Math.abs(a - e) <= 1e-12 * Math.max(1, Math.abs(e)),
            what + ": step " + (k + 1) + ", coordinate " + i + ": " + a + " vs reference " + e);
      }
    }
  }

  static final int STEPS = 80;

  static Stream<Arguments> againstReference() {
    Evaluator f = F;
    double[] s = START;
    return Stream.of(
        Arguments.of(
            "lion",
            Map.of("lr", 0.05, "b1", 0.8, "b2", 0.95, "weight_decay", 0.1),
            null,
            ModernReference.lion(f, s, STEPS, 0.05, 0.8, 0.95, 0.1, null)),
        Arguments.of(
            "lars",
            Map.of("lr", 1.0, "momentum", 0.8, "weight_decay", 0.01, "trust_coefficient", 0.05),
            null,
            ModernReference.lars(f, s, WHOLE, STEPS, 1.0, 0.8, 0.01, 0.05, 0, false)),
        Arguments.of(
            "lars",
            Map.of("momentum", 0.7, "trust_coefficient", 0.05, "eps", 1e-3, "nesterov", true),
            MLP_BLOCKS,
            ModernReference.lars(f, s, MLP, STEPS, 1.0, 0.7, 0, 0.05, 1e-3, true)),
        Arguments.of(
            "lamb",
            Map.of("lr", 0.02, "weight_decay", 0.01, "eps_root", 1e-8),
            null,
            ModernReference.lamb(f, s, WHOLE, STEPS, 0.02, 0.9, 0.999, 1e-6, 1e-8, 0.01, null)),
        Arguments.of(
            "lamb",
            Map.of("lr", 0.02, "b1", 0.8, "b2", 0.99),
            MLP_BLOCKS,
            ModernReference.lamb(f, s, MLP, STEPS, 0.02, 0.8, 0.99, 1e-6, 0, 0, null)),
        Arguments.of(
            "adabelief",
            Map.of("lr", 0.1, "b2", 0.99),
            null,
            ModernReference.adabelief(f, s, STEPS, 0.1, 0.9, 0.99, 1e-16, 1e-16, null)),
        Arguments.of(
            "adabelief",
            Map.of("lr", 0.05, "eps", 1e-3, "eps_root", 1e-4),
            MLP_BLOCKS,
            ModernReference.adabelief(f, s, STEPS, 0.05, 0.9, 0.999, 1e-3, 1e-4, null)),
        Arguments.of(
            "yogi",
            Map.of("lr", 0.1),
            null,
            ModernReference.yogi(f, s, STEPS, 0.1, 0.9, 0.999, 1e-3, 1e-6, null)),
        Arguments.of(
            "yogi",
            Map.of("lr", 0.2, "b1", 0.5, "b2", 0.9, "initial_accumulator_value", 0.5),
            null,
            ModernReference.yogi(f, s, STEPS, 0.2, 0.5, 0.9, 1e-3, 0.5, null)),
        Arguments.of(
            "novograd",
            Map.of("lr", 0.05, "weight_decay", 0.01),
            null,
            ModernReference.novograd(f, s, WHOLE, STEPS, 0.05, 0.95, 0.98, 1e-8, 0, 0.01, null)),
        Arguments.of(
            "novograd",
            Map.of("lr", 0.05, "b1", 0.9, "b2", 0.25, "eps", 1e-6, "eps_root", 1e-6),
            MLP_BLOCKS,
            ModernReference.novograd(f, s, MLP, STEPS, 0.05, 0.9, 0.25, 1e-6, 1e-6, 0, null)),
        Arguments.of(
            "sgd-schedule-free",
            Map.of("lr", 0.05),
            null,
            ModernReference.scheduleFree(f, s, STEPS, 0.05, 0.9, false, 0, 0, 0, 0, 0, 2)),
        Arguments.of(
            "sgd-schedule-free",
            Map.of(
                "lr",
                0.05,
                "momentum",
                0.5,
                "weight_decay",
                0.01,
                "warmup_steps",
                10L,
                "r",
                1.0,
                "weight_lr_power",
                1.0),
            null,
            ModernReference.scheduleFree(f, s, STEPS, 0.05, 0.5, false, 0, 0, 0.01, 10, 1, 1)),
        Arguments.of(
            "adamw-schedule-free",
            Map.of("lr", 0.1),
            null,
            ModernReference.scheduleFree(f, s, STEPS, 0.1, 0.9, true, 0.999, 1e-8, 0, 0, 0, 2)),
        Arguments.of(
            "adamw-schedule-free",
            Map.of(
                "lr",
                0.1,
                "betas",
                List.of(0.8, 0.99),
                "eps",
                1e-4,
                "weight_decay",
                0.02,
                "warmup_steps",
                7L,
                "r",
                0.5),
            null,
            ModernReference.scheduleFree(
                f, s, STEPS, 0.1, 0.8, true, 0.99, 1e-4, 0.02, 7, 0.5, 2)));
  }

  @ParameterizedTest(name = "{0} {1} blocks={2}")
  @MethodSource("againstReference")
  void followsTheIndependentReference(
      String id, Map<String, Object> values, List<ParameterBlock> blocks, double[][] reference) {
    Optimizer optimizer = create(id, values);
    double[] x = START.clone();
    OptimizerState state =
        blocks == null ? optimizer.init(6) : BlockAware.init(optimizer, 6, blocks);
    double[][] actual = run(optimizer, state, x, STEPS, null);
    assertClose(reference, actual, id);
    assertTrue(F.evaluate(actual[STEPS - 1], new double[6]) < F.evaluate(START, new double[6]));
    if (optimizer instanceof AveragedIterate averaged) {
      double[] into = new double[6];
      assertTrue(averaged.averagedPoint(state, into));
      assertClose(new double[][] {reference[STEPS]}, new double[][] {into}, id + " x");
    }
  }

  // ---- hand-worked single steps ----

  static double[] oneStep(
      String id, Map<String, Object> values, double[] x, double[] g, List<ParameterBlock> blocks) {
    Optimizer optimizer = create(id, values);
    OptimizerState state =
        blocks == null ? optimizer.init(x.length) : BlockAware.init(optimizer, x.length, blocks);
    double[] p = x.clone();
    optimizer.step(p, 0, g.clone(), optimizer.learningRate(), state, (a, b) -> 0);
    return p;
  }

  @Test
  void handWorkedSteps() {
    // lion, γ = 0.1, β₁ = 0.9, λ = 0.5, θ = 2, g = 3: c = 0.9·0 + 0.1·3 = 0.3, sign 1;
    // θ = 2 − 0.1·(1 + 0.5·2) = 1.8
    assertEquals(
        1.8,
        oneStep(
            "lion",
            Map.of("lr", 0.1, "weight_decay", 0.5),
            new double[] {2},
            new double[] {3},
            null)[0],
        1e-15);

    // lars, γ = 1, η = 0.1, θ = (3, 4) with ‖θ‖ = 5, g = (0.6, 0.8) with ‖g‖ = 1:
    // λ = 0.1·5/1 = 0.5, v = (0.3, 0.4), θ = (2.7, 3.6)
    double[] lars =
        oneStep(
            "lars",
            Map.of("trust_coefficient", 0.1),
            new double[] {3, 4},
            new double[] {0.6, 0.8},
            null);
    assertEquals(2.7, lars[0], 1e-15);
    assertEquals(3.6, lars[1], 1e-15);

    // lamb, γ = 0.1, ε = 0, θ = (3, 4), g = (1, −2): m̂ = g, v̂ = g², r = (1, −1), ‖r‖ = √2;
    // ratio 5/√2, θ = (3 − 0.5/√2, 4 + 0.5/√2) = (2.6464466094…, 4.3535533905…)
    double[] lamb =
        oneStep(
            "lamb", Map.of("lr", 0.1, "eps", 0.0), new double[] {3, 4}, new double[] {1, -2}, null);
    assertEquals(3 - 0.5 / Math.sqrt(2), lamb[0], 1e-15);
    assertEquals(4 + 0.5 / Math.sqrt(2), lamb[1], 1e-15);

    // adabelief, γ = 0.09, ε = ε_root = 0, θ = 1, g = 2: m = 0.2, g − m = 1.8,
    // s = 0.001·3.24; m̂ = 2, ŝ = 3.24, √ŝ = 1.8; θ = 1 − 0.09·2/1.8 = 0.9
    assertEquals(
        0.9,
        oneStep(
            "adabelief",
            Map.of("lr", 0.09, "eps", 0.0, "eps_root", 0.0),
            new double[] {1},
            new double[] {2},
            null)[0],
        1e-15);

    // yogi, γ = 0.01, ε = 0, m₀ = v₀ = 0, θ = 1, g = 2: m = 0.2, v = 0 − 0.001·sign(−4)·4 = 0.004;
    // m̂ = 2, v̂ = 4; θ = 1 − 0.01·2/2 = 0.99
    assertEquals(
        0.99,
        oneStep(
            "yogi",
            Map.of("lr", 0.01, "eps", 0.0, "initial_accumulator_value", 0.0),
            new double[] {1},
            new double[] {2},
            null)[0],
        1e-15);

    // novograd, γ = 0.1, ε = 0, blocks a = {0, 1}, b = {2}; g = (3, 4, −0.5), θ = (1, 1, 1):
    // v_a = 25, m_a = (0.6, 0.8); v_b = 0.25, m_b = −1; θ = (0.94, 0.92, 1.1)
    double[] novograd =
        oneStep(
            "novograd",
            Map.of("lr", 0.1, "eps", 0.0),
            new double[] {1, 1, 1},
            new double[] {3, 4, -0.5},
            List.of(ParameterBlock.vector("a", 0, 2), ParameterBlock.vector("b", 2, 1)));
    assertEquals(0.94, novograd[0], 1e-15);
    assertEquals(0.92, novograd[1], 1e-15);
    assertEquals(1.1, novograd[2], 1e-15);
  }

  @Test
  void scheduleFreeSgdTwoHandWorkedSteps() {
    // γ = 0.1, β = 0.9, θ₁ = x₁ = z₁ = 1. Step 1, g = 2: z = 0.8; w = 0.1² = 0.01, Σw = 0.01,
    // c = 1: x = 0.8, y = 0.8. Step 2, g = 1: z = 0.7; w = 0.01, Σw = 0.02, c = 0.5:
    // x = 0.75, y = 0.1·0.7 + 0.9·0.75 = 0.745.
    Optimizer sf = create("sgd-schedule-free", Map.of("lr", 0.1));
    OptimizerState state = sf.init(1);
    double[] y = {1};
    double[] x = new double[1];
    assertFalse(((AveragedIterate) sf).averagedPoint(state, x), "no average before a step");
    sf.step(y, 0, new double[] {2}, 0.1, state, (a, b) -> 0);
    assertEquals(0.8, y[0], 1e-15);
    sf.step(y, 0, new double[] {1}, 0.1, state, (a, b) -> 0);
    assertEquals(0.745, y[0], 1e-15);
    assertTrue(((AveragedIterate) sf).averagedPoint(state, x));
    assertEquals(0.75, x[0], 1e-15);
    assertEquals("schedule-free-x", ((AveragedIterate) sf).averagedName());
  }

  // ---- layer-wise methods use the blocks ----

  @ParameterizedTest(name = "{0}")
  @MethodSource("layerWise")
  void perBlockRatiosDifferFromTheWholeVectorsAndEqualSeparateRuns(
      String id, Map<String, Object> values) {
    Optimizer optimizer = create(id, values);
    double[][] perBlock = run(optimizer, MLP_BLOCKS, 5);
    double[][] whole = run(optimizer, ParameterBlock.whole(6), 5);
    // b1 is a thousand times smaller than W1: a whole-vector ratio moves it by W1's scale
    assertTrue(
        Math.abs(perBlock[4][4] - whole[4][4]) > 1e-3 * Math.abs(START[4]),
        id + ": b1 moves alike with and without blocks: " + perBlock[4][4] + " " + whole[4][4]);

    // on a separable objective, each block behaves as its own one-block run
    Evaluator separable =
        (x, g) -> {
          double f = 0;
          for (int i = 0; i < x.length; i++) {
            g[i] = (1 + i) * (x[i] - 0.5);
            f += 0.5 * (1 + i) * (x[i] - 0.5) * (x[i] - 0.5);
          }
          return f;
        };
    double[] x = START.clone();
    OptimizerState state = BlockAware.init(optimizer, 6, MLP_BLOCKS);
    double[] w = {START[0], START[1], START[2], START[3]};
    OptimizerState wState = optimizer.init(4);
    double[] b = {START[4], START[5]};
    OptimizerState bState = optimizer.init(2);
    Evaluator wPart = (p, g) -> separable.evaluate(p, g);
    Evaluator bPart =
        (p, g) -> {
          double f = 0;
          for (int i = 0; i < 2; i++) {
            g[i] = (5 + i) * (p[i] - 0.5);
            f += 0.5 * (5 + i) * (p[i] - 0.5) * (p[i] - 0.5);
          }
          return f;
        };
    for (int k = 0; k < 10; k++) {
      double[] g = new double[6];
      optimizer.step(x, separable.evaluate(x, g), g, optimizer.learningRate(), state, separable);
      double[] gw = new double[4];
      optimizer.step(w, wPart.evaluate(w, gw), gw, optimizer.learningRate(), wState, wPart);
      double[] gb = new double[2];
      optimizer.step(b, bPart.evaluate(b, gb), gb, optimizer.learningRate(), bState, bPart);
    }
    for (int i = 0; i < 4; i++) {
      assertEquals(w[i], x[i], 1e-14 * Math.max(1, Math.abs(w[i])), id + " W1 " + i);
    }
    assertEquals(b[0], x[4], 1e-14, id + " b1 0");
    assertEquals(b[1], x[5], 1e-14, id + " b1 1");
  }

  static Stream<Arguments> layerWise() {
    return Stream.of(
        Arguments.of("lars", Map.of("trust_coefficient", 0.05)),
        Arguments.of("lamb", Map.of("lr", 0.05)),
        Arguments.of("novograd", Map.of("lr", 0.05)));
  }

  @Test
  void novogradKeepsOneSecondMomentPerBlock() {
    Optimizer optimizer = create("novograd", Map.of());
    OptimizerState state = BlockAware.init(optimizer, 6, MLP_BLOCKS);
    run(optimizer, state, START.clone(), 3, null);
    assertEquals(2, state.snapshot().array("nu").length);
    assertEquals(1, optimizer.init(6).snapshot().array("nu").length);
    assertThrows(
        IllegalArgumentException.class,
        () -> BlockAware.restore(optimizer, state.snapshot(), 6, ParameterBlock.whole(6)),
        "a snapshot with two block moments does not fit one block");
  }

  // ---- momentum schedules ----

  static Stream<Arguments> momentumAware() {
    return Stream.of(
        Arguments.of("lion", Map.of("lr", 3.0), "b1"), // overshoots, so signs flip
        Arguments.of("lars", Map.of("trust_coefficient", 0.05), "momentum"),
        Arguments.of("lamb", Map.of("lr", 0.02), "b1"),
        Arguments.of("adabelief", Map.of("lr", 0.05), "b1"),
        Arguments.of("yogi", Map.of("lr", 0.05), "b1"),
        Arguments.of("novograd", Map.of("lr", 0.02), "b1"),
        Arguments.of("sgd-schedule-free", Map.of("lr", 0.05), "momentum"),
        Arguments.of("adamw-schedule-free", Map.of("lr", 0.05), "betas"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("momentumAware")
  void aScheduledMomentumIsTheConfiguredOneForThatStep(
      String id, Map<String, Object> values, String name) {
    MomentumAware optimizer = (MomentumAware) create(id, values);
    double[] configured = new double[20];
    java.util.Arrays.fill(configured, optimizer.momentum());
    double[][] plain = run(optimizer, optimizer.init(6), START.clone(), 20, null);
    double[][] explicit = run(optimizer, optimizer.init(6), START.clone(), 20, configured);
    for (int k = 0; k < 20; k++) {
      assertEquals(List.of(toList(plain[k])), List.of(toList(explicit[k])), "step " + (k + 1));
    }
    double[] cycled = new double[20];
    for (int k = 0; k < 20; k++) {
      cycled[k] = 0.85 + 0.1 * Math.sin(k);
    }
    double[][] scheduled = run(optimizer, optimizer.init(6), START.clone(), 20, cycled);
    boolean changed = false;
    for (int k = 0; k < 20; k++) {
      changed |= !java.util.Arrays.equals(scheduled[k], plain[k]);
    }
    assertTrue(changed, id + ": the schedule changed the trajectory");
    InvalidHyperParameterException e =
        assertThrows(
            InvalidHyperParameterException.class,
            () -> optimizer.step(START.clone(), 0, new double[6], 0.1, 1.0, optimizer.init(6), F));
    assertEquals(name, e.parameter());
  }

  static List<Double> toList(double[] a) {
    return java.util.Arrays.stream(a).boxed().toList();
  }

  @Test
  void scheduledMomentaFollowTheReference() {
    double[] momenta = new double[STEPS];
    for (int k = 0; k < STEPS; k++) {
      momenta[k] = 0.95 - 0.1 * k / STEPS;
    }
    double[] s = START;
    assertClose(
        ModernReference.lion(F, s, STEPS, 0.05, 0.9, 0.99, 0, momenta),
        run(
            create("lion", Map.of("lr", 0.05)),
            create("lion", Map.of()).init(6),
            s.clone(),
            STEPS,
            momenta),
        "lion");
    assertClose(
        ModernReference.lamb(F, s, MLP, STEPS, 0.02, 0.9, 0.999, 1e-6, 0, 0, momenta),
        runBlocks("lamb", Map.of("lr", 0.02), momenta),
        "lamb");
    assertClose(
        ModernReference.novograd(F, s, MLP, STEPS, 0.02, 0.95, 0.98, 1e-8, 0, 0, momenta),
        runBlocks("novograd", Map.of("lr", 0.02), momenta),
        "novograd");
    assertClose(
        ModernReference.adabelief(F, s, STEPS, 0.05, 0.9, 0.999, 1e-16, 1e-16, momenta),
        runBlocks("adabelief", Map.of("lr", 0.05), momenta),
        "adabelief");
    assertClose(
        ModernReference.yogi(F, s, STEPS, 0.05, 0.9, 0.999, 1e-3, 1e-6, momenta),
        runBlocks("yogi", Map.of("lr", 0.05), momenta),
        "yogi");
  }

  static double[][] runBlocks(String id, Map<String, Object> values, double[] momenta) {
    Optimizer optimizer = create(id, values);
    return run(optimizer, BlockAware.init(optimizer, 6, MLP_BLOCKS), START.clone(), STEPS, momenta);
  }

  @Test
  void scheduleFreeRecordsXAndTheRunnerHoldsY() {
    Optimizer sf = create("adamw-schedule-free", Map.of("lr", 0.1));
    OptimizerState state = sf.init(6);
    double[] y = START.clone();
    run(sf, state, y, 30, null);
    double[] x = new double[6];
    assertTrue(AveragedIterate.averagedPoint(sf, state, x));
    double[] z = state.snapshot().array("z");
    // y = (1 − β)z + βx with β = 0.9: the params the runner holds are y, not x
    for (int i = 0; i < 6; i++) {
      assertEquals(0.1 * z[i] + 0.9 * x[i], y[i], 1e-12 * Math.max(1, Math.abs(y[i])));
    }
    assertTrue(x[0] != y[0], "x and y are different points");
  }
}
