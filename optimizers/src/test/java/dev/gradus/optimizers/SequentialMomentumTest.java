package dev.gradus.optimizers;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A sequence does not pass a schedule's momentum on, so one_cycle and cyclic with cycle_momentum
 * (both torch's default) are refused in it rather than silently run with the configured momentum.
 */
class SequentialMomentumTest {
  static Map<String, Object> sequence(boolean cycleMomentum) {
    return Map.of(
        "sequential",
        Map.of(
            "schedules",
            List.of(
                Map.of("linear", Map.of("start_factor", 0.1, "total_iters", 10)),
                Map.of(
                    "one_cycle",
                    Map.of("max_lr", 0.1, "total_steps", 100, "cycle_momentum", cycleMomentum))),
            "milestones",
            List.of(10)));
  }

  @Test
  void cyclingMomentumInASequenceIsRefused() {
    RuntimeException e = assertThrows(RuntimeException.class, () -> Schedule.parse(sequence(true)));
    assertTrue(e.getMessage().contains("cycle_momentum: false"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Schedule.sequential(
                List.of(
                    Schedule.constant(),
                    Schedule.cyclic(
                        0.001, 0.01, 5, 0, Schedule.CyclicMode.TRIANGULAR, 1, true, 0.8, 0.9)),
                List.of(3L)));
  }

  @Test
  void withoutCyclingItIsAllowed() {
    assertFalse(Schedule.parse(sequence(false)).cyclesMomentum());
  }
}
