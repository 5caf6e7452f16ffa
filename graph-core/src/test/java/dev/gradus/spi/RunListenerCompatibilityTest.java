package dev.gradus.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A listener written against SPI 1.0, which overrides only the seven-argument {@code iteration},
 * still receives every event the runner sends through {@link RunListener#iteration(RunInfo,
 * Iteration)}; and a {@link RunInfo} made the 1.0 way has no configuration indices.
 */
class RunListenerCompatibilityTest {
  @Test
  void aListenerOfSpi10ReceivesTheNewEvents() {
    List<String> seen = new ArrayList<>();
    RunListener old =
        new RunListener() {
          @Override
          public void iteration(
              RunInfo run, long it, double f, double gap, double g, double step, double lr) {
            seen.add(
                run.runId() + " " + it + " " + f + " " + gap + " " + g + " " + step + " " + lr);
          }
        };
    RunInfo info = new RunInfo("f0-a_o0-b_r0", "a", "a", "b", "b", 0, 7L);
    old.iteration(info, new Iteration(3, 4, 0.5, 2.0, 1.0, 0.25, 0.125, 0.01, true));
    assertEquals(List.of("f0-a_o0-b_r0 3 2.0 1.0 0.25 0.125 0.01"), seen);
    assertEquals(-1, info.functionIndex());
    assertEquals(-1, info.optimizerIndex());
  }
}
