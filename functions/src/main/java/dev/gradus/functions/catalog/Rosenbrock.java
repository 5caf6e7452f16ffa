package dev.gradus.functions.catalog;

import dev.gradus.graph.Node;
import dev.gradus.graph.Ops;
import dev.gradus.graph.Variable;
import dev.gradus.spi.Domain;
import dev.gradus.spi.KnownMinimum;

/**
 * Rosenbrock's banana valley, in the chained form Σ 100(xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)². It needs n ≥ 2:
 * at n = 1 the sum is empty and f ≡ 0.
 */
public final class Rosenbrock extends TestFunction implements TestFunction.HandDerived {
  public Rosenbrock() {
    super(
        "rosenbrock",
        "Rosenbrock function: a curved narrow valley with its minimum at (1, ..., 1)",
        "f(x) = Σᵢ₌₁ⁿ⁻¹ [100·(xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)²]",
        2L);
  }

  @Override
  Node build(Variable x, int n) {
    Node head = x.slice(0, 0, n - 1);
    Node tail = x.slice(0, 1, n);
    Node valley = tail.sub(head.square()).square().mul(100);
    return valley.add(Ops.sub(1, head).square()).sum();
  }

  @Override
  public double valueAndGradient(double[] x, double[] gradient) {
    int n = x.length;
    double value = 0;
    java.util.Arrays.fill(gradient, 0);
    for (int i = 0; i < n - 1; i++) {
      double valley = x[i + 1] - x[i] * x[i];
      double offset = 1 - x[i];
      value += 100 * valley * valley + offset * offset;
      gradient[i] += -400 * x[i] * valley - 2 * offset;
      gradient[i + 1] += 200 * valley;
    }
    return value;
  }

  @Override
  Domain domain(int n) {
    // Unbounded in theory; the usual [−5, 10] box gives samplers and plots a finite region.
    return Domain.cube(n, -5, 10);
  }

  @Override
  KnownMinimum minimum(int n) {
    return KnownMinimum.at(0, GraphMath.repeat(n, 1));
  }

  /** The classic start (−1.2, 1), repeated: −1.2 at even indices, 1 at odd ones. */
  @Override
  double[] start(int n) {
    double[] start = new double[n];
    for (int i = 0; i < n; i++) {
      start[i] = i % 2 == 0 ? -1.2 : 1;
    }
    return start;
  }
}
