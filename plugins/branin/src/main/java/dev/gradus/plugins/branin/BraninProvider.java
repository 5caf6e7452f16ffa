package dev.gradus.plugins.branin;

import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Objective;
import dev.gradus.spi.ObjectiveProvider;
import java.util.List;

/**
 * {@code branin}: the Branin–Hoo function, registered in {@code
 * META-INF/services/dev.gradus.spi.ObjectiveProvider}. It has no hyperparameters: the constants are
 * the standard ones, for which the three minimizers are known in closed form.
 */
public final class BraninProvider implements ObjectiveProvider {
  @Override
  public String id() {
    return Branin.ID;
  }

  @Override
  public String description() {
    return "Branin–Hoo function: three global minima of value 5/(4π) in [−5, 10] × [0, 15]";
  }

  @Override
  public String formula() {
    return "f(x1, x2) = a(x2 − b·x1² + c·x1 − r)² + s(1 − t)cos(x1) + s,"
        + " a = 1, b = 5.1/(4π²), c = 5/π, r = 6, s = 10, t = 1/(8π)";
  }

  @Override
  public List<HyperParameter> hyperParameters() {
    return List.of();
  }

  @Override
  public Objective create(HyperParameters values) {
    return new Branin();
  }
}
