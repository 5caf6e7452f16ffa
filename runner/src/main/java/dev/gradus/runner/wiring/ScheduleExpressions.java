package dev.gradus.runner.wiring;

import dev.gradus.functions.expression.Expressions;
import dev.gradus.graph.Graph;
import dev.gradus.graph.Node;
import dev.gradus.graph.Variable;
import dev.gradus.runner.suite.Located;
import dev.gradus.runner.suite.SuiteException;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongToDoubleFunction;

/**
 * The factor of a {@code lambda} or {@code multiplicative} schedule, an expression in the step
 * {@code t} only (such as {@code "0.95^t"}), compiled with the functions module's expression
 * language for {@link dev.gradus.optimizers.Schedule#parse(Object, Function)}. An error (syntax, a
 * name other than t, a non-scalar) is reported at the YAML value's file:line:col.
 */
final class ScheduleExpressions implements Function<String, LongToDoubleFunction> {
  private final Located schedule;

  ScheduleExpressions(Located schedule) {
    this.schedule = schedule;
  }

  @Override
  public LongToDoubleFunction apply(String text) {
    Located at = find(schedule, text);
    Variable t = Variable.data("t", dev.gradus.graph.Tensor.scalar(0));
    Node out;
    try {
      out = Expressions.compile(text, Map.of("t", t));
    } catch (IllegalArgumentException e) { // ExpressionException included
      throw SuiteException.at(
          at.location(), "schedule: lr_lambda = \"" + text + "\": " + e.getMessage());
    }
    if (out.value().size() != 1) {
      throw SuiteException.at(
          at.location(), "schedule: lr_lambda = \"" + text + "\" is not a scalar expression in t");
    }
    Graph graph = Graph.of(out);
    // one graph, evaluated under its lock: a schedule must be safe to share between threads
    return step -> {
      synchronized (graph) {
        t.set((double) step);
        graph.forward();
        return out.item();
      }
    };
  }

  /** The scalar node holding {@code text}, else the schedule itself. */
  private static Located find(Located node, String text) {
    Located found = search(node, text);
    return found == null ? node : found;
  }

  private static Located search(Located node, String text) {
    if (node.isScalar()) {
      return text.equals(node.scalar()) ? node : null;
    }
    Iterable<Located> children =
        node.isMap() ? node.asMap().values() : node.isList() ? node.asList() : java.util.List.of();
    for (Located child : children) {
      Located found = search(child, text);
      if (found != null) {
        return found;
      }
    }
    return null;
  }
}
