package dev.gradus.functions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.graph.GradientCheck;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Objective;
import dev.gradus.spi.ObjectiveProvider;
import dev.gradus.spi.ProviderRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GradientMethodsTest {
  private static final ProviderRegistry<ObjectiveProvider> REGISTRY =
      ProviderRegistry.load(ObjectiveProvider.class, GradientMethodsTest.class.getClassLoader());

  private static Objective create(String id, Map<String, ?> raw) {
    ObjectiveProvider p = REGISTRY.require(id);
    return p.create(HyperParameters.resolve(p, raw));
  }

  @Test
  void handDerivedGradientsMatchAutodiff() {
    SplittableRandom random = new SplittableRandom(3);
    for (String id : List.of("linear-regression", "rosenbrock", "ackley", "beale")) {
      for (Map<String, ?> raw :
          id.equals("rosenbrock") || id.equals("ackley")
              ? List.<Map<String, ?>>of(Map.of(), Map.of("dim", 9))
              : List.<Map<String, ?>>of(Map.of())) {
        Objective autodiff = create(id, raw);
        Objective analytic = Objectives.withGradient(autodiff, GradientMethod.ANALYTIC);
        for (int sample = 0; sample < 25; sample++) {
          double[] x = new double[autodiff.dimension()];
          for (int i = 0; i < x.length; i++) {
            x[i] = 4 * random.nextDouble() - 2;
          }
          double[] a = new double[x.length];
          double[] b = new double[x.length];
          double va = autodiff.valueAndGradient(x, a);
          double vb = analytic.valueAndGradient(x, b);
          assertEquals(va, vb, 1e-12 * Math.max(1, Math.abs(va)), id);
          for (int i = 0; i < x.length; i++) {
            assertTrue(GradientCheck.error(a[i], b[i]) < 1e-12, id + " coordinate " + i);
          }
          assertTrue(GradientCheck.check(autodiff::value, x, b, 1e-6).passed(), id);
        }
      }
    }
  }

  @Test
  void ackleyAnalyticGradientIsTheSubgradientZeroAtTheOrigin() {
    Objective ackley =
        Objectives.withGradient(create("ackley", Map.of("dim", 3)), GradientMethod.ANALYTIC);
    double[] g = new double[3];
    assertEquals(0, ackley.valueAndGradient(new double[3], g), 0);
    assertArrayEquals(new double[3], g, 0);
  }

  @Test
  void numericalGradientIsCentralDifferencesAndLeavesThePointAlone() {
    Objective booth = create("booth", Map.of());
    Objective numerical = Objectives.withGradient(booth, GradientMethod.NUMERICAL);
    double[] x = {0.3, -1.7};
    double[] g = new double[2];
    double value = numerical.valueAndGradient(x, g);
    // Booth is quadratic, so central differences are exact up to rounding.
    double u = x[0] + 2 * x[1] - 7;
    double v = 2 * x[0] + x[1] - 5;
    assertEquals(u * u + v * v, value, 1e-12);
    assertEquals(2 * u + 4 * v, g[0], 1e-7);
    assertEquals(4 * u + 2 * v, g[1], 1e-7);
    assertArrayEquals(new double[] {0.3, -1.7}, x, 0);
    assertEquals(booth.knownMinimum().get().value(), numerical.knownMinimum().get().value());
    assertEquals(booth.domain(), numerical.domain());
    assertEquals(booth.parameterNames(), numerical.parameterNames());
  }

  @Test
  void autodiffIsTheObjectiveItself() {
    Objective sphere = create("sphere", Map.of());
    assertSame(sphere, Objectives.withGradient(sphere, GradientMethod.AUTODIFF));
  }

  @Test
  void analyticWhereNoneExistsNamesTheFunctionAndTheAlternatives() {
    Objective rastrigin = create("rastrigin", Map.of());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Objectives.withGradient(rastrigin, GradientMethod.ANALYTIC));
    assertTrue(e.getMessage().contains("rastrigin"), e.getMessage());
    assertTrue(e.getMessage().contains("autodiff, numerical"), e.getMessage());
  }

  @Test
  void providersReportTheirGradientOptions() {
    Set<String> handDerived = Set.of("linear-regression", "rosenbrock", "ackley", "beale");
    for (ObjectiveProvider p : REGISTRY.all()) {
      Set<GradientMethod> methods = Objectives.gradientMethods(p);
      assertTrue(
          methods.contains(GradientMethod.AUTODIFF) && methods.contains(GradientMethod.NUMERICAL));
      assertEquals(handDerived.contains(p.id()), methods.contains(GradientMethod.ANALYTIC), p.id());
      Objective o = p.create(HyperParameters.resolve(p, Map.of()));
      assertEquals(methods, Objectives.gradientMethods(o), p.id());
    }
  }

  @Test
  void parseAcceptsTheIdsAndRejectsOthersClearly() {
    assertEquals(GradientMethod.NUMERICAL, GradientMethod.parse("numerical"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> GradientMethod.parse("symbolic"));
    assertTrue(e.getMessage().contains("'symbolic'") && e.getMessage().contains("autodiff"));
  }

  @Test
  void requireInDomainNamesCoordinateValueAndBounds() {
    Objective bukin = create("bukin-n6", Map.of());
    Objectives.requireInDomain(bukin, new double[] {-10, 1});
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Objectives.requireInDomain(bukin, new double[] {-10, 3.5}));
    assertTrue(
        e.getMessage().contains("coordinate 1 (y) = 3.5")
            && e.getMessage().contains("[-3.0, 3.0]")
            && e.getMessage().contains("bukin-n6"),
        e.getMessage());
    IllegalArgumentException length =
        assertThrows(
            IllegalArgumentException.class,
            () -> Objectives.requireInDomain(bukin, new double[] {1, 2, 3}));
    assertTrue(length.getMessage().contains("3") && length.getMessage().contains("2"));
  }

  @Test
  void everyIdLoadsThroughServiceLoaderWithoutDuplicates() {
    List<String> expected =
        List.of(
            "rastrigin",
            "ackley",
            "sphere",
            "rosenbrock",
            "beale",
            "goldstein-price",
            "booth",
            "bukin-n6",
            "matyas",
            "levi-n13",
            "griewank",
            "himmelblau",
            "three-hump-camel",
            "easom",
            "cross-in-tray",
            "eggholder",
            "holder-table",
            "mccormick",
            "schaffer-n2",
            "schaffer-n4",
            "styblinski-tang",
            "shekel",
            "linear-regression",
            "logistic-regression");
    for (String id : expected) {
      assertTrue(REGISTRY.contains(id), id);
    }
    List<String> loaded = REGISTRY.all().stream().map(ObjectiveProvider::id).toList();
    assertEquals(Set.copyOf(loaded).size(), loaded.size(), "duplicate ids: " + loaded);
    assertTrue(loaded.containsAll(expected));
  }

  /**
   * The wrappers change how a gradient is had, not the Hessian: numerical, analytic and noisy
   * gradients and minibatches pass the wrapped objective's product and method on, bit for bit.
   */
  @Test
  void wrappersPassTheHessianVectorProductOn() {
    Objective rosenbrock = create("rosenbrock", Map.of("dim", 5));
    Objective regression = create("linear-regression", Map.of());
    List<Objective[]> pairs =
        List.of(
            new Objective[] {
              rosenbrock, Objectives.withGradient(rosenbrock, GradientMethod.NUMERICAL)
            },
            new Objective[] {
              rosenbrock, Objectives.withGradient(rosenbrock, GradientMethod.ANALYTIC)
            },
            new Objective[] {
              rosenbrock, dev.gradus.functions.stochastic.GradientNoise.of(rosenbrock, 0.5)
            },
            new Objective[] {regression, create("linear-regression", Map.of("batch_size", 4))});
    SplittableRandom random = new SplittableRandom(5);
    for (Objective[] pair : pairs) {
      Objective inner = pair[0];
      Objective wrapper = pair[1];
      assertEquals(dev.gradus.spi.HessianMethod.AUTODIFF, wrapper.hessianMethod(), wrapper + "");
      double[] x = new double[inner.dimension()];
      double[] v = new double[inner.dimension()];
      for (int i = 0; i < x.length; i++) {
        x[i] = 2 * random.nextDouble() - 1;
        v[i] = 2 * random.nextDouble() - 1;
      }
      double[] expected = new double[x.length];
      double[] actual = new double[x.length];
      inner.hessianVectorProduct(x, v, expected);
      wrapper.hessianVectorProduct(x, v, actual);
      assertArrayEquals(expected, actual, 0.0, wrapper.toString());
    }
  }
}
