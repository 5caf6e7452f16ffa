package dev.gradus.benchmarks;

import dev.gradus.spi.Objective;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The JIT's profile pollution: the graph's kernels (one {@code Square.computeValue(int, int)} for
 * every square in every graph, and so on) are shared by graphs of every size, and C2 compiles them
 * with the trip counts and branch profiles it has seen. Each benchmark measures one size,
 * Rosenbrock at n = 2 (node by node, two-element loops) or n = 10⁶ (fused, loops of one block),
 * with {@code profile = clean}: only that size runs in the fork; or {@code mixed}: before warm-up,
 * the setup runs both sizes interleaved for about as long as the warm-up, so that the kernels are
 * compiled with both profiles, as in a suite that runs 2-D functions and 10⁶-dimensional ones in
 * one JVM. The ratio mixed/clean per size is the cost of sharing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ProfilePollutionBenchmark {
  private static final int SMALL = 2;

  @Param({"clean", "mixed"})
  public String profile;

  private final double[] smallPoint = Workloads.rosenbrockStart(SMALL);
  private final double[] smallGradient = new double[SMALL];
  private final double[] largePoint = Workloads.rosenbrockStart(Workloads.ROSENBROCK_N);
  private final double[] largeGradient = new double[Workloads.ROSENBROCK_N];
  private Objective small;
  private Objective large;

  @Setup(Level.Trial)
  public void setUp() {
    small = Workloads.rosenbrock(SMALL);
    large = Workloads.rosenbrock(Workloads.ROSENBROCK_N);
    if (profile.equals("mixed")) {
      // About three seconds of both, so that C2 compiles the shared kernels seeing both sizes.
      long end = System.nanoTime() + 3_000_000_000L;
      while (System.nanoTime() < end) {
        large.valueAndGradient(largePoint, largeGradient);
        for (int i = 0; i < 5_000; i++) {
          small.valueAndGradient(smallPoint, smallGradient);
        }
      }
    }
  }

  @Benchmark
  public double rosenbrock2() {
    return small.valueAndGradient(smallPoint, smallGradient);
  }

  @Benchmark
  public double rosenbrock1e6() {
    return large.valueAndGradient(largePoint, largeGradient);
  }
}
