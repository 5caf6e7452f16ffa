package dev.gradus.functions.catalog;

import dev.gradus.graph.Node;
import dev.gradus.graph.Variable;
import dev.gradus.spi.Domain;
import dev.gradus.spi.KnownMinimum;

/** Matyas function: a flat, ill-conditioned convex quadratic. */
public final class Matyas extends TestFunction {
  public Matyas() {
    super(
        "matyas",
        "Matyas function: a flat, ill-conditioned convex quadratic",
        "f(x, y) = 0.26·(x² + y²) − 0.48·x·y",
        2);
  }

  @Override
  Node build(Variable v, int n) {
    Node x = v.get(0);
    Node y = v.get(1);
    return x.square().add(y.square()).mul(0.26).sub(x.mul(y).mul(0.48));
  }

  @Override
  Domain domain(int n) {
    return Domain.cube(2, -10, 10);
  }

  @Override
  KnownMinimum minimum(int n) {
    return KnownMinimum.at(0, new double[] {0, 0});
  }

  @Override
  double[] start(int n) {
    return new double[] {5, 3};
  }
}
