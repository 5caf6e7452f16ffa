package dev.gradus.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gradus.spi.Objective;
import dev.gradus.spi.Optimizer;
import org.junit.jupiter.api.Test;

/**
 * Each benchmark's graph side computes what its hand-written baseline computes, so the timings
 * compare like with like. Sizes are small here; the code paths are those the benchmarks time.
 */
class WorkloadEquivalenceTest {
  private static final double TOLERANCE = 1e-10;

  @Test
  void mlpBatchGradientMatchesThePlainLoops() {
    dev.gradus.functions.regression.MlpSteps mlp =
        new dev.gradus.functions.regression.MlpSteps(
            java.util.List.of((double) Workloads.MLP_HIDDEN), "tanh", Workloads.MLP_BATCH, 3);
    double[] x = mlp.start();
    for (int i = 0; i < x.length; i++) {
      x[i] += 0.05 * Math.sin(i); // biases away from zero too
    }
    HandWritten.Mlp hand =
        new HandWritten.Mlp(
            mlp.features(),
            mlp.labels(),
            Workloads.MLP_INPUTS,
            Workloads.MLP_HIDDEN,
            Workloads.MLP_CLASSES,
            Workloads.MLP_BATCH);
    int[] rows = new int[Workloads.MLP_BATCH];
    for (int count : new int[] {Workloads.MLP_BATCH, 5}) {
      for (int r = 0; r < count; r++) {
        rows[r] = (r * 37 + count) % mlp.labels().length;
      }
      double[] viaMlp = new double[x.length];
      double[] byHand = new double[x.length];
      mlp.batchGradient(x, rows, count, viaMlp);
      hand.batchGradient(x, rows, count, byHand);
      for (int i = 0; i < x.length; i++) {
        assertClose(byHand[i], viaMlp[i], "batch of " + count + ": gradient[" + i + "]");
      }
    }
  }

  @Test
  void bealeGraphMatchesTheHandDerivedGradient() {
    Objective beale = Workloads.beale();
    double[][] points = {{1, 1}, {3, 0.5}, {-2.5, 1.7}, {0.3, -4.1}};
    for (double[] point : points) {
      double[] viaGraph = new double[2];
      double[] byHand = new double[2];
      double expected = HandWritten.bealeValueAndGradient(point, byHand);
      assertClose(expected, beale.valueAndGradient(point, viaGraph), "value");
      assertClose(byHand[0], viaGraph[0], "df/dx");
      assertClose(byHand[1], viaGraph[1], "df/dy");
    }
  }

  @Test
  void bealeAdamRunsFollowTheSameTrajectory() {
    int steps = 500;
    Optimizer adam = Workloads.adam(Workloads.BEALE_LR);
    double[] graphPoint = {1, 1};
    double graphValue =
        Workloads.optimize(Workloads.beale(), adam, adam.init(2), graphPoint, new double[2], steps);
    double[] handPoint = {1, 1};
    double handValue =
        HandWritten.bealeAdam(
            handPoint, new double[2], new HandWritten.AdamState(2), steps, Workloads.BEALE_LR);
    assertClose(handValue, graphValue, "last value");
    assertClose(handPoint[0], graphPoint[0], "x");
    assertClose(handPoint[1], graphPoint[1], "y");
  }

  @Test
  void rosenbrockGraphMatchesTheFusedLoop() {
    int n = 10_001;
    double[] point = Workloads.uniform(n, 3);
    double[] viaGraph = new double[n];
    double[] byHand = new double[n];
    double expected = HandWritten.rosenbrockValueAndGradient(point, byHand);
    assertClose(expected, Workloads.rosenbrock(n).valueAndGradient(point, viaGraph), "value");
    for (int i = 0; i < n; i++) {
      assertClose(byHand[i], viaGraph[i], "gradient[" + i + "]");
    }
  }

  @Test
  void fusedRosenbrockLoopMatchesCentralDifferences() {
    double[] point = Workloads.uniform(7, 4);
    double[] gradient = new double[7];
    HandWritten.rosenbrockValueAndGradient(point, gradient);
    double h = 1e-6;
    for (int i = 0; i < point.length; i++) {
      double[] up = point.clone();
      double[] down = point.clone();
      up[i] += h;
      down[i] -= h;
      double[] scratch = new double[7];
      double central =
          (HandWritten.rosenbrockValueAndGradient(up, scratch)
                  - HandWritten.rosenbrockValueAndGradient(down, scratch))
              / (2 * h);
      assertEquals(central, gradient[i], 1e-5 * Math.max(1, Math.abs(central)), "d/dx" + i);
    }
  }

