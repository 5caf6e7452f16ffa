package dev.gradus.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.gradus.spi.Evaluator;
import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.InvalidHyperParameterException;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerProvider;
import dev.gradus.spi.OptimizerState;
import dev.gradus.spi.Range;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every provider has a builder that agrees with it: a factory in {@link Optimizers} named after its
 * id, one setter per hyperparameter (and no other), the provider's defaults, the same values for
 * the same settings (the optimizers step bit for bit alike), and the same refusal, word for word,
 * of each value outside a range.
 */
class OptimizerBuildersTest {
  private static final List<OptimizerProvider> PROVIDERS =
      ServiceLoader.load(OptimizerProvider.class).stream()
          .map(ServiceLoader.Provider::get)
          .collect(Collectors.toList());

  @Test
  void everyBuiltInProviderIsCovered() {
    assertEquals(28, PROVIDERS.size(), "providers: " + ids());
    for (OptimizerProvider provider : PROVIDERS) {
      assertEquals(provider.id(), builder(provider).id());
    }
  }

  @TestFactory
  List<DynamicTest> oneSetterPerHyperParameterAndNoOther() {
    return perProvider(
        provider -> {
          OptimizerBuilder<?> builder = builder(provider);
          TreeSet<String> setters = new TreeSet<>();
          for (Method m : builder.getClass().getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers())) {
              setters.add(m.getName());
            }
          }
          TreeSet<String> declared = new TreeSet<>();
          provider.hyperParameters().forEach(p -> declared.add(camel(p.name())));
          assertEquals(declared, setters, provider.id());
        });
  }

  @TestFactory
  List<DynamicTest> defaultsAreTheProvidersAndStepAlike() {
    return perProvider(
        provider -> {
          OptimizerBuilder<?> builder = builder(provider);
          for (HyperParameter p : provider.hyperParameters()) {
            assertEquals(
                p.defaultValue(), builder.values().asMap().get(p.name()), provider.id() + p);
          }
          Optimizer expected = provider.create(HyperParameters.resolve(provider, Map.of()));
          assertSameSteps(expected, builder.build(), provider.id() + " with defaults");
        });
  }

  @TestFactory
  List<DynamicTest> eachSetterSetsItsOwnParameter() {
    return perProvider(
        provider -> {
          for (HyperParameter p : provider.hyperParameters()) {
            Object value = otherValue(p);
            assertNotEquals(p.defaultValue(), value, p.name());
            OptimizerBuilder<?> builder = builder(provider);
            invoke(builder, p, value);
            Map<String, Object> expectedValues =
                new LinkedHashMap<>(HyperParameters.resolve(provider, Map.of()).asMap());
            expectedValues.put(p.name(), value);
            assertEquals(expectedValues, builder.values().asMap(), provider.id() + "." + p.name());
            Optimizer expected =
                provider.create(HyperParameters.resolve(provider, Map.of(p.name(), value)));
            assertSameSteps(expected, builder.build(), provider.id() + "." + p.name());
          }
        });
  }

  @TestFactory
  List<DynamicTest> outOfRangeValuesAreRefusedWithTheProvidersMessage() {
    return perProvider(
        provider -> {
          int checked = 0;
          for (HyperParameter p : provider.hyperParameters()) {
            for (Object bad : outOfRange(p)) {
              InvalidHyperParameterException expected =
                  assertThrows(
                      InvalidHyperParameterException.class,
                      () -> HyperParameters.resolve(provider, Map.of(p.name(), bad)));
              OptimizerBuilder<?> builder = builder(provider);
              try {
                invoke(builder, p, bad);
                fail(provider.id() + "." + p.name() + " accepted " + bad);
              } catch (InvalidHyperParameterException refused) {
                assertEquals(expected.getMessage(), refused.getMessage());
                assertEquals(p.name(), refused.parameter());
                assertTrue(refused.getMessage().contains(p.range().toString()));
              }
              checked++;
            }
          }
          assertTrue(checked > 0, provider.id() + " has no bounded parameter to check");
        });
  }

  @Test
  void choicesAreEnumsWithTheProvidersNames() {
    assertEquals(
        List.of("none", "strong_wolfe"),
        Arrays.stream(OptimizerBuilders.Lbfgs.LineSearch.values())
            .map(OptimizerBuilders.Lbfgs.LineSearch::id)
            .collect(Collectors.toList()));
    assertEquals(choices("lbfgs", "line_search"), List.of("none", "strong_wolfe"));
    assertEquals(
        choices("muon", "adjust_lr_fn"),
        Arrays.stream(OptimizerBuilders.Muon.AdjustLr.values())
            .map(OptimizerBuilders.Muon.AdjustLr::id)
            .collect(Collectors.toList()));
  }

  @Test
  void conflictingValuesFailAtBuildAsTheyFailInASuite() {
    OptimizerProvider momentum = provider("momentum");
    InvalidHyperParameterException expected =
        assertThrows(
            InvalidHyperParameterException.class,
            () ->
                momentum.create(
                    HyperParameters.resolve(momentum, Map.of("nesterov", true, "dampening", 0.5))));
    OptimizerBuilders.Momentum builder = Optimizers.momentum().nesterov(true).dampening(0.5);
    InvalidHyperParameterException refused =
        assertThrows(InvalidHyperParameterException.class, builder::build);
    assertEquals(expected.getMessage(), refused.getMessage());
    assertEquals("nesterov", refused.parameter());
  }

  @Test
  void aRefusedValueLeavesTheBuilderAsItWas() {
    OptimizerBuilders.Adam adam = Optimizers.adam().lr(0.05);
    assertThrows(InvalidHyperParameterException.class, () -> adam.lr(-1));
    assertThrows(InvalidHyperParameterException.class, () -> adam.betas(0.9, 1.0));
    assertEquals(0.05, adam.values().real("lr"));
    assertArrayEquals(new double[] {0.9, 0.999}, adam.values().reals("betas"));
    assertEquals(
        "adam{lr=0.05, betas=[0.9, 0.999], eps=1.0E-8, weight_decay=0.0,"
            + " amsgrad=false, maximize=false}",
        adam.toString());
  }

  @Test
  void adamwSharesAdamsSettersWithItsOwnDefaults() {
    assertEquals(0.0, Optimizers.adam().values().real("weight_decay"));
    assertEquals(0.01, Optimizers.adamw().values().real("weight_decay"));
    assertEquals("adamw", Optimizers.adamw().build().id());
  }

  // ---- helpers ----

  private static List<String> ids() {
    return PROVIDERS.stream().map(OptimizerProvider::id).collect(Collectors.toList());
  }

  private static OptimizerProvider provider(String id) {
    return PROVIDERS.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
  }

  private static List<String> choices(String id, String name) {
    return provider(id).hyperParameters().stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .orElseThrow()
        .choices();
  }

  private interface Check {
    void run(OptimizerProvider provider) throws Exception;
  }

  private static List<DynamicTest> perProvider(Check check) {
    List<DynamicTest> tests = new ArrayList<>();
    for (OptimizerProvider provider : PROVIDERS) {
      tests.add(DynamicTest.dynamicTest(provider.id(), () -> check.run(provider)));
    }
    return tests;
  }

  /** The builder from the factory named after the id: adamw-schedule-free → adamwScheduleFree. */
  static OptimizerBuilder<?> builder(OptimizerProvider provider) {
    String[] parts = provider.id().split("-");
    StringBuilder name = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      name.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
    }
    try {
      Method factory = Optimizers.class.getMethod(name.toString());
      assertTrue(Modifier.isStatic(factory.getModifiers()));
      return (OptimizerBuilder<?>) factory.invoke(null);
    } catch (NoSuchMethodException e) {
      throw new AssertionError("no Optimizers." + name + "() for '" + provider.id() + "'", e);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static String camel(String snake) {
    String[] parts = snake.split("_");
    StringBuilder name = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      name.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
    }
    return name.toString();
  }

  /** Calls the setter of {@code p} with {@code value} (a list spread over its arguments). */
  private static void invoke(OptimizerBuilder<?> builder, HyperParameter p, Object value) {
    Method setter =
        Arrays.stream(builder.getClass().getMethods())
            .filter(m -> m.getName().equals(camel(p.name())))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no setter for " + p.name()));
    Class<?>[] types = setter.getParameterTypes();
    Object[] args;
    if (p.type() == HyperParameter.Type.REAL_LIST) {
      args = ((List<?>) value).toArray();
      assertEquals(p.length(), types.length, p.name());
    } else if (p.type() == HyperParameter.Type.CHOICE) {
      args = new Object[] {enumConstant(types[0], (String) value)};
    } else if (p.type() == HyperParameter.Type.INTEGER) {
      assertEquals(long.class, types[0], p.name());
      args = new Object[] {value};
    } else {
      args = new Object[] {value};
    }
    try {
      Object returned = setter.invoke(builder, args);
      assertTrue(returned == builder, "a setter returns its builder");
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new AssertionError(e.getCause());
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }
  }

  private static Object enumConstant(Class<?> type, String id) {
    for (Object constant : type.getEnumConstants()) {
      try {
        if (type.getMethod("id").invoke(constant).equals(id)) {
          return constant;
        }
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    }
    throw new AssertionError(type + " has no constant for '" + id + "'");
  }

  /** A value in range and other than the default (for a list: distinct elements, none default). */
  private static Object otherValue(HyperParameter p) {
    return switch (p.type()) {
      case REAL -> otherReal(p.range(), (Double) p.defaultValue(), 0);
      case INTEGER -> {
        long d = (Long) p.defaultValue();
        yield p.range().contains(d + 1) ? d + 1 : d - 1;
      }
      case BOOLEAN -> !(Boolean) p.defaultValue();
      case CHOICE ->
          p.choices().stream().filter(c -> !c.equals(p.defaultValue())).findFirst().get();
      case REAL_LIST -> {
        @SuppressWarnings("unchecked")
        List<Double> d = (List<Double>) p.defaultValue();
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < d.size(); i++) {
          out.add(otherReal(p.range(), d.get(i), i));
        }
        yield out;
      }
      default -> throw new AssertionError(p);
    };
  }

  private static double otherReal(Range range, double d, int salt) {
    double[] candidates = {
      d * (0.9 - 0.01 * salt), d + 0.1 + 0.01 * salt, d - 0.1 - 0.01 * salt, 0.3 + 0.01 * salt
    };
    for (double c : candidates) {
      if (range.contains(c) && c != d) {
        return c;
      }
    }
    throw new AssertionError("no other value in " + range + " than " + d);
  }

  /** Values just outside each finite end of the range, and NaN, for the number types. */
  private static List<Object> outOfRange(HyperParameter p) {
    Range r = p.range();
    List<Double> reals = new ArrayList<>();
    if (Double.isFinite(r.min())) {
      reals.add(r.minInclusive() ? Math.nextDown(r.min()) : r.min());
    }
    if (Double.isFinite(r.max())) {
      reals.add(r.maxInclusive() ? Math.nextUp(r.max()) : r.max());
    }
    List<Object> out = new ArrayList<>();
    switch (p.type()) {
      case REAL -> {
        out.addAll(reals);
        out.add(Double.NaN);
      }
      case INTEGER -> {
        if (Double.isFinite(r.min())) {
          out.add((long) Math.ceil(r.min()) - (r.minInclusive() ? 1 : 0));
        }
        if (Double.isFinite(r.max())) {
          out.add((long) Math.floor(r.max()) + (r.maxInclusive() ? 1 : 0));
        }
      }
      case REAL_LIST -> {
        @SuppressWarnings("unchecked")
        List<Double> d = (List<Double>) p.defaultValue();
        for (double bad : reals) {
          for (int at = 0; at < d.size(); at++) {
            List<Double> list = new ArrayList<>(d);
            list.set(at, bad);
            out.add(list);
          }
        }
      }
      default -> {}
    }
    return out;
  }

  /**
   * Both optimizers take the same 12 steps from the same start on a curved 4-d function, bit for
   * bit (L-BFGS's and SAM-like extra evaluations go through the evaluator).
   */
  private static void assertSameSteps(Optimizer expected, Optimizer actual, String what) {
    assertEquals(expected.id(), actual.id(), what);
    assertEquals(expected.learningRate(), actual.learningRate(), what);
    double[][] trajectories = new double[2][];
    Optimizer[] both = {expected, actual};
    for (int k = 0; k < 2; k++) {
      double[] x = {-1.2, 1.0, 0.5, -0.3};
      double[] g = new double[4];
      Evaluator f =
          new Evaluator() {
            @Override
            public double evaluate(double[] point, double[] gradient) {
              return valueAndGradient(point, gradient);
            }

            @Override
            public void hessianVectorProduct(double[] point, double[] v, double[] out) {
              OptimizerBuildersTest.hessianVectorProduct(point, v, out);
            }
          };
      OptimizerState state = both[k].init(4);
      double[] path = new double[12 * 4];
      for (int t = 0; t < 12; t++) {
        double value = f.evaluate(x, g);
        both[k].step(x, value, g, both[k].learningRate(), state, f);
        System.arraycopy(x, 0, path, 4 * t, 4);
      }
      trajectories[k] = path;
    }
    assertArrayEquals(trajectories[0], trajectories[1], what);
    assertTrue(Arrays.stream(trajectories[1]).anyMatch(Double::isFinite), what + " moved to NaN");
  }

  /** H·v of {@link #valueAndGradient}'s sum, term by term: each term's 2 × 2 block. */
  private static void hessianVectorProduct(double[] x, double[] v, double[] out) {
    Arrays.fill(out, 0);
    for (int i = 0; i + 1 < x.length; i++) {
      double diagonal = 1200 * x[i] * x[i] - 400 * x[i + 1] + 2;
      double cross = -400 * x[i];
      out[i] += diagonal * v[i] + cross * v[i + 1];
      out[i + 1] += cross * v[i] + 200 * v[i + 1];
    }
  }

  /** Σ 100(xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)², with its gradient. */
  private static double valueAndGradient(double[] x, double[] g) {
    Arrays.fill(g, 0);
    double f = 0;
    for (int i = 0; i + 1 < x.length; i++) {
      double valley = x[i + 1] - x[i] * x[i];
      double offset = 1 - x[i];
      f += 100 * valley * valley + offset * offset;
      g[i] += -400 * x[i] * valley - 2 * offset;
      g[i + 1] += 200 * valley;
    }
    return f;
  }
}
