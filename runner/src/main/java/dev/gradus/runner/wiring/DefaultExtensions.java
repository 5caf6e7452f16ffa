package dev.gradus.runner.wiring;

import dev.gradus.functions.GradientMethod;
import dev.gradus.functions.Objectives;
import dev.gradus.functions.expression.ExpressionException;
import dev.gradus.functions.expression.ExpressionObjective;
import dev.gradus.optimizers.Schedule;
import dev.gradus.runner.plan.Planner;
import dev.gradus.runner.suite.Located;
import dev.gradus.runner.suite.Suite;
import dev.gradus.runner.suite.SuiteException;
import dev.gradus.spi.KnownMinimum;
import dev.gradus.spi.Objective;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Connects the planner to the optimizers and functions modules. */
final class DefaultExtensions implements Planner.Extensions {
  /**
   * An expression entry: {@code expression} (text), optional {@code minimum: {f: …, at: [[…]]}},
   * and a {@code start} that, when a map, also declares each variable's size (a list makes a
   * vector). The expression is compiled once here, so its errors surface before any run.
   */
  @Override
  public Supplier<Objective> expression(Suite.Entry entry, Suite suite) {
    Located textNode = entry.settings().get("expression");
    if (!(textNode.scalar() instanceof String text) || text.isBlank()) {
      throw SuiteException.at(
          textNode.location(),
          "expression: expected the expression as text, got " + textNode.kind());
    }
    KnownMinimum minimum = minimum(entry.settings().get("minimum"));
    Located start = entry.settings().get("start");
    Supplier<Objective> factory =
        () -> {
          ExpressionObjective.Builder builder = ExpressionObjective.builder(entry.name(), text);
          if (start != null && start.isMap()) {
            start
                .asMap()
                .forEach(
                    (name, value) -> {
                      if (value.isList()) {
                        builder.startVector(name, numbers(value));
                      } else {
                        builder.start(name, number(value));
                      }
                    });
          }
          if (minimum != null) {
            builder.knownMinimum(minimum);
          }
          return builder.build();
        };
    try {
      factory.get();
    } catch (ExpressionException e) {
      throw SuiteException.at(
          textNode.location(), "expression of '" + entry.name() + "': " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw SuiteException.at(
          entry.location(), "expression function '" + entry.name() + "': " + e.getMessage());
    }
    return factory;
  }

  private static KnownMinimum minimum(Located node) {
    if (node == null) {
      return null;
    }
    if (!node.isMap() || !node.asMap().containsKey("f")) {
      throw SuiteException.at(
          node.location(),
          "minimum: expected {f: value, at: [[x, y, ...], ...]}, got " + node.kind());
    }
    for (String key : node.asMap().keySet()) {
      if (!key.equals("f") && !key.equals("at")) {
        throw SuiteException.at(
            node.asMap().get(key).location(), "minimum: unknown key '" + key + "'; allowed: f, at");
      }
    }
    double f = number(node.asMap().get("f"));
    List<double[]> points = new ArrayList<>();
    Located at = node.asMap().get("at");
    if (at != null) {
      if (!at.isList()) {
        throw SuiteException.at(
            at.location(), "minimum.at: expected a list of points, got " + at.kind());
      }
      for (Located point : at.asList()) {
        points.add(numbers(point));
      }
    }
    return new KnownMinimum(f, points);
  }

  private static double[] numbers(Located node) {
    if (!node.isList()) {
      throw SuiteException.at(node.location(), "expected a list of numbers, got " + node.kind());
    }
    double[] out = new double[node.asList().size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = number(node.asList().get(i));
    }
    return out;
  }

  private static double number(Located node) {
    if (node.scalar() instanceof Number n && Double.isFinite(n.doubleValue())) {
      return n.doubleValue();
    }
    throw SuiteException.at(node.location(), "expected a finite number, got " + node.kind());
  }

  @Override
  public Supplier<Objective> withGradient(
      Supplier<Objective> factory, GradientMethod gradient, String functionName) {
    if (gradient == GradientMethod.AUTODIFF) {
      return factory;
    }
    return () -> Objectives.withGradient(factory.get(), gradient);
  }

  @Override
  public Schedule schedule(Located schedule) {
    try {
      return Schedule.parse(schedule.toPlain(), new ScheduleExpressions(schedule));
    } catch (IllegalArgumentException e) {
      throw SuiteException.at(schedule.location(), "schedule: " + e.getMessage());
    }
  }
}
