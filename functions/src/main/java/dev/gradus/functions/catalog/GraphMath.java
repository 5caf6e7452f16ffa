package dev.gradus.functions.catalog;

import dev.gradus.graph.Node;
import dev.gradus.graph.Ops;
import dev.gradus.graph.Tensor;
import java.util.Arrays;

/** Building blocks the catalog's formulas share. */
final class GraphMath {
  private static final double TINY = Double.MIN_NORMAL;
  private static final double SQRT_TINY = Math.sqrt(TINY);

  private GraphMath() {}

  /**
   * √u for u ≥ 0, with slope 0 where u < 2⁻¹⁰²² instead of the infinite slope of √ at 0. Ackley and
   * Bukin N.6 have their minimum at such a kink, where 0 is a subgradient; plain √ would give the
   * gradient ∞·0 = NaN there. The value differs from Math.sqrt(u) by less than 1.5e-154.
   */
  static Node sqrtFlatAtZero(Node u) {
    return Ops.sub(u.sub(TINY).relu().add(TINY).sqrt(), Ops.constant(SQRT_TINY));
  }

  /**
   * The product of a vector's elements, as a balanced tree of elementwise products: about log₂ n
   * nodes and n multiplications, with exact gradients even where some element is 0.
   */
  static Node product(Node vector) {
    Node level = vector;
    while (level.size() > 1) {
      int half = level.size() / 2;
      Node paired = level.slice(0, 0, half).mul(level.slice(0, half, 2 * half));
      level =
          level.size() % 2 == 0
              ? paired
              : Ops.concat(0, paired, level.slice(0, 2 * half, level.size()));
    }
    return level.sum();
  }

  /** sin²(u). */
  static Node sinSquared(Node u) {
    return u.sin().square();
  }

  /** A constant vector of length n filled with {@code value}. */
  static Node filled(int n, double value) {
    double[] data = new double[n];
    Arrays.fill(data, value);
    return Ops.constant(Tensor.vector(data));
  }

  /** The same value in every coordinate. */
  static double[] repeat(int n, double value) {
    double[] point = new double[n];
    Arrays.fill(point, value);
    return point;
  }
}
