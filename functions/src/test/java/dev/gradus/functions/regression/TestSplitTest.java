package dev.gradus.functions.regression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.spi.HeldOut;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.InvalidHyperParameterException;
import dev.gradus.spi.Objective;
import dev.gradus.spi.ObjectiveProvider;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Seeded, stratified train/test splits and the metrics on the held-out rows, worked by hand. */
class TestSplitTest {
  private static Objective create(ObjectiveProvider p, Map<String, ?> data) {
    return p.create(HyperParameters.resolve(p, Map.of("data", data)));
  }

  @Test
  void aStratifiedSplitKeepsEachClassShareAndItsSeed() {
    Dataset all = Datasets.load("breast-cancer");
    int[][] parts = DataSpec.splitRows(all, 0.2, 0, true);
    // 212 malignant and 357 benign rows: round(42.4) + round(71.4) = 113 held out
    assertEquals(113, parts[1].length);
    assertEquals(456, parts[0].length);
    long malignant = Arrays.stream(parts[1]).filter(i -> all.targets()[i] == 1).count();
    assertEquals(42, malignant);
    Set<Integer> seen = new HashSet<>();
    Arrays.stream(parts[0]).forEach(seen::add);
    Arrays.stream(parts[1]).forEach(i -> assertTrue(seen.add(i), "row " + i + " in both"));
    assertEquals(569, seen.size());
    assertArrayEquals(parts[1], DataSpec.splitRows(all, 0.2, 0, true)[1]);
    assertFalse(Arrays.equals(parts[1], DataSpec.splitRows(all, 0.2, 1, true)[1]));
  }

  @Test
  void atZeroTheLogisticMetricsAreLogTwoAndTheShareOfBenignRows() {
    Objective f =
        create(new LogisticRegression(), Map.of("dataset", "breast-cancer", "test_fraction", 0.2));
    HeldOut metrics = f.heldOut().orElseThrow();
    assertEquals(List.of("train_loss", "test_loss", "test_accuracy"), metrics.names());
    double[] at = metrics.at(new double[f.dimension()]);
    // σ(0) = ½ on every row: both losses are log 2; z = 0 predicts 0, right on the 71 benign
    assertEquals(Math.log(2), at[0], 1e-14);
    assertEquals(Math.log(2), at[1], 1e-14);
    assertEquals(71.0 / 113, at[2], 0.0);
    assertEquals(f.value(new double[f.dimension()]), at[0], 0.0);
    // the objective trains on the 456 training rows only
    assertTrue(f.toString().contains("456 rows"), f.toString());
  }

  @Test
  void theSoftmaxAccuracyCountsTheArgmaxClass() {
    Objective f =
        create(new SoftmaxRegression(), Map.of("dataset", "digits", "test_fraction", 0.25));
    HeldOut metrics = f.heldOut().orElseThrow();
    double[] zero = new double[f.dimension()];
    double[] at = metrics.at(zero);
    Dataset all = Datasets.load("digits");
    int[][] parts = DataSpec.splitRows(all, 0.25, 0, true);
    long zeros = Arrays.stream(parts[1]).filter(i -> all.targets()[i] == 0).count();
    // equal logits: every row is predicted class 0, and the loss is log 10
    assertEquals((double) zeros / parts[1].length, at[2], 0.0);
    assertEquals(Math.log(10), at[1], 1e-12);
    // a bias that favours class 3 predicts 3 everywhere
    double[] three = zero.clone();
    three[f.dimension() - 10 + 3] = 1;
    long threes = Arrays.stream(parts[1]).filter(i -> all.targets()[i] == 3).count();
    assertEquals((double) threes / parts[1].length, metrics.at(three)[2], 0.0);
  }

  @Test
  void linearRegressionHasLossesButNoAccuracyAndTestRowsAreScaledAsTrainingRows() {
    Objective f =
        create(
            new LinearRegression(),
            Map.of(
                "generate",
                Map.of("n", 100, "weights", List.of(3.0), "bias", 1, "seed", 5),
                "test_fraction",
                0.3,
                "standardize",
                true));
    HeldOut metrics = f.heldOut().orElseThrow();
    assertEquals(List.of("train_loss", "test_loss"), metrics.names());
    Dataset all = DataSpec.generate(new DataSpec.Generate(100, List.of(3.0), 1, 0.5, 5), false);
    int[][] parts = DataSpec.splitRows(all, 0.3, 0, false);
    assertEquals(30, parts[1].length);
    Dataset train = all.rows(parts[0], "train");
    Dataset test = all.rows(parts[1], "test").standardizedAs(train);
    // at (m, b) = (1, 0) the test loss is the mean of (z − y)² with z scaled by the training rows
    double byHand = 0;
    for (int i = 0; i < test.rows(); i++) {
      double r = test.feature(i, 0) - test.targets()[i];
      byHand += r * r;
    }
    assertEquals(byHand / test.rows(), metrics.at(new double[] {1, 0})[1], 1e-12);
  }

  @Test
  void badSplitsAreRefusedNamingTheSetting() {
    for (Map<String, ?> bad :
        List.of(
            Map.of("dataset", "breast-cancer", "test_fraction", 0.95),
            Map.of("dataset", "breast-cancer", "test_fraction", -0.1),
            Map.of("dataset", "breast-cancer", "split_seed", 3),
            Map.of("generate", Map.of("n", 1), "test_fraction", 0.5))) {
      InvalidHyperParameterException e =
          assertThrows(
              InvalidHyperParameterException.class, () -> create(new LinearRegression(), bad));
      assertTrue(
          e.getMessage().contains("test_fraction") || e.getMessage().contains("split_seed"),
          e.getMessage());
    }
    assertTrue(
        create(new LinearRegression(), Map.of("dataset", "breast-cancer")).heldOut().isEmpty());
  }
}
