package dev.gradus.benchmarks;

import dev.gradus.functions.regression.MlpSteps;
import dev.gradus.spi.Objective;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerState;
import java.util.List;
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
 * One minibatch training step of the mlp on the digits, 64-32-10 with tanh, batch 64, Adam (lr
 * 1e-3), the workload of {@code benchmarks/pytorch/mlp_step.py}. {@code step}: the next batch's
 * forward and backward pass ({@code mlp}'s hand-written backpropagation) and the {@code adam}
 * provider's step; {@code handWritten}: the same with plain triple loops ({@link HandWritten.Mlp})
 * and the fused Adam loop; {@code suiteStep}: what a suite run with {@code batch_size: 64} does per
 * step, which adds the full training loss (1,797 rows forward) to {@code step}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MlpStepBenchmark {
  private MlpSteps mlp;
  private double[] x;
  private double[] gradient;
  private Optimizer adam;
  private OptimizerState state;
  private Objective objective;
  private double[] suiteX;
  private OptimizerState suiteState;
  private HandWritten.Mlp handWritten;
  private double[] handX;
  private HandWritten.AdamState handState;
  private int[] order;
  private int[] rows;
  private int next;

  @Setup
  public void setUp() {
    mlp = new MlpSteps(List.of((double) Workloads.MLP_HIDDEN), "tanh", Workloads.MLP_BATCH, 1);
    x = mlp.start();
    gradient = new double[x.length];
    adam = Workloads.adam(Workloads.ADAM_LR);
    state = adam.init(x.length);
    objective = mlp.objective();
    suiteX = x.clone();
    suiteState = adam.init(x.length);
    int n = mlp.labels().length;
    handWritten =
        new HandWritten.Mlp(
            mlp.features(),
            mlp.labels(),
            Workloads.MLP_INPUTS,
            Workloads.MLP_HIDDEN,
            Workloads.MLP_CLASSES,
            Workloads.MLP_BATCH);
    handX = x.clone();
    handState = new HandWritten.AdamState(x.length);
    order = new int[n];
    java.util.Random random = new java.util.Random(2);
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    rows = new int[Workloads.MLP_BATCH];
  }

  @Benchmark
  public double step() {
    mlp.batchGradient(x, gradient);
    adam.step(x, 0, gradient, Workloads.ADAM_LR, state, null);
    return x[0];
  }

  @Benchmark
  public double handWritten() {
    // the same fixed shuffle each epoch: the batches' cost does not depend on which rows they hold
    int count = Math.min(rows.length, order.length - next);
    System.arraycopy(order, next, rows, 0, count);
    next = next + count == order.length ? 0 : next + count;
    handWritten.batchGradient(handX, rows, count, gradient);
    HandWritten.adamStep(handX, gradient, Workloads.ADAM_LR, handState);
    return handX[0];
  }

  @Benchmark
  public double suiteStep() {
    double f = objective.valueAndGradient(suiteX, gradient);
    adam.step(suiteX, f, gradient, Workloads.ADAM_LR, suiteState, null);
    return f;
  }
}
