package dev.gradus.functions;

import dev.gradus.spi.Domain;
import dev.gradus.spi.Objective;
import dev.gradus.spi.ObjectiveProvider;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** Helpers the runner applies to any objective: the gradient setting and start checks. */
public final class Objectives {
  private Objectives() {}

  /**
   * The gradient methods a provider's objectives support: its {@link GradientOptions} when it has
   * them, otherwise autodiff and numerical.
   */
  public static Set<GradientMethod> gradientMethods(ObjectiveProvider provider) {
    if (provider instanceof GradientOptions options) {
      Set<GradientMethod> methods = EnumSet.copyOf(options.gradientMethods());
      methods.add(GradientMethod.AUTODIFF);
      methods.add(GradientMethod.NUMERICAL);
      return Set.copyOf(methods);
    }
    return Set.of(GradientMethod.AUTODIFF, GradientMethod.NUMERICAL);
  }

  /** The gradient methods {@code objective} supports. */
  public static Set<GradientMethod> gradientMethods(Objective objective) {
    return objective instanceof AnalyticGradient
        ? EnumSet.allOf(GradientMethod.class)
        : EnumSet.of(GradientMethod.AUTODIFF, GradientMethod.NUMERICAL);
  }

  /**
   * {@code objective} with its gradient computed by {@code method}: the objective itself for
   * autodiff, a wrapper computing central differences (2n value calls per gradient) for numerical,
   * a wrapper calling {@link AnalyticGradient} for analytic. The wrapper keeps the objective's
   * names, domain, known minimum and default start.
   *
   * @throws IllegalArgumentException for analytic on an objective without {@link AnalyticGradient},
   *     naming the objective and the methods it supports
   */
  public static Objective withGradient(Objective objective, GradientMethod method) {
    Objects.requireNonNull(objective, "objective");
    Objects.requireNonNull(method, "method");
    return switch (method) {
      case AUTODIFF -> objective;
      case NUMERICAL -> {
        if (objective instanceof dev.gradus.spi.Stochastic) {
          throw new IllegalArgumentException(
              "gradient = 'numerical' is not available for "
                  + objective
                  + ": its gradients are samples, and differences of its value would give the"
                  + " exact gradient instead; use autodiff");
        }
        yield new NumericalGradientObjective(objective);
      }
      case ANALYTIC -> {
        if (!(objective instanceof AnalyticGradient analytic)) {
          throw new IllegalArgumentException(
              "gradient = 'analytic' is not available for "
                  + objective
                  + ": it has no hand-derived gradient; it supports "
                  + gradientMethods(objective).stream()
                      .map(GradientMethod::id)
                      .sorted()
                      .collect(Collectors.joining(", ")));
        }
        yield new AnalyticGradientObjective(objective, analytic);
      }
    };
  }

  /**
   * Checks that {@code start} has the objective's dimension and lies in its domain (when it has
   * one).
   *
   * @throws IllegalArgumentException naming the first offending coordinate (index and name), its
   *     value and the bounds
   */
  public static void requireInDomain(Objective objective, double[] start) {
    if (start.length != objective.dimension()) {
      throw new IllegalArgumentException(
          "start has "
              + start.length
              + " coordinates, but "
              + objective
              + " has dimension "
              + objective.dimension());
    }
    if (objective.domain().isEmpty()) {
      return;
    }
    Domain domain = objective.domain().get();
    double[] lower = domain.lower();
    double[] upper = domain.upper();
    for (int i = 0; i < start.length; i++) {
      if (!(start[i] >= lower[i] && start[i] <= upper[i])) {
        throw new IllegalArgumentException(
            "start coordinate "
                + i
                + " ("
                + objective.parameterNames().get(i)
                + ") = "
                + start[i]
                + " lies outside the domain of "
                + objective
                + ": must be in ["
                + lower[i]
                + ", "
                + upper[i]
                + "]");
      }
    }
  }
}
