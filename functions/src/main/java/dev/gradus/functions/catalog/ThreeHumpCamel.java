package dev.gradus.functions.catalog;

import dev.gradus.graph.Node;
import dev.gradus.graph.Variable;
import dev.gradus.spi.Domain;
import dev.gradus.spi.KnownMinimum;

/** Three-hump camel function: three local minima, the global one at the origin. */
public final class ThreeHumpCamel extends TestFunction {
  public ThreeHumpCamel() {
    super(
        "three-hump-camel",
        "Three-hump camel function: three local minima, the global one at the origin",
        "f(x, y) = 2x² − 1.05x⁴ + x⁶/6 + x·y + y²",
        2);
  }

  @Override
  Node build(Variable v, int n) {
    Node x = v.get(0);
    Node y = v.get(1);
    Node x2 = x.square();
    Node x4 = x2.square();
    Node x6 = x4.mul(x2);
    return x2.mul(2).sub(x4.mul(1.05)).add(x6.div(6)).add(x.mul(y)).add(y.square());
  }

  @Override
  Domain domain(int n) {
    return Domain.cube(2, -5, 5);
  }

  @Override
  KnownMinimum minimum(int n) {
    return KnownMinimum.at(0, new double[] {0, 0});
  }

  @Override
  double[] start(int n) {
    return new double[] {2, 2};
  }
}
