package dev.gradus.runner.plan;

/** The learning rate of each step, as a pure function of the step index (0 for the first step). */
@FunctionalInterface
public interface LearningRate {
  /** The optimizer's configured learning rate at every step. */
  LearningRate CONSTANT = (step, base) -> base;

  double at(long step, double base);
}
