package dev.gradus.runner.run;

import dev.gradus.functions.distance.Distances;
import dev.gradus.runner.plan.OptimizerConfig;
import dev.gradus.runner.plan.RunSpec;
import dev.gradus.runner.suite.Suite;
import dev.gradus.spi.Evaluator;
import dev.gradus.spi.KnownMinimum;
import dev.gradus.spi.Objective;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerState;
import dev.gradus.spi.RunInfo;
import dev.gradus.spi.RunListener;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Executes one run: a pure function of (run spec, budget, stop rules). It makes a fresh objective
 * and optimizer state, iterates until a stop rule, the budget, divergence or an error ends it, and
 * reports every {@code trace_every}-th iteration to the listener. No state is shared with other
 * runs, so runs can execute on any thread, process or machine with bit-identical results.
 *
 * <p>Iteration t evaluates f and ∇f at x_t, checks the stop rules and the budget, then takes step t
 * to x_{t+1}; {@code iterations} in the result counts the steps taken.
 */
public final class RunEngine {
  /** |f| or ‖∇f‖ above this counts as overflow: the run has diverged. */
  public static final double OVERFLOW = 1e300;

  private final Suite.Budget budget;
  private final Suite.Stop stop;
  private final int traceEvery;

  public RunEngine(Suite.Budget budget, Suite.Stop stop, int traceEvery) {
    this.budget = budget;
    this.stop = stop;
    this.traceEvery = traceEvery;
  }

  public RunResult run(RunSpec spec, RunListener listener) {
    return run(spec, listener, null);
  }

  /**
   * As {@link #run(RunSpec, RunListener)}, and also shows {@code positions} the point x_t at the
   * start of every iteration t (before f is evaluated there), from the thread that runs. The array
   * is the run's own and changes after the call returns: copy what you keep. Reports draw
   * trajectories with it by running a run again, since a run is a pure function of its spec.
   *
   * @param positions sees every x_t; null for none
   */
  public RunResult run(RunSpec spec, RunListener listener, Consumer<double[]> positions) {
    if (budget.maxSeconds() == null) {
      return runHere(spec, listener, positions, new Tracker(spec));
    }
    return runGuarded(spec, listener, positions);
  }

