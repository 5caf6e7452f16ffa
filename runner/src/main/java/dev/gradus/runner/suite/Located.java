package dev.gradus.runner.suite;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value with the file, line and column where it starts, so that every error can point at the
 * text that caused it. A value is a map (ordered), a list or a scalar ({@link String}, {@link
 * Long}, {@link Double}, {@link Boolean} or null).
 */
public final class Located {
  private final Object value;
  private final Location location;

  private Located(Object value, Location location) {
    this.value = value;
    this.location = location;
  }

  /** Where a value starts: 1-based line and column. */
  public record Location(String file, int line, int column) {
    @Override
    public String toString() {
      return file + ":" + line + ":" + column;
    }
  }

  static Located map(Map<String, Located> entries, Location location) {
    return new Located(Collections.unmodifiableMap(new LinkedHashMap<>(entries)), location);
  }

  static Located list(List<Located> items, Location location) {
    return new Located(List.copyOf(new ArrayList<>(items)), location);
  }

  static Located scalar(Object value, Location location) {
    return new Located(value, location);
  }

  /**
   * A scalar {@code value} at this value's place: what the planner puts in a suite's place when it
   * chooses a value (a tuning trial's), so that errors still point at the text it came from.
   */
  public Located withValue(Object value) {
    if (value instanceof Map || value instanceof List) {
      throw new IllegalArgumentException("a chosen value is a scalar");
    }
    return new Located(value, location);
  }

  public Location location() {
    return location;
  }

  public boolean isMap() {
    return value instanceof Map;
  }

  public boolean isList() {
    return value instanceof List;
  }

  public boolean isScalar() {
    return !isMap() && !isList();
  }

  public boolean isNull() {
    return value == null;
  }

  @SuppressWarnings("unchecked")
  public Map<String, Located> asMap() {
    return (Map<String, Located>) value;
  }

  @SuppressWarnings("unchecked")
  public List<Located> asList() {
    return (List<Located>) value;
  }

  /** The scalar value (String, Long, Double, Boolean or null). */
  public Object scalar() {
    return value;
  }

  /** Plain Java maps, lists and scalars, as a provider's STRUCTURE hyperparameter receives them. */
  public Object toPlain() {
    if (isMap()) {
      Map<String, Object> out = new LinkedHashMap<>();
      asMap().forEach((k, v) -> out.put(k, v.toPlain()));
      return out;
    }
    if (isList()) {
      List<Object> out = new ArrayList<>();
      for (Located item : asList()) {
        out.add(item.toPlain());
      }
      return out;
    }
    return value;
  }

  /** A short description of the kind of value, for "expected X, got Y" messages. */
  public String kind() {
    if (isMap()) {
      return "a map";
    }
    if (isList()) {
      return "a list";
    }
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      return "the text '" + dev.gradus.spi.Names.quote(s) + "'";
    }
    if (value instanceof Boolean b) {
      return b.toString();
    }
    return "the number " + value;
  }
}
