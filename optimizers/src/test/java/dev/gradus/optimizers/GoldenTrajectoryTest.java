package dev.gradus.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.gradus.spi.Evaluator;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerProvider;
import dev.gradus.spi.OptimizerState;
import dev.gradus.spi.ProviderRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 50-step trajectories of every optimizer and option combination on a 2-D quadratic and on 2-D
 * Rosenbrock, against {@link Reference}, to 1e-12 relative.
 */
class GoldenTrajectoryTest {
  static final int STEPS = 50;
  static final double RELATIVE = 1e-12;

  /** f = x² + 5y² + xy, minimum 0 at the origin. */
  static final Evaluator QUADRATIC =
      (x, g) -> {
        g[0] = 2 * x[0] + x[1];
        g[1] = 10 * x[1] + x[0];
        return x[0] * x[0] + 5 * x[1] * x[1] + x[0] * x[1];
      };

  /** f = (1 − x)² + 100(y − x²)², minimum 0 at (1, 1). */
  static final Evaluator ROSENBROCK =
      (x, g) -> {
        double a = 1 - x[0];
        double b = x[1] - x[0] * x[0];
        g[0] = -2 * a - 400 * x[0] * b;
        g[1] = 200 * b;
        return a * a + 100 * b * b;
      };

  static Evaluator negated(Evaluator f) {
    return (x, g) -> {
      double value = f.evaluate(x, g);
      for (int i = 0; i < g.length; i++) {
        g[i] = -g[i];
      }
      return -value;
    };
  }

  @FunctionalInterface
  interface ReferenceRun {
    double[][] run(Evaluator f, double[] start, int steps, double lr);
  }

  record Case(
      String id, Map<String, Object> params, double lrQuadratic, double lrRosen, ReferenceRun ref) {
    boolean maximize() {
      return Boolean.TRUE.equals(params.get("maximize"));
    }

    @Override
    public String toString() {
      return id + " " + params;
    }
  }

