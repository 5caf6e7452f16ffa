package dev.gradus.functions.catalog;

import dev.gradus.graph.Node;
import dev.gradus.graph.Variable;
import dev.gradus.spi.Domain;
import dev.gradus.spi.KnownMinimum;

/** Schaffer function N.2: concentric ripples around the origin. */
public final class SchafferN2 extends TestFunction {
  public SchafferN2() {
    super(
        "schaffer-n2",
        "Schaffer function N.2: concentric ripples around the origin",
        "f(x, y) = 0.5 + (sin²(x² − y²) − 0.5) / (1 + 0.001·(x² + y²))²",
        2);
  }

  @Override
  Node build(Variable v, int n) {
    Node x = v.get(0);
    Node y = v.get(1);
    Node xx = x.square();
    Node yy = y.square();
    Node damping = xx.add(yy).mul(0.001).add(1).square();
    return GraphMath.sinSquared(xx.sub(yy)).sub(0.5).div(damping).add(0.5);
  }

  @Override
  Domain domain(int n) {
    return Domain.cube(2, -100, 100);
  }

  @Override
  KnownMinimum minimum(int n) {
    return KnownMinimum.at(0, new double[] {0, 0});
  }

  @Override
  double[] start(int n) {
    return new double[] {1, 2};
  }
}
