package dev.gradus.functions.catalog;

import dev.gradus.graph.Node;
import dev.gradus.graph.Variable;
import dev.gradus.spi.Domain;
import dev.gradus.spi.KnownMinimum;

/** The sphere function Σxᵢ², the simplest convex bowl. */
public final class Sphere extends TestFunction {
  public Sphere() {
    super("sphere", "Sphere function: the convex bowl Σ xᵢ²", "f(x) = Σᵢ xᵢ²", 1L);
  }

  @Override
  Node build(Variable x, int n) {
    return x.square().sum();
  }

  @Override
  Domain domain(int n) {
    // Unbounded in theory; De Jong's F1 box gives samplers and plots a finite region.
    return Domain.cube(n, -5.12, 5.12);
  }

  @Override
  KnownMinimum minimum(int n) {
    return KnownMinimum.at(0, new double[n]);
  }

  @Override
  double[] start(int n) {
    return GraphMath.repeat(n, 3);
  }
}
