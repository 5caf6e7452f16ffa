package dev.gradus.benchmarks;

import dev.gradus.optimizers.ComposedOptimizer;
import dev.gradus.runner.plan.Plan;
import dev.gradus.runner.plan.RunSpec;
import dev.gradus.runner.run.RunEngine;
import dev.gradus.runner.suite.SuiteLoader;
import dev.gradus.runner.wiring.Gradus;
import dev.gradus.runner.wiring.Plugins;
import dev.gradus.spi.Evaluator;
import dev.gradus.spi.Objective;
import dev.gradus.spi.OptimizerState;
import dev.gradus.spi.RunListener;
import java.nio.file.Path;
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
 * The run loop's own cost per iteration: Adam on Beale, 20,000 steps from (1, 1), as a suite plans
 * it. {@code runEngine} is the runner's {@link RunEngine} (a fresh objective and state, the stop
 * and budget tests, best-so-far tracking, trace rows every 1,000 iterations to a listener that
 * ignores them); {@code bareLoop} is the same objective factory, the same composed optimizer and
 * the same number of evaluations and steps with nothing around them. Their difference per step is
 * the loop's overhead (docs/performance.md, "The run loop and the suite").
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(Workloads.BEALE_STEPS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RunLoopBenchmark {
  static final String SUITE =
      """
      suite: run-loop
      budget: {max_iterations: %d}
      functions:
        - {name: beale, start: [1, 1]}
      optimizers:
        - {name: adam, lr: %s}
      output: {trace_every: 1000}
      """
          .formatted(Workloads.BEALE_STEPS, Workloads.BEALE_LR);

  private RunEngine engine;
  private RunSpec spec;
  private final RunListener ignoring = new RunListener() {};

  @Setup
  public void setUp() {
    Gradus gradus = Gradus.create(Plugins.discover(RunLoopBenchmark.class.getClassLoader()), false);
    Plan plan =
        gradus.planner().plan(new SuiteLoader().parse(SUITE, "run-loop.yaml", Path.of(".")));
    spec = plan.runs().get(0);
    engine = new RunEngine(plan.rules());
  }

  @Benchmark
  public double runEngine() {
    return engine.run(spec, ignoring).fFinal();
  }

  @Benchmark
  public double bareLoop() {
    Objective objective = spec.function().factory().get();
    ComposedOptimizer optimizer = spec.optimizer().optimizer();
    double[] x = spec.function().start().point(objective, spec.seed());
    double[] gradient = new double[x.length];
    OptimizerState state = optimizer.init(x.length, objective.blocks());
    Evaluator evaluate = objective::valueAndGradient;
    double f = 0;
    for (int t = 0; t < Workloads.BEALE_STEPS; t++) {
      f = objective.valueAndGradient(x, gradient);
      optimizer.nextLearningRate(state);
      optimizer.step(x, f, gradient, optimizer.learningRate(), state, evaluate);
    }
    return f + objective.valueAndGradient(x, gradient);
  }
}
