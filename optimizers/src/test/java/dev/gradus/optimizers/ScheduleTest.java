package dev.gradus.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.spi.InvalidHyperParameterException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each schedule against torch's closed form, worked out by hand at chosen steps. */
class ScheduleTest {
  static final double BASE = 0.1;
  static final double TOLERANCE = 1e-15;

  static void assertLr(double expected, Schedule schedule, long step) {
    assertEquals(expected, schedule.lr(step, BASE), TOLERANCE, "step " + step);
  }

  @Test
  void constantIsTheBaseRate() {
    assertLr(BASE, Schedule.constant(), 0);
    assertLr(BASE, Schedule.constant(), 123_456);
  }

  @Test
  void stepDecaysEveryStepSizeSteps() {
    Schedule s = Schedule.step(3, 0.5);
    assertLr(0.1, s, 0);
    assertLr(0.1, s, 2);
    assertLr(0.05, s, 3);
    assertLr(0.025, s, 7);
  }

  @Test
  void multiStepDecaysAtEachMilestone() {
    Schedule s = Schedule.multiStep(List.of(2L, 5L), 0.1);
    assertLr(0.1, s, 1);
    assertLr(0.1 * 0.1, s, 2);
    assertLr(0.1 * 0.1, s, 4);
    assertLr(0.1 * 0.1 * 0.1, s, 5);
    assertLr(0.1 * 0.1 * 0.1, s, 500);
  }

  @Test
  void exponentialMultipliesEachStep() {
    Schedule s = Schedule.exponential(0.9);
    assertLr(0.1, s, 0);
    assertLr(0.1 * 0.9 * 0.9 * 0.9, s, 3);
  }

  @Test
  void cosineGoesFromBaseToEtaMinInTMaxSteps() {
    Schedule s = Schedule.cosine(10, 0.01);
    assertLr(0.1, s, 0);
    assertLr((0.1 + 0.01) / 2, s, 5);
    assertLr(0.01, s, 10);
    assertLr(0.01 + 0.09 * (1 + Math.cos(Math.PI * 0.3)) / 2, s, 3);
    // past t_max the closed form keeps following the cosine back up
    assertLr(0.01 + 0.09 * (1 + Math.cos(Math.PI * 1.5)) / 2, s, 15);
  }

  @Test
  void warmRestartsRestartAfterGrowingCycles() {
    Schedule s = Schedule.cosineWarmRestarts(4, 2, 0);
    // cycles [0, 4), [4, 12), [12, 28)
    assertLr(0.1 * (1 + Math.cos(Math.PI * 3 / 4)) / 2, s, 3);
    assertLr(0.1, s, 4);
    assertLr(0.05, s, 8);
    assertLr(0.1, s, 12);
    assertLr(0.1 * (1 + Math.cos(Math.PI * 15 / 16)) / 2, s, 27);
    assertLr(0.1, s, 28);
    Schedule fixed = Schedule.cosineWarmRestarts(4, 1, 0.02);
    assertLr(0.02 + 0.08 * (1 + Math.cos(Math.PI / 4)) / 2, fixed, 9);
    assertLr(0.1, fixed, 1000);
  }

  @Test
  void linearRampsThenHolds() {
    Schedule s = Schedule.linear(1.0 / 3, 1, 5);
    assertLr(0.1 / 3, s, 0);
    assertLr(0.1 * (1.0 / 3 + (2.0 / 3) * 2 / 5), s, 2);
    assertLr(0.1, s, 5);
    assertLr(0.1, s, 50);
  }

  @Test
  void polynomialDecaysToZero() {
    Schedule s = Schedule.polynomial(4, 2);
    assertLr(0.1, s, 0);
    assertLr(0.1 * 0.75 * 0.75, s, 1);
    assertLr(0, s, 4);
    assertLr(0, s, 6);
  }

