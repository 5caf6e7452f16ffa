package dev.gradus.runner.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Each statistic against examples worked by hand (shown in the comments). */
class StatisticsTest {
  @Test
  void theCocoLadderHas51TargetsFrom100To1e8() {
    double[] t = Targets.coco();
    assertEquals(51, t.length);
    assertEquals(100, t[0]);
    assertEquals(Math.pow(10, 1.8), t[1], 1e-12);
    assertEquals(1.0, t[10]);
    assertEquals(1e-8, t[50]);
    assertArrayEquals(new double[] {10, 1, 0.1}, Targets.ladder(1, -1, 1));
    assertThrows(IllegalArgumentException.class, () -> Targets.ladder(-8, 2, 0.2));
  }

  @Test
  void artSumsTheEvaluationsOfAllRunsOverTheSuccesses() {
    // three runs: reached after 10 and 30 evaluations, and one that used its 100 without:
    // (10 + 30 + 100) / 2 = 70
    assertEquals(
        70,
        Ert.of(
            new Ert.Run(10, 50), new Ert.Run(30, 40), new Ert.Run(Double.POSITIVE_INFINITY, 100)));
    assertEquals(Double.POSITIVE_INFINITY, Ert.of(new Ert.Run(Double.POSITIVE_INFINITY, 100)));
    assertTrue(Double.isNaN(Ert.of()));
  }

  @Test
  void theBootstrapIntervalHoldsTheArtAndIsReproducible() {
    Ert.Run[] runs = {
      new Ert.Run(10, 50),
      new Ert.Run(30, 40),
      new Ert.Run(Double.POSITIVE_INFINITY, 100),
      new Ert.Run(20, 20)
    };
    double art = Ert.of(runs); // (10 + 30 + 100 + 20) / 3 = 53.33…
    assertEquals(160 / 3.0, art, 1e-12);
    double[] ci = Ert.bootstrap(runs, 2000, 0.95, 7);
    assertTrue(ci[0] <= art && art <= ci[1], ci[0] + " " + ci[1]);
    assertTrue(ci[0] >= 10, "no sample does better than its best run alone");
    assertArrayEquals(ci, Ert.bootstrap(runs, 2000, 0.95, 7), "the same seed, the same interval");
    // all four runs succeed: every resample's aRT lies between 10 and 30
    Ert.Run[] all = {new Ert.Run(10, 10), new Ert.Run(30, 30), new Ert.Run(20, 20)};
    double[] tight = Ert.bootstrap(all, 500, 0.9, 1);
    assertTrue(tight[0] >= 10 && tight[1] <= 30);
  }

  @Test
  void theBootstrapOfRunsAllAlikeIsTheirArt() {
    // three deterministic repeats: every resample is the same three runs
    Ert.Run[] same = {new Ert.Run(7, 10), new Ert.Run(7, 10), new Ert.Run(7, 10)};
    assertArrayEquals(new double[] {7, 7}, Ert.bootstrap(same, 1000, 0.95, 3));
    // none reached the target, whatever their budgets: no sample has a success
    Ert.Run[] none = {
      new Ert.Run(Double.POSITIVE_INFINITY, 10), new Ert.Run(Double.POSITIVE_INFINITY, 99)
    };
    double inf = Double.POSITIVE_INFINITY;
    assertArrayEquals(new double[] {inf, inf}, Ert.bootstrap(none, 1000, 0.95, 3));
  }

  @Test
  void rankSumExactForSmallSamples() {
    // x all below y: U = 0; of the C(6, 3) = 20 orderings only one has U ≤ 0, so p = 2/20
    RankSum.Result r = RankSum.test(new double[] {1, 2, 3}, new double[] {4, 5, 6});
    assertEquals(0, r.u());
    assertEquals(0.1, r.p(), 1e-15);
    // interleaved 1 < 2 < … : x = {1, 4}, y = {2, 3}: U = 2 (4 beats 2 and 3); U ≤ 2 in 4 of the 6
    // orderings (U = 0, 1, 2, 2), doubled and capped at 1
    assertEquals(1.0, RankSum.test(new double[] {1, 4}, new double[] {2, 3}).p(), 1e-15);
    // U = 1 of 4: P(U ≤ 1) = 2/6, two-sided 2/3
    RankSum.Result one = RankSum.test(new double[] {1, 3}, new double[] {2, 4});
    assertEquals(1, one.u());
    assertEquals(2 / 3.0, one.p(), 1e-15);
  }

