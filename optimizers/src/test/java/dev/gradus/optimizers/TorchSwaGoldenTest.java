package dev.gradus.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.spi.AveragedIterate;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code swa} against torch 1.13's {@code torch.optim.swa_utils.AveragedModel} averaging SGD
 * iterates on the schedule swa_start, swa_freq (torch-golden/swa.csv, made by swa.py): the iterates
 * and the averaged point agree to 1e-12 relative.
 */
class TorchSwaGoldenTest {
  @Test
  void swaAveragesAsTorchsAveragedModel() throws IOException {
    List<String> lines;
    try (InputStream in = getClass().getResourceAsStream("/torch-golden/swa.csv")) {
      lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).toList();
    }
    Map<String, long[]> cases =
        Map.of("every_step", new long[] {1, 1}, "start_10_every_3", new long[] {10, 3});
    int compared = 0;
    for (Map.Entry<String, long[]> c : cases.entrySet()) {
      List<String[]> rows =
          lines.stream().map(l -> l.split(",", -1)).filter(r -> r[0].equals(c.getKey())).toList();
      assertEquals(40, rows.size(), c.getKey());
      Optimizer swa =
          Optimizers.swa(
              StateRestoreTest.builtIn("momentum", Map.of("lr", 2e-4, "momentum", 0.9)).get(),
              new Wrappers.SwaConfig(c.getValue()[0], c.getValue()[1]));
      OptimizerState state = swa.init(2);
      double[] x = {-1.5, 2};
      double[] g = new double[2];
      double[] averaged = new double[2];
      for (String[] row : rows) {
        double value = GoldenTrajectoryTest.ROSENBROCK.evaluate(x, g);
        swa.step(x, value, g, swa.learningRate(), state, GoldenTrajectoryTest.ROSENBROCK);
        int step = Integer.parseInt(row[1]);
        close(Double.parseDouble(row[2]), x[0], c.getKey() + " x at " + step);
        close(Double.parseDouble(row[3]), x[1], c.getKey() + " y at " + step);
        boolean has = AveragedIterate.averagedPoint(swa, state, averaged);
        assertEquals(!row[4].isEmpty(), has, c.getKey() + " average at " + step);
        if (has) {
          close(Double.parseDouble(row[4]), averaged[0], c.getKey() + " avg x at " + step);
          close(Double.parseDouble(row[5]), averaged[1], c.getKey() + " avg y at " + step);
          compared++;
        }
      }
    }
    assertTrue(compared == 40 + 31, "averages compared: " + compared);
  }

  private static void close(double expected, double actual, String what) {
    assertEquals(expected, actual, 1e-12 * Math.max(1, Math.abs(expected)), what);
  }
}
