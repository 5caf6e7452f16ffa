package dev.gradus.functions.catalog;

import dev.gradus.graph.Node;
import dev.gradus.graph.Ops;
import dev.gradus.graph.Variable;
import dev.gradus.spi.Domain;
import dev.gradus.spi.KnownMinimum;

/** Rastrigin's function: a bowl covered in a regular grid of local minima. */
public final class Rastrigin extends TestFunction {
  static final double A = 10;

  public Rastrigin() {
    super(
        "rastrigin",
        "Rastrigin function: a bowl with a local minimum near every integer point",
        "f(x) = A·n + Σᵢ [xᵢ² − A·cos(2π·xᵢ)], A = 10",
        1L);
  }

  @Override
  Node build(Variable x, int n) {
    // Σ [xᵢ² + A(1 − cos 2πxᵢ)] is the same sum, and exactly 0 at the origin.
    Node ripple = Ops.sub(1, x.mul(2 * Math.PI).cos()).mul(A);
    return x.square().add(ripple).sum();
  }

  @Override
  Domain domain(int n) {
    return Domain.cube(n, -5.12, 5.12);
  }

  @Override
  KnownMinimum minimum(int n) {
    return KnownMinimum.at(0, new double[n]);
  }

  @Override
  double[] start(int n) {
    return GraphMath.repeat(n, 2.5);
  }
}
