package dev.gradus.plugins.branin;

import dev.gradus.graph.Node;
import dev.gradus.graph.Variable;
import dev.gradus.spi.Domain;
import dev.gradus.spi.GraphObjective;
import dev.gradus.spi.KnownMinimum;
import java.util.List;
import java.util.Optional;

/**
 * The Branin–Hoo function (Branin, 1972; Dixon &amp; Szegő, 1978):
 *
 * <pre>
 * f(x1, x2) = a(x2 − b·x1² + c·x1 − r)² + s(1 − t)·cos(x1) + s
 * a = 1,  b = 5.1/(4π²),  c = 5/π,  r = 6,  s = 10,  t = 1/(8π)
 * </pre>
 *
 * <p>Both terms are at their least where the square vanishes and cos(x1) = −1, so f* = s·t =
 * 5/(4π), attained at x1 = −π, π, 3π (the odd multiples of π in [−5, 10]) with x2 = b·x1² − c·x1 +
 * r: 12.275, 2.275 and 2.475. Value and gradient come from the graph, by autodiff.
 */
final class Branin extends GraphObjective {
  static final String ID = "branin";

  static final double A = 1;
  static final double B = 5.1 / (4 * Math.PI * Math.PI);
  static final double C = 5 / Math.PI;
  static final double R = 6;
  static final double S = 10;
  static final double T = 1 / (8 * Math.PI);

  private static final Domain DOMAIN = new Domain(new double[] {-5, 0}, new double[] {10, 15});

  Branin() {
    super(2);
  }

  @Override
  protected Node build(Variable x) {
    Node x1 = x.get(0);
    Node x2 = x.get(1);
    Node valley = x2.sub(x1.square().mul(B)).add(x1.mul(C)).sub(R).square().mul(A);
    return valley.add(x1.cos().mul(S * (1 - T))).add(S);
  }

  @Override
  public List<String> parameterNames() {
    return List.of("x1", "x2");
  }

  /**
   * x2 as the decimals b·x1² − c·x1 + r works out to (b·π² = 1.275, c·π = 5): the nearest doubles,
   * closer than evaluating the expression in double.
   */
  @Override
  public Optional<KnownMinimum> knownMinimum() {
    return Optional.of(
        KnownMinimum.at(
            S * T,
            new double[] {-Math.PI, 12.275},
            new double[] {Math.PI, 2.275},
            new double[] {3 * Math.PI, 2.475}));
  }

  @Override
  public Optional<Domain> domain() {
    return Optional.of(DOMAIN);
  }

  /** The centre of the domain, away from all three minima. */
  @Override
  public Optional<double[]> defaultStart() {
    return Optional.of(new double[] {2.5, 7.5});
  }

  @Override
  public String toString() {
    return ID;
  }
}
