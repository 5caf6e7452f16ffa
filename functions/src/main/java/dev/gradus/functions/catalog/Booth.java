package dev.gradus.functions.catalog;

import dev.gradus.graph.Node;
import dev.gradus.graph.Variable;
import dev.gradus.spi.Domain;
import dev.gradus.spi.KnownMinimum;

/** Booth function: a convex quadratic with minimum 0 at (1, 3). */
public final class Booth extends TestFunction {
  public Booth() {
    super(
        "booth",
        "Booth function: a convex quadratic with minimum 0 at (1, 3)",
        "f(x, y) = (x + 2y − 7)² + (2x + y − 5)²",
        2);
  }

  @Override
  Node build(Variable v, int n) {
    Node x = v.get(0);
    Node y = v.get(1);
    return x.add(y.mul(2)).sub(7).square().add(x.mul(2).add(y).sub(5).square());
  }

  @Override
  Domain domain(int n) {
    return Domain.cube(2, -10, 10);
  }

  @Override
  KnownMinimum minimum(int n) {
    return KnownMinimum.at(0, new double[] {1, 3});
  }

  @Override
  double[] start(int n) {
    return new double[] {0, 0};
  }
}