  @Test
  void rankSumNormalApproximationWithTies() {
    // x = {1, 2, 2, 3}, y = {2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19} (n = 21)
    double[] x = {1, 2, 2, 3};
    double[] y = {2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19};
    RankSum.Result r = RankSum.test(x, y);
    // ranks: 1 → 1; the three 2s share rank 3; 3 → 5. R1 = 1 + 3 + 3 + 5 = 12, U1 = 12 − 10 = 2.
    assertEquals(2, r.u());
    // mean 34, variance 4·17/12·(22 − (27 − 3)/(21·20)) = 5.6667·(22 − 0.057143) = 124.343,
    // z = (32 − 0.5)/11.1509 = 2.82488, p = 2·(1 − Φ(2.82488)) = 0.004730
    assertEquals(0.004730, r.p(), 2e-6);
  }

  @Test
  void theNormalTailMatchesTables() {
    assertEquals(0.5, Normal.upperTail(0), 1e-15);
    assertEquals(0.0249979, Normal.upperTail(1.96), 1e-7);
    assertEquals(0.158655254, Normal.upperTail(1), 1e-9);
    assertEquals(1.0 - 0.158655254, Normal.upperTail(-1), 1e-9);
    assertEquals(2.866515718791939e-7, Normal.upperTail(5), 1e-16);
  }

  @Test
  void holmAdjustsInOrderAndStaysMonotone() {
    // p = (0.01, 0.04, 0.03): sorted 0.01·3 = 0.03, 0.03·2 = 0.06, 0.04·1 = 0.04 → max(0.06)
    assertArrayEquals(
        new double[] {0.03, 0.06, 0.06}, RankSum.holm(new double[] {0.01, 0.04, 0.03}), 1e-15);
    assertArrayEquals(new double[] {1, 1}, RankSum.holm(new double[] {0.6, 0.9}), 1e-15);
  }

  @Test
  void performanceAndDataProfilesCountSolvedProblems() {
    // two problems, three solvers; costs in evaluations (∞: unsolved)
    double inf = Double.POSITIVE_INFINITY;
    double[][] costs = {{10, 20, inf}, {40, 20, 30}};
    // ratios: problem 0: 1, 2, ∞; problem 1: 2, 1, 1.5
    assertArrayEquals(new double[] {0.5, 0.5, 0}, Profiles.performance(costs, 1), 1e-15);
    assertArrayEquals(new double[] {0.5, 0.5, 0.5}, Profiles.performance(costs, 1.5), 1e-15);
    assertArrayEquals(new double[] {1, 1, 0.5}, Profiles.performance(costs, 2), 1e-15);
    // dimensions 1 and 3: budgets κ(n + 1) = 2κ and 4κ; at κ = 10: 20 and 40 evaluations
    assertArrayEquals(new double[] {1, 1, 0.5}, Profiles.data(costs, new int[] {1, 3}, 10), 1e-15);
    // at κ = 5: 10 evaluations for problem 0 (solver 0 only), 20 for problem 1 (solver 1 only)
    assertArrayEquals(new double[] {0.5, 0.5, 0}, Profiles.data(costs, new int[] {1, 3}, 5), 1e-15);
  }

  @Test
  void theConvergenceTestOfMoreAndWild() {
    // f0 = 10, fL = 0, τ = 0.1: solved once f ≤ 1
    assertTrue(Profiles.solved(10, 1, 0, 0.1));
    assertTrue(!Profiles.solved(10, 1.01, 0, 0.1));
    assertEquals(
        30,
        Profiles.evaluationsToSolve(
            new double[] {1, 10, 30, 50}, new double[] {10, 5, 0.9, 0.1}, 10, 0, 0.1));
  }
}
