package dev.gradus.benchmarks;

import dev.gradus.spi.Objective;
import dev.gradus.spi.Optimizer;
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
 * Linear regression by gradient descent: 1,000,000 points, 100 epochs from (m, b) = (0, 0), one
 * full-batch step per epoch. {@code graph} is the {@code linear-regression} objective (mean squared
 * error through its graph) with the {@code gd} optimizer; {@code handWritten} one fused pass per
 * epoch.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
public class LinearRegressionBenchmark {
  private final double[] point = new double[2];
  private final double[] gradient = new double[2];
  private double[][] data;
  private Objective objective;
  private Optimizer gd;

  @Setup
  public void setUp() {
    objective = Workloads.linearRegression(Workloads.REGRESSION_POINTS);
    gd = Workloads.gd(Workloads.REGRESSION_LR);
    data = Workloads.regressionData(Workloads.REGRESSION_POINTS);
  }

  @Benchmark
  public double graph() {
    point[0] = 0;
    point[1] = 0;
    return Workloads.optimize(
        objective, gd, gd.init(2), point, gradient, Workloads.REGRESSION_EPOCHS);
  }

  @Benchmark
  public double handWritten() {
    point[0] = 0;
    point[1] = 0;
    return HandWritten.linearRegressionGd(
        data[0], data[1], point, Workloads.REGRESSION_EPOCHS, Workloads.REGRESSION_LR);
  }
}
