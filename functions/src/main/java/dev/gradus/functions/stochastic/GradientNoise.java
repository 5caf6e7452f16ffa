package dev.gradus.functions.stochastic;

import dev.gradus.functions.DelegatingObjective;
import dev.gradus.spi.Objective;
import dev.gradus.spi.RandomStream;
import dev.gradus.spi.Range;
import dev.gradus.spi.Stochastic;

/**
 * Additive Gaussian gradient noise for any objective (a suite's {@code gradient_noise: σ}): the
 * gradient becomes ∇f(x) + σ·ε with ε ~ N(0, I) drawn afresh at each evaluation; f(x) itself stays
 * exact, so stop rules on f and the recorded f are those of the function. An objective that is
 * stochastic itself draws from the same stream, first.
 */
public final class GradientNoise extends DelegatingObjective implements Stochastic {
  /** The range of σ: any standard deviation, 0 for none. */
  public static final Range RANGE = Range.atLeast(0);

  private final double sigma;
  private RandomStream stream = new RandomStream(0);

  private GradientNoise(Objective inner, double sigma) {
    super(inner);
    this.sigma = sigma;
  }

  /**
   * {@code objective} with noise of standard deviation {@code sigma} added to its gradients; the
   * objective itself when sigma is 0.
   *
   * @throws IllegalArgumentException for a sigma outside {@link #RANGE} (negative, NaN, ∞)
   */
  public static Objective of(Objective objective, double sigma) {
    if (!RANGE.contains(sigma) || Double.isInfinite(sigma)) {
      throw new IllegalArgumentException(
          "gradient_noise must be a finite standard deviation " + RANGE + ", got " + sigma);
    }
    return sigma == 0 ? objective : new GradientNoise(objective, sigma);
  }

  @Override
  public void useStream(RandomStream stream) {
    this.stream = stream;
    if (delegate instanceof Stochastic s) {
      s.useStream(stream);
    }
  }

  @Override
  public long[] samplingState() {
    return delegate instanceof Stochastic s ? s.samplingState() : new long[0];
  }

  @Override
  public void restoreSamplingState(long[] state) {
    if (delegate instanceof Stochastic s) {
      s.restoreSamplingState(state);
    }
  }

  @Override
  public double valueAndGradient(double[] x, double[] gradient) {
    double f = delegate.valueAndGradient(x, gradient);
    for (int i = 0; i < gradient.length; i++) {
      gradient[i] += sigma * stream.nextGaussian();
    }
    return f;
  }
}
