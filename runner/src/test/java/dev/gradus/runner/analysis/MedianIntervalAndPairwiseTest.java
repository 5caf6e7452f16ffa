package dev.gradus.runner.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The bootstrap interval of a median and the pairwise tests, against hand-worked examples. */
class MedianIntervalAndPairwiseTest {
  private static final double INF = Double.POSITIVE_INFINITY;

  @Test
  void theMedianIntervalOfTwoValuesFollowsTheResampleMedians() {
    // {1, 3}: a resample is (1,1), (1,3), (3,1) or (3,3), each with probability ¼, so its median is
    // 1 (¼), 2 (½) or 3 (¼). Of 4000 sorted medians about 1000 are 1 and 1000 are 3: the 2.5% and
    // 97.5% quantiles are 1 and 3; the 40% and 60% quantiles (level 0.2) both fall among the 2s.
    double[] values = {1, 3};
    assertArrayEquals(new double[] {1, 3}, Bootstrap.medianInterval(values, 4000, 0.95, 11));
    assertArrayEquals(new double[] {2, 2}, Bootstrap.medianInterval(values, 4000, 0.2, 11));
  }

  @Test
  void theMedianIntervalOfThreeValues() {
    // {1, 2, 3}: a resample's median is its middle value; it is 1 when at least two of the three
    // draws are 1: 3·(1/3)²·(2/3) + (1/3)³ = 7/27 ≈ 0.259, and 3 likewise 7/27, 2 otherwise
    // (13/27).
    // Level 0.4 asks for the 30% and 70% quantiles: 0.3 > 7/27 and 0.7 < 20/27, so both are 2.
    double[] values = {3, 1, 2};
    assertArrayEquals(new double[] {2, 2}, Bootstrap.medianInterval(values, 4000, 0.4, 5));
    assertArrayEquals(new double[] {1, 3}, Bootstrap.medianInterval(values, 4000, 0.95, 5));
    assertArrayEquals(
        Bootstrap.medianInterval(values, 500, 0.9, 42),
        Bootstrap.medianInterval(values, 500, 0.9, 42),
        "the same seed, the same interval");
  }

  @Test
  void theMedianIntervalKeepsInfinityAndRefusesNonsense() {
    // one value: every resample is that value
    assertArrayEquals(new double[] {7, 7}, Bootstrap.medianInterval(new double[] {7}, 10, 0.95, 1));
    // {∞, ∞}: every resample's median is ∞, not the NaN of ∞ − ∞
    assertArrayEquals(
        new double[] {INF, INF}, Bootstrap.medianInterval(new double[] {INF, INF}, 10, 0.95, 1));
    double[] none = Bootstrap.medianInterval(new double[0], 10, 0.95, 1);
    assertTrue(Double.isNaN(none[0]) && Double.isNaN(none[1]));
    assertThrows(
        IllegalArgumentException.class, () -> Bootstrap.medianInterval(new double[] {1}, 10, 1, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> Bootstrap.medianInterval(new double[] {Double.NaN}, 10, 0.5, 1));
  }

  @Test
  void everyPairIsTestedAndCorrectedTogether() {
    double[] a = {1, 2, 3};
    double[] b = {4, 5, 6};
    double[] c = {1.5, 2.5, 7};
    List<Pairwise.Pair> pairs = Pairwise.of(List.of(a, b, c));
    assertEquals(3, pairs.size());
    // (a, b): a all below b, U = 0; 1 of the C(6,3) = 20 orderings has U ≤ 0: p = 2/20 = 0.1
    Pairwise.Pair ab = pairs.get(0);
    assertEquals(0, ab.a());
    assertEquals(1, ab.b());
    assertEquals(0, ab.u());
    assertEquals(0.1, ab.p(), 1e-15);
    assertEquals(-1, ab.lower(), "a tends lower");
    // (a, c): 2 > 1.5, 3 > 1.5, 3 > 2.5: U = 3. U for 3 + 3 values takes 0…9 in 1, 1, 2, 3, 3, 3,
    // 3, 2, 1, 1 of the 20 orderings: P(U ≤ 3) = 7/20, p = 0.7
    Pairwise.Pair ac = pairs.get(1);
    assertEquals(3, ac.u());
    assertEquals(0.7, ac.p(), 1e-15);
    // (b, c): every b beats 1.5 and 2.5, none beats 7: U = 6, min(6, 9 − 6) = 3, p = 0.7; c lower
    Pairwise.Pair bc = pairs.get(2);
    assertEquals(6, bc.u());
    assertEquals(0.7, bc.p(), 1e-15);
    assertEquals(1, bc.lower());
    // Holm over the three: sorted 0.1·3 = 0.3, 0.7·2 = 1.4 → 1, 0.7·1 → max(1) = 1
    assertEquals(0.3, ab.pHolm(), 1e-15);
    assertEquals(1, ac.pHolm(), 1e-15);
    assertEquals(1, bc.pHolm(), 1e-15);
    assertFalse(ab.significant(0.05));
    assertTrue(ab.significant(0.31), "0.1·3 in floating point is a hair above 0.3");
  }

  @Test
  void aPairWithAnEmptySampleIsNotTestedNorCounted() {
    List<Pairwise.Pair> pairs =
        Pairwise.of(List.of(new double[] {1, 2, 3}, new double[0], new double[] {4, 5, 6}));
    assertTrue(Double.isNaN(pairs.get(0).p()));
    assertEquals(0, pairs.get(0).lower());
    assertFalse(pairs.get(0).significant(1), "untested: never significant");
    // the one tested pair is a family of one: Holm leaves its p = 0.1
    assertEquals(0.1, pairs.get(1).pHolm(), 1e-15);
    assertTrue(Double.isNaN(pairs.get(2).pHolm()));
  }

  @Test
  void unreachedRuntimesTieAmongThemselvesAndLoseToEverySuccess() {
    // runtimes {10, 20, ∞} against {∞, ∞, ∞}: 10 and 20 beat no ∞; the first sample's ∞ ties
    // each of the three others, ½ apiece: U = 3·½ = 1.5, below n1·n2/2 = 4.5
    RankSum.Result r = RankSum.test(new double[] {10, 20, INF}, new double[] {INF, INF, INF});
    assertEquals(1.5, r.u());
    List<Pairwise.Pair> pairs =
        Pairwise.of(List.of(new double[] {10, 20, INF}, new double[] {INF, INF, INF}));
    assertEquals(-1, pairs.get(0).lower(), "the runs that succeeded tend to be faster");
  }

  @Test
  void holmOfTestedSkipsTheUntested() {
    // m = 2: 0.01·2 = 0.02, 0.04·1 = 0.04
    double[] adjusted = RankSum.holmOfTested(new double[] {0.01, Double.NaN, 0.04});
    assertEquals(0.02, adjusted[0], 1e-15);
    assertTrue(Double.isNaN(adjusted[1]));
    assertEquals(0.04, adjusted[2], 1e-15);
  }
}
