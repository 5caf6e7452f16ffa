package dev.gradus.functions;

import dev.gradus.spi.Objective;

/** Gradients from the objective's hand-derived formula. */
final class AnalyticGradientObjective extends DelegatingObjective {
  private final AnalyticGradient analytic;

  AnalyticGradientObjective(Objective delegate, AnalyticGradient analytic) {
    super(delegate);
    this.analytic = analytic;
  }

  @Override
  public double valueAndGradient(double[] x, double[] gradient) {
    requireGradientLength(gradient);
    return analytic.analyticValueAndGradient(x, gradient);
  }

  @Override
  public String toString() {
    return delegate + " (analytic gradient)";
  }
}
