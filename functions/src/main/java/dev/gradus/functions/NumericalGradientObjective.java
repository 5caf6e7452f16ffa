package dev.gradus.functions;

import dev.gradus.graph.NumericalDiff;
import dev.gradus.spi.Objective;

/** Gradients by central differences, h = ∛ε·max(1, |xᵢ|) as {@link NumericalDiff} chooses. */
final class NumericalGradientObjective extends DelegatingObjective {
  private double[] scratch;

  NumericalGradientObjective(Objective delegate) {
    super(delegate);
  }

  @Override
  public double valueAndGradient(double[] x, double[] gradient) {
    double value = delegate.value(x);
    requireGradientLength(gradient);
    if (scratch == null) {
      scratch = new double[x.length];
    }
    // NumericalDiff perturbs its point in place; the caller's x must stay untouched.
    System.arraycopy(x, 0, scratch, 0, x.length);
    NumericalDiff.gradient(delegate::value, scratch, NumericalDiff.Scheme.CENTRAL, gradient);
    return value;
  }

  @Override
  public String toString() {
    return delegate + " (numerical gradient)";
  }
}
