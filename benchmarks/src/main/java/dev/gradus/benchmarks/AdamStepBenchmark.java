package dev.gradus.benchmarks;

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
 * One Adam step over 10,000,000 parameters with a fixed gradient. {@code optimizer} is the {@code
 * adam} optimizer; {@code handWritten} the fused loop of {@link HandWritten#adamStep}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx3g")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class AdamStepBenchmark {
  private final double[] params = Workloads.uniform(Workloads.ADAM_PARAMETERS, 1);
  private final double[] gradient = Workloads.uniform(Workloads.ADAM_PARAMETERS, 2);
  private Optimizer adam;
  private OptimizerState state;
  private HandWritten.AdamState handWrittenState;

  @Setup
  public void setUp() {
    adam = Workloads.adam(Workloads.ADAM_LR);
    state = adam.init(Workloads.ADAM_PARAMETERS);
    handWrittenState = new HandWritten.AdamState(Workloads.ADAM_PARAMETERS);
  }

  @Benchmark
  public double optimizer() {
    adam.step(params, 0, gradient, Workloads.ADAM_LR, state, null);
    return params[0];
  }

  @Benchmark
  public double handWritten() {
    HandWritten.adamStep(params, gradient, Workloads.ADAM_LR, handWrittenState);
    return params[0];
  }
}
