package dev.gradus.functions.catalog;

import dev.gradus.graph.Node;
import dev.gradus.graph.Ops;
import dev.gradus.graph.Tensor;
import dev.gradus.graph.Variable;
import dev.gradus.spi.Domain;
import dev.gradus.spi.KnownMinimum;
import java.util.List;

/**
 * Shekel's foxholes in the standard 4-D form with m = 10 holes ("Shekel 10"), written for
 * minimisation: f(x) = −Σᵢ 1/(cᵢ + Σⱼ (xⱼ − aᵢⱼ)²). The deepest hole is near (4, 4, 4, 4), pulled
 * slightly off that point by the other holes.
 */
public final class Shekel extends TestFunction {
  /** Hole centres aᵢ, one row per hole. */
  static final double[][] CENTRES = {
    {4, 4, 4, 4},
    {1, 1, 1, 1},
    {8, 8, 8, 8},
    {6, 6, 6, 6},
    {3, 7, 3, 7},
    {2, 9, 2, 9},
    {5, 3, 5, 3},
    {8, 1, 8, 1},
    {6, 2, 6, 2},
    {7, 3.6, 7, 3.6}
  };

  /** Hole widths cᵢ. */
  static final double[] WIDTHS = {0.1, 0.2, 0.2, 0.4, 0.4, 0.6, 0.3, 0.7, 0.5, 0.5};

  /** Refined to double precision by Newton's method from (4, 4, 4, 4). */
  static final double MINIMIZER_ODD = 4.000746868270634;

  static final double MINIMIZER_EVEN = 3.9995094800857736;

  static final double MINIMUM = -10.536443153483528;

  public Shekel() {
    super(
        "shekel",
        "Shekel function (4-D, m = 10 foxholes): minimum ≈ −10.5364 near (4, 4, 4, 4)",
        "f(x) = −Σᵢ₌₁¹⁰ 1 / (cᵢ + Σⱼ₌₁⁴ (xⱼ − aᵢⱼ)²)",
        4);
  }

  @Override
  Node build(Variable x, int n) {
    double[] centres = new double[CENTRES.length * 4];
    for (int i = 0; i < CENTRES.length; i++) {
      System.arraycopy(CENTRES[i], 0, centres, 4 * i, 4);
    }
    Node a = Ops.constant(Tensor.of(new int[] {CENTRES.length, 4}, centres));
    Node squaredDistances = x.sub(a).square().sum(1);
    return Ops.div(1, squaredDistances.add(Ops.constant(Tensor.vector(WIDTHS)))).sum().neg();
  }

  @Override
  List<String> parameterNames(int dimension) {
    return null;
  }

  @Override
  Domain domain(int n) {
    return Domain.cube(4, 0, 10);
  }

  @Override
  KnownMinimum minimum(int n) {
    return KnownMinimum.at(
        MINIMUM, new double[] {MINIMIZER_ODD, MINIMIZER_EVEN, MINIMIZER_ODD, MINIMIZER_EVEN});
  }

  /** The centre of a shallower hole, a local minimum's basin. */
  @Override
  double[] start(int n) {
    return new double[] {1, 1, 1, 1};
  }
}
