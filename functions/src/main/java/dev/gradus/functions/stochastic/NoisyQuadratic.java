package dev.gradus.functions.stochastic;

import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.KnownMinimum;
import dev.gradus.spi.Objective;
import dev.gradus.spi.ObjectiveProvider;
import dev.gradus.spi.RandomStream;
import dev.gradus.spi.Range;
import dev.gradus.spi.Stochastic;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The noisy quadratic model of Zhang et al. (2019, "Which algorithmic choices matter at which batch
 * sizes?"): a quadratic with curvatures h_i = i^(−decay), i = 1 … dim, whose gradient at x is a
 * minibatch sample, h∘x plus Gaussian noise of covariance noise²·H / batch_size (the noise
 * proportional to the curvature, as near a minimum of a neural network's loss). f(x) = ½ Σ h_i x_i²
 * is the expected loss above its irreducible part, minimum 0 at the origin; the default start is
 * all ones.
 *
 * <p>Under SGD with a constant rate, E[x_i²] follows a linear recursion, so the expected loss after
 * t steps has a closed form ({@link #expectedLossUnderSgd}): the model's test oracle.
 */
public final class NoisyQuadratic implements ObjectiveProvider {
  static final HyperParameter DIM =
      HyperParameter.integer("dim", 10, Range.closed(1, 1_000_000), "number of coordinates");
  static final HyperParameter DECAY =
      HyperParameter.real(
          "decay", 1.0, Range.atLeast(0), "curvature spectrum: h_i = i^(-decay), i = 1 … dim");
  static final HyperParameter NOISE =
      HyperParameter.real(
          "noise",
          1.0,
          Range.atLeast(0),
          "gradient-noise scale: the noise's covariance is noise² · H / batch_size");
  static final HyperParameter BATCH_SIZE =
      HyperParameter.integer(
          "batch_size", 1, Range.closed(1, 1L << 40), "minibatch size: divides the noise variance");

  @Override
  public String id() {
    return "noisy-quadratic";
  }

  @Override
  public String description() {
    return "Noisy quadratic model (Zhang et al. 2019): ½ Σ h_i x_i², h_i = i^-decay, gradient"
        + " noise of covariance noise²·H/batch_size";
  }

  @Override
  public List<HyperParameter> hyperParameters() {
    return List.of(DIM, DECAY, NOISE, BATCH_SIZE);
  }

  @Override
  public String formula() {
    return "f(x) = ½ Σᵢ hᵢ xᵢ², hᵢ = i^(−decay); ∇̃f(x) = h∘x + noise·√(h/batch_size)∘ε, ε ~ N(0, I)";
  }

  @Override
  public Objective create(HyperParameters values) {
    return new Model(
        curvatures((int) values.integer("dim"), values.real("decay")),
        values.real("noise") / Math.sqrt(values.integer("batch_size")));
  }

  /** h_i = i^(−decay) for i = 1 … dim. */
  public static double[] curvatures(int dim, double decay) {
    double[] h = new double[dim];
    for (int i = 0; i < dim; i++) {
      h[i] = StrictMath.pow(i + 1, -decay);
    }
    return h;
  }

  /**
   * The expected loss ½ Σ h_i E[x_i²] after {@code steps} steps of SGD, x ← x − lr·g, from x0, with
   * gradient noise of variance {@code noiseVariance}·h_i per coordinate (noise² / batch_size):
   * E[x_i²] at step t+1 is (1 − lr·h_i)² E[x_i²] + lr²·noiseVariance·h_i.
   */
  public static double expectedLossUnderSgd(
      double[] h, double[] x0, double noiseVariance, double lr, long steps) {
    double loss = 0;
    for (int i = 0; i < h.length; i++) {
      double r = (1 - lr * h[i]) * (1 - lr * h[i]);
      double c = lr * lr * noiseVariance * h[i];
      double rt = Math.pow(r, steps);
      // the geometric sum Σ_{k<t} r^k, t itself where r = 1
      double sum = r == 1 ? steps : (1 - rt) / (1 - r);
      loss += 0.5 * h[i] * (rt * x0[i] * x0[i] + c * sum);
    }
    return loss;
  }

  /** One run's model. */
  static final class Model implements Objective, Stochastic {
    private final double[] h;
    private final double[] noiseScale;
    private final List<String> names;
    private RandomStream stream = new RandomStream(0);

    Model(double[] h, double noise) {
      this.h = h;
      noiseScale = new double[h.length];
      List<String> n = new ArrayList<>(h.length);
      for (int i = 0; i < h.length; i++) {
        noiseScale[i] = noise * Math.sqrt(h[i]);
        n.add("x" + i);
      }
      names = List.copyOf(n);
    }

    @Override
    public void useStream(RandomStream stream) {
      this.stream = stream;
    }

    @Override
    public int dimension() {
      return h.length;
    }

    @Override
    public List<String> parameterNames() {
      return names;
    }

    @Override
    public double value(double[] x) {
      Objective.requireDimension(this, x);
      double f = 0;
      for (int i = 0; i < h.length; i++) {
        f += h[i] * x[i] * x[i];
      }
      return 0.5 * f;
    }

    @Override
    public double valueAndGradient(double[] x, double[] gradient) {
      Objective.requireDimension(this, x);
      double f = 0;
      for (int i = 0; i < h.length; i++) {
        f += h[i] * x[i] * x[i];
        gradient[i] = h[i] * x[i] + noiseScale[i] * stream.nextGaussian();
      }
      return 0.5 * f;
    }

    /** The noise-free quadratic's Hessian is diag(h): exact, and drawing nothing. */
    @Override
    public dev.gradus.spi.HessianMethod hessianMethod() {
      return dev.gradus.spi.HessianMethod.ANALYTIC;
    }

    @Override
    public void hessianVectorProduct(double[] x, double[] direction, double[] out) {
      Objective.requireDimension(this, x);
      Objective.requireLength(this, "direction", direction);
      Objective.requireLength(this, "out", out);
      for (int i = 0; i < h.length; i++) {
        out[i] = h[i] * direction[i];
      }
    }

    @Override
    public Optional<KnownMinimum> knownMinimum() {
      return Optional.of(KnownMinimum.at(0, new double[h.length]));
    }

    @Override
    public Optional<double[]> defaultStart() {
      double[] ones = new double[h.length];
      Arrays.fill(ones, 1);
      return Optional.of(ones);
    }
  }
}
