package dev.gradus.runner.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.functions.stochastic.GradientNoise;
import dev.gradus.runner.plan.Plan;
import dev.gradus.runner.plan.Planner;
import dev.gradus.runner.suite.SuiteLoader;
import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Objective;
import dev.gradus.spi.ObjectiveProvider;
import dev.gradus.spi.OptimizerProvider;
import dev.gradus.spi.ProviderRegistry;
import dev.gradus.spi.Range;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A function that declares gradient_noise itself gets the suite's value, and no added noise. */
class OwnGradientNoiseTest {
  /** A bowl whose own gradient_noise only shows in its name. */
  static final class OwnNoise implements ObjectiveProvider {
    @Override
    public String id() {
      return "own-noise";
    }

    @Override
    public String description() {
      return "a bowl with a gradient_noise setting of its own";
    }

    @Override
    public List<HyperParameter> hyperParameters() {
      return List.of(HyperParameter.real("gradient_noise", 0.0, Range.atLeast(0), "its own"));
    }

    @Override
    public Objective create(HyperParameters values) {
      double own = values.real("gradient_noise");
      return new Objective() {
        @Override
        public int dimension() {
          return 1;
        }

        @Override
        public List<String> parameterNames() {
          return List.of("x");
        }

        @Override
        public double value(double[] x) {
          return x[0] * x[0];
        }

        @Override
        public double valueAndGradient(double[] x, double[] gradient) {
          gradient[0] = 2 * x[0];
          return value(x);
        }

        @Override
        public java.util.Optional<double[]> defaultStart() {
          return java.util.Optional.of(new double[] {1});
        }

        @Override
        public String toString() {
          return "own-noise " + own;
        }
      };
    }
  }

  @Test
  void theFunctionsOwnSettingIsNotTheRunnersNoise() {
    Planner planner =
        new Planner(
            ProviderRegistry.builder(ObjectiveProvider.class).add(new OwnNoise()).build(),
            ProviderRegistry.load(OptimizerProvider.class, getClass().getClassLoader()),
            new DefaultExtensions());
    Plan plan =
        planner.plan(
            new SuiteLoader()
                .parse(
                    """
                    suite: own
                    functions:
                      - {name: own-noise, gradient_noise: 0.7}
                    optimizers:
                      - {name: gd, lr: 0.1}
                    """,
                    "suite.yaml",
                    Path.of(".")));
    Objective made = plan.functions().get(0).factory().get();
    assertFalse(made instanceof GradientNoise, "the runner added noise of its own");
    assertTrue(made.toString().endsWith(" 0.7"), made.toString());
    assertEquals(0.7, plan.functions().get(0).parameters().get("gradient_noise"));
  }
}
