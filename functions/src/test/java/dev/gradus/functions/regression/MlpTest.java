package dev.gradus.functions.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.InvalidHyperParameterException;
import dev.gradus.spi.RandomStream;
import dev.gradus.spi.Stochastic;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The mlp against PyTorch (recorded once by {@code torch-golden/mlp.py}, torch 1.13, float64), its
 * hand-written batch backpropagation against its graph, and its Glorot start.
 */
class MlpTest {
  private static Mlp.Loss loss(Map<String, ?> values) {
    Mlp p = new Mlp();
    return (Mlp.Loss) p.create(HyperParameters.resolve(p, values));
  }

  @Test
  void lossAndGradientMatchPyTorchOnTheDigits() throws IOException {
    List<String> lines;
    try (InputStream in = getClass().getResourceAsStream("/torch-golden/mlp.csv")) {
      lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
    Mlp.Loss f = null;
    List<Double> theta = new ArrayList<>();
    List<Double> expected = new ArrayList<>();
    int cases = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      if (cells[1].contains(" ")) {
        String[] spec = cells[1].split(" ");
        List<Double> hidden = new ArrayList<>();
        for (int i = 1; i < spec.length; i++) {
          hidden.add(Double.parseDouble(spec[i]));
        }
        f = loss(Map.of("hidden", hidden, "activation", spec[0]));
        theta.clear();
        expected.clear();
      } else if (cells[1].equals("loss")) {
        double[] x = theta.stream().mapToDouble(Double::doubleValue).toArray();
        assertEquals(f.dimension(), x.length);
        double[] graph = new double[x.length];
        double value = f.graphValueAndGradient(x, graph);
        assertEquals(Double.parseDouble(cells[3]), value, 1e-12, f + ": loss");
        double[] full = new double[x.length];
        assertEquals(
            Double.parseDouble(cells[3]), f.valueAndGradient(x, full), 1e-12, f + ": loss");
        assertEquals(value, f.value(x), 1e-14, f + ": the hand-written loss against the graph's");
        double[] byHand = new double[x.length];
        int[] all = new int[f.data.rows()];
        for (int i = 0; i < all.length; i++) {
          all[i] = i;
        }
        f.batchGradient(x, all, all.length, byHand);
        for (int j = 0; j < x.length; j++) {
          assertEquals(expected.get(j), graph[j], 1e-10, f + ": ∂/∂" + f.parameterNames().get(j));
          assertEquals(
              expected.get(j), byHand[j], 1e-10, f + " by hand: ∂/∂" + f.parameterNames().get(j));
          assertEquals(byHand[j], full[j], 0.0, f + " full batch: ∂/∂" + f.parameterNames().get(j));
          assertEquals(
              graph[j], byHand[j], 1e-14, f + " hand vs graph: ∂/∂" + f.parameterNames().get(j));
        }
        cases++;
      } else {
        theta.add(Double.parseDouble(cells[2]));
        expected.add(Double.parseDouble(cells[3]));
      }
    }
    assertEquals(3, cases);
  }

  /**
   * A minibatch step (the full training loss and the next batch's gradient) and the held-out
   * accuracy allocate nothing once warm: under one byte per step over many steps, where one step's
   * activations alone would be 64 × 42 doubles.
   */
  @Test
  void minibatchStepsAllocateNothingInSteadyState() {
    Mlp.Loss loss =
        loss(
            Map.of(
                "data",
                Map.of("dataset", "digits", "test_fraction", 0.8),
                "hidden",
                List.of(32.0)));
    MinibatchObjective<Mlp.Loss> f = new MinibatchObjective<>(loss, loss.data.rows(), 64);
    f.useStream(new RandomStream(2));
    double[] x = f.defaultStart().orElseThrow();
    double[] g = new double[x.length];
    int steps = 500;
    double checksum = steps(f, loss, x, g, 10 * steps);
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    // the least over a few windows: a one-time cost (a deoptimization) is not the steady state
    long least = Long.MAX_VALUE;
    for (int window = 0; window < 3; window++) {
      long before = threads.getThreadAllocatedBytes(thread);
      assertTrue(before > 0, "this JVM measures allocation per thread");
      checksum += steps(f, loss, x, g, steps);
      least = Math.min(least, threads.getThreadAllocatedBytes(thread) - before);
    }
    assertTrue(Double.isFinite(checksum));
    assertTrue(least < steps, "allocated " + least + " bytes in " + steps + " steps");
  }

