package dev.gradus.runner.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.runner.TestSuites;
import dev.gradus.runner.plan.Plan;
import dev.gradus.spi.RunListener;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** The run loop's steady state allocates nothing: a longer run of the same rows costs no more. */
class RunLoopAllocationTest {
  private static final String SUITE =
      """
      suite: allocation
      budget: {max_iterations: STEPS}
      functions:
        - {name: beale, start: [1, 1]}
      optimizers:
        - {name: adam, lr: 0.001}
      output: {trace_every: 1000000}
      """;

  private static long allocatedBy(Plan plan) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    RunEngine engine = new RunEngine(plan.rules());
    long before = threads.getThreadAllocatedBytes(id);
    RunResult result = engine.run(plan.runs().get(0), new RunListener() {});
    long after = threads.getThreadAllocatedBytes(id);
    assertEquals(RunStatus.BUDGET_EXHAUSTED, result.status());
    return after - before;
  }

  @Test
  void aRunOfTenTimesTheStepsAllocatesNoMore() {
    Plan short_ = TestSuites.plan(SUITE.replace("STEPS", "20000"));
    Plan long_ = TestSuites.plan(SUITE.replace("STEPS", "200000"));
    for (int warm = 0; warm < 5; warm++) { // past the interpreter, whose frames may allocate
      allocatedBy(long_);
    }
    long small = allocatedBy(short_);
    long large = allocatedBy(long_);
    // both record the same rows (iteration 0 and the last); 180,000 more iterations may not
    // cost a byte each
    assertTrue(
        large - small < 180_000, "20,000 steps: " + small + " B, 200,000 steps: " + large + " B");
  }
}
