package dev.gradus.functions;

import dev.gradus.spi.Domain;
import dev.gradus.spi.KnownMinimum;
import dev.gradus.spi.Objective;
import java.util.List;
import java.util.Optional;

/**
 * An objective that forwards everything but its gradient to another: the base of the objectives
 * that change only how a gradient is had (numerical, analytic, noisy, minibatch), so that what they
 * pass on (minimum, domain, start, held-out metrics, blocks, and the Hessian-vector product of the
 * loss with its method) is passed on alike.
 */
public abstract class DelegatingObjective implements Objective {
  /** The objective forwarded to. */
  protected final Objective delegate;

  protected DelegatingObjective(Objective delegate) {
    this.delegate = delegate;
  }

  @Override
  public int dimension() {
    return delegate.dimension();
  }

  @Override
  public List<String> parameterNames() {
    return delegate.parameterNames();
  }

  @Override
  public double value(double[] x) {
    return delegate.value(x);
  }

  /** The wrapped objective's: a wrapper changes how the gradient is had, not the Hessian. */
  @Override
  public dev.gradus.spi.HessianMethod hessianMethod() {
    return delegate.hessianMethod();
  }

  /**
   * The wrapped objective's product: that of the loss {@link #value} computes (for minibatches the
   * full training loss, with added noise the noise-free function), exactly when the wrapped
   * objective's is exact.
   */
  @Override
  public void hessianVectorProduct(double[] x, double[] direction, double[] out) {
    delegate.hessianVectorProduct(x, direction, out);
  }

  @Override
  public Optional<KnownMinimum> knownMinimum() {
    return delegate.knownMinimum();
  }

  @Override
  public Optional<dev.gradus.spi.HeldOut> heldOut() {
    return delegate.heldOut();
  }

  @Override
  public List<dev.gradus.spi.ParameterBlock> blocks() {
    return delegate.blocks();
  }

  @Override
  public java.util.OptionalLong stepsPerEpoch() {
    return delegate.stepsPerEpoch();
  }

  @Override
  public java.util.OptionalLong samplesAfter(long steps) {
    return delegate.samplesAfter(steps);
  }

  @Override
  public Optional<Domain> domain() {
    return delegate.domain();
  }

  @Override
  public Optional<double[]> defaultStart() {
    return delegate.defaultStart();
  }

  void requireGradientLength(double[] gradient) {
    if (gradient.length != delegate.dimension()) {
      throw new IllegalArgumentException(
          "gradient buffer has "
              + gradient.length
              + " entries, dimension is "
              + delegate.dimension());
    }
  }
}
