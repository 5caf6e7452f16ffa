package dev.gradus.functions.catalog;

import dev.gradus.graph.Node;
import dev.gradus.graph.Ops;
import dev.gradus.graph.Variable;
import dev.gradus.spi.Domain;
import dev.gradus.spi.KnownMinimum;

/** Cross-in-tray function: four global minima in the quadrants' diagonals. */
public final class CrossInTray extends TestFunction {
  /** |x| = |y| of each minimizer, refined to double precision by Newton's method. */
  static final double MINIMIZER = 1.3494066171539107;

  static final double MINIMUM = -2.062611870822737;

  public CrossInTray() {
    super(
        "cross-in-tray",
        "Cross-in-tray function: four global minima in the quadrants' diagonals",
        "f(x, y) = −0.0001·(|sin(x)·sin(y)·exp(|100 − √(x² + y²)/π|)| + 1)^0.1",
        2);
  }

  @Override
  Node build(Variable v, int n) {
    Node x = v.get(0);
    Node y = v.get(1);
    Node radius = x.square().add(y.square()).sqrt();
    Node envelope = Ops.sub(100, radius.div(Math.PI)).abs().exp();
    return x.sin().mul(y.sin()).mul(envelope).abs().add(1).pow(0.1).mul(-0.0001);
  }

  @Override
  Domain domain(int n) {
    return Domain.cube(2, -10, 10);
  }

  @Override
  KnownMinimum minimum(int n) {
    return KnownMinimum.at(
        MINIMUM,
        new double[] {MINIMIZER, MINIMIZER},
        new double[] {MINIMIZER, -MINIMIZER},
        new double[] {-MINIMIZER, MINIMIZER},
        new double[] {-MINIMIZER, -MINIMIZER});
  }

  @Override
  double[] start(int n) {
    return new double[] {0.5, 0.5};
  }
}
