package dev.gradus.functions.catalog;

import dev.gradus.graph.Node;
import dev.gradus.graph.Variable;
import dev.gradus.spi.Domain;
import dev.gradus.spi.KnownMinimum;

/** Bukin function N.6: a non-smooth ridge along y = x²/100. */
public final class BukinN6 extends TestFunction {
  public BukinN6() {
    super(
        "bukin-n6",
        "Bukin function N.6: a non-smooth ridge along y = x²/100",
        "f(x, y) = 100·√|y − 0.01·x²| + 0.01·|x + 10|",
        2);
  }

  @Override
  Node build(Variable v, int n) {
    Node x = v.get(0);
    Node y = v.get(1);
    // The minimizer lies on the kink of √|u| at u = 0, where we take the subgradient 0.
    Node ridge = GraphMath.sqrtFlatAtZero(y.sub(x.square().mul(0.01)).abs()).mul(100);
    return ridge.add(x.add(10).abs().mul(0.01));
  }

  @Override
  Domain domain(int n) {
    return new Domain(new double[] {-15, -3}, new double[] {-5, 3});
  }

  @Override
  KnownMinimum minimum(int n) {
    return KnownMinimum.at(0, new double[] {-10, 1});
  }

  @Override
  double[] start(int n) {
    return new double[] {-12, 2};
  }
}
