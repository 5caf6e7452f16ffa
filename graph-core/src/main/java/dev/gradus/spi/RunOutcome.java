package dev.gradus.spi;

/**
 * How a run ended, as listeners see it. Doubles are NaN where they do not apply (no evaluation, no
 * known minimum).
 *
 * @param status {@code converged}, {@code budget_exhausted}, {@code diverged}, {@code timeout} or
 *     {@code failed}
 * @param iterations optimizer steps taken
 * @param evaluations objective evaluations, line searches included
 * @param fFinal f at the final point
 * @param fBest the least f seen
 * @param fGap fBest − f*
 * @param wallMs wall-clock milliseconds
 * @param error what went wrong, or null
 */
public record RunOutcome(
    String status,
    long iterations,
    long evaluations,
    double fFinal,
    double fBest,
    double fGap,
    long wallMs,
    String error) {}