  private RunResult runHere(
      RunSpec spec, RunListener listener, Consumer<double[]> positions, Tracker t) {
    long started = System.nanoTime();
    try {
      RunInfo info = spec.info();
      listener.runStarted(info);
      iterate(spec, info, listener, positions, t, started);
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      t.status = RunStatus.FAILED;
      t.error =
          e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
    return t.result(System.nanoTime() - started);
  }

  /**
   * With a wall-clock limit, the run executes on a thread of its own, watched: {@code max_seconds}
   * is checked between steps, and a step (of a plugin, say) that never returns is cut off {@link
   * #grace} later. The run is then reported as {@code timeout} and the suite goes on; the stuck
   * thread cannot be stopped safely in Java, so it is abandoned and keeps its core busy until the
   * JVM exits.
   */
  private RunResult runGuarded(RunSpec spec, RunListener listener, Consumer<double[]> positions) {
    long started = System.nanoTime();
    Tracker t = new Tracker(spec);
    FutureTask<RunResult> task = new FutureTask<>(() -> runHere(spec, listener, positions, t));
    Thread thread = new Thread(task, "gradus-guarded-" + spec.runId());
    thread.setDaemon(true);
    thread.start();
    double limit = budget.maxSeconds() + grace(budget.maxSeconds());
    try {
      return task.get((long) (limit * 1e9), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      thread.interrupt();
      return t.abandoned(
          System.nanoTime() - started,
          String.format(
              java.util.Locale.ROOT,
              "a step did not return within %.1f s (max_seconds %s plus %.1f s grace); the run"
                  + " was abandoned at iteration %d and its thread left running",
              limit,
              budget.maxSeconds(),
              grace(budget.maxSeconds()),
              t.iterations));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for run " + spec.runId(), e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "run " + spec.runId() + " crashed: " + e.getCause(), e.getCause());
    }
  }

  /** How long past {@code max_seconds} a step may take before its run is abandoned. */
  static double grace(double maxSeconds) {
    return 1 + 0.1 * maxSeconds;
  }

  private void iterate(
      RunSpec spec,
      RunInfo info,
      RunListener listener,
      Consumer<double[]> positions,
      Tracker t,
      long started) {
    Objective objective = spec.function().factory().get();
    double[] x =
        StartPoints.resolve(
            spec.function().start(), objective, spec.seed(), spec.function().label());
    int n = x.length;
    t.xStart = x.clone();
    t.minimum = objective.knownMinimum();
    double fStar = t.minimum.map(KnownMinimum::value).orElse(Double.NaN);
    OptimizerConfig config = spec.optimizer();
    Optimizer optimizer = config.optimizer();
    OptimizerState state = optimizer.init(n);
    double[] gradient = new double[n];
    double[] previous = new double[n];
    double[] best = x.clone();
    t.x = x;
    t.xBest = best;
    long[] evaluations = {0};
    Evaluator evaluator =
        (point, g) -> {
          evaluations[0]++;
          return objective.valueAndGradient(point, g);
        };
    long maxEvaluations =
        budget.maxEvaluations() == null ? Long.MAX_VALUE : budget.maxEvaluations();
    long deadline =
        budget.maxSeconds() == null ? Long.MAX_VALUE : started + (long) (budget.maxSeconds() * 1e9);
    double target = stop.target() == null ? Double.NaN : stop.target();
    double gradTolerance = stop.gradNorm() == null ? -1 : stop.gradNorm();
    double stepNorm = 0;
    for (long iteration = 0; ; iteration++) {
      if (positions != null) {
        positions.accept(x);
      }
      double f = evaluator.evaluate(x, gradient);
      t.evaluations = evaluations[0];
      double gradNorm = norm(gradient);
      t.fFinal = f;
      t.gradNormFinal = gradNorm;
      t.iterations = iteration;
      if (!Double.isFinite(f) || Math.abs(f) > OVERFLOW || !(gradNorm <= OVERFLOW)) {
        t.status = RunStatus.DIVERGED;
        t.error = "diverged at iteration " + iteration + ": f = " + f + ", ‖∇f‖ = " + gradNorm;
        return;
      }
      if (f < t.fBest) {
        t.fBest = f;
        System.arraycopy(x, 0, best, 0, n);
      }
      double gap = f - fStar;
      boolean reached = gap <= target;
      if (reached && t.iterationsToTarget == null) {
        t.iterationsToTarget = iteration;
      }
      double lr = config.schedule().lr(iteration, optimizer.learningRate());
      boolean last =
          reached
              || gradNorm <= gradTolerance
              || iteration >= budget.maxIterations()
              || evaluations[0] >= maxEvaluations
              || System.nanoTime() > deadline;
      if (iteration % traceEvery == 0 || last) {
        listener.iteration(info, iteration, f, gap, gradNorm, stepNorm, lr);
      }
      if (reached || gradNorm <= gradTolerance) {
        t.status = RunStatus.CONVERGED;
        return;
      }
      if (iteration >= budget.maxIterations() || evaluations[0] >= maxEvaluations) {
        t.status = RunStatus.BUDGET_EXHAUSTED;
        return;
      }
      if (System.nanoTime() > deadline) {
        t.status = RunStatus.TIMEOUT;
        return;
      }
      config.clip().clip(gradient);
      System.arraycopy(x, 0, previous, 0, n);
      optimizer.step(x, f, gradient, lr, state, evaluator);
      stepNorm = Distances.euclidean(x, previous);
    }
  }

  /** ‖v‖₂, rescaled when the plain sum of squares overflows, so that 1e300 stays 1e300. */
  static double norm(double[] v) {
    double sum = 0;
    for (double e : v) {
      sum += e * e;
    }
    if (sum == Double.POSITIVE_INFINITY) {
      double scale = 0;
      for (double e : v) {
        scale = Math.max(scale, Math.abs(e));
      }
      if (scale == Double.POSITIVE_INFINITY) {
        return scale;
      }
      double scaled = 0;
      for (double e : v) {
        scaled += (e / scale) * (e / scale);
      }
      return scale * Math.sqrt(scaled);
    }
    return Math.sqrt(sum);
  }

  /** The mutable record of a run in progress. */
  private static final class Tracker {
    final RunSpec spec;
    RunStatus status = RunStatus.FAILED;
    String error;
    volatile long iterations;
    volatile long evaluations;
    volatile double[] xStart;
    double[] x;
    double[] xBest;
    double fFinal = Double.NaN;
    double fBest = Double.POSITIVE_INFINITY;
    double gradNormFinal = Double.NaN;
    volatile Long iterationsToTarget;
    Optional<KnownMinimum> minimum = Optional.empty();

    Tracker(RunSpec spec) {
      this.spec = spec;
    }

    RunResult result(long nanos) {
      Double gap = null;
      Double distance = null;
      if (minimum.isPresent() && Double.isFinite(fBest)) {
        gap = fBest - minimum.get().value();
      }
      if (minimum.isPresent() && x != null && !minimum.get().minimizers().isEmpty()) {
        distance = Distances.nearest(x, minimum.get().minimizers());
      }
      return new RunResult(
          spec.runId(),
          spec.function().name(),
          spec.function().label(),
          spec.function().parameters(),
          spec.optimizer().name(),
          spec.optimizer().label(),
          spec.optimizer().hyperparameters(),
          spec.seed(),
          spec.repeat(),
          status,
          iterations,
          evaluations,
          xStart,
          x == null ? null : x.clone(),
          finite(fFinal),
          xBest == null || !Double.isFinite(fBest) ? null : xBest.clone(),
          Double.isFinite(fBest) ? fBest : null,
          finite(gradNormFinal),
          gap,
          distance,
          iterationsToTarget,
          nanos / 1_000_000,
          error);
    }

    /** A run whose thread did not come back: only what is safe to read from outside it. */
    RunResult abandoned(long nanos, String message) {
      return new RunResult(
          spec.runId(),
          spec.function().name(),
          spec.function().label(),
          spec.function().parameters(),
          spec.optimizer().name(),
          spec.optimizer().label(),
          spec.optimizer().hyperparameters(),
          spec.seed(),
          spec.repeat(),
          RunStatus.TIMEOUT,
          iterations,
          evaluations,
          xStart,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          iterationsToTarget,
          nanos / 1_000_000,
          message);
    }

    private static Double finite(double v) {
      return Double.isNaN(v) ? null : v;
    }
  }
}
