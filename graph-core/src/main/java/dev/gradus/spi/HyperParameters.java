package dev.gradus.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validated hyperparameter values for one provider: every declared parameter present (defaults
 * filled in), each normalised to its type's Java class and inside its range. Immutable.
 */
public final class HyperParameters {
  private final String owner;
  private final Map<String, Object> values;

  private HyperParameters(String owner, Map<String, Object> values) {
    this.owner = owner;
    this.values = Collections.unmodifiableMap(values);
  }

  /**
   * Validates raw values (as a YAML or JSON reader gives them) against a provider's declared
   * hyperparameters and fills in defaults.
   *
   * @throws InvalidHyperParameterException for an unknown name (with close matches), a missing
   *     required value, a wrong type or a value out of range
   */
  public static HyperParameters resolve(Provider provider, Map<String, ?> raw) {
    return resolve(provider.id(), provider.hyperParameters(), raw);
  }

  public static HyperParameters resolve(
      String owner, List<HyperParameter> declared, Map<String, ?> raw) {
    Map<String, HyperParameter> byName = new LinkedHashMap<>();
    for (HyperParameter p : declared) {
      byName.put(p.name(), p);
    }
    for (String name : raw.keySet()) {
      if (!byName.containsKey(name)) {
        throw new InvalidHyperParameterException(
            name,
            "'"
                + owner
                + "' has no hyperparameter '"
                + name
                + "'"
                + Names.didYouMean(name, byName.keySet())
                + "; it has: "
                + String.join(", ", byName.keySet()));
      }
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (HyperParameter p : declared) {
      Object given = raw.get(p.name());
      if (given == null && raw.containsKey(p.name())) {
        throw new InvalidHyperParameterException(
            p.name(),
            owner
                + "."
                + p.name()
                + " is null, which is not a value: leave the key out for the default"
                + (p.defaultValue() == null ? "" : " (" + p.defaultValue() + ")")
                + ", or give "
                + p.allowed());
      }
      if (given == null) {
        if (p.required()) {
          throw new InvalidHyperParameterException(
              p.name(),
              owner + "." + p.name() + " is required: " + p.allowed() + " (" + p.doc() + ")");
        }
        if (p.defaultValue() != null) {
          values.put(p.name(), p.defaultValue());
        }
      } else {
        try {
          values.put(p.name(), normalize(p, given));
        } catch (InvalidHyperParameterException e) {
          throw new InvalidHyperParameterException(p.name(), owner + "." + e.getMessage());
        }
      }
    }
    return new HyperParameters(owner, values);
  }

  /** Checks one value against its declaration; the message starts with the parameter's name. */
  static Object normalize(HyperParameter p, Object value) {
    switch (p.type()) {
      case REAL -> {
        double v = number(p, value);
        requireInRange(p, v, value);
        return v;
      }
      case INTEGER -> {
        if (value instanceof Long
            || value instanceof Integer
            || value instanceof Short
            || value instanceof Byte) {
          // Whole types pass as they are: a long above 2^53 would lose digits as a double.
          long exact = ((Number) value).longValue();
          requireInRange(p, exact, value);
          return exact;
        }
        double v = number(p, value);
        if (v != Math.rint(v) || Math.abs(v) > Long.MAX_VALUE / 2.0) {
          throw invalid(p, value);
        }
        requireInRange(p, v, value);
        return (long) v;
      }
      case BOOLEAN -> {
        if (value instanceof Boolean b) {
          return b;
        }
        throw invalid(p, value);
      }
      case CHOICE -> {
        if (value instanceof String s && p.choices().contains(s)) {
          return s;
        }
        String hint = value instanceof String s ? Names.didYouMean(s, p.choices()) : "";
        throw new InvalidHyperParameterException(
            p.name(), p.name() + " = " + show(value) + " is not allowed: " + p.allowed() + hint);
      }
      case REAL_LIST -> {
        if (!(value instanceof List<?> list) || (p.length() > 0 && list.size() != p.length())) {
          throw invalid(p, value);
        }
        List<Double> out = new ArrayList<>();
        for (Object element : list) {
          double v = number(p, element);
          requireInRange(p, v, value);
          out.add(v);
        }
        return List.copyOf(out);
      }
      case TEXT -> {
        if (value instanceof String s) {
          return s;
        }
        throw invalid(p, value);
      }
      case STRUCTURE -> {
        return value;
      }
    }
    throw new AssertionError(p.type());
  }

  private static double number(HyperParameter p, Object value) {
    if (value instanceof Number n && !(value instanceof Double d && d.isNaN())) {
      return n.doubleValue();
    }
    throw invalid(p, value);
  }

  private static void requireInRange(HyperParameter p, double v, Object shown) {
    if (!p.range().contains(v)) {
      throw invalid(p, shown);
    }
  }

  private static InvalidHyperParameterException invalid(HyperParameter p, Object value) {
    return new InvalidHyperParameterException(
        p.name(), p.name() + " = " + show(value) + " is not allowed: must be " + p.allowed());
  }

  private static String show(Object value) {
    return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
  }

  /** The provider or objective these values belong to. */
  public String owner() {
    return owner;
  }

  /** Every value, defaults included, in declaration order. */
  public Map<String, Object> asMap() {
    return values;
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  public double real(String name) {
    return (Double) get(name);
  }

  public long integer(String name) {
    return (Long) get(name);
  }

  public boolean bool(String name) {
    return (Boolean) get(name);
  }

  /** A {@link HyperParameter.Type#CHOICE} or {@link HyperParameter.Type#TEXT} value. */
  public String text(String name) {
    return (String) get(name);
  }

  public double[] reals(String name) {
    @SuppressWarnings("unchecked")
    List<Double> list = (List<Double>) get(name);
    double[] out = new double[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = list.get(i);
    }
    return out;
  }

  /** A {@link HyperParameter.Type#STRUCTURE} value, or null when none was given. */
  public Object structure(String name) {
    return values.get(name);
  }

  private Object get(String name) {
    Object v = values.get(name);
    if (v == null) {
      throw new IllegalArgumentException("'" + owner + "' has no value for '" + name + "'");
    }
    return v;
  }

  @Override
  public String toString() {
    return owner + values;
  }
}
