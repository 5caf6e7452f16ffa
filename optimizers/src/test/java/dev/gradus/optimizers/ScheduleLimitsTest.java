package dev.gradus.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every schedule parameter is checked where the schedule is made, and edges of the rates. */
class ScheduleLimitsTest {
  private static void rejects(String parameter, Executable make) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, make);
    assertTrue(e.getMessage().contains(parameter), e.getMessage());
  }

  @Test
  void eachScheduleRejectsOutOfRangeParameters() {
    rejects("step_size", () -> Schedule.step(0, 0.5));
    rejects("gamma", () -> Schedule.step(3, 0));
    rejects("gamma", () -> Schedule.multiStep(List.of(2L, 4L), -1));
    rejects("gamma", () -> Schedule.exponential(0));
    rejects("t_max", () -> Schedule.cosine(0, 0));
    rejects("eta_min", () -> Schedule.cosine(10, -0.1));
    rejects("t_0", () -> Schedule.cosineWarmRestarts(0, 1, 0));
    rejects("t_mult", () -> Schedule.cosineWarmRestarts(5, 0, 0));
    rejects("eta_min", () -> Schedule.cosineWarmRestarts(5, 1, -1));
    rejects("start_factor", () -> Schedule.linear(0, 1, 10));
    rejects("end_factor", () -> Schedule.linear(0.5, 1.5, 10));
    rejects("total_iters", () -> Schedule.linear(0.5, 1, 0));
    rejects("total_iters", () -> Schedule.polynomial(0, 1));
    rejects("power", () -> Schedule.polynomial(10, -1));
  }

  @Test
  void oneCycleRejectsOutOfRangeParameters() {
    Schedule.Anneal cos = Schedule.Anneal.COS;
    rejects("max_lr", () -> Schedule.oneCycle(-1, 100, 0.3, cos, 25, 1e4, false));
    rejects("total_steps", () -> Schedule.oneCycle(0.1, 0, 0.3, cos, 25, 1e4, false));
    rejects("pct_start", () -> Schedule.oneCycle(0.1, 100, 1.5, cos, 25, 1e4, false));
    rejects("div_factor", () -> Schedule.oneCycle(0.1, 100, 0.3, cos, 0, 1e4, false));
    rejects("final_div_factor", () -> Schedule.oneCycle(0.1, 100, 0.3, cos, 25, 0, false));
  }

  @Test
  void milestonesMayStartAtZeroButNotRepeat() {
    Schedule fromZero = Schedule.multiStep(List.of(0L, 5L), 0.5);
    assertEquals(0.5, fromZero.lr(0, 1.0), 0);
    assertEquals(0.25, fromZero.lr(5, 1.0), 0);
    rejects("milestones", () -> Schedule.multiStep(List.of(2L, 2L), 0.5));
    rejects("milestones", () -> Schedule.multiStep(List.of(-1L, 2L), 0.5));
  }

  @Test
  void oneCycleAtItsLastStepContinuesTheFinalCosineAndHoldsTheMinimumAfter() {
    double maxLr = 0.1;
    long total = 10;
    Schedule schedule = Schedule.oneCycle(maxLr, total, 0.3, Schedule.Anneal.COS, 25, 1e4, false);
    double initial = maxLr / 25;
    double min = initial / 1e4;
    // The second phase runs from step 0.3·10 − 1 = 2 (max_lr) to step 9 (min); step 10 is one
    // step past its end: pct = 8/7.
    double pct = (10 - 2) / 7.0;
    double expected = min + (maxLr - min) / 2 * (Math.cos(Math.PI * pct) + 1);
    assertEquals(expected, schedule.lr(10, 1.0), 1e-18);
    assertEquals(min, schedule.lr(11, 1.0), 0);
    assertEquals(min, schedule.lr(9, 1.0), 1e-18);
  }
}
