package dev.gradus.runner.run;

import dev.gradus.runner.suite.Located;
import dev.gradus.runner.suite.SuiteException;
import dev.gradus.spi.Domain;
import dev.gradus.spi.Objective;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The start point of a run from a function's {@code start} setting: omitted (the function's default
 * start), {@code random} (uniform in the domain, from the run's seed), a list of coordinates, or a
 * map from parameter name to value (a list for a vector parameter).
 */
public final class StartPoints {
  private StartPoints() {}

  public static double[] resolve(Located start, Objective objective, long seed, String function) {
    int n = objective.dimension();
    if (start == null || start.isNull()) {
      return objective
          .defaultStart()
          .orElseThrow(
              () ->
                  new SuiteException(
                      "function '"
                          + function
                          + "' has no default start: give 'start' (a list of "
                          + n
                          + " numbers, or random)"));
    }
    if (start.scalar() instanceof String s) {
      if (!s.equals("random")) {
        throw SuiteException.at(
            start.location(), "start: expected 'random', a list or a map, got " + start.kind());
      }
      Domain domain =
          objective
              .domain()
              .orElseThrow(
                  () ->
                      SuiteException.at(
                          start.location(),
                          "start: random needs a search domain, and '"
                              + function
                              + "' has none; give a list"));
      double[] lo = domain.lower();
      double[] hi = domain.upper();
      SplittableRandom random = new SplittableRandom(seed);
      double[] x = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = lo[i] + (hi[i] - lo[i]) * random.nextDouble();
      }
      return x;
    }
    double[] x;
    if (start.isList()) {
      x = numbers(start.asList(), "start");
    } else if (start.isMap()) {
      x = fromNames(start.asMap(), objective, start);
    } else {
      throw SuiteException.at(
          start.location(), "start: expected 'random', a list or a map, got " + start.kind());
    }
    if (x.length != n) {
      throw SuiteException.at(
          start.location(),
          "start has "
              + x.length
              + " coordinates, but '"
              + function
              + "' has dimension "
              + n
              + " "
              + abbreviated(objective.parameterNames()));
    }
    objective
        .domain()
        .ifPresent(
            domain -> {
              if (!domain.contains(x)) {
                double[] lo = domain.lower();
                double[] hi = domain.upper();
                for (int i = 0; i < x.length; i++) {
                  if (!(x[i] >= lo[i] && x[i] <= hi[i])) {
                    throw SuiteException.at(
                        start.location(),
                        "start: coordinate "
                            + objective.parameterNames().get(i)
                            + " = "
                            + x[i]
                            + " lies outside the domain ["
                            + lo[i]
                            + ", "
                            + hi[i]
                            + "] of '"
                            + function
                            + "'");
                  }
                }
              }
            });
    return x;
  }

  private static double[] fromNames(Map<String, Located> named, Objective objective, Located at) {
    List<String> names = objective.parameterNames();
    double[] x = new double[objective.dimension()];
    boolean[] set = new boolean[x.length];
    for (Map.Entry<String, Located> e : named.entrySet()) {
      Located value = e.getValue();
      double[] values =
          value.isList()
              ? numbers(value.asList(), "start." + e.getKey())
              : new double[] {number(value, "start." + e.getKey())};
      int first = value.isList() ? names.indexOf(e.getKey() + "[0]") : names.indexOf(e.getKey());
      if (first < 0) {
        throw SuiteException.at(
            value.location(),
            "start: no parameter '"
                + e.getKey()
                + "'"
                + dev.gradus.spi.Names.didYouMean(e.getKey(), names)
                + "; parameters: "
                + abbreviated(names));
      }
      for (int i = 0; i < values.length; i++) {
        if (first + i >= x.length) {
          throw SuiteException.at(value.location(), "start." + e.getKey() + ": too many values");
        }
        x[first + i] = values[i];
        set[first + i] = true;
      }
    }
    for (int i = 0; i < x.length; i++) {
      if (!set[i]) {
        throw SuiteException.at(at.location(), "start: no value for parameter " + names.get(i));
      }
    }
    return x;
  }

  private static double[] numbers(List<Located> items, String key) {
    double[] x = new double[items.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = number(items.get(i), key + "[" + i + "]");
    }
    return x;
  }

  private static double number(Located node, String key) {
    if (node.scalar() instanceof Number n && Double.isFinite(n.doubleValue())) {
      return n.doubleValue();
    }
    throw SuiteException.at(
        node.location(), key + ": expected a finite number, got " + node.kind());
  }

  private static String abbreviated(List<String> names) {
    return names.size() <= 8
        ? names.toString()
        : "[" + names.get(0) + " … " + names.get(names.size() - 1) + "]";
  }
}
