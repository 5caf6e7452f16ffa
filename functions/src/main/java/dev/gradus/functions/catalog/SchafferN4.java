package dev.gradus.functions.catalog;

import dev.gradus.graph.Node;
import dev.gradus.graph.Variable;
import dev.gradus.spi.Domain;
import dev.gradus.spi.KnownMinimum;

/** Schaffer function N.4: four global minima near the axes. */
public final class SchafferN4 extends TestFunction {
  /** The nonzero coordinate of each minimizer, refined to double precision by Newton's method. */
  static final double AXIS_MINIMIZER = 1.2531318314637332;

  static final double MINIMUM = 0.29257863203598056;

  public SchafferN4() {
    super(
        "schaffer-n4",
        "Schaffer function N.4: four global minima near the axes",
        "f(x, y) = 0.5 + (cos²(sin|x² − y²|) − 0.5) / (1 + 0.001·(x² + y²))²",
        2);
  }

  @Override
  Node build(Variable v, int n) {
    Node x = v.get(0);
    Node y = v.get(1);
    Node xx = x.square();
    Node yy = y.square();
    Node damping = xx.add(yy).mul(0.001).add(1).square();
    // cos²(sin|u|) = cos²(sin u), so the |·| adds no kink; abs' = 0 at 0 keeps the slope right.
    Node ripple = xx.sub(yy).abs().sin().cos().square();
    return ripple.sub(0.5).div(damping).add(0.5);
  }

  @Override
  Domain domain(int n) {
    return Domain.cube(2, -100, 100);
  }

  @Override
  KnownMinimum minimum(int n) {
    return KnownMinimum.at(
        MINIMUM,
        new double[] {0, AXIS_MINIMIZER},
        new double[] {0, -AXIS_MINIMIZER},
        new double[] {AXIS_MINIMIZER, 0},
        new double[] {-AXIS_MINIMIZER, 0});
  }

  @Override
  double[] start(int n) {
    return new double[] {1, 2};
  }
}
