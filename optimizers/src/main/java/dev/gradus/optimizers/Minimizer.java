package dev.gradus.optimizers;

import dev.gradus.spi.Domain;
import dev.gradus.spi.Evaluator;
import dev.gradus.spi.KnownMinimum;
import dev.gradus.spi.Objective;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerState;
import java.util.Objects;

/**
 * Minimises an objective with an optimizer from a start point, as one run of a suite does, without
 * the runner: {@code Minimizer.minimize(Catalog.rosenbrock(2), Optimizers.adam().lr(0.01).build(),
 * new double[] {-1.2, 1}, StopRule.maxIterations(10_000).gradNorm(1e-6))}.
 *
 * <p>The loop is the runner's ({@code RunEngine}): iteration t evaluates f and ∇f at x_t (one
 * counted evaluation), records a trace row when the spacing says so, then ends the run as {@link
 * Minimization.Status#DIVERGED} when f is not finite or |f| or ‖∇f‖₂ exceeds {@link #OVERFLOW}; as
 * {@link Minimization.Status#CONVERGED} when x_t lies in the objective's domain (if it has one) and
 * a stop rule holds there; as {@link Minimization.Status#BUDGET_EXHAUSTED} when t steps have used
 * up {@link StopRule#maxIterations} or the evaluations {@link StopRule#maxEvaluations}; and
 * otherwise takes step t to x_{t+1}, with the optimizer's own learning rate and an {@link
 * Evaluator} whose calls count too (Hessian-vector products included, for second-order methods). So
 * the same objective, optimizer, start and rules give the status, iterations, evaluations, point
 * and f that the runner records for that run, bit for bit.
 *
 * <p>What the runner has and this does not: wall-clock limits ({@code max_seconds}), epochs and
 * samples, projection onto the domain ({@code bounds: project}), stochastic and minibatch
 * objectives' random streams (an objective here is evaluated by {@link
 * Objective#valueAndGradient}), the best point, averaged iterates, held-out metrics, the rows a
 * trace that skips iterations adds where f − f* first reaches a target, checkpoints and listeners.
 * An exception of the objective or optimizer propagates (the runner records it as {@code failed}).
 * A run allocates nothing per step beyond the optimizer's own and the trace's occasional growth.
 */
public final class Minimizer {
  private Minimizer() {}

  /** |f| or ‖∇f‖₂ above this counts as overflow, as in the runner: the run has diverged. */
  public static final double OVERFLOW = 1e300;

  /** {@link #minimize(Objective, Optimizer, double[], StopRule, TraceSpacing)} with every row. */
  public static Minimization minimize(
      Objective objective, Optimizer optimizer, double[] start, StopRule stop) {
    return minimize(objective, optimizer, start, stop, TraceSpacing.every(1));
  }

  /**
   * Minimises {@code objective} with {@code optimizer} from {@code start} until {@code stop} ends
   * the run, recording rows at {@code spacing}. The optimizer gets a fresh state; {@code start} is
   * not modified. An optimizer from {@link Optimizers#compose} keeps its schedule and clipping; any
   * other is stepped as the runner steps an entry without them.
   *
   * @throws IllegalArgumentException if {@code start} does not have the objective's dimension, or
   *     {@code stop} has a target and the objective no known minimum
   */
  public static Minimization minimize(
      Objective objective,
      Optimizer optimizer,
      double[] start,
      StopRule stop,
      TraceSpacing spacing) {
    Objects.requireNonNull(objective, "objective");
    Objects.requireNonNull(optimizer, "optimizer");
    Objects.requireNonNull(stop, "stop");
    Objects.requireNonNull(spacing, "spacing");
    Objective.requireDimension(objective, start);
    double fStar = objective.knownMinimum().map(KnownMinimum::value).orElse(Double.NaN);
    if (!Double.isNaN(stop.target()) && Double.isNaN(fStar)) {
      throw new IllegalArgumentException(
          "stop target = "
              + stop.target()
              + " needs a known minimum, and "
              + objective
              + " has none");
    }
    ComposedOptimizer composed =
        optimizer instanceof ComposedOptimizer c
            ? c
            : Optimizers.compose(optimizer, Schedule.constant(), GradientClip.none());
    int n = objective.dimension();
    double[] x = start.clone();
    double[] gradient = new double[n];
    OptimizerState state = composed.init(n, objective.blocks());
    Domain domain = objective.domain().orElse(null);
    long[] evaluations = {0};
    // a Hessian-vector product counts as an evaluation, as in the runner
    Evaluator evaluator =
        new Evaluator() {
          @Override
          public double evaluate(double[] point, double[] g) {
            evaluations[0]++;
            return objective.valueAndGradient(point, g);
          }

          @Override
          public void hessianVectorProduct(double[] point, double[] v, double[] out) {
            evaluations[0]++;
            objective.hessianVectorProduct(point, v, out);
          }
        };
    Trace trace = new Trace();
    for (long iteration = 0; ; iteration++) {
      double f = evaluator.evaluate(x, gradient);
      double gradNorm = norm(gradient);
      boolean scheduled = spacing.records(iteration);
      if (!Double.isFinite(f) || Math.abs(f) > OVERFLOW || !(gradNorm <= OVERFLOW)) {
        trace.add(iteration, evaluations[0], f, gradNorm);
        return new Minimization(
            Minimization.Status.DIVERGED,
            x,
            f,
            gradNorm,
            iteration,
            evaluations[0],
            trace,
            "diverged at iteration " + iteration + ": f = " + f + ", ‖∇f‖ = " + gradNorm);
      }
      boolean inDomain = domain == null || domain.contains(x);
      boolean converged =
          inDomain && (gradNorm <= stop.gradNorm() || f - fStar <= stop.target() || f <= stop.f());
      boolean exhausted =
          iteration >= stop.maxIterations() || evaluations[0] >= stop.maxEvaluations();
      if (scheduled || converged || exhausted) {
        trace.add(iteration, evaluations[0], f, gradNorm);
      }
      if (converged || exhausted) {
        return new Minimization(
            converged ? Minimization.Status.CONVERGED : Minimization.Status.BUDGET_EXHAUSTED,
            x,
            f,
            gradNorm,
            iteration,
            evaluations[0],
            trace,
            null);
      }
      composed.step(x, f, gradient, composed.learningRate(), state, evaluator);
    }
  }

  /** ‖v‖₂, rescaled when the plain sum of squares overflows, as the runner measures it. */
  static double norm(double[] v) {
    double sum = 0;
    for (double e : v) {
      sum += e * e;
    }
    if (sum != Double.POSITIVE_INFINITY) {
      return Math.sqrt(sum);
    }
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
}
