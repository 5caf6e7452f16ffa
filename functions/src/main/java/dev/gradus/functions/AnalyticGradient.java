package dev.gradus.functions;

/**
 * An objective with a hand-derived gradient, in addition to the one its {@link
 * dev.gradus.spi.Objective#valueAndGradient} computes (by autodiff for graph objectives). Tests
 * cross-check the two; suites choose one with the {@code gradient: analytic} setting.
 */
public interface AnalyticGradient {
  /**
   * f(x), with the hand-derived ∇f(x) written into {@code gradient} (of the objective's dimension).
   * Must not keep or modify {@code x}; throws {@link IllegalArgumentException} naming both lengths
   * for a point of the wrong dimension.
   *
   * @return f(x)
   */
  double analyticValueAndGradient(double[] x, double[] gradient);
}
