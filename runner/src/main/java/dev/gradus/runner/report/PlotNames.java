package dev.gradus.runner.report;

import dev.gradus.runner.run.RunResult;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * File names of plots, made from what they show: {@code rosenbrock dim=2} becomes {@code
 * rosenbrock-dim2}, so that {@code paths-rosenbrock-dim2.png} says what it holds. Two labels that
 * come out alike get {@code -2}, {@code -3}, … in function configuration order.
 */
final class PlotNames {
  private PlotNames() {}

  /** The slug of each function configuration index found in the runs. */
  static Map<Integer, String> slugs(List<RunResult> runs) {
    Map<Integer, String> labels = new TreeMap<>();
    runs.forEach(r -> labels.putIfAbsent(r.functionIndex(), r.functionLabel()));
    Map<Integer, String> out = new TreeMap<>();
    Set<String> taken = new HashSet<>();
    labels.forEach(
        (index, label) -> {
          String base = slug(label);
          String candidate = base;
          for (int k = 2; !taken.add(candidate); k++) {
            candidate = base + "-" + k;
          }
          out.put(index, candidate);
        });
    return out;
  }

  /** Lower-case letters, digits and dots; '=' dropped; any other run of characters one '-'. */
  static String slug(String label) {
    StringBuilder out = new StringBuilder();
    boolean dash = false;
    for (char c : label.toLowerCase(Locale.ROOT).toCharArray()) {
      if (c == '=') {
        continue;
      }
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.') {
        if (dash && out.length() > 0) {
          out.append('-');
        }
        out.append(c);
        dash = false;
      } else {
        dash = true;
      }
    }
    String s = out.length() == 0 ? "function" : out.toString();
    return s.length() > 80 ? s.substring(0, 80) : s;
  }
}
