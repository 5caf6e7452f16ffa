package dev.gradus.functions.catalog;

import dev.gradus.graph.Node;
import dev.gradus.graph.Variable;
import dev.gradus.spi.Domain;
import dev.gradus.spi.KnownMinimum;

/** McCormick function: minimum at (1/2 − π/3, −1/2 − π/3). */
public final class McCormick extends TestFunction {
  public McCormick() {
    super(
        "mccormick",
        "McCormick function: minimum at (1/2 − π/3, −1/2 − π/3)",
        "f(x, y) = sin(x + y) + (x − y)² − 1.5x + 2.5y + 1",
        2);
  }

  @Override
  Node build(Variable v, int n) {
    Node x = v.get(0);
    Node y = v.get(1);
    return x.add(y).sin().add(x.sub(y).square()).sub(x.mul(1.5)).add(y.mul(2.5)).add(1);
  }

  @Override
  Domain domain(int n) {
    return new Domain(new double[] {-1.5, -3}, new double[] {4, 4});
  }

  @Override
  KnownMinimum minimum(int n) {
    // ∇f = 0 gives x − y = 1 and cos(x + y) = −½, so x + y = −2π/3: (½ − π/3, −½ − π/3) and
    // f = −√3/2 − π/3. Correctly rounded literals: evaluating those expressions in double is an
    // ulp off.
    return KnownMinimum.at(
        -1.9132229549810364, new double[] {-0.5471975511965977, -1.5471975511965979});
  }

  @Override
  double[] start(int n) {
    return new double[] {0, 0};
  }
}
