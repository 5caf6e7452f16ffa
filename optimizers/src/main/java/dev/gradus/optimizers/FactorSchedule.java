package dev.gradus.optimizers;

/**
 * A schedule of the form lr(t, base) = base·f(t) whose torch update multiplies the current rate by
 * f(t)/f(t−1) (or by a factor of t alone), so that {@link Schedule#chained} may chain it: chaining
 * such schedules multiplies their factors, which is what torch's ChainedScheduler computes.
 */
@FunctionalInterface
interface FactorSchedule extends Schedule {}
