package dev.gradus.functions.catalog;

import dev.gradus.graph.Node;
import dev.gradus.graph.Ops;
import dev.gradus.graph.Tensor;
import dev.gradus.graph.Variable;
import dev.gradus.spi.Domain;
import dev.gradus.spi.KnownMinimum;

/** Griewank's function: a wide bowl with a product of cosines as ripple. */
public final class Griewank extends TestFunction {
  public Griewank() {
    super(
        "griewank",
        "Griewank function: a wide shallow bowl with many regularly spaced local minima",
        "f(x) = 1 + (1/4000)·Σᵢ xᵢ² − Πᵢ cos(xᵢ/√i), i = 1..n",
        1L);
  }

  @Override
  Node build(Variable x, int n) {
    double[] scales = new double[n];
    for (int i = 0; i < n; i++) {
      scales[i] = 1 / Math.sqrt(i + 1.0);
    }
    Node cosines = x.mul(Ops.constant(Tensor.vector(scales))).cos();
    // 1 − Π first, so that f is exactly 0 at the origin.
    return Ops.sub(1, GraphMath.product(cosines)).add(x.square().sum().div(4000));
  }

  @Override
  Domain domain(int n) {
    // Unbounded in theory; [−600, 600] is the customary box.
    return Domain.cube(n, -600, 600);
  }

  @Override
  KnownMinimum minimum(int n) {
    return KnownMinimum.at(0, new double[n]);
  }

  @Override
  double[] start(int n) {
    return GraphMath.repeat(n, 100);
  }
}
