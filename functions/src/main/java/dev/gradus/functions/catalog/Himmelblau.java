package dev.gradus.functions.catalog;

import dev.gradus.graph.Node;
import dev.gradus.graph.Variable;
import dev.gradus.spi.Domain;
import dev.gradus.spi.KnownMinimum;

/** Himmelblau function: four global minima of value 0. */
public final class Himmelblau extends TestFunction {
  public Himmelblau() {
    super(
        "himmelblau",
        "Himmelblau function: four global minima of value 0",
        "f(x, y) = (x² + y − 11)² + (x + y² − 7)²",
        2);
  }

  @Override
  Node build(Variable v, int n) {
    Node x = v.get(0);
    Node y = v.get(1);
    return x.square().add(y).sub(11).square().add(x.add(y.square()).sub(7).square());
  }

  @Override
  Domain domain(int n) {
    return Domain.cube(2, -5, 5);
  }

  @Override
  KnownMinimum minimum(int n) {
    return KnownMinimum.at(
        0,
        new double[] {3, 2},
        new double[] {-2.805118086952745, 3.131312518250573},
        new double[] {-3.779310253377747, -3.2831859912861696},
        new double[] {3.5844283403304917, -1.8481265269644036});
  }

  @Override
  double[] start(int n) {
    return new double[] {0, 0};
  }
}
