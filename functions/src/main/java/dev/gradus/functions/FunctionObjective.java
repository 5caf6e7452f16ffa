package dev.gradus.functions;

import dev.gradus.spi.Objective;
import java.util.List;

/** An objective from a Java function computing f and ∇f; see {@link Objectives#of}. */
final class FunctionObjective implements Objective {
  private final List<String> names;
  private final Objectives.ValueAndGradient function;
  private double[] scratch;

  FunctionObjective(List<String> names, Objectives.ValueAndGradient function) {
    this.names = names;
    this.function = function;
  }

  @Override
  public int dimension() {
    return names.size();
  }

  @Override
  public List<String> parameterNames() {
    return names;
  }

  @Override
  public double value(double[] x) {
    Objective.requireDimension(this, x);
    if (scratch == null) {
      scratch = new double[names.size()]; // once: an objective serves one thread at a time
    }
    return function.valueAndGradient(x, scratch);
  }

  @Override
  public double valueAndGradient(double[] x, double[] gradient) {
    Objective.requireDimension(this, x);
    if (gradient.length != names.size()) {
      throw new IllegalArgumentException(
          "gradient buffer has " + gradient.length + " entries, dimension is " + names.size());
    }
    return function.valueAndGradient(x, gradient);
  }

  @Override
  public String toString() {
    return "objective of " + (names.size() <= 10 ? names : names.size() + " variables");
  }
}
