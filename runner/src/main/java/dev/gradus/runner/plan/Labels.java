package dev.gradus.runner.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Labels of configurations: short, deterministic, and distinct within a suite.
 *
 * <p>A label is the entry's name followed by {@code key=value} for every setting written as a
 * single value in the suite (as {@code adam lr=0.01}), and for every other setting whose value
 * differs between configurations of the same name (a schedule, clipping, the gradient method, data,
 * the start, bounds, or a default that another configuration overrides). Two configurations that
 * still look alike (the same entry written twice) get {@code #index} appended. Numbers are written
 * one way everywhere ({@link #number}).
 */
public final class Labels {
  /** Longest text of one value in a label; longer ones are cut with an ellipsis. */
  static final int MAX_VALUE_LENGTH = 32;

  private Labels() {}

  /**
   * One configuration to label.
   *
   * @param name the entry's name
   * @param given the settings written in the suite for this configuration, in their order, as plain
   *     values (one value chosen from each sweep)
   * @param effective every setting the configuration has, defaults included, as plain values
   */
  public record Candidate(String name, Map<String, Object> given, Map<String, Object> effective) {}

  /** The labels of {@code candidates}, in order. */
  public static List<String> of(List<Candidate> candidates) {
    Map<String, Set<String>> differing = new HashMap<>();
    Map<String, List<Candidate>> byName = new LinkedHashMap<>();
    candidates.forEach(c -> byName.computeIfAbsent(c.name(), k -> new ArrayList<>()).add(c));
    byName.forEach(
        (name, group) -> {
          Set<String> keys = new LinkedHashSet<>();
          group.forEach(c -> keys.addAll(c.effective().keySet()));
          Set<String> differs = new LinkedHashSet<>();
          for (String key : keys) {
            Object first = group.get(0).effective().get(key);
            for (Candidate c : group) {
              if (!Objects.equals(full(first), full(c.effective().get(key)))) {
                differs.add(key);
                break;
              }
            }
          }
          differing.put(name, differs);
        });
    List<String> labels = new ArrayList<>();
    for (Candidate c : candidates) {
      labels.add(label(c, differing.get(c.name()), false));
    }
    // values cut to the same prefix: show them whole where that tells configurations apart
    Map<String, Integer> cut = new HashMap<>();
    labels.forEach(l -> cut.merge(l, 1, Integer::sum));
    for (int i = 0; i < labels.size(); i++) {
      if (cut.get(labels.get(i)) > 1) {
        Candidate c = candidates.get(i);
        labels.set(i, label(c, differing.get(c.name()), true));
      }
    }
    Map<String, Integer> counts = new HashMap<>();
    labels.forEach(l -> counts.merge(l, 1, Integer::sum));
    for (int i = 0; i < labels.size(); i++) {
      if (counts.get(labels.get(i)) > 1) {
        labels.set(i, labels.get(i) + " #" + i);
      }
    }
    return labels;
  }

  private static String label(Candidate c, Set<String> differing, boolean whole) {
    StringBuilder label = new StringBuilder(c.name());
    Set<String> shown = new LinkedHashSet<>();
    c.given()
        .forEach(
            (key, value) -> {
              if (isScalar(value) || differing.contains(key)) {
                shown.add(key);
              }
            });
    shown.addAll(differing);
    for (String key : shown) {
      Object value = c.given().containsKey(key) ? c.given().get(key) : c.effective().get(key);
      label.append(' ').append(key).append('=').append(whole ? full(value) : text(value));
    }
    return label.toString();
  }

  private static boolean isScalar(Object value) {
    return !(value instanceof Map) && !(value instanceof List);
  }

  /**
   * A value as a label shows it: numbers by {@link #number}, a one-entry map {@code {name: {k: v}}}
   * as {@code name(k=v)}, other maps as {@code (k=v,…)}, lists as {@code [a,b]}; text longer than
   * {@link #MAX_VALUE_LENGTH} is cut.
   */
  public static String text(Object value) {
    String text = full(value);
    return text.length() > MAX_VALUE_LENGTH ? text.substring(0, MAX_VALUE_LENGTH - 1) + "…" : text;
  }

  /** {@link #text} without the cut: what configurations are compared by. */
  private static String full(Object value) {
    String text;
    if (value == null) {
      text = "null";
    } else if (value instanceof Double || value instanceof Float) {
      text = number(((Number) value).doubleValue());
    } else if (value instanceof Number n) {
      text = number(n);
    } else if (value instanceof Map<?, ?> map) {
      if (map.size() == 1 && map.values().iterator().next() instanceof Map<?, ?> inner) {
        text = map.keySet().iterator().next() + entries(inner);
      } else if (map.size() == 1 && isScalar(map.values().iterator().next())) {
        var e = map.entrySet().iterator().next();
        text = e.getKey() + ":" + full(e.getValue());
      } else {
        text = entries(map);
      }
    } else if (value instanceof List<?> list) {
      List<String> items = new ArrayList<>();
      list.forEach(v -> items.add(full(v)));
      text = "[" + String.join(",", items) + "]";
    } else {
      text = value.toString();
    }
    return text;
  }

  private static String entries(Map<?, ?> map) {
    List<String> parts = new ArrayList<>();
    map.forEach((k, v) -> parts.add(k + "=" + full(v)));
    return "(" + String.join(",", parts) + ")";
  }

  /**
   * A number written one way: whole numbers below 10^6 as integers ({@code 100}), magnitudes in
   * [10⁻³, 10⁶) in plain decimal ({@code 0.05}), others in scientific notation without a redundant
   * mantissa ({@code 1e-4}, {@code 2.5e-7}, {@code 1e6}); each with the fewest digits that read
   * back as the same double.
   */
  public static String number(double v) {
    if (Double.isNaN(v)) {
      return "nan";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    if (v == 0) {
      return "0";
    }
    double magnitude = Math.abs(v);
    BigDecimal exact = new BigDecimal(Double.toString(v)).stripTrailingZeros();
    if (magnitude >= 1e-3 && magnitude < 1e6) {
      return exact.toPlainString();
    }
    return scientific(exact);
  }

  /**
   * {@link #number} for any number: integers below 10⁶ in magnitude as they are, larger ones in the
   * same scientific notation as doubles ({@code 1e6}), so that 1000000 and 1.0e6 read alike.
   */
  static String number(Number n) {
    if (n instanceof Double || n instanceof Float) {
      return number(n.doubleValue());
    }
    long v = n.longValue();
    if (Math.abs(v) < 1_000_000) {
      return String.format(Locale.ROOT, "%d", v);
    }
    return scientific(BigDecimal.valueOf(v).stripTrailingZeros());
  }

  /** {@code 1e-4}, {@code 2.5e-7}, {@code -1.2e6}: a mantissa without redundant digits. */
  private static String scientific(BigDecimal exact) {
    String digits = exact.unscaledValue().abs().toString();
    int exponent = digits.length() - 1 - exact.scale();
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    return (exact.signum() < 0 ? "-" : "") + mantissa + "e" + exponent;
  }
}
