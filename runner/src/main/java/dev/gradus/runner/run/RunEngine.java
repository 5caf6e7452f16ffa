package dev.gradus.runner.run;

import dev.gradus.functions.distance.Distances;
import dev.gradus.graph.Lanczos;
import dev.gradus.optimizers.ComposedOptimizer;
import dev.gradus.runner.plan.Bounds;
import dev.gradus.runner.plan.RunRules;
import dev.gradus.runner.plan.RunSpec;
import dev.gradus.spi.Domain;
import dev.gradus.spi.Evaluator;
import dev.gradus.spi.Iteration;
import dev.gradus.spi.KnownMinimum;
import dev.gradus.spi.Objective;
import dev.gradus.spi.OptimizerState;
import dev.gradus.spi.RandomStream;
import dev.gradus.spi.RunInfo;
import dev.gradus.spi.RunListener;
import dev.gradus.spi.Stochastic;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Executes one run: a pure function of (run spec, run rules). It makes a fresh objective and
 * optimizer state (or restores them from a checkpoint), iterates until a stop rule, the budget,
 * divergence or an error ends it, and reports iteration 0, every {@code trace_every}-th iteration
 * and the last to the listener. No state is shared with other runs, so runs can execute on any
 * thread, process or machine with bit-identical results.
 *
 * <p>Iteration t evaluates f and ∇f at x_t, checks the stop rules and the budget, then takes step t
 * to x_{t+1} (projected into the domain with {@code bounds: project}); {@code iterations} in the
 * result counts the steps taken. Points outside the function's domain never become the best point,
 * never reach the target and never converge.
 */
public final class RunEngine {
  /**
   * A stochastic objective's stream starts from the run's seed with these bits flipped, so that it
   * draws other numbers than the start rule, which also derives from the seed.
   */
  static final long STREAM_SALT = 0x5eed_57e4_a3c1_d00dL;

  /** |f| or ‖∇f‖ above this counts as overflow: the run has diverged. */
  public static final double OVERFLOW = 1e300;

  private final RunRules rules;
  private final String suiteSha256;
  private final Checkpoint.Sink checkpoints;

  /** An engine that saves no checkpoints. */
  public RunEngine(RunRules rules) {
    this(rules, "", Checkpoint.Sink.none());
  }

  /**
   * @param suiteSha256 recorded in each checkpoint
   * @param checkpoints where checkpoints go every {@code rules.checkpointEvery()} iterations
   */
  public RunEngine(RunRules rules, String suiteSha256, Checkpoint.Sink checkpoints) {
    this.rules = rules;
    this.suiteSha256 = suiteSha256;
    this.checkpoints = checkpoints;
  }

  public RunResult run(RunSpec spec, RunListener listener) {
    return run(spec, listener, null, null);
  }

  /** Iterations of a {@link #warmUp}, at most (and at most the run's budget). */
  public static final long WARM_UP_ITERATIONS = 1_000;

  /** Wall time of a {@link #warmUp}, at most: a step of a large model may take milliseconds. */
  public static final long WARM_UP_NANOS = 20_000_000;

  /**
   * Executes the start of {@code spec} untimed and discards it: at most {@link #WARM_UP_ITERATIONS}
   * steps and {@link #WARM_UP_NANOS}, with no listener, no checkpoint and a fresh objective and
   * state, as every run has, so the run that follows computes exactly what it would without. An
   * executor calls it on a worker before that worker's first run of a function and optimizer, so
   * that the time the JIT compiler takes over their code in a fresh JVM does not count in the first
   * run's {@code wall_ms} (it would make the configuration that happens to run first look slower).
   * A run with {@code max_seconds} is not warmed up: its own step may never return, and only a
   * watched run is cut off. Whatever the warm-up throws is ignored: the run itself meets it again
   * and reports it.
   */
  public void warmUp(RunSpec spec) {
    if (spec.budget().maxSeconds() != null) {
      return;
    }
    Tracker t = new Tracker(spec);
    try {
      iterate(spec, spec.info(), new RunListener() {}, null, null, t, true);
    } catch (RuntimeException | StackOverflowError e) {
      // the run reports it
    }
  }