  @Test
  void oneCycleRisesThenAnneals() {
    Schedule cos = Schedule.oneCycle(1, 100, 0.3, Schedule.Anneal.COS, 25, 1e4, false);
    assertEquals(0.04, cos.lr(0, BASE), 1e-15, "starts at max_lr / div_factor");
    assertEquals(1, cos.lr(29, BASE), 1e-15, "peaks at pct_start·total − 1");
    assertEquals(4e-6, cos.lr(99, BASE), 1e-15, "ends at initial / final_div_factor");
    double pct = 10 / 29.0;
    assertEquals(1 + (0.04 - 1) / 2 * (Math.cos(Math.PI * pct) + 1), cos.lr(10, BASE), 1e-15);
    assertEquals(4e-6, cos.lr(150, BASE), 0, "holds the final rate past total_steps");

    Schedule linear = Schedule.oneCycle(1, 100, 0.3, Schedule.Anneal.LINEAR, 25, 1e4, false);
    assertEquals(0.04 + 0.96 * 10 / 29.0, linear.lr(10, BASE), 1e-15);
    assertEquals(1 + (4e-6 - 1) * (50 - 29) / 70.0, linear.lr(50, BASE), 1e-15);

    Schedule three = Schedule.oneCycle(1, 100, 0.3, Schedule.Anneal.LINEAR, 25, 1e4, true);
    assertEquals(1, three.lr(29, BASE), 1e-15);
    assertEquals(0.04, three.lr(58, BASE), 1e-15);
    assertEquals(0.04 + (4e-6 - 0.04) * (80 - 58) / 41.0, three.lr(80, BASE), 1e-15);
    assertEquals(4e-6, three.lr(99, BASE), 1e-15);
  }

  @Test
  void sequentialRestartsEachScheduleAtItsMilestone() {
    Schedule s =
        Schedule.sequential(
            List.of(Schedule.linear(0.5, 1, 4), Schedule.exponential(0.5)), List.of(4L));
    assertLr(0.05, s, 0);
    assertLr(0.1 * 0.75, s, 2);
    assertLr(0.1, s, 4);
    assertLr(0.025, s, 6);
  }

