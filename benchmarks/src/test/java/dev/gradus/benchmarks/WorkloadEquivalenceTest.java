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

  private static void assertClose(double expected, double actual, String what) {
    assertEquals(expected, actual, TOLERANCE * Math.max(1, Math.abs(expected)), what);
  }
}
