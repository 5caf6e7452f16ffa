package dev.gradus.spi;

/**
 * How an {@link Objective} computes {@link Objective#hessianVectorProduct} (SPI 1.5), as {@link
 * Objective#hessianMethod()} reports it.
 */
public enum HessianMethod {
  /**
   * Exact up to rounding: forward-over-reverse autodiff through the objective's computation graph
   * (tangents through the tape), at the cost of about two gradient evaluations; what every {@link
   * GraphObjective} uses.
   */
  AUTODIFF,

  /** Exact up to rounding, from a formula the objective implements itself. */
  ANALYTIC,

  /**
   * Central differences of gradients, (∇f(x + hv) − ∇f(x − hv)) / 2h with h = ∛ε·max(1, ‖x‖∞)/‖v‖∞
   * (ε = 2⁻⁵², {@link dev.gradus.graph.GradientCheck#directionalStep}): two calls of {@link
   * Objective#valueAndGradient}, error O(h²) from truncation plus about ε·|∇f|/h from rounding,
   * near 1e-10 relative for smooth functions of moderate size. The default of {@link Objective}.
   */
  FINITE_DIFFERENCES
}
