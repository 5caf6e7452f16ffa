package dev.gradus.functions.catalog;

import dev.gradus.graph.Node;
import dev.gradus.graph.Ops;
import dev.gradus.graph.Variable;
import dev.gradus.spi.Domain;
import dev.gradus.spi.KnownMinimum;

/** Beale's function: sharp ridges in the corners and a flat valley towards (3, 0.5). */
public final class Beale extends TestFunction implements TestFunction.HandDerived {
  private static final double[] TARGETS = {1.5, 2.25, 2.625};

  public Beale() {
    super(
        "beale",
        "Beale function: flat valleys and sharp corners, minimum 0 at (3, 0.5)",
        "f(x, y) = (1.5 − x + x·y)² + (2.25 − x + x·y²)² + (2.625 − x + x·y³)²",
        2);
  }

  @Override
  Node build(Variable v, int n) {
    Node x = v.get(0);
    Node y = v.get(1);
    Node sum = null;
    Node power = y;
    for (double target : TARGETS) {
      Node term = Ops.sub(target, x).add(x.mul(power)).square();
      sum = sum == null ? term : sum.add(term);
      power = power.mul(y);
    }
    return sum;
  }

  /** ∂/∂x = Σ 2tₖ(yᵏ − 1), ∂/∂y = Σ 2tₖ·k·x·yᵏ⁻¹, with tₖ = cₖ − x + x·yᵏ. */
  @Override
  public double valueAndGradient(double[] point, double[] gradient) {
    double x = point[0];
    double y = point[1];
    double value = 0;
    double dx = 0;
    double dy = 0;
    double lowerPower = 1; // y^(k−1)
    for (int k = 1; k <= TARGETS.length; k++) {
      double power = lowerPower * y;
      double term = TARGETS[k - 1] - x + x * power;
      value += term * term;
      dx += 2 * term * (power - 1);
      dy += 2 * term * k * x * lowerPower;
      lowerPower = power;
    }
    gradient[0] = dx;
    gradient[1] = dy;
    return value;
  }

  @Override
  Domain domain(int n) {
    return Domain.cube(2, -4.5, 4.5);
  }

  @Override
  KnownMinimum minimum(int n) {
    return KnownMinimum.at(0, new double[] {3, 0.5});
  }

  @Override
  double[] start(int n) {
    return new double[] {1, 1};
  }
}
