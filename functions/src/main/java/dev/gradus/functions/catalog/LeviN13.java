package dev.gradus.functions.catalog;

import dev.gradus.graph.Node;
import dev.gradus.graph.Variable;
import dev.gradus.spi.Domain;
import dev.gradus.spi.KnownMinimum;

/** Lévi function N.13: a rippled bowl with minimum 0 at (1, 1). */
public final class LeviN13 extends TestFunction {
  public LeviN13() {
    super(
        "levi-n13",
        "Lévi function N.13: a rippled bowl with minimum 0 at (1, 1)",
        "f(x, y) = sin²(3πx) + (x − 1)²·(1 + sin²(3πy)) + (y − 1)²·(1 + sin²(2πy))",
        2);
  }

  @Override
  Node build(Variable v, int n) {
    Node x = v.get(0);
    Node y = v.get(1);
    Node first = GraphMath.sinSquared(x.mul(3 * Math.PI));
    Node second = x.sub(1).square().mul(GraphMath.sinSquared(y.mul(3 * Math.PI)).add(1));
    Node third = y.sub(1).square().mul(GraphMath.sinSquared(y.mul(2 * Math.PI)).add(1));
    return first.add(second).add(third);
  }

  @Override
  Domain domain(int n) {
    return Domain.cube(2, -10, 10);
  }

  @Override
  KnownMinimum minimum(int n) {
    return KnownMinimum.at(0, new double[] {1, 1});
  }

  @Override
  double[] start(int n) {
    return new double[] {-5, 5};
  }
}
