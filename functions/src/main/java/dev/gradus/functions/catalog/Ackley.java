package dev.gradus.functions.catalog;

import dev.gradus.graph.Node;
import dev.gradus.graph.Ops;
import dev.gradus.graph.Variable;
import dev.gradus.spi.Domain;
import dev.gradus.spi.KnownMinimum;

/**
 * Ackley's function in n dimensions (the 2-D table entry, with the ½ of each sum read as the mean
 * over the coordinates). The cone term √(mean xᵢ²) has a kink at the minimizer; its gradient there
 * is taken as the subgradient 0.
 */
public final class Ackley extends TestFunction implements TestFunction.HandDerived {
  public Ackley() {
    super(
        "ackley",
        "Ackley function: a nearly flat outer region around a deep central funnel",
        "f(x) = −20·exp(−0.2·√((1/n)Σ xᵢ²)) − exp((1/n)Σ cos(2π·xᵢ)) + e + 20",
        1L);
  }

  @Override
  Node build(Variable x, int n) {
    Node radius = GraphMath.sqrtFlatAtZero(x.square().mean());
    Node cone = Ops.sub(20, radius.mul(-0.2).exp().mul(20));
    Node ripple = Ops.sub(Math.E, x.mul(2 * Math.PI).cos().mean().exp());
    // Grouped so that each bracket is exactly 0 at the origin.
    return cone.add(ripple);
  }

  @Override
  public double valueAndGradient(double[] x, double[] gradient) {
    int n = x.length;
    double squares = 0;
    double cosines = 0;
    for (double xi : x) {
      squares += xi * xi;
      cosines += Math.cos(2 * Math.PI * xi);
    }
    double radius = Math.sqrt(squares / n);
    double coneExp = Math.exp(-0.2 * radius);
    double rippleExp = Math.exp(cosines / n);
    // d/dxᵢ of −20·exp(−0.2r) is 4·exp(−0.2r)·xᵢ/(n·r); at r = 0 we take the subgradient 0.
    double coneFactor = radius == 0 ? 0 : 4 * coneExp / (n * radius);
    double rippleFactor = rippleExp * 2 * Math.PI / n;
    for (int i = 0; i < n; i++) {
      gradient[i] = coneFactor * x[i] + rippleFactor * Math.sin(2 * Math.PI * x[i]);
    }
    return (20 - 20 * coneExp) + (Math.E - rippleExp);
  }

  @Override
  Domain domain(int n) {
    return Domain.cube(n, -5, 5);
  }

  @Override
  KnownMinimum minimum(int n) {
    return KnownMinimum.at(0, new double[n]);
  }

  @Override
  double[] start(int n) {
    return GraphMath.repeat(n, 2.5);
  }
}
