package dev.gradus.functions.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.spi.Domain;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.InvalidHyperParameterException;
import dev.gradus.spi.KnownMinimum;
import dev.gradus.spi.Objective;
import dev.gradus.spi.ObjectiveProvider;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@link Catalog} has one factory per catalog provider, making the objective a suite would. */
class CatalogTest {
  private static final List<TestFunction> CATALOG =
      ServiceLoader.load(ObjectiveProvider.class).stream()
          .map(ServiceLoader.Provider::get)
          .filter(p -> p instanceof TestFunction)
          .map(p -> (TestFunction) p)
          .collect(Collectors.toList());

  @Test
  void oneFactoryPerCatalogFunctionAndNoOther() {
    assertEquals(22, CATALOG.size());
    TreeSet<String> factories = new TreeSet<>();
    for (Method m : Catalog.class.getDeclaredMethods()) {
      if (Modifier.isPublic(m.getModifiers())) {
        assertTrue(Modifier.isStatic(m.getModifiers()), m.getName());
        factories.add(m.getName());
      }
    }
    assertEquals(
        CATALOG.stream().map(f -> camel(f.id())).collect(Collectors.toCollection(TreeSet::new)),
        factories);
  }

  @Test
  void eachFactoryMakesTheProvidersObjective() throws Exception {
    for (TestFunction function : CATALOG) {
      Map<String, Object> raw = function.scalable() ? Map.of("dim", 3L) : Map.of();
      Objective expected = function.create(HyperParameters.resolve(function, raw));
      Objective actual = factory(function, 3);
      String id = function.id();
      assertEquals(expected.toString(), actual.toString(), id);
      assertEquals(expected.dimension(), actual.dimension(), id);
      assertEquals(expected.parameterNames(), actual.parameterNames(), id);
      KnownMinimum min = expected.knownMinimum().orElseThrow();
      assertEquals(min.value(), actual.knownMinimum().orElseThrow().value(), id);
      Domain domain = expected.domain().orElseThrow();
      assertArrayEquals(domain.lower(), actual.domain().orElseThrow().lower(), id);
      assertArrayEquals(domain.upper(), actual.domain().orElseThrow().upper(), id);
      double[] start = expected.defaultStart().orElseThrow();
      assertArrayEquals(start, actual.defaultStart().orElseThrow(), id);
      double[] g1 = new double[start.length];
      double[] g2 = new double[start.length];
      assertEquals(expected.valueAndGradient(start, g1), actual.valueAndGradient(start, g2), id);
      assertArrayEquals(g1, g2, id);
    }
  }

  @Test
  void aDimensionOutOfRangeIsRefusedAsInASuite() {
    Rosenbrock rosenbrock = new Rosenbrock();
    InvalidHyperParameterException expected =
        assertThrows(
            InvalidHyperParameterException.class,
            () -> HyperParameters.resolve(rosenbrock, Map.of("dim", 1L)));
    InvalidHyperParameterException refused =
        assertThrows(InvalidHyperParameterException.class, () -> Catalog.rosenbrock(1));
    assertEquals(expected.getMessage(), refused.getMessage());
    assertEquals(
        "rosenbrock.dim = 1 is not allowed: must be an integer in [2, 10000000]",
        refused.getMessage());
    assertThrows(InvalidHyperParameterException.class, () -> Catalog.sphere(0));
  }

  @Test
  void rosenbrockIsTheLecturesBanana() {
    Objective f = Catalog.rosenbrock(2);
    double[] g = new double[2];
    // f(−1.2, 1) = 100·(1 − 1.44)² + 2.2² = 19.36 + 4.84; ∂f/∂x = −400·(−1.2)(−0.44) − 2·2.2
    assertEquals(24.2, f.valueAndGradient(new double[] {-1.2, 1}, g), 1e-12);
    assertArrayEquals(new double[] {-215.6, -88}, g, 1e-12);
    assertArrayEquals(new double[] {-1.2, 1}, f.defaultStart().orElseThrow());
  }

  private static Objective factory(TestFunction function, int dimension) throws Exception {
    try {
      if (function.scalable()) {
        return (Objective)
            Catalog.class.getMethod(camel(function.id()), int.class).invoke(null, dimension);
      }
      return (Objective) Catalog.class.getMethod(camel(function.id())).invoke(null);
    } catch (InvocationTargetException e) {
      throw (Exception) e.getCause();
    }
  }

  private static String camel(String id) {
    String[] parts = id.split("-");
    return parts[0]
        + Arrays.stream(parts, 1, parts.length)
            .map(p -> Character.toUpperCase(p.charAt(0)) + p.substring(1))
            .collect(Collectors.joining());
  }
}
