package dev.gradus.functions.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.spi.Domain;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.KnownMinimum;
import dev.gradus.spi.Objective;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks each declared minimum numerically, independently of how it was found: every declared
 * minimizer is refined by Newton's method in double and must not move, and a dense grid over the
 * domain, with the best cells polished by Nelder–Mead, finds nothing lower and no global minimizer
 * that is not declared.
 */
class MinimaVerificationTest {
  /** Minimizers on a kink, where Newton's method does not apply. */
  private static final Set<String> NON_SMOOTH_AT_MINIMUM = Set.of("ackley", "bukin-n6");

  static Stream<TestFunction> functions() {
    return Stream.of(
        new Rastrigin(),
        new Ackley(),
        new Sphere(),
        new Rosenbrock(),
        new Beale(),
        new GoldsteinPrice(),
        new Booth(),
        new BukinN6(),
        new Matyas(),
        new LeviN13(),
        new Griewank(),
        new Himmelblau(),
        new ThreeHumpCamel(),
        new Easom(),
        new CrossInTray(),
        new Eggholder(),
        new HolderTable(),
        new McCormick(),
        new SchafferN2(),
        new SchafferN4(),
        new StyblinskiTang(),
        new Shekel());
  }

  private static Objective create(TestFunction function, int dimension) {
    Map<String, ?> raw = function.scalable() ? Map.of("dim", dimension) : Map.of();
    return function.create(HyperParameters.resolve(function, raw));
  }

  private static List<Objective> instances(TestFunction function) {
    return function.scalable()
        ? List.of(create(function, 2), create(function, 3))
        : List.of(create(function, 0));
  }

  @ParameterizedTest
  @MethodSource("functions")
  void declaredMinimizersAreFixedPointsOfNewtonsMethod(TestFunction function) {
    for (Objective f : instances(function)) {
      KnownMinimum minimum = f.knownMinimum().orElseThrow();
      Domain domain = f.domain().orElseThrow();
      for (double[] declared : minimum.minimizers()) {
        if (NON_SMOOTH_AT_MINIMUM.contains(function.id())) {
          assertLocallyMinimal(f, declared, minimum.value());
          continue;
        }
        boolean[] fixed = boundaryCoordinates(domain, declared);
        double[] refined = LocalSearch.newton(f, declared, fixed);
        for (int i = 0; i < declared.length; i++) {
          assertEquals(
              refined[i],
              declared[i],
              1e-9 * Math.max(1, Math.abs(refined[i])),
              f + ": coordinate " + i + " of " + Arrays.toString(declared));
        }
        double refinedValue = f.value(refined);
        assertEquals(
            refinedValue,
            minimum.value(),
            1e-12 * Math.max(1, Math.abs(refinedValue)),
            f + ": declared minimum value vs f at the refined minimizer");
        assertTrue(
            LocalSearch.positiveDefinite(LocalSearch.hessian(f, refined), fixed),
            f + ": the Hessian at " + Arrays.toString(refined) + " is not positive definite");
        assertSlopePointsOutOfTheBox(f, domain, refined, fixed);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("functions")
  void noGridPointGoesBelowTheMinimumAndEveryGlobalMinimizerIsDeclared(TestFunction function) {
    Objective f = create(function, 2);
    Domain domain = f.domain().orElseThrow();
    KnownMinimum minimum = f.knownMinimum().orElseThrow();
    int perAxis = f.dimension() == 2 ? 601 : 31;
    double[] lower = domain.lower();
    double[] upper = domain.upper();
    int n = f.dimension();
    int total = (int) Math.pow(perAxis, n);
    List<double[]> best = new ArrayList<>();
    List<Double> bestValues = new ArrayList<>();
    double[] point = new double[n];
    for (int index = 0; index < total; index++) {
      for (int i = 0, rest = index; i < n; i++, rest /= perAxis) {
        point[i] = lower[i] + (upper[i] - lower[i]) * (rest % perAxis) / (perAxis - 1);
      }
      double value = f.value(point);
      assertTrue(
          value >= minimum.value() - 1e-9,
          f + ": f" + Arrays.toString(point) + " = " + value + " < declared " + minimum.value());
      keepBest(best, bestValues, point, value, 40);
    }
    for (double[] cell : best) {
      double size = (upper[0] - lower[0]) / (perAxis - 1);
      double[] polished = LocalSearch.nelderMead(f, cell, domain, size, 2000);
      double value = f.value(polished);
      assertTrue(
          value >= minimum.value() - 1e-9,
          f + ": polished f" + Arrays.toString(polished) + " = " + value + " below the minimum");
      if (value <= minimum.value() + 1e-9 * Math.max(1, Math.abs(minimum.value()))) {
        double nearest = Double.POSITIVE_INFINITY;
        for (double[] declared : minimum.minimizers()) {
          nearest = Math.min(nearest, distance(declared, polished));
        }
        assertTrue(
            nearest < 1e-3,
            f + ": " + Arrays.toString(polished) + " attains the minimum but is not declared");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("functions")
  void defaultStartIsNotAMinimizer(TestFunction function) {
    Objective f = create(function, 2);
    double[] start = f.defaultStart().orElseThrow();
    assertTrue(f.value(start) > f.knownMinimum().orElseThrow().value() + 1e-3, f.toString());
  }

  private static void keepBest(
      List<double[]> best, List<Double> values, double[] point, double value, int limit) {
    if (best.size() == limit && value >= values.get(limit - 1)) {
      return;
    }
    int at = 0;
    while (at < values.size() && values.get(at) <= value) {
      at++;
    }
    best.add(at, point.clone());
    values.add(at, value);
    if (best.size() > limit) {
      best.remove(limit);
      values.remove(limit);
    }
  }

  private static boolean[] boundaryCoordinates(Domain domain, double[] x) {
    boolean[] fixed = new boolean[x.length];
    for (int i = 0; i < x.length; i++) {
      fixed[i] = x[i] == domain.lower()[i] || x[i] == domain.upper()[i];
    }
    return fixed;
  }

  /** At an upper bound f must fall towards it (∂f/∂xᵢ < 0); at a lower bound, rise from it. */
  private static void assertSlopePointsOutOfTheBox(
      Objective f, Domain domain, double[] x, boolean[] fixed) {
    double[] g = new double[x.length];
    f.valueAndGradient(x, g);
    for (int i = 0; i < x.length; i++) {
      if (fixed[i]) {
        boolean upper = x[i] == domain.upper()[i];
        assertTrue(upper ? g[i] < 0 : g[i] > 0, f + ": slope at the boundary, coordinate " + i);
      }
    }
  }

  /** For a kink minimizer: no nearby point in 8 directions and 4 scales is lower. */
  private static void assertLocallyMinimal(Objective f, double[] x, double minimum) {
    assertEquals(minimum, f.value(x), 1e-12, f + ": value at the kink minimizer");
    double[][] directions = {{1, 0}, {0, 1}, {-1, 0}, {0, -1}, {1, 1}, {1, -1}, {-1, 1}, {-1, -1}};
    for (double[] d : directions) {
      for (double t : new double[] {1e-1, 1e-3, 1e-6, 1e-9}) {
        double[] y = x.clone();
        for (int i = 0; i < y.length; i++) {
          y[i] += t * d[i % 2] * (i < 2 ? 1 : 0.5);
        }
        assertTrue(f.value(y) >= minimum, f + ": lower value near the minimizer at " + t);
      }
    }
  }

  private static double distance(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return Math.sqrt(sum);
  }
}
