package dev.gradus.functions.catalog;

import dev.gradus.graph.Node;
import dev.gradus.graph.Variable;
import dev.gradus.spi.Domain;
import dev.gradus.spi.KnownMinimum;

/** Eggholder function: deep irregular wells, the global one on the edge x = 512. */
public final class Eggholder extends TestFunction {
  /**
   * y of the minimizer on the edge x = 512, where ∂f/∂y = 0 and ∂f/∂x < 0 (the slope points out of
   * the box); refined to double precision by Newton's method in y.
   */
  static final double MINIMIZER_Y = 404.2318051137578;

  static final double MINIMUM = -959.6406627208509;

  public Eggholder() {
    super(
        "eggholder",
        "Eggholder function: deep irregular wells, the global one on the edge x = 512",
        "f(x, y) = −(y + 47)·sin(√|x/2 + y + 47|) − x·sin(√|x − (y + 47)|)",
        2);
  }

  @Override
  Node build(Variable v, int n) {
    Node x = v.get(0);
    Node y = v.get(1);
    Node shifted = y.add(47);
    Node first = shifted.mul(x.div(2).add(shifted).abs().sqrt().sin());
    Node second = x.mul(x.sub(shifted).abs().sqrt().sin());
    return first.add(second).neg();
  }

  @Override
  Domain domain(int n) {
    return Domain.cube(2, -512, 512);
  }

  @Override
  KnownMinimum minimum(int n) {
    return KnownMinimum.at(MINIMUM, new double[] {512, MINIMIZER_Y});
  }

  @Override
  double[] start(int n) {
    return new double[] {0, 0};
  }
}