  /**
   * As {@link #run(RunSpec, RunListener)}, continuing from {@code resume} when it is not null, and
   * showing {@code positions} the point x_t at the start of every iteration t (before f is
   * evaluated there), from the thread that runs. The array is the run's own and changes after the
   * call returns: copy what you keep. Reports draw trajectories with it by running a run again,
   * since a run is a pure function of its spec.
   *
   * @param resume a checkpoint of this run, or null to start afresh
   * @param positions sees every x_t; null for none
   */
  public RunResult run(
      RunSpec spec, RunListener listener, Checkpoint resume, Consumer<double[]> positions) {
    if (resume != null && !resume.runId().equals(spec.runId())) {
      throw new IllegalArgumentException(
          "checkpoint of " + resume.runId() + " given to run " + spec.runId());
    }
    if (spec.budget().maxSeconds() == null) {
      return runHere(spec, listener, resume, positions, new Tracker(spec));
    }
    return runGuarded(spec, listener, resume, positions);
  }

  private RunResult runHere(
      RunSpec spec,
      RunListener listener,
      Checkpoint resume,
      Consumer<double[]> positions,
      Tracker t) {
    long started = System.nanoTime() - (resume == null ? 0 : resume.elapsedNanos());
    try {
      RunInfo info = spec.info();
      listener.runStarted(info);
      iterate(spec, info, listener, resume, positions, t, false);
      if (t.state != null && t.x != null && !t.abandoned) {
        t.averaged = averaged(t.optimizer, t.state, t.objective, t.x.length);
      }
      if (t.heldOutSource != null && t.x != null && !t.abandoned) {
        t.heldOut = heldOut(t.heldOutSource, t.x, t.lastRowHeldOut);
      }
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      if (e instanceof ResultsWriteException unwritten) {
        throw unwritten;
      }
      t.status = RunStatus.FAILED;
      t.error =
          e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      t.stackTrace = stackTrace(e);
    }
    // from the clock's start in iterate, or, for a run that failed before it, from here
    return t.result(System.nanoTime() - (t.started != Long.MIN_VALUE ? t.started : started));
  }

