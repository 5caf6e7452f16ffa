package dev.gradus.functions.catalog;

import dev.gradus.graph.Node;
import dev.gradus.graph.Ops;
import dev.gradus.graph.Variable;
import dev.gradus.spi.Domain;
import dev.gradus.spi.KnownMinimum;

/** Goldstein–Price function: a polynomial with minimum 3 at (0, −1). */
public final class GoldsteinPrice extends TestFunction {
  public GoldsteinPrice() {
    super(
        "goldstein-price",
        "Goldstein–Price function: a polynomial with minimum 3 at (0, −1)",
        "f(x, y) = [1 + (x + y + 1)²(19 − 14x + 3x² − 14y + 6xy + 3y²)]·[30 + (2x − 3y)²(18 − 32x + 12x² + 48y − 36xy + 27y²)]",
        2);
  }

  @Override
  Node build(Variable v, int n) {
    Node x = v.get(0);
    Node y = v.get(1);
    Node xx = x.square();
    Node xy = x.mul(y);
    Node yy = y.square();
    Node first =
        Ops.constant(19).sub(x.mul(14)).add(xx.mul(3)).sub(y.mul(14)).add(xy.mul(6)).add(yy.mul(3));
    Node second =
        Ops.constant(18)
            .sub(x.mul(32))
            .add(xx.mul(12))
            .add(y.mul(48))
            .sub(xy.mul(36))
            .add(yy.mul(27));
    Node left = x.add(y).add(1).square().mul(first).add(1);
    Node right = x.mul(2).sub(y.mul(3)).square().mul(second).add(30);
    return left.mul(right);
  }

  @Override
  Domain domain(int n) {
    return Domain.cube(2, -2, 2);
  }

  @Override
  KnownMinimum minimum(int n) {
    return KnownMinimum.at(3, new double[] {0, -1});
  }

  @Override
  double[] start(int n) {
    return new double[] {1, 1};
  }
}