  @Test
  void factoriesRejectOutOfRangeArguments() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Schedule.cosine(0, 0));
    assertTrue(e.getMessage().contains("t_max = 0") && e.getMessage().contains("[1, ∞)"));
    assertThrows(IllegalArgumentException.class, () -> Schedule.linear(0, 1, 5));
    assertThrows(IllegalArgumentException.class, () -> Schedule.multiStep(List.of(5L, 2L), 0.1));
    assertThrows(
        IllegalArgumentException.class,
        () -> Schedule.sequential(List.of(Schedule.constant()), List.of(3L)));
  }

  // ---- the YAML parser ----

  @Test
  void parsesEachNameToTheFactorysSchedule() {
    assertLr(BASE, Schedule.parse("constant"), 99);
    assertLr(0.1 * 0.1 * 0.1, Schedule.parse(Map.of("step", Map.of("step_size", 2))), 5);
    assertLr(
        0.1 * 0.01,
        Schedule.parse(Map.of("multistep", Map.of("milestones", List.of(3, 6), "gamma", 0.1))),
        6);
    assertLr(0.1 * 0.25, Schedule.parse(Map.of("exponential", Map.of("gamma", 0.5))), 2);
    assertLr(0.05, Schedule.parse(Map.of("cosine", Map.of("t_max", 20))), 10);
    assertLr(0.1, Schedule.parse(Map.of("cosine_warm_restarts", Map.of("t_0", 3, "t_mult", 2))), 9);
    assertLr(0.1 / 3, Schedule.parse(Map.of("linear", Map.of())), 0);
    assertLr(0.1 * 0.8, Schedule.parse(Map.of("polynomial", Map.of())), 1);
    assertEquals(
        0.04,
        Schedule.parse(Map.of("one_cycle", Map.of("max_lr", 1, "total_steps", 100))).lr(0, BASE),
        1e-15);
  }

  @Test
  void parsesANestedSequential() {
    Schedule s =
        Schedule.parse(
            Map.of(
                "sequential",
                Map.of(
                    "schedules",
                    List.of(
                        Map.of("linear", Map.of("start_factor", 0.5, "total_iters", 4)),
                        Map.of("cosine", Map.of("t_max", 10))),
                    "milestones",
                    List.of(4))));
    assertLr(0.05, s, 0);
    assertLr(0.1, s, 4);
    assertLr(0.05, s, 9);
  }

  @Test
  void unknownNameSuggestsCloseOnes() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Schedule.parse(Map.of("cosin", Map.of())));
    assertTrue(e.getMessage().contains("unknown schedule 'cosin'"), e.getMessage());
    assertTrue(e.getMessage().contains("did you mean 'cosine'"), e.getMessage());
  }

  @Test
  void unknownKeyNamesTheKeyAndSuggests() {
    InvalidHyperParameterException e =
        assertThrows(
            InvalidHyperParameterException.class,
            () -> Schedule.parse(Map.of("cosine", Map.of("t_maxx", 10))));
    assertEquals("t_maxx", e.parameter());
    assertTrue(e.getMessage().contains("did you mean 't_max'"), e.getMessage());
  }

  @Test
  void wrongTypeAndRangeAndMissingKeysAreNamed() {
    InvalidHyperParameterException type =
        assertThrows(
            InvalidHyperParameterException.class,
            () -> Schedule.parse(Map.of("cosine", Map.of("t_max", "ten"))));
    assertEquals("t_max", type.parameter());
    assertTrue(type.getMessage().contains("'ten'"), type.getMessage());

    InvalidHyperParameterException range =
        assertThrows(
            InvalidHyperParameterException.class,
            () -> Schedule.parse(Map.of("exponential", Map.of("gamma", -1))));
    assertEquals("gamma", range.parameter());
    assertTrue(
        range.getMessage().contains("-1") && range.getMessage().contains("(0, ∞)"),
        range.getMessage());

    InvalidHyperParameterException missing =
        assertThrows(
            InvalidHyperParameterException.class, () -> Schedule.parse(Map.of("cosine", Map.of())));
    assertEquals("t_max", missing.parameter());
    assertTrue(missing.getMessage().contains("required"), missing.getMessage());

    InvalidHyperParameterException fractional =
        assertThrows(
            InvalidHyperParameterException.class,
            () -> Schedule.parse(Map.of("multistep", Map.of("milestones", List.of(1.5)))));
    assertEquals("milestones", fractional.parameter());

    InvalidHyperParameterException anneal =
        assertThrows(
            InvalidHyperParameterException.class,
            () ->
                Schedule.parse(
                    Map.of(
                        "one_cycle",
                        Map.of("max_lr", 1, "total_steps", 10, "anneal_strategy", "cosine"))));
    assertEquals("anneal_strategy", anneal.parameter());
  }

  @Test
  void sequentialChecksItsParts() {
    InvalidHyperParameterException count =
        assertThrows(
            InvalidHyperParameterException.class,
            () ->
                Schedule.parse(
                    Map.of(
                        "sequential",
                        Map.of(
                            "schedules",
                            List.of("constant", "constant"),
                            "milestones",
                            List.of(1, 2)))));
    assertEquals("milestones", count.parameter());
    IllegalArgumentException inner =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Schedule.parse(
                    Map.of(
                        "sequential",
                        Map.of("schedules", List.of("constnt"), "milestones", List.of()))));
    assertTrue(inner.getMessage().contains("did you mean 'constant'"), inner.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Schedule.parse(List.of("cosine")));
    assertThrows(
        IllegalArgumentException.class, () -> Schedule.parse(Map.of("cosine", "t_max: 10")));
  }
}
