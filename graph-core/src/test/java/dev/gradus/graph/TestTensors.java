package dev.gradus.graph;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Test helpers with their own row-major index arithmetic, written independently of {@link Shapes},
 * so that tests compare the graph against a second implementation rather than against itself.
 */
final class TestTensors {
  private TestTensors() {}

  static int size(int[] shape) {
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    return n;
  }

  /** The flat row-major position of a multi-index. */
  static int flat(int[] shape, int[] index) {
    int at = 0;
    for (int axis = 0; axis < shape.length; axis++) {
      at = at * shape[axis] + index[axis];
    }
    return at;
  }

  /** The multi-index of a flat row-major position. */
  static int[] unravel(int[] shape, int flat) {
    int[] index = new int[shape.length];
    for (int axis = shape.length - 1; axis >= 0; axis--) {
      index[axis] = flat % shape[axis];
      flat /= shape[axis];
    }
    return index;
  }

  /** Uniform values in [lo, hi]. */
  static double[] uniform(Random random, int n, double lo, double hi) {
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = lo + (hi - lo) * random.nextDouble();
    }
    return values;
  }

  /** Values with |v| in [lo, hi] and a random sign: away from 0. */
  static double[] awayFromZero(Random random, int n, double lo, double hi) {
    double[] values = uniform(random, n, lo, hi);
    for (int i = 0; i < n; i++) {
      if (random.nextBoolean()) {
        values[i] = -values[i];
      }
    }
    return values;
  }

  /** Distinct values at least 0.2 apart, in random order, so max and min have unique winners. */
  static double[] distinct(Random random, int n) {
    List<Double> values = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      values.add(0.25 * i - 0.125 * n + 0.05 * random.nextDouble());
    }
    java.util.Collections.shuffle(values, random);
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = values.get(i);
    }
    return out;
  }

  static Tensor tensor(int[] shape, double[] data) {
    return Tensor.of(shape, data);
  }

  /**
   * Builds {@code f} over variables holding {@code inputs}, reduces the output to a scalar with
   * random weights (so every output element contributes its own gradient), and compares the
   * autodiff gradient of every variable with central differences.
   */
  static GradientCheck.Report checkGradient(
      Random random, double tolerance, Function<Variable[], Node> f, Tensor... inputs) {
    Variable[] variables = new Variable[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      variables[i] = Variable.of("x" + i, inputs[i]);
    }
    Node out = f.apply(variables);
    double[] weights = uniform(random, out.size(), -1.5, 1.5);
    Node loss = out.mul(Ops.constant(Tensor.of(out.shape(), weights))).sum();
    GradientCheck.Report report = GradientCheck.check(loss.graph(), tolerance);
    assertTrue(
        report.passed(),
        () -> report + " for input shapes " + shapesOf(inputs) + ", output " + out.describe());
    return report;
  }

  static String shapesOf(Tensor... tensors) {
    StringBuilder out = new StringBuilder();
    for (Tensor t : tensors) {
      out.append(Arrays.toString(t.shape()));
    }
    return out.toString();
  }

  /** Asserts two arrays are equal within an absolute tolerance, naming the first difference. */
  static void assertClose(double[] expected, double[] actual, double tolerance, String what) {
    assertTrue(
        expected.length == actual.length,
        () -> what + ": length " + actual.length + ", expected " + expected.length);
    for (int i = 0; i < expected.length; i++) {
      int at = i;
      boolean same =
          Double.compare(expected[i], actual[i]) == 0
              || Math.abs(expected[i] - actual[i]) <= tolerance;
      assertTrue(
          same,
          () ->
              what
                  + ": element "
                  + at
                  + " is "
                  + actual[at]
                  + ", expected "
                  + expected[at]
                  + "; actual "
                  + Arrays.toString(actual));
    }
  }
}
