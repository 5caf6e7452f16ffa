package dev.gradus.functions.catalog;

import dev.gradus.graph.Node;
import dev.gradus.graph.Variable;
import dev.gradus.spi.Domain;
import dev.gradus.spi.KnownMinimum;

/** Easom function: flat almost everywhere, with a narrow hole at (π, π). */
public final class Easom extends TestFunction {
  public Easom() {
    super(
        "easom",
        "Easom function: flat almost everywhere, with a narrow hole at (π, π)",
        "f(x, y) = −cos(x)·cos(y)·exp(−((x − π)² + (y − π)²))",
        2);
  }

  @Override
  Node build(Variable v, int n) {
    Node x = v.get(0);
    Node y = v.get(1);
    Node distance = x.sub(Math.PI).square().add(y.sub(Math.PI).square());
    return x.cos().mul(y.cos()).mul(distance.neg().exp()).neg();
  }

  @Override
  Domain domain(int n) {
    return Domain.cube(2, -100, 100);
  }

  @Override
  KnownMinimum minimum(int n) {
    return KnownMinimum.at(-1, new double[] {Math.PI, Math.PI});
  }

  @Override
  double[] start(int n) {
    return new double[] {2, 2};
  }
}