  @Test
  void adamOptimizerMatchesTheFusedLoop() {
    int n = 1000;
    Optimizer adam = Workloads.adam(Workloads.ADAM_LR);
    var state = adam.init(n);
    HandWritten.AdamState handState = new HandWritten.AdamState(n);
    double[] viaOptimizer = Workloads.uniform(n, 1);
    double[] byHand = viaOptimizer.clone();
    for (int step = 1; step <= 5; step++) {
      double[] gradient = Workloads.uniform(n, 10 + step);
      adam.step(viaOptimizer, 0, gradient.clone(), Workloads.ADAM_LR, state, null);
      HandWritten.adamStep(byHand, gradient, Workloads.ADAM_LR, handState);
    }
    for (int i = 0; i < n; i++) {
      assertClose(byHand[i], viaOptimizer[i], "param[" + i + "]");
    }
  }

  @Test
  void linearRegressionGraphMatchesTheFusedLoop() {
    int points = 2000;
    int epochs = 50;
    Objective regression = Workloads.linearRegression(points);
    double[][] data = Workloads.regressionData(points);
    Optimizer gd = Workloads.gd(Workloads.REGRESSION_LR);
    double[] viaGraph = {0, 0};
    double graphLoss =
        Workloads.optimize(regression, gd, gd.init(2), viaGraph, new double[2], epochs);
    double[] byHand = {0, 0};
    double handLoss =
        HandWritten.linearRegressionGd(data[0], data[1], byHand, epochs, Workloads.REGRESSION_LR);
    assertClose(handLoss, graphLoss, "loss");
    assertClose(byHand[0], viaGraph[0], "m");
    assertClose(byHand[1], viaGraph[1], "b");
  }

  @Test
  void suiteFunctionsMatchTheirHandDerivedGradients() {
    double[][] points = {{0, 0}, {1, 1}, {-1.2, 1}, {3, 2}, {2.5, -4.1}, {-4.9, 0.3}, {1e-9, 0}};
    for (int f = 0; f < HandWrittenRuns.SUITE_FUNCTIONS.length; f++) {
      Objective objective = Workloads.suiteObjective(f);
      for (double[] point : points) {
        double[] viaGraph = new double[2];
        double[] byHand = new double[2];
        double expected = suiteValue(f, point, byHand);
        String at = HandWrittenRuns.SUITE_FUNCTIONS[f] + " at " + java.util.Arrays.toString(point);
        assertClose(expected, objective.valueAndGradient(point, viaGraph), at + ": value");
        assertClose(byHand[0], viaGraph[0], at + ": df/dx");
        assertClose(byHand[1], viaGraph[1], at + ": df/dy");
      }
    }
  }

  @Test
  void handWrittenSuiteRunsFollowTheProvidersTrajectories() {
    int iterations = 300;
    int diverged = 0;
    for (int f = 0; f < HandWrittenRuns.SUITE_FUNCTIONS.length; f++) {
      for (int o = 0; o < HandWrittenRuns.SUITE_OPTIMIZERS.length; o++) {
        for (int repeat = 0; repeat < 4; repeat++) {
          double[] start = HandWrittenRuns.suiteStart(f, repeat);
          double[] byHand = HandWrittenRuns.suiteRun(f, o, start, iterations);
          double[] viaProviders = providerRun(f, o, start, iterations);
          String run =
              HandWrittenRuns.SUITE_FUNCTIONS[f]
                  + " × "
                  + HandWrittenRuns.SUITE_OPTIMIZERS[o]
                  + " from "
                  + java.util.Arrays.toString(start);
          if (divergedAt(byHand)) {
            // an overflowing run amplifies the last-bit differences of the two gradients by its
            // own growth, so only the outcome is compared: both sides stop, beyond 1e300
            diverged++;
            assertEquals(true, divergedAt(viaProviders), run + ": diverged by hand only");
            continue;
          }
          String[] names = {"x", "y", "f_best", "f_final"};
          for (int i = 0; i < names.length; i++) {
            assertClose(viaProviders[i], byHand[i], run + ": " + names[i]);
          }
        }
      }
    }
    // the starts must exercise converging runs, not only overflowing ones
    assertEquals(true, diverged <= 16, diverged + " of 80 runs diverged");
  }

