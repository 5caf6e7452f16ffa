package dev.gradus.benchmarks;

import dev.gradus.spi.Objective;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rosenbrock at n = 1,000,000: one value and gradient. {@code graph} runs the forward and backward
 * pass of the catalog's graph; {@code handWritten} is one fused loop.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RosenbrockBenchmark {
  private final double[] point = Workloads.rosenbrockStart(Workloads.ROSENBROCK_N);
  private final double[] gradient = new double[Workloads.ROSENBROCK_N];
  private Objective objective;

  @Setup
  public void setUp() {
    objective = Workloads.rosenbrock(Workloads.ROSENBROCK_N);
  }

  @Benchmark
  public double graph() {
    return objective.valueAndGradient(point, gradient);
  }

  @Benchmark
  public double handWritten() {
    return HandWritten.rosenbrockValueAndGradient(point, gradient);
  }
}
