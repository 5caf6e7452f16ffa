package dev.gradus.runner.run;

import dev.gradus.spi.RunOutcome;
import java.util.Map;

/**
 * Everything recorded about one finished run; one line of {@code runs.jsonl}. Nullable fields are
 * null when they do not apply (no known minimum, target never reached, no error, a value that is
 * not finite).
 *
 * @param functionIndex the function configuration's index in the plan
 * @param optimizerIndex the optimizer configuration's index in the plan
 * @param xFinalInDomain whether x_final lies in the function's domain (true for a function without
 *     one); null without a final point
 * @param fFinal f(x_final), the value at the last point evaluated
 * @param fBest the least f at a point inside the domain
 * @param finalGap f_final − f*, or null without a known minimum or a finite f_final
 * @param bestGap f_best − f*, or null without a known minimum
 * @param distanceToOptimum Euclidean distance from x_final to the nearest known minimizer
 * @param iterationsToTarget the first iteration at which f − f* ≤ target inside the domain, or null
 * @param evaluationsToTarget the objective evaluations made up to and including that iteration's,
 *     or null
 * @param heldOut the objective's held-out metrics at x_final by name ({@code train_loss}, {@code
 *     test_loss}, {@code test_accuracy}), null for one that is not finite; empty without them
 * @param averaged the optimizer's averaged point at the end of the run (an {@link
 *     dev.gradus.spi.AveragedIterate}: EMA, SWA, ASGD's ax), with f there as an extra, uncounted
 *     measurement; null when the optimizer keeps none, or has none yet
 * @param secondsToTarget wall-clock seconds from the run's start to that evaluation (a continued
 *     run counts the time before its checkpoint), or null
 * @param errorFile the file, relative to the results folder, that holds a failed run's stack trace
 * @param resumedFrom the checkpoint's iteration when this run was continued from one, else null
 * @param stackTrace a failed run's stack trace, carried to the results folder and not written into
 *     {@code runs.jsonl}; null otherwise
 */
public record RunResult(
    String runId,
    int functionIndex,
    int optimizerIndex,
    String function,
    String functionLabel,
    Map<String, Object> functionParams,
    String optimizer,
    String optimizerLabel,
    Map<String, Object> hyperparameters,
    long seed,
    int repeat,
    RunStatus status,
    long iterations,
    long evaluations,
    double[] xStart,
    double[] xFinal,
    Boolean xFinalInDomain,
    Double fFinal,
    double[] xBest,
    Double fBest,
    Double gradNormFinal,
    Double finalGap,
    Double bestGap,
    Double distanceToOptimum,
    Long iterationsToTarget,
    Long evaluationsToTarget,
    Double secondsToTarget,
    Map<String, Double> heldOut,
    Averaged averaged,
    long wallMs,
    String error,
    String errorFile,
    Long resumedFrom,
    String stackTrace)
    implements java.io.Serializable {

  /**
   * An averaged point and f there. Statuses (converged, target reached) and every other field are
   * about the iterate; this is an extra measurement beside them.
   *
   * @param name the optimizer's {@link dev.gradus.spi.AveragedIterate#averagedName}, such as {@code
   *     ema}
   * @param x the averaged point
   * @param f f(x), exact (a minibatch loss's full training loss), or null when not finite
   */
  public record Averaged(String name, double[] x, Double f) implements java.io.Serializable {}

  /** How the run ended, as listeners see it. */
  public RunOutcome outcome() {
    return new RunOutcome(
        status.id(),
        iterations,
        evaluations,
        fFinal == null ? Double.NaN : fFinal,
        fBest == null ? Double.NaN : fBest,
        bestGap == null ? Double.NaN : bestGap,
        wallMs,
        error);
  }

  /** True for converged and budget-exhausted runs: those whose values are results. */
  public boolean isOutcomeWithValues() {
    return status == RunStatus.CONVERGED || status == RunStatus.BUDGET_EXHAUSTED;
  }

  /**
   * This run as failed by {@code e}, as a listener's exception fails a run: the state it had, the
   * status {@code failed}, and the error with its stack trace.
   */
  public RunResult failedBy(RuntimeException e) {
    java.io.StringWriter trace = new java.io.StringWriter();
    e.printStackTrace(new java.io.PrintWriter(trace));
    String message =
        e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    return with(RunStatus.FAILED, message, null, trace.toString());
  }

  /** This result with its stack trace moved into {@code file}. */
  public RunResult withErrorFile(String file) {
    return with(status, error, file, null);
  }

  private RunResult with(RunStatus newStatus, String newError, String file, String trace) {
    return new RunResult(
        runId,
        functionIndex,
        optimizerIndex,
        function,
        functionLabel,
        functionParams,
        optimizer,
        optimizerLabel,
        hyperparameters,
        seed,
        repeat,
        newStatus,
        iterations,
        evaluations,
        xStart,
        xFinal,
        xFinalInDomain,
        fFinal,
        xBest,
        fBest,
        gradNormFinal,
        finalGap,
        bestGap,
        distanceToOptimum,
        iterationsToTarget,
        evaluationsToTarget,
        secondsToTarget,
        heldOut,
        averaged,
        wallMs,
        newError,
        file,
        resumedFrom,
        trace);
  }
}
