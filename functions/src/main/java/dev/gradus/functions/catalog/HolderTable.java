package dev.gradus.functions.catalog;

import dev.gradus.graph.Node;
import dev.gradus.graph.Ops;
import dev.gradus.graph.Variable;
import dev.gradus.spi.Domain;
import dev.gradus.spi.KnownMinimum;

/** Hölder table function: four global minima near the domain's corners. */
public final class HolderTable extends TestFunction {
  /** |x| and |y| of each minimizer, refined to double precision by Newton's method. */
  static final double MINIMIZER_X = 8.055023475736563;

  static final double MINIMIZER_Y = 9.664590019241272;

  static final double MINIMUM = -19.208502567886732;

  public HolderTable() {
    super(
        "holder-table",
        "Hölder table function: four global minima near the domain's corners",
        "f(x, y) = −|sin(x)·cos(y)·exp(|1 − √(x² + y²)/π|)|",
        2);
  }

  @Override
  Node build(Variable v, int n) {
    Node x = v.get(0);
    Node y = v.get(1);
    Node radius = x.square().add(y.square()).sqrt();
    Node envelope = Ops.sub(1, radius.div(Math.PI)).abs().exp();
    return x.sin().mul(y.cos()).mul(envelope).abs().neg();
  }

  @Override
  Domain domain(int n) {
    return Domain.cube(2, -10, 10);
  }

  @Override
  KnownMinimum minimum(int n) {
    return KnownMinimum.at(
        MINIMUM,
        new double[] {MINIMIZER_X, MINIMIZER_Y},
        new double[] {MINIMIZER_X, -MINIMIZER_Y},
        new double[] {-MINIMIZER_X, MINIMIZER_Y},
        new double[] {-MINIMIZER_X, -MINIMIZER_Y});
  }

  @Override
  double[] start(int n) {
    return new double[] {1, 1};
  }
}
