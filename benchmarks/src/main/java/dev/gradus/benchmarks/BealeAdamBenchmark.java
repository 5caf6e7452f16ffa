package dev.gradus.benchmarks;

import dev.gradus.spi.Objective;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerState;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Adam on Beale: 20,000 steps from (1, 1), reported per step. {@code graph} evaluates Beale through
 * its computation graph and steps with the {@code adam} optimizer; {@code handWritten} is the
 * hand-derived gradient and a fused Adam loop.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(Workloads.BEALE_STEPS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class BealeAdamBenchmark {
  private final double[] point = new double[2];
  private final double[] gradient = new double[2];
  private Objective objective;
  private Optimizer adam;

  @Setup
  public void setUp() {
    objective = Workloads.beale();
    adam = Workloads.adam(Workloads.BEALE_LR);
  }

  @Benchmark
  public double graph() {
    point[0] = 1;
    point[1] = 1;
    OptimizerState state = adam.init(2);
    return Workloads.optimize(objective, adam, state, point, gradient, Workloads.BEALE_STEPS);
  }

  @Benchmark
  public double handWritten() {
    point[0] = 1;
    point[1] = 1;
    HandWritten.AdamState state = new HandWritten.AdamState(2);
    return HandWritten.bealeAdam(point, gradient, state, Workloads.BEALE_STEPS, Workloads.BEALE_LR);
  }
}
