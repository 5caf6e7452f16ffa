package dev.gradus.spi.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.gradus.graph.GradientCheck;
import dev.gradus.graph.NumericalDiff;
import dev.gradus.spi.Domain;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.KnownMinimum;
import dev.gradus.spi.Objective;
import dev.gradus.spi.ObjectiveProvider;
import dev.gradus.spi.ParameterBlock;
import dev.gradus.spi.RandomStream;
import dev.gradus.spi.Stochastic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * The checks every objective provider passes, built-in or plugin. A test class extends this,
 * supplies {@link #provider()} and {@link #startValidator()}, and may list several hyperparameter
 * sets (such as dimensions) in {@link #hyperParameterSets()}; every check runs on each set.
 *
 * <p>Tolerances, and why:
 *
 * <ul>
 *   <li>Value at a declared minimizer: |f(x*) − f*| ≤ 1e-9·max(1, |f*|). A minimizer rounded to
 *       double is within half an ulp of the true one, where f differs from f* by O(ulp²) at an
 *       interior minimum (or O(ulp·|∇f|) on a boundary), far below 1e-9.
 *   <li>Gradient at an interior minimizer: |∇f(x*)|∞ ≤ 1e-6·max(1, |f*|). Rounding x* to double
 *       moves ∇f by ‖H‖·ulp(x*) (about 1e-13 for the catalog's Hessians and coordinates up to 600),
 *       and evaluating ∇f in double adds a few ulps of its largest term; 1e-6 leaves room for
 *       Hessians up to ~1e7. A minimizer on the domain boundary is exempt: there the slope points
 *       out of the box instead of vanishing.
 *   <li>A {@link Stochastic} objective's gradients are checked in expectation: the mean of {@link
 *       #STOCHASTIC_DRAWS} samples, within {@link #NOISE_ERRORS} standard errors more; and they are
 *       a pure function of the stream it is given and its sampling state.
 *   <li>Gradient against central differences: {@link #gradientTolerance()} in {@link
 *       GradientCheck#error}'s measure (absolute below 1, relative above), at seeded uniform points
 *       of {@link #samplingBox}. Kinks of non-smooth functions are sets of measure zero, so a
 *       uniform sample lands within a difference step (~1e-5) of one with probability ~1e-5 per
 *       point; the seed makes a run reproducible. Cusps such as |u|^0.1 spoil a wider
 *       neighbourhood: their tests override {@link #samplePoint}. To the tolerance the check adds
 *       the rounding error of the difference quotient itself, (√n + 4)·ulp(|f|)/h: f is a sum of
 *       about n rounded terms, so f(x ± h) carries an error of about √n ulps (a random walk) plus a
 *       few for the final operations, and the quotient divides it by 2h. Below a thousand
 *       dimensions and for |f| ≲ 1 this is under 1e-9; at 100,000 dimensions it is what central
 *       differences can resolve at all.
 *   <li>Hessian-vector products (SPI 1.5) against central differences of gradients along the same
 *       direction, (∇f(x + hv) − ∇f(x − hv)) / 2h with {@link GradientCheck#directionalStep}:
 *       {@link #hessianTolerance()} in {@link GradientCheck#error}'s measure, plus the rounding of
 *       the quotient, (√n + 4)·ulp(max |∂ᵢf(x ± hv)|)/h as for the gradient. The truncation error
 *       h²/6·∇³f[v, v, v] is below 1e-6 for third derivatives up to 1e4 at h ≈ 2e-5 (larger on wide
 *       domains, where h grows with |x|: such functions override the tolerance). For a {@link
 *       Stochastic} objective, whose gradients are samples, the curvature vᵀHv against the second
 *       difference of {@link Objective#value} instead (step ε^¼·max(1, ‖x‖∞)/‖v‖∞, error O(h²) plus
 *       4(√n + 4)·ulp(|f|)/h² from rounding), and its product must draw nothing from its stream.
 * </ul>
 */
public abstract class ObjectiveContract {
  /** Points per hyperparameter set at which gradients and values are compared. */
  protected static final int SAMPLES = 20;

  /** Coordinates checked per point when the dimension is larger than this. */
  protected static final int MAX_CHECKED_COORDINATES = 16;

  /** The provider under test. */
  protected abstract ObjectiveProvider provider();

  /**
   * The check that rejects a start outside the domain, such as {@code Objectives::requireInDomain}
   * from the functions module: it must throw {@link IllegalArgumentException} naming the
   * coordinate's index, its value and both bounds.
   */
  protected abstract BiConsumer<Objective, double[]> startValidator();

  /** Raw hyperparameter maps to test; by default only the defaults. */
  protected List<Map<String, ?>> hyperParameterSets() {
    return List.of(Map.of());
  }

  /** The gradient check's tolerance; override with a comment saying why a function needs more. */
  protected double gradientTolerance() {
    return GradientCheck.DEFAULT_TOLERANCE;
  }

  /**
   * The Hessian-vector check's tolerance; override with a comment saying why a function needs more.
   */
  protected double hessianTolerance() {
    return 1e-6;
  }

  /** Points per hyperparameter set at which Hessian-vector products are checked. */
  protected static final int HESSIAN_SAMPLES = 5;

  /**
   * SPI 1.5: a method is declared, the product leaves its inputs alone, agrees with differences of
   * gradients (of the value, for a stochastic objective, whose product must draw nothing), and
   * rejects arrays of the wrong length naming both lengths.
   */
  @Test
  public void hessianVectorProductAgreesWithDifferences() {
    SplittableRandom random = new SplittableRandom(19);
    for (Labelled each : objectives()) {
      Objective o = each.objective();
      int n = o.dimension();
      assertTrue(o.hessianMethod() != null, each.label() + ": hessianMethod() is null");
      for (int sample = 0; sample < HESSIAN_SAMPLES; sample++) {
        double[] point = samplePoint(o, random);
        double[] direction = new double[n];
        for (int i = 0; i < n; i++) {
          direction[i] = 2 * random.nextDouble() - 1;
        }
        double[] pointCopy = point.clone();
        double[] directionCopy = direction.clone();
        double[] product = new double[n];
        if (o instanceof Stochastic s) {
          RandomStream stream = new RandomStream(3);
          s.useStream(stream);
          long[] before = stream.snapshot();
          o.hessianVectorProduct(point, direction, product);
          assertTrue(
              java.util.Arrays.equals(before, stream.snapshot()),
              each.label() + ": the Hessian-vector product drew from the stream");
          if (curvatureResolvable(o)) {
            checkCurvature(each.label(), o, point, direction, product);
          }
        } else {
          o.hessianVectorProduct(point, direction, product);
          checkAgainstGradientDifferences(each.label(), o, point, direction, product, random);
        }
        assertTrue(
            java.util.Arrays.equals(pointCopy, point)
                && java.util.Arrays.equals(directionCopy, direction),
            each.label() + ": the Hessian-vector product modified its point or direction");
      }
      for (int wrong : new int[] {n + 1, Math.max(0, n - 1)}) {
        IllegalArgumentException e =
            assertThrows(
                IllegalArgumentException.class,
                () -> o.hessianVectorProduct(new double[n], new double[wrong], new double[n]),
                each.label());
        assertTrue(
            e.getMessage().contains(Integer.toString(wrong))
                && e.getMessage().contains(Integer.toString(n)),
            each.label() + ": message should name " + wrong + " and " + n + ": " + e);
      }
    }
  }

  /**
   * Whether second differences of {@link Objective#value} along a line resolve vᵀHv for this
   * stochastic objective; true by default. Override to exclude a loss with many kinks, such as a
   * ReLU network summed over many rows, where a line of length ε^¼ crosses some kinks and their
   * jumps in slope dominate the difference.
   */
  protected boolean curvatureResolvable(Objective objective) {
    return true;
  }

  private static void checkSymmetry(
      String label, Objective o, double[] x, double[] v, double[] hv, SplittableRandom random) {
    int n = x.length;
    double[] u = new double[n];
    for (int i = 0; i < n; i++) {
      u[i] = 2 * random.nextDouble() - 1;
    }
    double[] hu = new double[n];
    o.hessianVectorProduct(x, u, hu);
    double uHv = 0;
    double vHu = 0;
    double uNorm = 0;
    double vNorm = 0;
    double hvNorm = 0;
    double huNorm = 0;
    for (int i = 0; i < n; i++) {
      uHv += u[i] * hv[i];
      vHu += v[i] * hu[i];
      uNorm += u[i] * u[i];
      vNorm += v[i] * v[i];
      hvNorm += hv[i] * hv[i];
      huNorm += hu[i] * hu[i];
    }
    double scale = Math.sqrt(uNorm * hvNorm) + Math.sqrt(vNorm * huNorm);
    assertTrue(
        Math.abs(uHv - vHu) <= 1e-9 * scale,
        label + ": uᵀ(Hv) = " + uHv + " but vᵀ(Hu) = " + vHu + " (" + o.hessianMethod() + ")");
  }

  private void checkAgainstGradientDifferences(
      String label,
      Objective o,
      double[] x,
      double[] v,
      double[] product,
      SplittableRandom random) {
    int n = x.length;
    double h = GradientCheck.directionalStep(x, v);
    double[][] wide = gradientDifference(o, x, v, h);
    double[][] narrow = gradientDifference(o, x, v, h / 2);
    for (int i : coordinates(n, random)) {
      // Richardson: (4·D(h/2) − D(h)) / 3 cancels the h² term of the truncation error
      double numerical = (4 * narrow[0][i] - wide[0][i]) / 3;
      double rounding = (4 * narrow[1][i] + wide[1][i]) / 3;
      // a product by finite differences itself carries the plain quotient's truncation error
      double truncation =
          o.hessianMethod() == dev.gradus.spi.HessianMethod.FINITE_DIFFERENCES
              ? Math.abs(wide[0][i] - numerical)
              : 0;
      double tolerance =
          hessianTolerance() + (rounding + truncation) / Math.max(1, Math.abs(numerical));
      double error = GradientCheck.error(product[i], numerical);
      if (!(error <= tolerance)) {
        fail(
            String.format(
                "%s: (H·v)[%s] at %s is %.17g by hessianVectorProduct (%s) but %.17g by"
                    + " differences of gradients (error %.3e, tolerance %.1e)",
                label,
                o.parameterNames().get(i),
                n <= 8 ? java.util.Arrays.toString(x) : "a random point",
                product[i],
                o.hessianMethod(),
                numerical,
                error,
                tolerance));
      }
    }
  }

  /**
   * (∇f(x + hv) − ∇f(x − hv)) / 2h, and per coordinate the rounding error it may carry, (√n +
   * 4)·ulp(max |∂ᵢf(x ± hv)|)/h.
   */
  private static double[][] gradientDifference(Objective o, double[] x, double[] v, double h) {
    int n = x.length;
    double[] shifted = new double[n];
    double[] plus = new double[n];
    double[] minus = new double[n];
    for (int i = 0; i < n; i++) {
      shifted[i] = x[i] + h * v[i];
    }
    o.valueAndGradient(shifted, plus);
    for (int i = 0; i < n; i++) {
      shifted[i] = x[i] - h * v[i];
    }
    o.valueAndGradient(shifted, minus);
    double[] quotient = new double[n];
    double[] rounding = new double[n];
    for (int i = 0; i < n; i++) {
      quotient[i] = (plus[i] - minus[i]) / (2 * h);
      rounding[i] =
          (Math.sqrt(n) + 4) * Math.ulp(Math.max(Math.abs(plus[i]), Math.abs(minus[i]))) / h;
    }
    return new double[][] {quotient, rounding};
  }

  private void checkCurvature(String label, Objective o, double[] x, double[] v, double[] product) {
    int n = x.length;
    double xMax = 0;
    double vMax = 0;
    double curvature = 0;
    for (int i = 0; i < n; i++) {
      xMax = Math.max(xMax, Math.abs(x[i]));
      vMax = Math.max(vMax, Math.abs(v[i]));
      curvature += v[i] * product[i];
    }
    double h = Math.pow(Math.ulp(1.0), 0.25) * Math.max(1, xMax) / vMax;
    double[] shifted = new double[n];
    for (int i = 0; i < n; i++) {
      shifted[i] = x[i] + h * v[i];
    }
    double plus = o.value(shifted);
    for (int i = 0; i < n; i++) {
      shifted[i] = x[i] - h * v[i];
    }
    double minus = o.value(shifted);
    double centre = o.value(x);
    double numerical = (plus - 2 * centre + minus) / (h * h);
    double rounding =
        4 * (Math.sqrt(n) + 4) * Math.ulp(Math.max(Math.abs(centre), Math.abs(plus))) / (h * h);
    double tolerance = 1e-5 + rounding / Math.max(1, Math.abs(numerical));
    double error = GradientCheck.error(curvature, numerical);
    if (!(error <= tolerance)) {
      fail(
          String.format(
              "%s: vᵀHv is %.17g by hessianVectorProduct (%s) but %.17g by second differences of"
                  + " the value (error %.3e, tolerance %.1e)",
              label, curvature, o.hessianMethod(), numerical, error, tolerance));
    }
  }

  /**
   * Where random points are drawn: the domain, or start ± 2 (origin ± 2 without a start) for
   * objectives without one. Override to keep away from regions where central differences cannot
   * resolve the function (say why).
   */
  protected Domain samplingBox(Objective objective) {
    if (objective.domain().isPresent()) {
      return objective.domain().get();
    }
    double[] centre = objective.defaultStart().orElse(new double[objective.dimension()]);
    double[] lower = new double[centre.length];
    double[] upper = new double[centre.length];
    for (int i = 0; i < centre.length; i++) {
      lower[i] = centre[i] - 2;
      upper[i] = centre[i] + 2;
    }
    return new Domain(lower, upper);
  }

  /**
   * A random point for the gradient check: uniform in {@link #samplingBox} by default. Override to
   * keep a margin from kinks or cusps whose neighbourhood spoils central differences (say why).
   */
  protected double[] samplePoint(Objective objective, SplittableRandom random) {
    return uniform(samplingBox(objective), random);
  }

  /** The objectives under test, one per hyperparameter set, each labelled for messages. */
  protected final List<Labelled> objectives() {
    List<Labelled> out = new ArrayList<>();
    for (Map<String, ?> raw : hyperParameterSets()) {
      HyperParameters values = HyperParameters.resolve(provider(), raw);
      out.add(new Labelled(provider().id() + " " + raw, provider().create(values)));
    }
    return out;
  }

  /** An objective with a label naming the provider and its hyperparameters. */
  protected record Labelled(String label, Objective objective) {}

  /** SPI 1.3: the declared blocks are views that tile the vector, each name once. */
  @Test
  public void blocksTileTheParameterVector() {
    for (Labelled each : objectives()) {
      Objective o = each.objective();
      List<ParameterBlock> blocks = o.blocks();
      try {
        ParameterBlock.requireTiling(blocks, o.dimension());
      } catch (IllegalArgumentException e) {
        fail(each.label() + ": " + e.getMessage());
      }
      assertEquals(blocks, o.blocks(), each.label() + ": blocks() is the same on every call");
    }
  }

  @Test
  public void valueAtEachMinimizerIsTheDeclaredMinimum() {
    for (Labelled each : objectives()) {
      if (each.objective().knownMinimum().isEmpty()) {
        continue;
      }
      KnownMinimum minimum = each.objective().knownMinimum().get();
      assertFalse(minimum.minimizers().isEmpty(), each.label() + ": no minimizers declared");
      for (double[] point : minimum.minimizers()) {
        double value = each.objective().value(point);
        assertEquals(
            minimum.value(),
            value,
            1e-9 * Math.max(1, Math.abs(minimum.value())),
            each.label() + ": f at a declared minimizer");
      }
    }
  }

  @Test
  public void minimizersLieInTheDomain() {
    for (Labelled each : objectives()) {
      Objective o = each.objective();
      if (o.knownMinimum().isEmpty() || o.domain().isEmpty()) {
        continue;
      }
      for (double[] point : o.knownMinimum().get().minimizers()) {
        assertEquals(o.dimension(), point.length, each.label() + ": minimizer length");
        assertTrue(o.domain().get().contains(point), each.label() + ": minimizer outside domain");
      }
    }
  }

  @Test
  public void gradientVanishesAtInteriorMinimizers() {
    for (Labelled each : objectives()) {
      Objective o = each.objective();
      if (o.knownMinimum().isEmpty()) {
        continue;
      }
      double bound = 1e-6 * Math.max(1, Math.abs(o.knownMinimum().get().value()));
      for (double[] point : o.knownMinimum().get().minimizers()) {
        if (o.domain().isPresent() && o.domain().get().onBoundary(point)) {
          continue;
        }
        double[][] sampled = expectedGradient(o, point);
        double[] gradient = sampled[0];
        for (int i = 0; i < gradient.length; i++) {
          if (!(Math.abs(gradient[i]) <= bound + NOISE_ERRORS * sampled[1][i])) {
            fail(
                each.label()
                    + ": ∂f/∂"
                    + o.parameterNames().get(i)
                    + " = "
                    + gradient[i]
                    + " at a declared interior minimizer, bound "
                    + bound);
          }
        }
      }
    }
  }

  @Test
  public void gradientAgreesWithCentralDifferences() {
    SplittableRandom random = new SplittableRandom(20240611L);
    for (Labelled each : objectives()) {
      Objective o = each.objective();
      for (int sample = 0; sample < SAMPLES; sample++) {
        double[] point = samplePoint(o, random);
        double[][] sampled = expectedGradient(o, point);
        double[] gradient = sampled[0];
        for (int i : coordinates(o.dimension(), random)) {
          double[] quotient = centralDifference(o, point, i);
          double numerical = quotient[0];
          double tolerance =
              gradientTolerance()
                  + (quotient[1] + NOISE_ERRORS * sampled[1][i]) / Math.max(1, Math.abs(numerical));
          double error = GradientCheck.error(gradient[i], numerical);
          if (!(error <= tolerance)) {
            fail(
                String.format(
                    "%s: ∂f/∂%s at %s is %.17g by valueAndGradient but %.17g by central"
                        + " differences (error %.3e, tolerance %.1e)",
                    each.label(),
                    o.parameterNames().get(i),
                    o.dimension() <= 8 ? java.util.Arrays.toString(point) : "a random point",
                    gradient[i],
                    numerical,
                    error,
                    tolerance));
          }
        }
      }
    }
  }

  /** Draws a stochastic gradient's mean is checked from: enough for errors of a few percent. */
  protected static final int STOCHASTIC_DRAWS = 400;

  /** How many standard errors a stochastic gradient's mean may be off (1 in 10⁶ by chance). */
  protected static final double NOISE_ERRORS = 5;

  /**
   * The gradient at x and its standard error per coordinate: for a deterministic objective its
   * gradient and zeros; for a {@link Stochastic} one the mean of {@link #STOCHASTIC_DRAWS} samples
   * (from a stream of a fixed seed) and the standard error of that mean, since what its gradient
   * must agree with in expectation is the derivative of {@link Objective#value}.
   */
  protected static double[][] expectedGradient(Objective o, double[] x) {
    int n = o.dimension();
    double[] gradient = new double[n];
    if (!(o instanceof Stochastic stochastic)) {
      o.valueAndGradient(x, gradient);
      return new double[][] {gradient, new double[n]};
    }
    stochastic.useStream(new RandomStream(31));
    double[] sum = new double[n];
    double[] squares = new double[n];
    for (int k = 0; k < STOCHASTIC_DRAWS; k++) {
      o.valueAndGradient(x, gradient);
      for (int i = 0; i < n; i++) {
        sum[i] += gradient[i];
        squares[i] += gradient[i] * gradient[i];
      }
    }
    double[] mean = new double[n];
    double[] error = new double[n];
    for (int i = 0; i < n; i++) {
      mean[i] = sum[i] / STOCHASTIC_DRAWS;
      double variance =
          Math.max(0, (squares[i] - STOCHASTIC_DRAWS * mean[i] * mean[i]) / (STOCHASTIC_DRAWS - 1));
      error[i] = Math.sqrt(variance / STOCHASTIC_DRAWS);
    }
    return new double[][] {mean, error};
  }

  @Test
  public void stochasticGradientsArePureFunctionsOfTheirStream() {
    SplittableRandom random = new SplittableRandom(11);
    for (Labelled each : objectives()) {
      if (!(each.objective() instanceof Stochastic)) {
        continue;
      }
      Objective o = each.objective();
      Stochastic s = (Stochastic) o;
      double[] point = samplePoint(o, random);
      double[] first = new double[o.dimension()];
      double[] again = new double[o.dimension()];
      long[] initial = s.samplingState();
      RandomStream stream = new RandomStream(5);
      s.useStream(stream);
      o.valueAndGradient(point, first);
      long[] position = stream.snapshot();
      long[] sampling = s.samplingState();
      o.valueAndGradient(point, first);
      s.useStream(RandomStream.restore(position));
      s.restoreSamplingState(sampling);
      o.valueAndGradient(point, again);
      assertTrue(
          java.util.Arrays.equals(first, again),
          each.label()
              + ": a restored stream and sampling state do not repeat the gradient they gave");
      s.useStream(new RandomStream(5));
      s.restoreSamplingState(initial);
      o.valueAndGradient(point, again);
      o.valueAndGradient(point, again);
      assertTrue(
          java.util.Arrays.equals(first, again),
          each.label() + ": the same stream does not give the same gradients");
    }
  }

  @Test
  public void valueMatchesValueAndGradient() {
    SplittableRandom random = new SplittableRandom(7);
    for (Labelled each : objectives()) {
      Objective o = each.objective();
      Domain box = samplingBox(o);
      double[] gradient = new double[o.dimension()];
      for (int sample = 0; sample < 5; sample++) {
        double[] point = uniform(box, random);
        double[] copy = point.clone();
        double value = o.value(point);
        assertEquals(value, o.valueAndGradient(point, gradient), 0.0, each.label());
        assertTrue(java.util.Arrays.equals(copy, point), each.label() + ": the point was modified");
      }
    }
  }

  @Test
  public void wrongDimensionIsRejectedNamingBothLengths() {
    for (Labelled each : objectives()) {
      Objective o = each.objective();
      int n = o.dimension();
      for (double[] wrong : List.of(new double[n + 1], new double[Math.max(0, n - 1)])) {
        for (boolean withGradient : new boolean[] {false, true}) {
          IllegalArgumentException e =
              assertThrows(
                  IllegalArgumentException.class,
                  () -> {
                    if (withGradient) {
                      o.valueAndGradient(wrong, new double[n]);
                    } else {
                      o.value(wrong);
                    }
                  },
                  each.label());
          assertTrue(
              e.getMessage().contains(Integer.toString(wrong.length))
                  && e.getMessage().contains(Integer.toString(n)),
              each.label() + ": message should name " + wrong.length + " and " + n + ": " + e);
        }
      }
    }
  }

  @Test
  public void defaultStartLiesInTheDomainAndIsFinite() {
    for (Labelled each : objectives()) {
      Objective o = each.objective();
      if (o.defaultStart().isEmpty()) {
        continue;
      }
      double[] start = o.defaultStart().get();
      assertEquals(o.dimension(), start.length, each.label() + ": start length");
      o.domain()
          .ifPresent(d -> assertTrue(d.contains(start), each.label() + ": start outside domain"));
      assertTrue(Double.isFinite(o.value(start)), each.label() + ": f(start) is not finite");
      startValidator().accept(o, start);
    }
  }

  @Test
  public void parameterNamesMatchTheDimension() {
    for (Labelled each : objectives()) {
      assertEquals(
          each.objective().dimension(), each.objective().parameterNames().size(), each.label());
    }
  }

  @Test
  public void startOutsideTheDomainIsRejected() {
    for (Labelled each : objectives()) {
      if (each.objective().domain().isPresent()) {
        assertStartOutsideDomainRejected(each.objective(), startValidator());
      }
    }
  }

  /**
   * Checks that {@code validator} rejects a start just outside each face of the domain in the first
   * and last coordinate, with a message naming the coordinate, the value and both bounds.
   */
  public static void assertStartOutsideDomainRejected(
      Objective objective, BiConsumer<Objective, double[]> validator) {
    Domain domain = objective.domain().orElseThrow();
    double[] lower = domain.lower();
    double[] upper = domain.upper();
    double[] inside = new double[objective.dimension()];
    for (int i = 0; i < inside.length; i++) {
      inside[i] =
          Double.isFinite(lower[i]) && Double.isFinite(upper[i])
              ? (lower[i] + upper[i]) / 2
              : Double.isFinite(lower[i]) ? lower[i] : Double.isFinite(upper[i]) ? upper[i] : 0;
    }
    validator.accept(objective, inside.clone());
    for (int i : new int[] {0, inside.length - 1}) {
      for (double outside : new double[] {below(lower[i]), above(upper[i])}) {
        if (!Double.isFinite(outside)) {
          continue;
        }
        double[] start = inside.clone();
        start[i] = outside;
        IllegalArgumentException e =
            assertThrows(
                IllegalArgumentException.class,
                () -> validator.accept(objective, start),
                objective + ": a start with coordinate " + i + " = " + outside);
        String message = e.getMessage();
        assertTrue(
            message.contains(String.valueOf(i))
                && message.contains(String.valueOf(outside))
                && message.contains(String.valueOf(lower[i]))
                && message.contains(String.valueOf(upper[i])),
            "message should name coordinate " + i + ", its value and bounds: " + message);
      }
    }
  }

  private static double below(double bound) {
    return bound - Math.max(1, Math.abs(bound));
  }

  private static double above(double bound) {
    return bound + Math.max(1, Math.abs(bound));
  }

  /** A uniform point of the box. */
  protected static double[] uniform(Domain box, SplittableRandom random) {
    double[] lower = box.lower();
    double[] upper = box.upper();
    double[] point = new double[lower.length];
    for (int i = 0; i < point.length; i++) {
      point[i] = lower[i] + (upper[i] - lower[i]) * random.nextDouble();
    }
    return point;
  }

  private static int[] coordinates(int dimension, SplittableRandom random) {
    if (dimension <= MAX_CHECKED_COORDINATES) {
      int[] all = new int[dimension];
      for (int i = 0; i < dimension; i++) {
        all[i] = i;
      }
      return all;
    }
    int[] some = new int[MAX_CHECKED_COORDINATES];
    some[0] = 0;
    some[1] = dimension - 1;
    for (int i = 2; i < some.length; i++) {
      some[i] = random.nextInt(dimension);
    }
    return some;
  }

  /**
   * The central difference in coordinate i with {@link NumericalDiff}'s step, and the rounding
   * error it may carry, (√n + 4)·ulp(max |f(x ± h)|)/h (see the class comment); x is restored.
   */
  private static double[] centralDifference(Objective o, double[] x, int i) {
    double xi = x[i];
    double h = NumericalDiff.step(xi, NumericalDiff.Scheme.CENTRAL);
    try {
      x[i] = xi + h;
      double plus = o.value(x);
      x[i] = xi - h;
      double minus = o.value(x);
      double rounding =
          (Math.sqrt(x.length) + 4) * Math.ulp(Math.max(Math.abs(plus), Math.abs(minus))) / h;
      return new double[] {(plus - minus) / (2 * h), rounding};
    } finally {
      x[i] = xi;
    }
  }
}
