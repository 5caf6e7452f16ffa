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
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The steady-state loops at sizes small enough for millions of operations per iteration, so that
 * {@code -prof gc}'s {@code gc.alloc.rate.norm} shows what one operation allocates, undiluted by
 * JMH's own per-iteration bookkeeping: graph forward and backward (Rosenbrock n = 1,000, Beale,
 * linear regression on 1,000 points) and optimizer steps (Adam, gd) over 1,000 parameters.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class SteadyStateBenchmark {
  private static final int N = 1000;
  private final double[] vector = Workloads.rosenbrockStart(N);
  private final double[] vectorGradient = Workloads.uniform(N, 5);
  private final double[] pair = {1, 1};
  private final double[] pairGradient = new double[2];
  private Objective rosenbrock;
  private Objective beale;
  private Objective regression;
  private Optimizer adam;
  private Optimizer gd;
  private OptimizerState adamState;
  private OptimizerState gdState;

  @Setup
  public void setUp() {
    rosenbrock = Workloads.rosenbrock(N);
    beale = Workloads.beale();
    regression = Workloads.linearRegression(N);
    adam = Workloads.adam(Workloads.ADAM_LR);
    gd = Workloads.gd(1e-9);
    adamState = adam.init(N);
    gdState = gd.init(N);
  }

  @Benchmark
  public double rosenbrockForwardBackward() {
    return rosenbrock.valueAndGradient(vector, vectorGradient);
  }

  @Benchmark
  public double bealeForwardBackward() {
    return beale.valueAndGradient(pair, pairGradient);
  }

  @Benchmark
  public double regressionForwardBackward() {
    return regression.valueAndGradient(pair, pairGradient);
  }

  @Benchmark
  public double adamStep() {
    adam.step(vector, 0, vectorGradient, Workloads.ADAM_LR, adamState, null);
    return vector[0];
  }

  @Benchmark
  public double gdStep() {
    gd.step(vector, 0, vectorGradient, 1e-9, gdState, null);
    return vector[0];
  }
}
