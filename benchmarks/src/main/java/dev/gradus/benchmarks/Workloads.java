package dev.gradus.benchmarks;

import dev.gradus.functions.catalog.Ackley;
import dev.gradus.functions.catalog.Beale;
import dev.gradus.functions.catalog.Himmelblau;
import dev.gradus.functions.catalog.Rosenbrock;
import dev.gradus.functions.regression.LinearRegression;
import dev.gradus.optimizers.internal.AdagradProvider;
import dev.gradus.optimizers.internal.AdamProvider;
import dev.gradus.optimizers.internal.GdProvider;
import dev.gradus.optimizers.internal.MomentumProvider;
import dev.gradus.optimizers.internal.RmsPropProvider;
import dev.gradus.spi.Evaluator;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Objective;
import dev.gradus.spi.ObjectiveProvider;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerProvider;
import dev.gradus.spi.OptimizerState;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The workloads of docs/performance.md, made through the same providers a suite uses, with the
 * constants that both the benchmarks and benchmarks/pytorch/ use. Every objective here computes its
 * gradient by autodiff through its graph.
 */
public final class Workloads {
  /** Beale: Adam steps from (1, 1) with learning rate {@value}. */
  public static final double BEALE_LR = 0.01;

  public static final int BEALE_STEPS = 20_000;
  public static final int ROSENBROCK_N = 1_000_000;
  public static final int ADAM_PARAMETERS = 10_000_000;
  public static final double ADAM_LR = 1e-3;

  /** Linear regression: y = 2x + 1 + 0.5·N(0, 1) at x uniform in [−1, 1), seed 7. */
  public static final int REGRESSION_POINTS = 1_000_000;

  public static final int REGRESSION_EPOCHS = 100;
  public static final double REGRESSION_LR = 0.1;
  public static final double REGRESSION_WEIGHT = 2;
  public static final double REGRESSION_BIAS = 1;
  public static final double REGRESSION_NOISE = 0.5;
  public static final long REGRESSION_SEED = 7;

  /** The mlp step: digits (64 pixels, 10 classes), one hidden layer of 32 tanh units, batch 64. */
  public static final int MLP_INPUTS = 64;

  public static final int MLP_HIDDEN = 32;
  public static final int MLP_CLASSES = 10;
  public static final int MLP_BATCH = 64;

  private Workloads() {}

  public static Objective beale() {
    return create(new Beale(), Map.of());
  }

  public static Objective rosenbrock(int n) {
    return create(new Rosenbrock(), Map.of("dim", (long) n));
  }

  /** The generated regression data set of {@code points} rows, through the provider. */
  public static Objective linearRegression(int points) {
    return create(
        new LinearRegression(),
        Map.of(
            "data",
            Map.of(
                "generate",
                Map.of(
                    "n",
                    points,
                    "weights",
                    List.of(REGRESSION_WEIGHT),
                    "bias",
                    REGRESSION_BIAS,
                    "noise",
                    REGRESSION_NOISE,
                    "seed",
                    REGRESSION_SEED))));
  }

  public static Optimizer adam(double lr) {
    return create(new AdamProvider(), Map.of("lr", lr));
  }

  public static Optimizer gd(double lr) {
    return create(new GdProvider(), Map.of("lr", lr));
  }

  /**
   * Function {@code f} of benchmarks/suite/suite-1000.yaml through its provider, in the order of
   * {@link HandWrittenRuns#SUITE_FUNCTIONS}: rosenbrock (dim 2), beale, ackley (dim 2), himmelblau.
   */
  public static Objective suiteObjective(int f) {
    return switch (f) {
      case 0 -> rosenbrock(2);
      case 1 -> beale();
      case 2 -> create(new Ackley(), Map.of("dim", 2L));
      case 3 -> create(new Himmelblau(), Map.of());
      default -> throw new IllegalArgumentException("no suite function " + f);
    };
  }

  /**
   * Optimizer {@code o} of benchmarks/suite/suite-1000.yaml through its provider, with the suite's
   * settings, in the order of {@link HandWrittenRuns#SUITE_OPTIMIZERS}.
   */
  public static Optimizer suiteOptimizer(int o) {
    double lr = HandWrittenRuns.SUITE_LRS[o];
    return switch (o) {
      case 0 -> gd(lr);
      case 1 ->
          create(
              new MomentumProvider(), Map.of("lr", lr, "momentum", HandWrittenRuns.SUITE_MOMENTUM));
      case 2 -> adam(lr);
      case 3 -> create(new RmsPropProvider(), Map.of("lr", lr));
      case 4 -> create(new AdagradProvider(), Map.of("lr", lr));
      default -> throw new IllegalArgumentException("no suite optimizer " + o);
    };
  }

  /**
   * The regression data as {@code {features, targets}}: the same draws as the {@code generate}
   * option of linear-regression makes (features 2u − 1, then the target with Gaussian noise, row by
   * row from one seeded {@link Random}); the unit tests check that both give the same loss.
   */
  public static double[][] regressionData(int points) {
    Random random = new Random(REGRESSION_SEED);
    double[] features = new double[points];
    double[] targets = new double[points];
    for (int i = 0; i < points; i++) {
      double x = 2 * random.nextDouble() - 1;
      features[i] = x;
      targets[i] =
          REGRESSION_BIAS + REGRESSION_WEIGHT * x + REGRESSION_NOISE * random.nextGaussian();
    }
    return new double[][] {features, targets};
  }

  /**
   * {@code steps} optimizer steps on {@code objective} from {@code point}, in place, as a suite run
   * makes them: evaluate value and gradient, then step. Returns the last value evaluated.
   */
  public static double optimize(
      Objective objective,
      Optimizer optimizer,
      OptimizerState state,
      double[] point,
      double[] gradient,
      int steps) {
    Evaluator evaluator = objective::valueAndGradient;
    double lr = optimizer.learningRate();
    double value = 0;
    for (int s = 0; s < steps; s++) {
      value = objective.valueAndGradient(point, gradient);
      optimizer.step(point, value, gradient, lr, state, evaluator);
    }
    return value;
  }

  /** The classic Rosenbrock start, (−1.2, 1) repeated. */
  public static double[] rosenbrockStart(int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i % 2 == 0 ? -1.2 : 1;
    }
    return x;
  }

  /** Reproducible values uniform in [−1, 1). */
  public static double[] uniform(int n, long seed) {
    Random random = new Random(seed);
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = 2 * random.nextDouble() - 1;
    }
    return values;
  }

  private static Objective create(ObjectiveProvider provider, Map<String, ?> values) {
    return provider.create(HyperParameters.resolve(provider, values));
  }

  private static Optimizer create(OptimizerProvider provider, Map<String, ?> values) {
    return provider.create(HyperParameters.resolve(provider, values));
  }
}
