package dev.gradus.functions.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Objective;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Softmax regression on the shipped digits against PyTorch's {@code cross_entropy}, recorded once
 * by {@code torch-golden/softmax.py} (torch 1.13, float64) at three parameter vectors it chose.
 */
class SoftmaxTorchTest {
  @Test
  void lossAndGradientMatchPyTorchOnTheDigits() throws IOException {
    List<String> lines;
    try (InputStream in = getClass().getResourceAsStream("/torch-golden/softmax.csv")) {
      lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
    SoftmaxRegression provider = new SoftmaxRegression();
    Objective f = provider.create(HyperParameters.resolve(provider, Map.of()));
    int d = f.dimension();
    double[] theta = new double[d];
    double[] expected = new double[d];
    int points = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      if (cells[1].equals("loss")) {
        double[] gradient = new double[d];
        double loss = f.valueAndGradient(theta, gradient);
        assertEquals(Double.parseDouble(cells[3]), loss, 1e-12, "loss at point " + cells[0]);
        for (int j = 0; j < d; j++) {
          assertEquals(expected[j], gradient[j], 1e-12, "∂/∂" + f.parameterNames().get(j));
        }
        points++;
      } else {
        int j = Integer.parseInt(cells[1]);
        theta[j] = Double.parseDouble(cells[2]);
        expected[j] = Double.parseDouble(cells[3]);
      }
    }
    assertEquals(3, points);
  }
}