  /** Gradient steps with a small fixed rate, so that the point moves as in a run. */
  private static double steps(
      dev.gradus.spi.Objective f, Mlp.Loss loss, double[] x, double[] g, int steps) {
    double sum = 0;
    for (int s = 0; s < steps; s++) {
      sum += f.valueAndGradient(x, g);
      for (int i = 0; i < x.length; i++) {
        x[i] -= 0.01 * g[i];
      }
      if (s % 50 == 0) {
        sum += loss.accuracy(x);
      }
    }
    return sum;
  }

  /** The exp-based tanh of the hand-written passes against Math.tanh, from tiny to saturated. */
  @Test
  void tanhIsWithinThreeTenthsOfAFemtoOfMathTanh() {
    java.util.SplittableRandom r = new java.util.SplittableRandom(8);
    for (int i = 0; i < 200_000; i++) {
      double x = r.nextDouble(-1, 1) * Math.exp(r.nextDouble(-40, 6));
      assertEquals(Math.tanh(x), Mlp.Activation.tanh(x), 3e-16, "tanh(" + x + ")");
    }
    for (double x : new double[] {0.0, -0.0, 20, -20, 400, -400}) {
      assertEquals(Math.tanh(x), Mlp.Activation.tanh(x), 0.0, "tanh(" + x + ")");
    }
    assertEquals(1.0, Mlp.Activation.tanh(Double.POSITIVE_INFINITY), 0.0);
    assertTrue(Double.isNaN(Mlp.Activation.tanh(Double.NaN)));
    assertEquals(
        Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(Mlp.Activation.tanh(-0.0)));
  }

  @Test
  void theStartIsGlorotFromTheRunsStream() {
    Mlp.Loss f = loss(Map.of("hidden", List.of(32.0)));
    assertEquals(64 * 32 + 32 + 32 * 10 + 10, f.dimension());
    f.useStream(new RandomStream(9));
    double[] a = f.defaultStart().orElseThrow();
    f.useStream(new RandomStream(9));
    double[] again = f.defaultStart().orElseThrow();
    assertEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(again));
    f.useStream(new RandomStream(10));
    assertNotEquals(a[0], f.defaultStart().orElseThrow()[0]);
    double limit1 = Math.sqrt(6.0 / (64 + 32));
    double sumSquares = 0;
    for (int i = 0; i < 64 * 32; i++) {
      assertTrue(Math.abs(a[i]) <= limit1);
      sumSquares += a[i] * a[i];
    }
    // uniform on ±L has variance L²/3
    assertEquals(limit1 * limit1 / 3, sumSquares / (64 * 32), 0.1 * limit1 * limit1 / 3);
    for (int j = 0; j < 32; j++) {
      assertEquals(0, a[64 * 32 + j], 0.0, "biases start at zero");
    }
    assertTrue(f instanceof Stochastic);
  }

  @Test
  void aTestLabelTheTrainingRowsLackIsRefusedAsForSoftmaxRegression(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
    // class 2 has one row, which a split of half each class holds out
    java.nio.file.Path csv = dir.resolve("three.csv");
    java.nio.file.Files.writeString(csv, "x,y\n0,0\n1,0\n2,0\n3,0\n4,1\n5,1\n6,1\n7,1\n8,2\n");
    Map<String, ?> data =
        Map.of("csv", csv.toString(), "x", List.of("x"), "y", "y", "test_fraction", 0.5);
    for (dev.gradus.spi.ObjectiveProvider p : List.of(new Mlp(), new SoftmaxRegression())) {
      InvalidHyperParameterException e =
          assertThrows(
              InvalidHyperParameterException.class,
              () -> p.create(HyperParameters.resolve(p, Map.of("data", data))));
      assertTrue(
          e.getMessage().contains("has label 2.0, a class the training split does not have"),
          p.id() + ": " + e.getMessage());
    }
  }

  @Test
  void badNetworksAreRefused() {
    Mlp p = new Mlp();
    assertThrows(
        InvalidHyperParameterException.class,
        () -> p.create(HyperParameters.resolve(p, Map.of("hidden", List.of(2.5)))));
    assertThrows(
        InvalidHyperParameterException.class,
        () -> p.create(HyperParameters.resolve(p, Map.of("activation", "gelu"))));
  }
}
