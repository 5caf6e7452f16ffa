package dev.gradus.functions.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.InvalidHyperParameterException;
import dev.gradus.spi.Objective;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoftmaxRegressionTest {
  @TempDir Path dir;

  private static Objective create(Map<String, ?> raw) {
    SoftmaxRegression p = new SoftmaxRegression();
    return p.create(HyperParameters.resolve(p, raw));
  }

  /**
   * The loss and gradient written out with plain loops, the textbook way: pᵢ = softmax(zᵢ), loss =
   * −(1/n) Σᵢ log pᵢ,yᵢ, ∂/∂W = (1/n) Xᵀ(P − Y), ∂/∂b = (1/n) Σᵢ (pᵢ − yᵢ).
   */
  private static double byHand(double[][] x, int[] y, int c, double[] theta, double[] gradient) {
    int n = x.length;
    int k = x[0].length;
    java.util.Arrays.fill(gradient, 0);
    double loss = 0;
    for (int i = 0; i < n; i++) {
      double[] z = new double[c];
      for (int j = 0; j < c; j++) {
        z[j] = theta[k * c + j];
        for (int f = 0; f < k; f++) {
          z[j] += x[i][f] * theta[f * c + j];
        }
      }
      double total = 0;
      for (int j = 0; j < c; j++) {
        total += Math.exp(z[j]);
      }
      loss -= Math.log(Math.exp(z[y[i]]) / total) / n;
      for (int j = 0; j < c; j++) {
        double residual = (Math.exp(z[j]) / total - (j == y[i] ? 1 : 0)) / n;
        for (int f = 0; f < k; f++) {
          gradient[f * c + j] += x[i][f] * residual;
        }
        gradient[k * c + j] += residual;
      }
    }
    return loss;
  }

  @Test
  void lossAndGradientAreTheTextbookOnes() throws Exception {
    // three classes, two features, six rows
    double[][] x = {{0.5, -1}, {1.5, 0.2}, {-0.3, 0.8}, {2, 2}, {-1, -0.5}, {0.1, 0.1}};
    int[] y = {0, 1, 2, 1, 0, 2};
    StringBuilder csv = new StringBuilder("a,b,label\n");
    for (int i = 0; i < x.length; i++) {
      csv.append(x[i][0]).append(',').append(x[i][1]).append(',').append(y[i]).append('\n');
    }
    Path file = dir.resolve("three.csv");
    Files.writeString(file, csv);
    Objective f =
        create(
            Map.of("data", Map.of("csv", file.toString(), "x", List.of("a", "b"), "y", "label")));
    assertEquals(9, f.dimension(), "W is 2 × 3, b has 3");
    assertEquals("w1_2", f.parameterNames().get(5));
    assertEquals("b0", f.parameterNames().get(6));
    SplittableRandom random = new SplittableRandom(5);
    for (int trial = 0; trial < 20; trial++) {
      double[] theta = new double[9];
      for (int i = 0; i < theta.length; i++) {
        theta[i] = random.nextDouble(-3, 3);
      }
      double[] expected = new double[9];
      double[] actual = new double[9];
      assertEquals(byHand(x, y, 3, theta, expected), f.valueAndGradient(theta, actual), 1e-13);
      for (int i = 0; i < 9; i++) {
        assertEquals(expected[i], actual[i], 1e-13, "∂/∂" + f.parameterNames().get(i));
      }
    }
    // logits of ±1000 overflow exp(z) in the textbook form; the stable one stays exact
    double[] big = new double[9];
    big[0] = 1000; // w0_0: class 0's logit is 1000·a
    assertTrue(Double.isFinite(f.value(big)), "no overflow at logits of 2000");
  }

  @Test
  void onTheDigitsGradientDescentLearnsToRead() {
    Objective f = create(Map.of());
    assertEquals(650, f.dimension(), "64 pixels × 10 classes, and 10 biases");
    double[] theta = new double[650];
    double[] g = new double[650];
    assertEquals(Math.log(10), f.valueAndGradient(theta, g), 1e-13, "ten classes alike at 0");
    for (int t = 0; t < 200; t++) {
      for (int i = 0; i < theta.length; i++) {
        theta[i] -= 0.5 * g[i];
      }
      f.valueAndGradient(theta, g);
    }
    Dataset digits = Datasets.load("digits");
    int right = 0;
    for (int i = 0; i < digits.rows(); i++) {
      int best = 0;
      double bestZ = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < 10; c++) {
        double z = theta[640 + c];
        for (int p = 0; p < 64; p++) {
          z += digits.feature(i, p) * theta[p * 10 + c];
        }
        if (z > bestZ) {
          bestZ = z;
          best = c;
        }
      }
      right += best == (int) digits.targets()[i] ? 1 : 0;
    }
    double accuracy = right / (double) digits.rows();
    assertTrue(accuracy > 0.9, "training accuracy after 200 steps: " + accuracy);
  }

  @Test
  void theDigitsArePixelIntensitiesInZeroToOne() {
    Dataset d = Datasets.load("digits");
    assertEquals(1797, d.rows());
    assertEquals(64, d.columns());
    assertEquals("p0_0", d.featureNames().get(0));
    assertEquals("p7_7", d.featureNames().get(63));
    // the first image, a 0: its top row is 0 0 5 13 9 1 0 0 (counts of 16)
    assertEquals(5 / 16.0, d.feature(0, 2));
    assertEquals(13 / 16.0, d.feature(0, 3));
    assertEquals(0, d.targets()[0]);
    for (double v : d.features()) {
      assertTrue(v >= 0 && v <= 1);
    }
  }

  @Test
  void labelsMustBeClassNumbers() throws Exception {
    Path file = dir.resolve("bad.csv");
    Files.writeString(file, "a,label\n1,0\n2,1.5\n");
    String message =
        assertThrows(
                InvalidHyperParameterException.class,
                () ->
                    create(Map.of("data", Map.of("csv", file.toString(), "x", "a", "y", "label"))))
            .getMessage();
    assertTrue(message.contains("row 2 has label 1.5"), message);
    Path gap = dir.resolve("gap.csv");
    Files.writeString(gap, "a,label\n1,1\n2,2\n");
    String missing =
        assertThrows(
                InvalidHyperParameterException.class,
                () -> create(Map.of("data", Map.of("csv", gap.toString(), "x", "a", "y", "label"))))
            .getMessage();
    assertTrue(missing.contains("no row of class 0"), missing);
    String generate =
        assertThrows(
                InvalidHyperParameterException.class,
                () -> create(Map.of("data", Map.of("generate", Map.of()))))
            .getMessage();
    assertTrue(generate.contains("not available for softmax-regression"), generate);
  }
}
