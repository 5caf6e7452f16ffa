package dev.gradus.functions.catalog;

import dev.gradus.graph.Node;
import dev.gradus.graph.Variable;
import dev.gradus.spi.Domain;
import dev.gradus.spi.KnownMinimum;

/** The Styblinski–Tang function: separable, with its minimum at a root of a cubic. */
public final class StyblinskiTang extends TestFunction {
  /** The root of 4x³ − 32x + 5 = 0 near −2.9035, to double precision (Newton's method). */
  static final double MINIMIZER = -2.903534027771177;

  /** (x⁴ − 16x² + 5x)/2 at {@link #MINIMIZER}: the minimum per coordinate. */
  static final double MINIMUM_PER_COORDINATE = -39.16616570377141;

  public StyblinskiTang() {
    super(
        "styblinski-tang",
        "Styblinski–Tang function: separable, minimum near (−2.9035, ..., −2.9035)",
        "f(x) = ½·Σᵢ (xᵢ⁴ − 16·xᵢ² + 5·xᵢ)",
        1L);
  }

  @Override
  Node build(Variable x, int n) {
    Node squares = x.square();
    return squares.square().sub(squares.mul(16)).add(x.mul(5)).sum().mul(0.5);
  }

  @Override
  Domain domain(int n) {
    return Domain.cube(n, -5, 5);
  }

  @Override
  KnownMinimum minimum(int n) {
    return KnownMinimum.at(n * MINIMUM_PER_COORDINATE, GraphMath.repeat(n, MINIMIZER));
  }

  @Override
  double[] start(int n) {
    return new double[n];
  }
}
