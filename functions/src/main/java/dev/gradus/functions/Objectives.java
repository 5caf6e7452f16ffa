package dev.gradus.functions;

import dev.gradus.graph.Node;
import dev.gradus.graph.Variable;
import dev.gradus.spi.Domain;
import dev.gradus.spi.GraphObjective;
import dev.gradus.spi.Objective;
import dev.gradus.spi.ObjectiveProvider;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Objectives from Java code ({@link #of}: a function computing f and ∇f; {@link #fromGraph}: a
 * computation graph, differentiated by autodiff), and the helpers the runner applies to any
 * objective: the gradient setting and start checks. The catalog's test functions are in {@link
 * dev.gradus.functions.catalog.Catalog}.
 */
public final class Objectives {
  private Objectives() {}

  /**
   * f and ∇f of a point, for {@link #of}: writes ∇f(x) into {@code gradient} and returns f(x). It
   * must not keep or modify {@code x}, and must write every entry of {@code gradient} (which holds
   * whatever the previous call left there).
   */
  @FunctionalInterface
  public interface ValueAndGradient {
    double valueAndGradient(double[] x, double[] gradient);
  }

  /**
   * The objective computed by {@code function}, with coordinates named {@code names} (its dimension
   * is their number). {@link Objective#value} calls {@code function} too, into a buffer of its own.
   * It has no known minimum, domain or default start.
   *
   * @throws IllegalArgumentException for no names, a blank or repeated one
   */
  public static Objective of(List<String> names, ValueAndGradient function) {
    Objects.requireNonNull(function, "function");
    return new FunctionObjective(checkedNames(names), function);
  }

  /** {@link #of(List, ValueAndGradient)} with coordinates named {@code x0, x1, …}. */
  public static Objective of(int dimension, ValueAndGradient function) {
    return of(defaultNames(dimension), function);
  }

  /**
   * The objective whose value {@code build} makes as a computation graph over the parameter vector
   * {@code x} (a {@link Variable} of shape [n], n the number of {@code names}), such as {@code x ->
   * x.square().sum()}; the gradient is by reverse-mode autodiff. {@code build} is called once, on
   * first use, and must return a node with one element; the graph is re-run at every point, as a
   * {@link GraphObjective}'s is.
   *
   * @throws IllegalArgumentException for no names, a blank or repeated one
   */
  public static GraphObjective fromGraph(List<String> names, Function<Variable, Node> build) {
    Objects.requireNonNull(build, "build");
    List<String> checked = checkedNames(names);
    return new GraphObjective(checked.size()) {
      @Override
      protected Node build(Variable x) {
        return build.apply(x);
      }

      @Override
      public List<String> parameterNames() {
        return checked;
      }

      @Override
      public String toString() {
        return "graph objective of "
            + (checked.size() <= 10 ? checked : checked.size() + " variables");
      }
    };
  }

  /** {@link #fromGraph(List, Function)} with coordinates named {@code x0, x1, …}. */
  public static GraphObjective fromGraph(int dimension, Function<Variable, Node> build) {
    return fromGraph(defaultNames(dimension), build);
  }

  private static List<String> defaultNames(int dimension) {
    if (dimension < 1) {
      throw new IllegalArgumentException(
          "dimension = " + dimension + " is not allowed: must be at least 1");
    }
    List<String> names = new ArrayList<>(dimension);
    for (int i = 0; i < dimension; i++) {
      names.add("x" + i);
    }
    return names;
  }

  private static List<String> checkedNames(List<String> names) {
    List<String> copy = List.copyOf(Objects.requireNonNull(names, "names"));
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("an objective needs at least one coordinate name");
    }
    Set<String> seen = new HashSet<>();
    for (String name : copy) {
      if (name.isBlank()) {
        throw new IllegalArgumentException("coordinate names must not be blank: " + copy);
      }
      if (!seen.add(name)) {
        throw new IllegalArgumentException(
            "coordinate name '" + name + "' appears twice in " + copy);
      }
    }
    return copy;
  }

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
