package dev.gradus.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.spi.InvalidHyperParameterException;
import dev.gradus.spi.MomentumAware;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerState;
import dev.gradus.spi.StateSnapshot;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Stateful and momentum-cycling schedules under {@link Optimizers#compose}: a snapshot taken
 * mid-run and restored resumes the run exactly (the loss-driven schedule's state and SGD's
 * late-starting momentum buffer included), optimizers without momentum are refused, and
 * combinations Gradus cannot reproduce are refused rather than approximated.
 */
class ScheduleStateAndMomentumTest {
  static final Object PLATEAU =
      Map.of("reduce_on_plateau", Map.of("patience", 1, "factor", 0.5, "cooldown", 2));
  static final Object ONE_CYCLE = Map.of("one_cycle", Map.of("max_lr", 0.05, "total_steps", 40));
  static final Object CYCLIC =
      Map.of("cyclic", Map.of("base_lr", 0.001, "max_lr", 0.02, "step_size_up", 5));

  /** 40 steps straight, or 17, snapshot, restore into a fresh composition, 23 more. */
  static void assertResumesExactly(String id, Map<String, Object> hyper, Object schedule) {
    double[] straight = GroupedTest.start();
    double[] resumed = GroupedTest.start();
    double[] g = new double[GroupedTest.N];
    ComposedOptimizer a =
        Optimizers.compose(
            GroupedTest.create(id, hyper), Schedule.parse(schedule), GradientClip.none());
    OptimizerState sa = a.init(GroupedTest.N);
    OptimizerState sb = a.init(GroupedTest.N);
    ComposedOptimizer b = a;
    double[] rates = new double[40];
    for (int k = 0; k < 40; k++) {
      rates[k] = a.nextLearningRate(sa);
      double f = GroupedTest.BOWL.evaluate(straight, g);
      a.step(straight, f, g, a.learningRate(), sa, GroupedTest.BOWL);
    }
    for (int k = 0; k < 40; k++) {
      if (k == 17) {
        StateSnapshot snapshot = sb.snapshot();
        b =
            Optimizers.compose(
                GroupedTest.create(id, hyper), Schedule.parse(schedule), GradientClip.none());
        sb = b.restore(snapshot, GroupedTest.N, List.of());
      }
      assertEquals(rates[k], b.nextLearningRate(sb), "rate at step " + k);
      double f = GroupedTest.BOWL.evaluate(resumed, g);
      b.step(resumed, f, g, b.learningRate(), sb, GroupedTest.BOWL);
    }
    assertArrayEquals(straight, resumed);
  }

  @Test
  void reduceOnPlateauResumesExactly() {
    assertResumesExactly("adam", Map.of("lr", 0.05), PLATEAU);
    // the plateau state is in the snapshot, under schedule.
    ComposedOptimizer c =
        Optimizers.compose(
            GroupedTest.create("gd", Map.of()), Schedule.parse(PLATEAU), GradientClip.none());
    StateSnapshot s = c.init(2).snapshot();
    assertEquals(Double.POSITIVE_INFINITY, s.scalar("schedule.best"));
    assertEquals(0.0, s.scalar("schedule.reductions"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"gd", "momentum", "rmsprop", "adam", "adamw", "nadam"})
  void momentumCyclingResumesExactly(String id) {
    assertResumesExactly(id, Map.of(), ONE_CYCLE);
    assertResumesExactly(id, Map.of(), CYCLIC);
  }

  /** gd has no buffer until a cycled step has momentum ≠ 0, as torch's None buffer. */
  @Test
  void gdGetsItsMomentumBufferFromTheFirstCycledStep() {
    ComposedOptimizer c =
        Optimizers.compose(
            GroupedTest.create("gd", Map.of()), Schedule.parse(ONE_CYCLE), GradientClip.none());
    OptimizerState state = c.init(2);
    assertTrue(state.snapshot().arrays().isEmpty());
    c.step(new double[] {1, 1}, 0, new double[] {1, 2}, c.learningRate(), state, null);
    StateSnapshot after = state.snapshot();
    // b ← g at the first step with momentum ≠ 0
    assertArrayEquals(new double[] {1, 2}, after.array("inner.momentum_buffer"));
    assertEquals(1.0, after.scalar("inner.momentum_buffer_started"));
  }

  /**
   * MomentumAware's contract: momentum() is the configured coefficient (torch's momentum, or β₁),
   * the plain step is the momentum step with it, and another momentum changes the step.
   */
  @ParameterizedTest
  @ValueSource(strings = {"gd", "momentum", "rmsprop", "adam", "adamw", "nadam"})
  void momentumAwareContract(String id) {
    boolean betas = id.startsWith("adam") || id.equals("nadam");
    Map<String, Object> hyper =
        id.equals("gd")
            ? Map.of()
            : betas ? Map.of("betas", List.of(0.7, 0.99)) : Map.of("momentum", 0.3);
    MomentumAware optimizer = (MomentumAware) GroupedTest.create(id, hyper);
    assertEquals(id.equals("gd") ? 0.0 : betas ? 0.7 : 0.3, optimizer.momentum());
    double[] plain = GroupedTest.start();
    double[] explicit = GroupedTest.start();
    double[] other = GroupedTest.start();
    double[] g = new double[GroupedTest.N];
    OptimizerState a = optimizer.init(GroupedTest.N);
    OptimizerState b = optimizer.init(GroupedTest.N);
    OptimizerState c = optimizer.init(GroupedTest.N);
    for (int k = 0; k < 3; k++) {
      double f = GroupedTest.BOWL.evaluate(plain, g);
      optimizer.step(plain, f, g.clone(), 0.01, a, GroupedTest.BOWL);
      f = GroupedTest.BOWL.evaluate(explicit, g);
      optimizer.step(explicit, f, g.clone(), 0.01, optimizer.momentum(), b, GroupedTest.BOWL);
      f = GroupedTest.BOWL.evaluate(other, g);
      optimizer.step(other, f, g.clone(), 0.01, 0.5, c, GroupedTest.BOWL);
    }
    assertArrayEquals(plain, explicit);
    assertTrue(!java.util.Arrays.equals(plain, other), "momentum 0.5 changes the steps");
  }

  @ParameterizedTest
  @ValueSource(strings = {"adagrad", "lbfgs"})
  void optimizersWithoutMomentumAreRefused(String id) {
    Optimizer optimizer = GroupedTest.create(id, Map.of());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Optimizers.compose(optimizer, Schedule.parse(ONE_CYCLE), GradientClip.none()));
    assertTrue(e.getMessage().contains("'" + id + "'"), e.getMessage());
    assertTrue(e.getMessage().contains("cycle_momentum: false"), e.getMessage());
    // without cycling, the same schedule is fine
    Optimizers.compose(
        optimizer,
        Schedule.parse(
            Map.of(
                "one_cycle", Map.of("max_lr", 0.05, "total_steps", 40, "cycle_momentum", false))),
        GradientClip.none());
  }

  @Test
  void groupsGetTheCycledMomentum() {
    Optimizer base = GroupedTest.create("momentum", Map.of("lr", 0.01));
    Optimizer grouped =
        Optimizers.grouped(
            base, List.of(new ParamGroup("b", GroupedTest.create("momentum", Map.of("lr", 0.02)))));
    // the refusal looks through the groups to their algorithm
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Optimizers.compose(
                Optimizers.grouped(
                    GroupedTest.create("adagrad", Map.of()),
                    List.of(new ParamGroup("b", GroupedTest.create("adagrad", Map.of())))),
                Schedule.parse(ONE_CYCLE),
                GradientClip.none()));
    ComposedOptimizer cycled =
        Optimizers.compose(grouped, Schedule.parse(ONE_CYCLE), GradientClip.none());
    ComposedOptimizer plain =
        Optimizers.compose(
            grouped,
            Schedule.parse(
                Map.of(
                    "one_cycle",
                    Map.of("max_lr", 0.05, "total_steps", 40, "cycle_momentum", false))),
            GradientClip.none());
    double[] x = GroupedTest.start();
    double[] y = GroupedTest.start();
    double[] g = new double[GroupedTest.N];
    OptimizerState sx = cycled.init(GroupedTest.N, GroupedTest.BLOCKS);
    OptimizerState sy = plain.init(GroupedTest.N, GroupedTest.BLOCKS);
    for (int k = 0; k < 3; k++) {
      cycled.step(x, GroupedTest.BOWL.evaluate(x, g), g, 0.01, sx, GroupedTest.BOWL);
      plain.step(y, GroupedTest.BOWL.evaluate(y, g), g, 0.01, sy, GroupedTest.BOWL);
    }
    // at step 1 the cycled momentum (≈ 0.95) differs from the configured 0.9 in every group
    for (int i = 0; i < GroupedTest.N; i++) {
      assertTrue(x[i] != y[i], "coordinate " + i + " moved differently");
    }
  }

  @Test
  void unreproducibleCombinationsAreRefused() {
    InvalidHyperParameterException cosine =
        assertThrows(
            InvalidHyperParameterException.class,
            () ->
                Schedule.parse(
                    Map.of(
                        "chained",
                        Map.of(
                            "schedulers",
                            List.of(
                                Map.of("exponential", Map.of("gamma", 0.9)),
                                Map.of("cosine", Map.of("t_max", 10)))))));
    assertTrue(cosine.getMessage().contains("schedulers[1]"), cosine.getMessage());
    assertThrows(
        InvalidHyperParameterException.class,
        () ->
            Schedule.parse(
                Map.of(
                    "sequential",
                    Map.of("schedules", List.of("linear", PLATEAU), "milestones", List.of(5)))));
    IllegalArgumentException lambda =
        assertThrows(
            IllegalArgumentException.class, () -> Schedule.parse(Map.of("lambda", "0.9^t")));
    assertTrue(lambda.getMessage().contains("expression compiler"), lambda.getMessage());
  }

  @Test
  void bareConstantIsNoScheduleAndTheMapIsConstantLr() {
    assertEquals(0.1, Schedule.parse("constant").lr(0, 0.1));
    // ConstantLR's defaults: factor 1/3 for 5 steps
    assertEquals(0.1 / 3, Schedule.parse(Map.of("constant", Map.of())).lr(4, 0.1), 1e-17);
    assertEquals(0.1, Schedule.parse(Map.of("constant", Map.of())).lr(5, 0.1));
  }
}
