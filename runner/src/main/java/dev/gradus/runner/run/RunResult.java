package dev.gradus.runner.run;

import dev.gradus.spi.RunOutcome;
import java.util.Map;

/**
 * Everything recorded about one finished run; one line of {@code runs.jsonl}. Nullable fields are
 * null when they do not apply (no known minimum, target never reached, no error).
 *
 * @param fGap f_best − f*, or null without a known minimum
 * @param distanceToOptimum Euclidean distance from x_final to the nearest known minimizer
 * @param iterationsToTarget the first iteration at which f − f* ≤ target, or null
 */
public record RunResult(
    String runId,
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
    Double fFinal,
    double[] xBest,
    Double fBest,
    Double gradNormFinal,
    Double fGap,
    Double distanceToOptimum,
    Long iterationsToTarget,
    long wallMs,
    String error) {

  /** How the run ended, as listeners see it. */
  public RunOutcome outcome() {
    return new RunOutcome(
        status.id(),
        iterations,
        evaluations,
        fFinal == null ? Double.NaN : fFinal,
        fBest == null ? Double.NaN : fBest,
        fGap == null ? Double.NaN : fGap,
        wallMs,
        error);
  }
}
