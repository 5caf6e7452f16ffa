package dev.gradus.runner.plan;

import dev.gradus.runner.suite.Located;
import dev.gradus.runner.suite.Suite;
import dev.gradus.runner.suite.SuiteException;
import java.util.Map;

/**
 * The suite's {@code output.sharpness_*} keys made {@link RunRules.Sharpness}: the loader has
 * checked their types, this gives them their defaults and ranges (stated once, in
 * RunRules.Sharpness) and names the key of a value out of range at its place.
 */
final class SharpnessSection {
  private SharpnessSection() {}

  static RunRules.Sharpness rules(Suite suite) {
    Map<String, Located> m = suite.output().sharpness();
    Located every = m.get("sharpness_every");
    if (every == null || ((Number) every.scalar()).longValue() == 0) {
      for (String key : new String[] {"sharpness_tolerance", "sharpness_iterations"}) {
        if (m.containsKey(key)) {
          throw SuiteException.at(
              m.get(key).location(),
              "output."
                  + key
                  + " applies to sharpness tracking, which is off: set output.sharpness_every"
                  + " to the iterations between measurements");
        }
      }
    }
    long interval = every == null ? 0 : ((Number) every.scalar()).longValue();
    double tolerance =
        m.containsKey("sharpness_tolerance")
            ? ((Number) m.get("sharpness_tolerance").scalar()).doubleValue()
            : RunRules.Sharpness.DEFAULT_TOLERANCE;
    long products =
        m.containsKey("sharpness_iterations")
            ? ((Number) m.get("sharpness_iterations").scalar()).longValue()
            : RunRules.Sharpness.DEFAULT_MAX_PRODUCTS;
    try {
      return new RunRules.Sharpness(
          interval, tolerance, (int) Math.max(-1, Math.min(Integer.MAX_VALUE, products)));
    } catch (IllegalArgumentException e) {
      for (String key : m.keySet()) {
        if (e.getMessage().startsWith("output." + key + " ")) {
          // the value as written, not as the int it was narrowed to
          String message =
              key.equals("sharpness_iterations")
                  ? "output.sharpness_iterations = "
                      + products
                      + " is out of range [1, "
                      + RunRules.Sharpness.MAX_PRODUCTS
                      + "]"
                  : e.getMessage();
          throw SuiteException.at(m.get(key).location(), message);
        }
      }
      throw e;
    }
  }
}
