package dev.gradus.runner.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gradus.runner.analysis.Quantiles;
import java.util.List;
import org.junit.jupiter.api.Test;

class BandsTest {
  @Test
  void runsAreStepFunctionsThatKeepTheirLastValue() {
    // run A recorded at 0, 2, 4; run B at 0, 1 (stopped early); run C starts at 3
    List<double[]> xs = List.of(new double[] {0, 2, 4}, new double[] {0, 1}, new double[] {3});
    List<double[]> ys =
        List.of(new double[] {8, 4, 2}, new double[] {6, 1}, new double[] {Double.NaN});
    Bands.Band band = Bands.of(xs, ys, new double[] {0, 1, 3, 5});
    // x=0: {8, 6} → median 7; x=1: {8, 1} → 4.5; x=3: {4, 1, +∞} → 4; x=5: {2, 1, +∞} → 2
    assertArrayEquals(new double[] {7, 4.5, 4, 2}, band.median(), 1e-12);
    // quartiles of {4, 1, +∞}: 25% between 1 and 4 → 2.5; 75% between 4 and +∞ → not finite
    assertEquals(2.5, band.lower()[2], 1e-12);
    assertEquals(Double.NaN, band.upper()[2]);
  }

  @Test
  void theGridSpansZeroToTheLastRecordedX() {
    double[] grid = Bands.grid(List.of(new double[] {0, 10}, new double[] {0, 4}), 6, true);
    assertArrayEquals(new double[] {0, 2, 4, 6, 8, 10}, grid);
  }

  @Test
  void quantilesInterpolateBetweenOrderStatistics() {
    assertEquals(2.5, Quantiles.linear(List.of(4.0, 1.0, 3.0, 2.0), 0.5), 1e-15);
    assertEquals(1.75, Quantiles.linear(List.of(4.0, 1.0, 3.0, 2.0), 0.25), 1e-15);
    assertEquals(Double.NaN, Quantiles.linear(List.of(), 0.5));
  }
}
