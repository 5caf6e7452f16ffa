package dev.gradus.graph;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Renders a graph in Graphviz DOT in the style of the lecture's drawings (and micrograd's): each
 * value is a record box "name | value | grad", and each operation an ellipse feeding its result.
 */
final class DotWriter {
  private static final int MAX_SHOWN_ELEMENTS = 6;

  private DotWriter() {}

  /**
   * A node's value or gradient, formatted; for a fused intermediate that cannot be recomputed (a
   * variable was set since its pass), a note saying so rather than an error for the whole graph.
   */
  private static String kept(Node node, boolean gradient) {
    try {
      if (gradient) {
        node.freshGrad();
      } else {
        node.freshValue();
      }
    } catch (IllegalStateException notKept) {
      return "(not kept: a variable changed since the pass)";
    }
    return escape(format(gradient ? node.grad : node.value, node.shape));
  }

  static String write(Graph graph) {
    Map<Node, String> ids = new IdentityHashMap<>();
    StringBuilder dot = new StringBuilder();
    dot.append("digraph computation {\n");
    dot.append("  rankdir=LR;\n");
    dot.append("  node [fontname=\"Helvetica\"];\n");
    int next = 0;
    for (Node node : graph.nodes()) {
      ids.put(node, "n" + next++);
    }
    for (Node node : graph.nodes()) {
      String id = ids.get(node);
      dot.append("  ")
          .append(id)
          .append(" [shape=record, label=\"{ ")
          .append(escape(title(node)))
          .append(" | value ")
          .append(kept(node, false))
          .append(" | grad ")
          .append(node.grad == null ? "-" : kept(node, true))
          .append(" }\"");
      if (node == graph.output()) {
        dot.append(", color=blue");
      }
      dot.append("];\n");
      if (node.inputs.length > 0) {
        dot.append("  ")
            .append(id)
            .append("_op [shape=ellipse, label=\"")
            .append(escape(node.op))
            .append("\"];\n");
        dot.append("  ").append(id).append("_op -> ").append(id).append(";\n");
        for (Node input : node.inputs) {
          dot.append("  ").append(ids.get(input)).append(" -> ").append(id).append("_op;\n");
        }
      }
    }
    dot.append("}\n");
    return dot.toString();
  }

  /**
   * A variable's name; for an intermediate node its operation, with its shape when it is not a
   * scalar ({@code add}, {@code matmul [3]}), so that a picture reads without the ellipses.
   */
  private static String title(Node node) {
    if (node instanceof Variable v) {
      return v.name();
    }
    String op = node.op == null || node.op.isEmpty() ? "constant" : node.op;
    return node.shape.length == 0 ? op : op + " " + Shapes.format(node.shape);
  }

  private static String format(double[] values, int[] shape) {
    if (values.length == 1) {
      return shortNumber(values[0]);
    }
    if (values.length > MAX_SHOWN_ELEMENTS) {
      return "shape " + Shapes.format(shape);
    }
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < values.length; i++) {
      out.append(i == 0 ? "" : ", ").append(shortNumber(values[i]));
    }
    return out.append(']').toString();
  }

  private static String shortNumber(double v) {
    return String.format(java.util.Locale.ROOT, "%.4g", v);
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      if ("{}|<>\"\\".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }
}
