package dev.gradus.functions.regression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.functions.GradientMethod;
import dev.gradus.functions.Objectives;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Objective;
import dev.gradus.spi.ObjectiveProvider;
import dev.gradus.spi.RandomStream;
import dev.gradus.spi.Stochastic;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Minibatch gradients against the full-batch autodiff gradient, epochs, and resumption. */
class MinibatchTest {
  private static Objective create(ObjectiveProvider p, Map<String, ?> values) {
    return p.create(HyperParameters.resolve(p, values));
  }

  private static final Map<String, ?> LOGISTIC =
      Map.of("data", Map.of("generate", Map.of("n", 60, "weights", List.of(1.5, -2.0, 0.5))));
  private static final Map<String, ?> LINEAR =
      Map.of("data", Map.of("generate", Map.of("n", 60, "weights", List.of(2.0, 1.0))));
  private static final Map<String, ?> SOFTMAX =
      Map.of("data", Map.of("dataset", "digits", "test_fraction", 0.9));

  private static Map<String, Object> with(Map<String, ?> base, int batch) {
    Map<String, Object> m = new java.util.LinkedHashMap<>(base);
    m.put("batch_size", batch);
    return m;
  }

  private static double[] point(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = r.nextDouble(-0.5, 0.5);
    }
    return x;
  }

  @Test
  void theSampledValueIsTheBatchLossAndDrawsWhatTheExactOneDraws() {
    int digits = DataSpec.splitRows(Datasets.load("digits"), 0.9, 0, true)[0].length;
    Map<String, Object> mlp = new java.util.LinkedHashMap<>(SOFTMAX);
    mlp.put("hidden", List.of(8.0));
    for (Object[] c :
        new Object[][] {
          {new LogisticRegression(), LOGISTIC, 60},
          {new LinearRegression(), LINEAR, 60},
          {new SoftmaxRegression(), SOFTMAX, digits},
          {new Mlp(), mlp, digits}
        }) {
      ObjectiveProvider p = (ObjectiveProvider) c[0];
      @SuppressWarnings("unchecked")
      Map<String, ?> base = (Map<String, ?>) c[1];
      int rows = (int) c[2];
      // a batch of every row: its loss is the full loss
      Objective whole = create(p, with(base, rows));
      ((Stochastic) whole).useStream(new RandomStream(5));
      double[] x = point(whole.dimension(), 9);
      double[] g = new double[whole.dimension()];
      double batchLoss = ((dev.gradus.spi.SampledLoss) whole).sampledValueAndGradient(x, g);
      assertEquals(whole.value(x), batchLoss, 1e-12 * Math.abs(whole.value(x)), p.id());
      // exact and sampled calls draw the same batches: mixing them changes no gradient
      Objective a = create(p, with(base, 7));
      Objective b = create(p, with(base, 7));
      ((Stochastic) a).useStream(new RandomStream(11));
      ((Stochastic) b).useStream(new RandomStream(11));
      double[] ga = new double[a.dimension()];
      double[] gb = new double[b.dimension()];
      for (int step = 0; step < 12; step++) {
        a.valueAndGradient(x, ga);
        double sampled =
            step % 3 == 0
                ? b.valueAndGradient(x, gb)
                : ((dev.gradus.spi.SampledLoss) b).sampledValueAndGradient(x, gb);
        assertArrayEquals(ga, gb, p.id() + " step " + step);
        assertTrue(Double.isFinite(sampled));
      }
    }
  }

  @Test
  void theSameSampleIsTheLastBatchAndDrawsNothing() {
    Objective a = create(new LogisticRegression(), with(LOGISTIC, 7));
    Objective b = create(new LogisticRegression(), with(LOGISTIC, 7));
    ((Stochastic) a).useStream(new RandomStream(3));
    ((Stochastic) b).useStream(new RandomStream(3));
    dev.gradus.spi.SampledLoss sa = (dev.gradus.spi.SampledLoss) a;
    dev.gradus.spi.SampledLoss sb = (dev.gradus.spi.SampledLoss) b;
    double[] x = point(a.dimension(), 4);
    double[] y = point(a.dimension(), 5);
    double[] ga = new double[a.dimension()];
    double[] gb = new double[a.dimension()];
    double[] again = new double[a.dimension()];
    for (int step = 0; step < 10; step++) {
      double fa = sa.sampledValueAndGradient(x, ga);
      sb.sampledValueAndGradient(x, gb);
      // b re-evaluates its batch at x (the same gradient) and at y, drawing nothing: the next
      // step's batches of a and b stay the same
      assertEquals(fa, sb.sameSampleValueAndGradient(x, again), 0, "step " + step);
      assertArrayEquals(ga, again, "step " + step);
      sb.sameSampleValueAndGradient(y, again);
      assertTrue(!java.util.Arrays.equals(ga, again), "another point, another gradient");
    }
    // before any draw, the same sample is the first batch
    Objective c = create(new LogisticRegression(), with(LOGISTIC, 7));
    ((Stochastic) c).useStream(new RandomStream(3));
    Objective d = create(new LogisticRegression(), with(LOGISTIC, 7));
    ((Stochastic) d).useStream(new RandomStream(3));
    ((dev.gradus.spi.SampledLoss) c).sameSampleValueAndGradient(x, ga);
    ((dev.gradus.spi.SampledLoss) d).sampledValueAndGradient(x, gb);
    assertArrayEquals(gb, ga);
  }

  @Test
  void oneEpochOfBatchesAveragesToTheFullGradient() {
    // 60 training rows in batches of 12, and of 7 (the last of 4); the digits' 179 training
    // rows (at a 0.9 test fraction) in batches of 20, the last of 19: the batch means weighted
    // by their rows make the mean over all rows
    int digits = DataSpec.splitRows(Datasets.load("digits"), 0.9, 0, true)[0].length;
    for (Object[] c :
        new Object[][] {
          {new LogisticRegression(), LOGISTIC, 12, 60},
          {new LogisticRegression(), LOGISTIC, 7, 60},
          {new LinearRegression(), LINEAR, 12, 60},
          {new SoftmaxRegression(), SOFTMAX, 20, digits}
        }) {
      ObjectiveProvider p = (ObjectiveProvider) c[0];
      @SuppressWarnings("unchecked")
      Map<String, ?> base = (Map<String, ?>) c[1];
      Objective full = create(p, base);
      Objective batched = create(p, with(base, (Integer) c[2]));
      ((Stochastic) batched).useStream(new RandomStream(4));
      double[] x = point(full.dimension(), 3);
      double[] exact = new double[full.dimension()];
      double f = full.valueAndGradient(x, exact);
      double[] sum = new double[full.dimension()];
      double[] g = new double[full.dimension()];
      int size = (Integer) c[2];
      int rows = (Integer) c[3];
      for (int start = 0; start < rows; start += size) {
        // the value is the full training loss at every step, never a batch's
        assertEquals(f, batched.valueAndGradient(x, g), 0.0, p.id());
        double weight = (double) Math.min(size, rows - start) / rows;
        for (int i = 0; i < g.length; i++) {
          sum[i] += g[i] * weight;
        }
      }
      for (int i = 0; i < g.length; i++) {
        assertEquals(exact[i], sum[i], 1e-12 * Math.max(1, Math.abs(exact[i])), p.id() + " " + i);
      }
    }
  }

  @Test
  void aBatchOfEveryRowIsTheFullGradient() {
    Objective full = create(new LogisticRegression(), LOGISTIC);
    Objective batched = create(new LogisticRegression(), with(LOGISTIC, 60));
    double[] x = point(full.dimension(), 8);
    double[] a = new double[x.length];
    double[] b = new double[x.length];
    full.valueAndGradient(x, a);
    batched.valueAndGradient(x, b);
    assertArrayEquals(a, b, 1e-14);
  }

  @Test
  void eachEpochVisitsEveryRowOnceAndTheLastBatchIsSmaller() {
    Minibatches batches = new Minibatches(10, 4);
    RandomStream stream = new RandomStream(1);
    int[] out = new int[4];
    for (int epoch = 0; epoch < 3; epoch++) {
      int[] seen = new int[10];
      int[] sizes = new int[3];
      for (int b = 0; b < 3; b++) {
        sizes[b] = batches.next(stream, out);
        for (int i = 0; i < sizes[b]; i++) {
          seen[out[i]]++;
        }
      }
      assertArrayEquals(new int[] {4, 4, 2}, sizes);
      assertArrayEquals(new int[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, seen);
    }
  }

  @Test
  void theSamplingStateResumesTheBatches() {
    Minibatches batches = new Minibatches(10, 4);
    RandomStream stream = new RandomStream(2);
    int[] out = new int[4];
    batches.next(stream, out);
    long[] state = batches.state();
    long[] position = stream.snapshot();
    int[] expected = new int[12];
    for (int b = 0; b < 3; b++) {
      batches.next(stream, out);
      System.arraycopy(out, 0, expected, 4 * b, 4);
    }
    Minibatches again = new Minibatches(10, 4);
    again.restore(state);
    RandomStream resumed = RandomStream.restore(position);
    int[] actual = new int[12];
    for (int b = 0; b < 3; b++) {
      again.next(resumed, out);
      System.arraycopy(out, 0, actual, 4 * b, 4);
    }
    assertArrayEquals(expected, actual);
    long[] broken = state.clone();
    broken[1] = broken[2];
    assertThrows(IllegalArgumentException.class, () -> new Minibatches(10, 4).restore(broken));
    assertThrows(IllegalArgumentException.class, () -> new Minibatches(10, 4).restore(new long[3]));
  }

  @Test
  void impossibleBatchesAndNumericalGradientsAreRefused() {
    var e =
        assertThrows(
            RuntimeException.class, () -> create(new LinearRegression(), with(LINEAR, 61)));
    assertTrue(e.getMessage().contains("batch_size = 61"), e.getMessage());
    Objective batched = create(new LinearRegression(), with(LINEAR, 10));
    var numerical =
        assertThrows(
            IllegalArgumentException.class,
            () -> Objectives.withGradient(batched, GradientMethod.NUMERICAL));
    assertTrue(numerical.getMessage().startsWith("gradient = 'numerical'"), numerical.getMessage());
    assertTrue(batched instanceof Stochastic && batched instanceof dev.gradus.spi.SampledLoss);
  }
}