  /**
   * The metrics at the final point by name, null for those not finite; {@code measured} are the
   * last row's, at that same point, or null when the trace did not measure them.
   */
  private static java.util.Map<String, Double> heldOut(
      dev.gradus.spi.HeldOut source, double[] x, double[] measured) {
    for (double v : x) {
      if (!Double.isFinite(v)) {
        return java.util.Map.of();
      }
    }
    java.util.List<String> names = source.names();
    double[] values = measured != null ? measured : source.at(x.clone());
    java.util.Map<String, Double> metrics = new java.util.LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      if (!dev.gradus.spi.HeldOut.NAMES.contains(names.get(i))) {
        throw new IllegalStateException(
            "held-out metric '" + names.get(i) + "' is none of " + dev.gradus.spi.HeldOut.NAMES);
      }
      metrics.put(names.get(i), Double.isFinite(values[i]) ? values[i] : null);
    }
    return java.util.Collections.unmodifiableMap(metrics);
  }

  /**
   * The optimizer's averaged point at the end of the run and f there, measured apart from the
   * budget (as the exact loss of a minibatch objective is): f is the objective's deterministic
   * {@link Objective#value}, which draws nothing, so the run and its resumption are unchanged. Null
   * when the optimizer keeps no averaged point or has none yet.
   */
  private static RunResult.Averaged averaged(
      dev.gradus.spi.Optimizer optimizer, OptimizerState state, Objective objective, int n) {
    if (!(optimizer instanceof dev.gradus.spi.AveragedIterate averaging)) {
      return null;
    }
    double[] point = new double[n];
    if (!averaging.averagedPoint(state, point)) {
      return null;
    }
    for (double v : point) {
      if (!Double.isFinite(v)) {
        return new RunResult.Averaged(averaging.averagedName(), point, null);
      }
    }
    double f = objective.value(point.clone());
    return new RunResult.Averaged(averaging.averagedName(), point, Double.isFinite(f) ? f : null);
  }

  private static String stackTrace(Throwable e) {
    StringWriter text = new StringWriter();
    e.printStackTrace(new PrintWriter(text));
    return text.toString();
  }

  /**
   * With a wall-clock limit, the run executes on a thread of its own, watched: {@code max_seconds}
   * is checked between steps, and a step (of a plugin, say) that never returns is cut off {@link
   * #grace} later. The run is then reported as {@code timeout} and the suite goes on; the stuck
   * thread cannot be stopped safely in Java, so it is abandoned and keeps its core busy until the
   * JVM exits.
   */
  private RunResult runGuarded(
      RunSpec spec, RunListener listener, Checkpoint resume, Consumer<double[]> positions) {
    long started = System.nanoTime() - (resume == null ? 0 : resume.elapsedNanos());
    Tracker t = new Tracker(spec);
    FutureTask<RunResult> task =
        new FutureTask<>(() -> runHere(spec, listener, resume, positions, t));
    Thread thread = new Thread(task, "gradus-guarded-" + spec.runId());
    thread.setDaemon(true);
    thread.start();
    double maxSeconds = spec.budget().maxSeconds();
    double limit = maxSeconds + grace(maxSeconds);
    try {
      return task.get((long) (limit * 1e9), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      t.abandoned = true; // should its step return, the thread stops before its next event
      thread.interrupt();
      return t.abandoned(
          System.nanoTime() - started,
          String.format(
              java.util.Locale.ROOT,
              "a step did not return within %.1f s (max_seconds %s plus %.1f s grace); the run"
                  + " was abandoned at iteration %d and its thread left running",
              limit,
              maxSeconds,
              grace(maxSeconds),
              t.iterations));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for run " + spec.runId(), e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
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
      Checkpoint resume,
      Consumer<double[]> positions,
      Tracker t,
      boolean warmingUp) {
    Objective objective = spec.function().factory().get();
    int n = objective.dimension();
    t.heldOutSource = objective.heldOut().orElse(null);
    RandomStream stream = null;
    Stochastic stochastic = objective instanceof Stochastic s ? s : null;
    if (stochastic != null) {
      stream =
          resume != null && resume.stream() != null
              ? RandomStream.restore(resume.stream())
              : new RandomStream(spec.seed() ^ STREAM_SALT);
      stochastic.useStream(stream);
      if (resume != null && resume.sampling() != null) {
        stochastic.restoreSamplingState(resume.sampling());
      }
    }
    ComposedOptimizer optimizer = spec.optimizer().optimizer();
    double[] x;
    OptimizerState state;
    double[] best;
    long first;
    double stepNorm;
    double lastLr;
    long[] evaluations = {0};
    if (resume == null) {
      x = spec.function().start().point(objective, spec.seed());
      t.xStart = x.clone();
      state = optimizer.init(n, objective.blocks());
      best = x.clone();
      first = 0;
      stepNorm = 0;
      lastLr = Double.NaN;
    } else {
      x = resume.x();
      t.xStart = resume.xStart();
      state = optimizer.restore(resume.optimizer(), n, objective.blocks());
      best = resume.xBest() == null ? x.clone() : resume.xBest();
      t.fBest = resume.fBest();
      t.iterationsToTarget = resume.iterationsToTarget() < 0 ? null : resume.iterationsToTarget();
      t.evaluationsToTarget =
          resume.evaluationsToTarget() < 0 ? null : resume.evaluationsToTarget();
      t.secondsToTarget = Double.isNaN(resume.secondsToTarget()) ? null : resume.secondsToTarget();
      t.resumedFrom = resume.iteration();
      evaluations[0] = resume.evaluations();
      first = resume.iteration();
      stepNorm = resume.stepNorm();
      lastLr = resume.lastLr();
    }
    t.x = x;
    t.xBest = best;
    t.optimizer = optimizer;
    t.state = state;
    t.objective = objective;
    t.minimum = objective.knownMinimum();
    Optional<Domain> domain = objective.domain();
    Domain box = domain.orElse(null);
    double[] lower = domain.map(Domain::lower).orElse(null);
    double[] upper = domain.map(Domain::upper).orElse(null);
    // the same bounds for every coordinate (a catalog function's box) are tested as two numbers,
    // so that the domain test reads the point alone
    double commonLower = lower == null ? Double.NaN : common(lower);
    double commonUpper = upper == null ? Double.NaN : common(upper);
    boolean commonBounds = !Double.isNaN(commonLower) && !Double.isNaN(commonUpper);
    boolean project = spec.function().bounds() == Bounds.PROJECT && lower != null;
    double fStar = t.minimum.map(KnownMinimum::value).orElse(Double.NaN);
    double[] gradient = new double[n];
    double[] previous = new double[n];
    // a minibatch loss: the optimizer sees the batch's loss, and the exact training loss is
    // measured, uncounted, only at the iterations that need it (see the loop), which changes
    // nothing the run does
    dev.gradus.spi.SampledLoss sampled =
        objective instanceof dev.gradus.spi.SampledLoss s ? s : null;
    Evaluator evaluator = new CountingEvaluator(objective, sampled, false, evaluations);
    // what the optimizer's own evaluations within a step see: the step's batch again, as a torch
    // closure re-evaluates its batch (SAM's second gradient, L-BFGS's line search)
    Evaluator withinStep =
        sampled != null ? new CountingEvaluator(objective, sampled, true, evaluations) : evaluator;
    RunRules.Budget budget = spec.budget();
    // a warm-up stops early, records nothing and saves no checkpoint
    long maxIterations =
        warmingUp
            ? Math.min(budget.maxSteps(objective), WARM_UP_ITERATIONS)
            : budget.maxSteps(objective);
    RunRules.Stop stop = rules.stop();
    long maxEvaluations =
        budget.maxEvaluations() == null ? Long.MAX_VALUE : budget.maxEvaluations();
    // the run's clock starts here, once the objective is built and the start point drawn: wall_ms
    // and the rows' seconds time the optimization, which building the problem is not part of (it
    // is the same for every optimizer, and a data set's may dwarf a short run); a continued run's
    // clock goes on from its checkpoint's
    long started = System.nanoTime() - (resume == null ? 0 : resume.elapsedNanos());
    t.started = started;
    long deadline =
        budget.maxSeconds() == null
            ? (warmingUp ? started + WARM_UP_NANOS : Long.MAX_VALUE)
            : started + (long) (budget.maxSeconds() * 1e9);
    double target = stop.target() == null ? Double.NaN : stop.target();
    double gradTolerance = stop.gradNorm() == null ? -1 : stop.gradNorm();
    double fStop = stop.f() == null ? Double.NEGATIVE_INFINITY : stop.f();
    int accuracyAt =
        stop.testAccuracy() == null || t.heldOutSource == null
            ? -1
            : t.heldOutSource.names().indexOf(dev.gradus.spi.HeldOut.TEST_ACCURACY);
    long checkpointEvery = warmingUp ? 0 : rules.checkpointEvery();
    int traceEvery = rules.traceEvery();
    long heldOutEvery = rules.heldOutEvery();
    // sharpness: Lanczos on the objective's own, uncounted Hessian-vector products at x, at its
    // interval's rows and the last; a warm-up measures nothing
    RunRules.Sharpness curvature = rules.sharpness();
    long sharpnessEvery = warmingUp ? 0 : curvature.every();
    Lanczos lanczos = sharpnessEvery > 0 ? lanczos(n, curvature) : null;
    Lanczos.SymmetricOperator hessian =
        lanczos == null ? null : (v, out) -> objective.hessianVectorProduct(x, v, out);
    boolean logSpaced = rules.logSpacedTrace();
    double[] traceTargets = rules.traceTargets();
    // targets already crossed: those at or above the best gap so far (a resumed run has one)
    int nextTarget = 0;
    while (nextTarget < traceTargets.length && t.fBest - fStar <= traceTargets[nextTarget]) {
      nextTarget++;
    }
    // the next scheduled row, so that the loop tests one number instead of the spacing
    long nextRow =
        logSpaced
            ? RunRules.nextLogSpacedRow(first)
            : (first + traceEvery - 1) / traceEvery * traceEvery;
    // a watched run (max_seconds) publishes its progress at every iteration for the watcher, which
    // reads it when it abandons the run; others once, at the end: a volatile write costs more than
    // the arithmetic of a 2-D step
    boolean watched = budget.maxSeconds() != null;
    boolean timed = deadline != Long.MAX_VALUE;
    long reached = t.iterations;
    long counted = t.evaluations;
    // ‖x_t − x_{t−1}‖ is measured only where something reads it (a row, a checkpoint), from the
    // copy of x_{t−1} kept before each step; at the first iteration it is the carried value
    boolean measured = true;
    try {
      for (long iteration = first; ; iteration++) {
        if (t.abandoned) {
          return;
        }
        if (checkpointEvery > 0 && iteration > first && iteration % checkpointEvery == 0) {
          if (!measured) {
            stepNorm = Distances.euclidean(x, previous);
            measured = true;
          }
          checkpoints.save(
              new Checkpoint(
                  spec.runId(),
                  suiteSha256,
                  iteration,
                  x,
                  t.xStart,
                  state.snapshot(),
                  evaluations[0],
                  t.fBest,
                  Double.isFinite(t.fBest) ? best : null,
                  t.iterationsToTarget == null ? -1 : t.iterationsToTarget,
                  t.evaluationsToTarget == null ? -1 : t.evaluationsToTarget,
                  t.secondsToTarget == null ? Double.NaN : t.secondsToTarget,
                  stepNorm,
                  lastLr,
                  System.nanoTime() - started,
                  stream == null ? null : stream.snapshot(),
                  stochastic == null ? null : stochastic.samplingState()));
        }
        if (positions != null) {
          positions.accept(x);
        }
        boolean scheduled = iteration == nextRow;
        if (scheduled) {
          nextRow = logSpaced ? RunRules.nextLogSpacedRow(iteration + 1) : iteration + traceEvery;
        }
        boolean sharpnessRow = sharpnessEvery > 0 && iteration % sharpnessEvery == 0;
        boolean heldOutRow =
            t.heldOutSource != null
                && (heldOutEvery == RunRules.HELD_OUT_AT_TRACE_ROWS
                    ? scheduled
                    : heldOutEvery > 0 && iteration % heldOutEvery == 0);
        double fSampled = evaluator.evaluate(x, gradient);
        counted = evaluations[0];
        double gradNorm = norm(gradient);
        boolean timeUp = timed && System.nanoTime() > deadline;
        // f is exact where anything reads it: rows, stop rules, the best point; a sampled loss's
        // other iterations skip the pass over every training row
        boolean exact =
            sampled == null
                || scheduled
                || heldOutRow
                || sharpnessRow
                || iteration >= maxIterations
                || evaluations[0] >= maxEvaluations
                || !(Math.abs(fSampled) <= OVERFLOW && gradNorm <= OVERFLOW)
                || gradNorm <= gradTolerance
                || timeUp;
        double f = sampled == null ? fSampled : exact ? objective.value(x) : Double.NaN;
        t.fFinal = exact ? f : t.fFinal;
        t.gradNormFinal = gradNorm;
        reached = iteration;
        if (watched) {
          t.iterations = reached;
          t.evaluations = counted;
        }
        boolean inDomain =
            box == null || (commonBounds ? inBox(x, commonLower, commonUpper) : box.contains(x));
        double gap = f - fStar;
        // every iteration that could diverge is exact: a huge or non-finite sampled loss or
        // gradient makes it so
        if (exact && (!Double.isFinite(f) || Math.abs(f) > OVERFLOW || !(gradNorm <= OVERFLOW))) {
          if (!t.abandoned) { // the last row, as the listener protocol promises
            if (!measured) {
              stepNorm = Distances.euclidean(x, previous);
              measured = true;
            }
            listener.iteration(
                info,
                row(
                    iteration,
                    evaluations[0],
                    started,
                    f,
                    gap,
                    gradNorm,
                    stepNorm,
                    lastLr,
                    inDomain));
          }
          t.status = RunStatus.DIVERGED;
          t.error = "diverged at iteration " + iteration + ": f = " + f + ", ‖∇f‖ = " + gradNorm;
          return;
        }
        if (exact && inDomain && f < t.fBest) {
          t.fBest = f;
          copy(x, best);
        }
        boolean reachedTarget = exact && inDomain && gap <= target;
        if (reachedTarget && t.iterationsToTarget == null) {
          t.iterationsToTarget = iteration;
          t.evaluationsToTarget = evaluations[0];
          t.secondsToTarget = (System.nanoTime() - started) / 1e9;
        }
        boolean stationary = inDomain && gradNorm <= gradTolerance;
        boolean lowEnough = exact && inDomain && f <= fStop;
        // held-out metrics cost a pass over the data: evaluated at their interval's rows only (and
        // at the last row), where the stop on test accuracy is checked too
        double[] heldOut = heldOutRow ? t.heldOutSource.at(x) : null;
        boolean accurate =
            accuracyAt >= 0
                && heldOut != null
                && inDomain
                && heldOut[accuracyAt] >= stop.testAccuracy();
        boolean last =
            reachedTarget
                || stationary
                || lowEnough
                || accurate
                || iteration >= maxIterations
                || evaluations[0] >= maxEvaluations
                || timeUp;
        boolean crossed = false;
        while (exact
            && inDomain
            && nextTarget < traceTargets.length
            && gap <= traceTargets[nextTarget]) {
          nextTarget++;
          crossed = true;
        }
        if ((scheduled || crossed || last || heldOut != null || sharpnessRow) && !t.abandoned) {
          if (last && heldOut == null && t.heldOutSource != null && heldOutEvery != 0) {
            heldOut = t.heldOutSource.at(x);
          }
          if (!measured) {
            stepNorm = Distances.euclidean(x, previous);
            measured = true;
          }
          // made only for a recorded row, so that unrecorded iterations allocate nothing
          Iteration recorded =
              row(iteration, evaluations[0], started, f, gap, gradNorm, stepNorm, lastLr, inDomain);
          if (heldOut != null) {
            recorded = withHeldOut(recorded, heldOut, t);
          }
          if (lanczos != null && (sharpnessRow || last)) {
            Lanczos.Estimate e = lanczos.largestEigenvalue(hessian);
            recorded = recorded.withSharpness(e.eigenvalue(), e.residualBound());
          }
          listener.iteration(info, recorded);
          if (last) {
            t.lastRowHeldOut = heldOut; // the record's, measured once
          }
        }
        if (reachedTarget || stationary || lowEnough || accurate) {
          t.status = RunStatus.CONVERGED;
          return;
        }
        if (iteration >= maxIterations || evaluations[0] >= maxEvaluations) {
          t.status = RunStatus.BUDGET_EXHAUSTED;
          return;
        }
        if (timeUp) {
          t.status = RunStatus.TIMEOUT;
          return;
        }
        copy(x, previous);
        lastLr = optimizer.nextLearningRate(state);
        optimizer.step(x, fSampled, gradient, optimizer.learningRate(), state, withinStep);
        if (project) {
          for (int i = 0; i < n; i++) {
            x[i] = Math.max(lower[i], Math.min(upper[i], x[i]));
          }
        }
        measured = false;
      }
    } finally {
      t.iterations = reached;
      t.evaluations = counted;
    }
  }

  private static Iteration row(
      long iteration,
      long evaluations,
      long started,
      double f,
      double gap,
      double gradNorm,
      double stepNorm,
      double lr,
      boolean inDomain) {
    return new Iteration(
        iteration,
        evaluations,
        (System.nanoTime() - started) / 1e9,
        f,
        gap,
        gradNorm,
        stepNorm,
        lr,
        inDomain);
  }

  /** {@code row} with the objective's held-out metrics {@code values}, by their names. */
  private static Iteration withHeldOut(Iteration row, double[] values, Tracker t) {
    java.util.List<String> names = t.heldOutSource.names();
    double[] metric = {Double.NaN, Double.NaN, Double.NaN};
    for (int i = 0; i < names.size(); i++) {
      int at = dev.gradus.spi.HeldOut.NAMES.indexOf(names.get(i));
      if (at >= 0) {
        metric[at] = values[i];
      }
    }
    return row.withHeldOut(metric[0], metric[1], metric[2]);
  }

  /**
   * {@code from} into {@code to}: a plain loop for the few coordinates of a test function, where
   * the call into {@code System.arraycopy}'s stub costs more than the copy.
   */
  private static void copy(double[] from, double[] to) {
    if (from.length <= 16) {
      for (int i = 0; i < from.length; i++) {
        to[i] = from[i];
      }
    } else {
      System.arraycopy(from, 0, to, 0, from.length);
    }
  }

  /**
   * {@link Domain#contains} for a box with the same bounds in every coordinate, which reads the
   * point alone instead of the point and two arrays of bounds as large as it.
   */
  static boolean inBox(double[] x, double lower, double upper) {
    for (int from = 0; from < x.length; from += 1024) {
      int to = Math.min(x.length, from + 1024);
      boolean inside = true;
      for (int i = from; i < to; i++) {
        inside &= x[i] >= lower & x[i] <= upper;
      }
      if (!inside) {
        return false;
      }
    }
    return true;
  }

  /** The value every element of {@code bounds} has, or NaN when they differ. */
  private static double common(double[] bounds) {
    for (double b : bounds) {
      if (Double.compare(b, bounds[0]) != 0) {
        return Double.NaN;
      }
    }
    return bounds.length == 0 ? Double.NaN : bounds[0];
  }

  /** The run's Lanczos workspace; one too large fails the run naming the suite's setting. */
  private static Lanczos lanczos(int n, RunRules.Sharpness curvature) {
    try {
      return new Lanczos(n, curvature.maxProducts(), curvature.tolerance(), LANCZOS_SEED);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "output.sharpness_iterations = " + curvature.maxProducts() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Fixes the start vector of every sharpness measurement, so that a row's sharpness is a function
   * of its point alone (the same whatever the run, thread, shard or resume).
   */
  static final long LANCZOS_SEED = 0x5ca1ab1eL;

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

    /** The held-out metrics the last row measured at the final point, or null. */
    double[] lastRowHeldOut;

    String error;
    String stackTrace;
    volatile long iterations;
    volatile long evaluations;
    volatile double[] xStart;
    double[] x;
    double[] xBest;
    double fFinal = Double.NaN;
    double fBest = Double.POSITIVE_INFINITY;
    double gradNormFinal = Double.NaN;
    volatile Long iterationsToTarget;
    volatile Long evaluationsToTarget;
    volatile Double secondsToTarget;
    dev.gradus.spi.HeldOut heldOutSource;
    java.util.Map<String, Double> heldOut = java.util.Map.of();
    ComposedOptimizer optimizer;
    OptimizerState state;
    Objective objective;
    RunResult.Averaged averaged;
    volatile Long resumedFrom;
    volatile boolean abandoned;

    /** When the run's clock started ({@link System#nanoTime}), or Long.MIN_VALUE before. */
    long started = Long.MIN_VALUE;

    Optional<KnownMinimum> minimum = Optional.empty();

    Tracker(RunSpec spec) {
      this.spec = spec;
    }

    RunResult result(long nanos) {
      Double bestGap = null;
      Double finalGap = null;
      Double distance = null;
      if (minimum.isPresent() && Double.isFinite(fBest)) {
        bestGap = fBest - minimum.get().value();
      }
      if (minimum.isPresent() && Double.isFinite(fFinal)) {
        finalGap = fFinal - minimum.get().value();
      }
      if (minimum.isPresent() && x != null && !minimum.get().minimizers().isEmpty()) {
        distance = finite(Distances.nearest(x, minimum.get().minimizers()));
      }
      Boolean inDomain =
          x == null ? null : spec.function().domain().map(d -> d.contains(x)).orElse(true);
      return build(
          status,
          x == null ? null : x.clone(),
          inDomain,
          finite(fFinal),
          xBest == null || !Double.isFinite(fBest) ? null : xBest.clone(),
          Double.isFinite(fBest) ? fBest : null,
          finite(gradNormFinal),
          finalGap,
          bestGap,
          distance,
          nanos,
          error,
          stackTrace);
    }

    /** A run whose thread did not come back: only what is safe to read from outside it. */
    RunResult abandoned(long nanos, String message) {
      return build(
          RunStatus.TIMEOUT,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          nanos,
          message,
          null);
    }

    private RunResult build(
        RunStatus status,
        double[] xFinal,
        Boolean inDomain,
        Double fFinal,
        double[] xBest,
        Double fBest,
        Double gradNorm,
        Double finalGap,
        Double bestGap,
        Double distance,
        long nanos,
        String error,
        String stackTrace) {
      return new RunResult(
          spec.runId(),
          spec.function().index(),
          spec.optimizer().index(),
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
          xFinal,
          inDomain,
          fFinal,
          xBest,
          fBest,
          gradNorm,
          finalGap,
          bestGap,
          distance,
          iterationsToTarget,
          evaluationsToTarget,
          secondsToTarget,
          heldOut,
          averaged,
          nanos / 1_000_000,
          error,
          null,
          resumedFrom,
          stackTrace);
    }

    private static Double finite(double v) {
      return Double.isFinite(v) ? v : null;
    }
  }
}
