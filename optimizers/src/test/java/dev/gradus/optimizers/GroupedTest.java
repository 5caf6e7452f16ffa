package dev.gradus.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.spi.Evaluator;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerProvider;
import dev.gradus.spi.OptimizerState;
import dev.gradus.spi.ParameterBlock;
import dev.gradus.spi.StateSnapshot;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Parameter groups: each block steps as an ungrouped optimizer with the group's values would step
 * it alone, clipping sees the whole gradient, schedules act on each group's own rate, and the state
 * round-trips.
 */
class GroupedTest {
  /** W [3, 2] at 0, b [2] at 6, v [4] at 8: 12 parameters. */
  static final List<ParameterBlock> BLOCKS =
      List.of(
          ParameterBlock.matrix("W", 0, 3, 2),
          ParameterBlock.vector("b", 6, 2),
          ParameterBlock.vector("v", 8, 4));

  static final int N = 12;

  static Optimizer create(String id, Map<String, Object> values) {
    OptimizerProvider provider = StateRestoreTest.REGISTRY.require(id);
    return provider.create(HyperParameters.resolve(provider, values));
  }

  /**
   * A coupled quartic-plus-quadratic, so that every coordinate's gradient depends on all others.
   */
  static final Evaluator BOWL =
      (x, g) -> {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
          s += (i + 1) * x[i];
        }
        double f = 0.25 * s * s * s * s / 1e3;
        for (int i = 0; i < x.length; i++) {
          double r = x[i] - 0.5 * i;
          g[i] = (1 + i % 3) * r + (i + 1) * s * s * s / 1e3;
          f += 0.5 * (1 + i % 3) * r * r;
        }
        return f;
      };

  static double[] start() {
    double[] x = new double[N];
    for (int i = 0; i < N; i++) {
      x[i] = Math.sin(i + 1);
    }
    return x;
  }

  static void run(Optimizer o, OptimizerState state, double[] x, int steps) {
    double[] g = new double[x.length];
    for (int k = 0; k < steps; k++) {
      double f = BOWL.evaluate(x, g);
      o.step(x, f, g, o.learningRate(), state, BOWL);
    }
  }

  @Test
  void aGroupWithTheEntrysValuesChangesNothingBitForBit() {
    Optimizer adam = create("adamw", Map.of("lr", 0.05));
    double[] flat = start();
    run(adam, adam.init(N), flat, 50);
    Optimizer grouped = Optimizers.grouped(adam, List.of(new ParamGroup("b", adam)));
    double[] split = start();
    run(grouped, ((dev.gradus.spi.BlockAware) grouped).init(N, BLOCKS), split, 50);
    assertEquals(Arrays.toString(flat), Arrays.toString(split));
  }

  @Test
  void eachGroupStepsItsBlocksWithItsOwnValues() {
    // adamw is coordinate-wise, so a grouped run equals, coordinate by coordinate, an ungrouped run
    // with the group's values fed the same gradients
    Optimizer decayed = create("adamw", Map.of("lr", 0.05, "weight_decay", 0.1));
    Optimizer bias = create("adamw", Map.of("lr", 0.05, "weight_decay", 0.0));
    Optimizer vector = create("adamw", Map.of("lr", 0.2, "weight_decay", 0.3));
    var grouped =
        Optimizers.grouped(
            decayed, List.of(new ParamGroup("b*", bias), new ParamGroup("v", vector)));
    double[] x = start();
    OptimizerState state = grouped.init(N, BLOCKS);
    double[][] reference = {start(), start(), start()};
    Optimizer[] by = {decayed, bias, vector};
    OptimizerState[] states = {decayed.init(N), bias.init(N), vector.init(N)};
    double[] g = new double[N];
    for (int k = 0; k < 30; k++) {
      double f = BOWL.evaluate(x, g);
      for (int r = 0; r < 3; r++) {
        double[] copy = g.clone();
        System.arraycopy(x, 0, reference[r], 0, N);
        by[r].step(reference[r], f, copy, by[r].learningRate(), states[r], BOWL);
      }
      grouped.step(x, f, g, grouped.learningRate(), state, BOWL);
      for (int i = 0; i < N; i++) {
        int r = i < 6 ? 0 : i < 8 ? 1 : 2;
        assertEquals(reference[r][i], x[i], 0.0, "step " + k + ", coordinate " + i);
        // the reference of the other groups is reset from x at the next step
      }
    }
  }

  @Test
  void clippingSeesTheWholeGradientAndSchedulesEachGroupsOwnRate() {
    Optimizer slow = create("gd", Map.of("lr", 0.01));
    Optimizer fast = create("gd", Map.of("lr", 0.1));
    Schedule schedule = Schedule.cosine(20, 0.001);
    GradientClip clip = GradientClip.byNorm(1.0);
    ComposedOptimizer grouped =
        Optimizers.compose(
            Optimizers.grouped(slow, List.of(new ParamGroup("v", fast))), schedule, clip);
    double[] x = start();
    OptimizerState state = grouped.init(N, BLOCKS);
    double[] g = new double[N];
    for (int t = 0; t < 20; t++) {
      double f = BOWL.evaluate(x, g);
      double[] expected = x.clone();
      double[] clipped = g.clone();
      clip.clip(clipped);
      for (int i = 0; i < N; i++) {
        double lr = schedule.lr(t, i < 8 ? 0.01 : 0.1);
        expected[i] -= lr * clipped[i];
      }
      assertEquals(schedule.lr(t, 0.01), grouped.nextLearningRate(state), 0.0);
      grouped.step(x, f, g, grouped.learningRate(), state, BOWL);
      for (int i = 0; i < N; i++) {
        assertEquals(expected[i], x[i], 0.0, "step " + t + ", coordinate " + i);
      }
    }
  }

  @Test
  void snapshotsRoundTripUnderCompositionAndRejectForeignGroups() {
    for (String id : List.of("adamw", "lbfgs", "rmsprop")) {
      Optimizer base = create(id, Map.of());
      Optimizer other = create(id, Map.of("lr", id.equals("lbfgs") ? 0.5 : 0.002));
      ComposedOptimizer grouped =
          Optimizers.compose(
              Optimizers.grouped(base, List.of(new ParamGroup("W", other))),
              Schedule.exponential(0.99),
              GradientClip.byValue(5));
      double[] straight = start();
      run(grouped, grouped.init(N, BLOCKS), straight, 30);
      double[] resumed = start();
      OptimizerState first = grouped.init(N, BLOCKS);
      run(grouped, first, resumed, 11);
      StateSnapshot snapshot = first.snapshot();
      assertTrue(
          snapshot.arrays().keySet().stream().anyMatch(k -> k.startsWith("inner.group0.")),
          id + ": " + snapshot.arrays().keySet());
      OptimizerState second = grouped.restore(snapshot, N, BLOCKS);
      assertEquals(snapshot, second.snapshot());
      run(grouped, second, resumed, 19);
      assertEquals(Arrays.toString(straight), Arrays.toString(resumed), id);
    }
    Optimizer adam = create("adam", Map.of());
    var grouped = Optimizers.grouped(adam, List.of(new ParamGroup("v", adam)));
    StateSnapshot snapshot = grouped.init(N, BLOCKS).snapshot();
    List<ParameterBlock> oneBlock = ParameterBlock.whole(N);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> grouped.restore(snapshot, N, oneBlock));
    assertTrue(e.getMessage().contains("'v'"), e.getMessage());
  }

  @Test
  void patternsMatchingNothingOrOverlappingAreNamed() {
    Optimizer adam = create("adam", Map.of());
    var typo = Optimizers.grouped(adam, List.of(new ParamGroup("bb", adam)));
    ParamGroups.Mismatch none =
        assertThrows(ParamGroups.Mismatch.class, () -> typo.init(N, BLOCKS));
    assertEquals(0, none.group());
    assertTrue(
        none.getMessage().contains("'bb' matches no block (did you mean 'b'")
            && none.getMessage().contains("W [3, 2], b [2], v [4]"),
        none.getMessage());
    var twice =
        Optimizers.grouped(adam, List.of(new ParamGroup("v", adam), new ParamGroup("*", adam)));
    ParamGroups.Mismatch both =
        assertThrows(ParamGroups.Mismatch.class, () -> twice.init(N, BLOCKS));
    assertEquals(1, both.group());
    assertTrue(both.getMessage().contains("'v' (group 0) and '*' (group 1)"), both.getMessage());
    Optimizer gd = create("gd", Map.of());
    IllegalArgumentException mixed =
        assertThrows(
            IllegalArgumentException.class,
            () -> Optimizers.grouped(adam, List.of(new ParamGroup("v", gd))));
    assertTrue(mixed.getMessage().contains("'gd'"), mixed.getMessage());
  }

  @Test
  void globsMatchWholeNames() {
    assertTrue(ParamGroups.matches("b*", "b12"));
    assertTrue(ParamGroups.matches("b*", "b"));
    assertTrue(ParamGroups.matches("*.bias", "layer1.bias"));
    assertTrue(ParamGroups.matches("W?", "W2"));
    assertTrue(ParamGroups.matches("*a*b*", "xxaybzb"));
    assertFalse(ParamGroups.matches("W?", "W12"));
    assertFalse(ParamGroups.matches("b", "b1"));
    assertFalse(ParamGroups.matches("b*", "Wb"));
    assertNotEquals(true, ParamGroups.matches("*x", "xy"));
  }

  @Test
  void groupedStepsDoNotAllocate() {
    for (String id : List.of("adamw", "lbfgs")) {
      Optimizer base = create(id, Map.of("lr", 1e-4));
      ComposedOptimizer grouped =
          Optimizers.compose(
              Optimizers.grouped(
                  base, List.of(new ParamGroup("b", create(id, Map.of("lr", 1e-5))))),
              Schedule.cosine(1000, 0),
              GradientClip.byNorm(1e9));
      double[] x = new double[N];
      double[] g = new double[N];
      OptimizerState state = grouped.init(N, BLOCKS);
      int steps = 2000;
      long least = AllocationTest.leastAllocated(grouped, state, x, g, steps);
      assertTrue(
          least < steps, id + " grouped allocated " + least + " bytes in " + steps + " steps");
    }
  }
}