  @Test
  void suiteStartsAreInsideTheDomains() {
    for (int f = 0; f < HandWrittenRuns.SUITE_FUNCTIONS.length; f++) {
      var domain = Workloads.suiteObjective(f).domain().orElseThrow();
      for (int repeat = 0; repeat < HandWrittenRuns.SUITE_REPEATS; repeat++) {
        double[] start = HandWrittenRuns.suiteStart(f, repeat);
        for (int i = 0; i < 2; i++) {
          assertEquals(
              true,
              domain.lower()[i] <= start[i] && start[i] <= domain.upper()[i],
              HandWrittenRuns.SUITE_FUNCTIONS[f] + " start " + java.util.Arrays.toString(start));
        }
      }
    }
  }

  @Test
  void bealeRunMatchesTheGraphRun() {
    Optimizer adam = Workloads.adam(Workloads.BEALE_LR);
    Objective beale = Workloads.beale();
    double[] point = {1, 1};
    double[] gradient = new double[2];
    Workloads.optimize(beale, adam, adam.init(2), point, gradient, Workloads.BEALE_STEPS);
    assertClose(
        beale.valueAndGradient(point, gradient), HandWrittenRuns.bealeAdamRun(), "final value");
  }

  @Test
  void rosenbrockAdamRunMatchesTheGraphRun() {
    int n = 10_001;
    Objective rosenbrock = Workloads.rosenbrock(n);
    Optimizer adam = Workloads.adam(HandWrittenRuns.ROSENBROCK_LR);
    double[] viaGraph = Workloads.rosenbrockStart(n);
    double[] gradient = new double[n];
    Workloads.optimize(
        rosenbrock, adam, adam.init(n), viaGraph, gradient, HandWrittenRuns.ROSENBROCK_STEPS);
    double graphFinal = rosenbrock.valueAndGradient(viaGraph, gradient);
    double[] byHand = Workloads.rosenbrockStart(n);
    double[] handGradient = new double[n];
    double handFinal =
        HandWritten.rosenbrockAdam(
            byHand,
            handGradient,
            new HandWritten.AdamState(n),
            HandWrittenRuns.ROSENBROCK_STEPS,
            HandWrittenRuns.ROSENBROCK_LR);
    assertClose(graphFinal, handFinal, "final value");
    assertClose(graphFinal, HandWrittenRuns.rosenbrockAdamRun(n), "final value of the run");
    for (int i = 0; i < n; i++) {
      assertClose(viaGraph[i], byHand[i], "x[" + i + "]");
      assertClose(gradient[i], handGradient[i], "final gradient[" + i + "]");
    }
  }

  @Test
  void linearRegressionRunMatchesTheGraphRun() {
    int points = 3000;
    Objective regression = Workloads.linearRegression(points);
    Optimizer gd = Workloads.gd(Workloads.REGRESSION_LR);
    double[] params = {0, 0};
    double[] gradient = new double[2];
    Workloads.optimize(regression, gd, gd.init(2), params, gradient, Workloads.REGRESSION_EPOCHS);
    assertClose(
        regression.valueAndGradient(params, gradient),
        HandWrittenRuns.linearRegressionRun(points),
        "final loss");
  }

  private static boolean divergedAt(double[] run) {
    return !(Math.abs(run[3]) <= 1e300);
  }

  private static double suiteValue(int f, double[] x, double[] g) {
    return switch (f) {
      case 0 -> HandWritten.rosenbrockValueAndGradient(x, g);
      case 1 -> HandWritten.bealeValueAndGradient(x, g);
      case 2 -> HandWritten.ackleyValueAndGradient(x, g);
      default -> HandWritten.himmelblauValueAndGradient(x, g);
    };
  }

  /**
   * What {@link HandWrittenRuns#suiteRun} does, with the suite's providers: evaluate, stop when the
   * value or gradient norm is beyond 1e300, step; {x, y, f_best, f_final}.
   */
  private static double[] providerRun(int f, int o, double[] start, int iterations) {
    Objective objective = Workloads.suiteObjective(f);
    Optimizer optimizer = Workloads.suiteOptimizer(o);
    var state = optimizer.init(2);
    double[] x = start.clone();
    double[] g = new double[2];
    double best = Double.POSITIVE_INFINITY;
    double value;
    for (int t = 0; ; t++) {
      value = objective.valueAndGradient(x, g);
      if (!(Math.abs(value) <= 1e300 && Math.hypot(g[0], g[1]) <= 1e300)) {
        break;
      }
      best = Math.min(best, value);
      if (t == iterations) {
        break;
      }
      optimizer.step(x, value, g, optimizer.learningRate(), state, objective::valueAndGradient);
    }
    return new double[] {x[0], x[1], best, value};
  }

  private static void assertClose(double expected, double actual, String what) {
    assertEquals(expected, actual, TOLERANCE * Math.max(1, Math.abs(expected)), what);
  }
}