  static Map<String, Object> map(Object... keyValues) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], keyValues[i + 1]);
    }
    return m;
  }

  static List<Case> cases() {
    List<Case> c = new ArrayList<>();
    c.add(
        new Case(
            "gd",
            map(),
            0.05,
            2e-4,
            (f, x, n, lr) -> Reference.sgd(f, x, n, lr, 0, 0, false, 0, false)));
    c.add(
        new Case(
            "gd",
            map("weight_decay", 0.1),
            0.05,
            2e-4,
            (f, x, n, lr) -> Reference.sgd(f, x, n, lr, 0, 0, false, 0.1, false)));
    c.add(
        new Case(
            "gd",
            map("maximize", true),
            0.05,
            2e-4,
            (f, x, n, lr) -> Reference.sgd(f, x, n, lr, 0, 0, false, 0, true)));
    c.add(
        new Case(
            "momentum",
            map(),
            0.02,
            1e-4,
            (f, x, n, lr) -> Reference.sgd(f, x, n, lr, 0.9, 0, false, 0, false)));
    c.add(
        new Case(
            "momentum",
            map("nesterov", true),
            0.02,
            1e-4,
            (f, x, n, lr) -> Reference.sgd(f, x, n, lr, 0.9, 0, true, 0, false)));
    c.add(
        new Case(
            "momentum",
            map("momentum", 0.8, "dampening", 0.3),
            0.02,
            1e-4,
            (f, x, n, lr) -> Reference.sgd(f, x, n, lr, 0.8, 0.3, false, 0, false)));
    c.add(
        new Case(
            "momentum",
            map("weight_decay", 0.05, "maximize", true, "nesterov", true),
            0.02,
            1e-4,
            (f, x, n, lr) -> Reference.sgd(f, x, n, lr, 0.9, 0, true, 0.05, true)));
    c.add(
        new Case(
            "adam",
            map(),
            0.1,
            0.01,
            (f, x, n, lr) ->
                Reference.adam(f, x, n, lr, 0.9, 0.999, 1e-8, 0, false, false, false)));
    c.add(
        new Case(
            "adam",
            map("amsgrad", true, "betas", List.of(0.8, 0.99)),
            0.1,
            0.01,
            (f, x, n, lr) -> Reference.adam(f, x, n, lr, 0.8, 0.99, 1e-8, 0, true, false, false)));
    c.add(
        new Case(
            "adam",
            map("weight_decay", 0.1, "eps", 1e-3),
            0.1,
            0.01,
            (f, x, n, lr) ->
                Reference.adam(f, x, n, lr, 0.9, 0.999, 1e-3, 0.1, false, false, false)));
    c.add(
        new Case(
            "adam",
            map("maximize", true),
            0.1,
            0.01,
            (f, x, n, lr) -> Reference.adam(f, x, n, lr, 0.9, 0.999, 1e-8, 0, false, true, false)));
    c.add(
        new Case(
            "adamw",
            map(),
            0.1,
            0.01,
            (f, x, n, lr) ->
                Reference.adam(f, x, n, lr, 0.9, 0.999, 1e-8, 0.01, false, false, true)));
    c.add(
        new Case(
            "adamw",
            map("weight_decay", 0.3, "amsgrad", true),
            0.1,
            0.01,
            (f, x, n, lr) ->
                Reference.adam(f, x, n, lr, 0.9, 0.999, 1e-8, 0.3, true, false, true)));
    c.add(
        new Case(
            "rmsprop",
            map(),
            0.01,
            1e-3,
            (f, x, n, lr) -> Reference.rmsprop(f, x, n, lr, 0.99, 1e-8, 0, 0, false, false)));
    c.add(
        new Case(
            "rmsprop",
            map("centered", true, "momentum", 0.5),
            0.01,
            1e-3,
            (f, x, n, lr) -> Reference.rmsprop(f, x, n, lr, 0.99, 1e-8, 0, 0.5, true, false)));
    c.add(
        new Case(
            "rmsprop",
            map("centered", true, "alpha", 0.9),
            0.01,
            1e-3,
            (f, x, n, lr) -> Reference.rmsprop(f, x, n, lr, 0.9, 1e-8, 0, 0, true, false)));
    c.add(
        new Case(
            "rmsprop",
            map("weight_decay", 0.1, "maximize", true, "momentum", 0.3),
            0.01,
            1e-3,
            (f, x, n, lr) -> Reference.rmsprop(f, x, n, lr, 0.99, 1e-8, 0.1, 0.3, false, true)));
    c.add(
        new Case(
            "adagrad",
            map(),
            0.1,
            0.05,
            (f, x, n, lr) -> Reference.adagrad(f, x, n, lr, 0, 0, 0, 1e-10, false)));
    c.add(
        new Case(
            "adagrad",
            map("lr_decay", 0.01, "initial_accumulator_value", 0.5),
            0.1,
            0.05,
            (f, x, n, lr) -> Reference.adagrad(f, x, n, lr, 0.01, 0, 0.5, 1e-10, false)));
    c.add(
        new Case(
            "adagrad",
            map("weight_decay", 0.1, "maximize", true),
            0.1,
            0.05,
            (f, x, n, lr) -> Reference.adagrad(f, x, n, lr, 0, 0.1, 0, 1e-10, true)));
    c.add(
        new Case(
            "nadam",
            map(),
            0.05,
            0.01,
            (f, x, n, lr) ->
                Reference.nadam(f, x, n, lr, 0.9, 0.999, 1e-8, 0, 4e-3, false, false)));
    c.add(
        new Case(
            "nadam",
            map("weight_decay", 0.1, "momentum_decay", 0.01),
            0.05,
            0.01,
            (f, x, n, lr) ->
                Reference.nadam(f, x, n, lr, 0.9, 0.999, 1e-8, 0.1, 0.01, false, false)));
    c.add(
        new Case(
            "nadam",
            map("weight_decay", 0.1, "decoupled_weight_decay", true),
            0.05,
            0.01,
            (f, x, n, lr) ->
                Reference.nadam(f, x, n, lr, 0.9, 0.999, 1e-8, 0.1, 4e-3, true, false)));
    c.add(
        new Case(
            "nadam",
            map("maximize", true),
            0.05,
            0.01,
            (f, x, n, lr) -> Reference.nadam(f, x, n, lr, 0.9, 0.999, 1e-8, 0, 4e-3, false, true)));
    c.add(new Case("lbfgs", map(), 0.5, 1e-3, lbfgs(20, 25, 100, false)));
    c.add(
        new Case("lbfgs", map("history_size", 3, "max_iter", 4), 0.5, 1e-3, lbfgs(4, 5, 3, false)));
    c.add(new Case("lbfgs", map("line_search", "strong_wolfe"), 1, 1, lbfgs(20, 25, 100, true)));
    c.add(
        new Case(
            "lbfgs",
            map("line_search", "strong_wolfe", "history_size", 2, "max_iter", 3, "max_eval", 7),
            1,
            1,
            lbfgs(3, 7, 2, true)));
    return c;
  }

  static ReferenceRun lbfgs(int maxIter, int maxEval, int history, boolean wolfe) {
    return (f, start, steps, lr) -> {
      double[] x = start.clone();
      Reference.LbfgsMemory memory = new Reference.LbfgsMemory();
      double[][] out = new double[steps][];
      for (int k = 0; k < steps; k++) {
        Reference.lbfgsStep(f, x, memory, lr, maxIter, maxEval, 1e-7, 1e-9, history, wolfe);
        out[k] = x.clone();
      }
      return out;
    };
  }

  static Stream<Object[]> runs() {
    return cases().stream()
        .flatMap(
            c ->
                Stream.of(
                    new Object[] {
                      c, "quadratic", QUADRATIC, new double[] {2, -1.5}, c.lrQuadratic()
                    },
                    new Object[] {
                      c, "rosenbrock", ROSENBROCK, new double[] {-1.5, 2}, c.lrRosen()
                    }));
  }

  static final ProviderRegistry<OptimizerProvider> REGISTRY =
      ProviderRegistry.load(OptimizerProvider.class, GoldenTrajectoryTest.class.getClassLoader());

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("runs")
  void matchesTheReference(Case c, String name, Evaluator objective, double[] start, double lr) {
    Evaluator f = c.maximize() ? negated(objective) : objective;
    Map<String, Object> params = new HashMap<>(c.params());
    params.put("lr", lr);
    OptimizerProvider provider = REGISTRY.require(c.id());
    Optimizer optimizer = provider.create(HyperParameters.resolve(provider, params));
    assertEquals(lr, optimizer.learningRate());

    double[][] expected = c.ref().run(f, start, STEPS, lr);
    double[] x = start.clone();
    double[] gradient = new double[2];
    OptimizerState state = optimizer.init(2);
    for (int k = 0; k < STEPS; k++) {
      double value = f.evaluate(x, gradient);
      optimizer.step(x, value, gradient, optimizer.learningRate(), state, f);
      for (int i = 0; i < 2; i++) {
        double want = expected[k][i];
        assertTrue(Double.isFinite(want), "reference diverged at step " + k);
        if (!(Math.abs(x[i] - want) <= RELATIVE * Math.abs(want))) {
          fail(
              "step "
                  + (k + 1)
                  + ", coordinate "
                  + i
                  + ": got "
                  + x[i]
                  + ", reference "
                  + want
                  + " (relative error "
                  + Math.abs(x[i] - want) / Math.abs(want)
                  + ")");
        }
      }
    }
    double startValue = objective.evaluate(start.clone(), new double[2]);
    double endValue = objective.evaluate(x.clone(), new double[2]);
    assertTrue(endValue < startValue, "f fell from " + startValue + ", got " + endValue);
  }
}
