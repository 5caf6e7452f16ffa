package dev.gradus.spi;

/**
 * An optimizer whose momentum a schedule may set at each step (SPI 1.4), as torch's {@code
 * OneCycleLR} and {@code CyclicLR} with {@code cycle_momentum} set {@code
 * param_groups[i]["momentum"]} or β₁ of {@code betas}. Which coefficient "momentum" means is the
 * optimizer's: SGD's and RMSprop's {@code momentum}, β₁ of the Adam family.
 *
 * <p>Call order is that of {@link Optimizer}; a caller that schedules momentum calls {@link
 * #step(double[], double, double[], double, double, OptimizerState, Evaluator)} instead of the
 * plain step, with the momentum for that step. The plain step is the momentum step with {@link
 * #momentum()}. A caller that schedules momentum for an optimizer that does not implement this
 * interface must refuse, as torch raises "optimizer must support momentum or beta1".
 */
public interface MomentumAware extends Optimizer {
  /** The configured momentum coefficient (momentum, or β₁), in [0, 1). */
  double momentum();

  /**
   * One step with {@code momentum} in place of the configured coefficient; everything else as
   * {@link Optimizer#step}.
   *
   * @param momentum this step's coefficient, in [0, 1)
   */
  void step(
      double[] params,
      double value,
      double[] gradient,
      double lr,
      double momentum,
      OptimizerState state,
      Evaluator objective);

  @Override
  default void step(
      double[] params,
      double value,
      double[] gradient,
      double lr,
      OptimizerState state,
      Evaluator objective) {
    step(params, value, gradient, lr, momentum(), state, objective);
  }
}
