package dev.gradus.spi;

import java.util.List;
import java.util.Objects;

/**
 * The typed description of one hyperparameter: its snake_case name (as written in a suite), type,
 * default, allowed values and a one-line doc. A {@code null} default makes it required.
 *
 * <p>Values are normalised by type: {@link Type#REAL} to {@link Double}, {@link Type#INTEGER} to
 * {@link Long}, {@link Type#BOOLEAN} to {@link Boolean}, {@link Type#CHOICE} and {@link Type#TEXT}
 * to {@link String}, {@link Type#REAL_LIST} to an unmodifiable {@code List<Double>}, and {@link
 * Type#STRUCTURE} to the plain maps, lists, strings and numbers a YAML or JSON reader produces,
 * which the provider checks itself.
 */
public record HyperParameter(
    String name,
    Type type,
    Object defaultValue,
    Range range,
    List<String> choices,
    int length,
    String doc) {

  /** The value types a hyperparameter can take. */
  public enum Type {
    REAL,
    INTEGER,
    BOOLEAN,
    CHOICE,
    REAL_LIST,
    TEXT,
    STRUCTURE
  }

  public HyperParameter {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(doc, "doc");
    if (!name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException(
          "hyperparameter name '" + name + "' is not snake_case (a-z, 0-9 and _)");
    }
    range = range == null ? Range.ALL : range;
    choices = choices == null ? List.of() : List.copyOf(choices);
    if (type == Type.CHOICE && choices.isEmpty()) {
      throw new IllegalArgumentException("choice hyperparameter '" + name + "' needs choices");
    }
    if (defaultValue != null) {
      defaultValue =
          HyperParameters.normalize(
              new HyperParameter(name, type, null, range, choices, length, doc), defaultValue);
    }
  }

  public static HyperParameter real(String name, double defaultValue, Range range, String doc) {
    return new HyperParameter(name, Type.REAL, defaultValue, range, null, 0, doc);
  }

  public static HyperParameter integer(String name, long defaultValue, Range range, String doc) {
    return new HyperParameter(name, Type.INTEGER, defaultValue, range, null, 0, doc);
  }

  public static HyperParameter bool(String name, boolean defaultValue, String doc) {
    return new HyperParameter(name, Type.BOOLEAN, defaultValue, null, null, 0, doc);
  }

  public static HyperParameter choice(
      String name, String defaultValue, List<String> choices, String doc) {
    return new HyperParameter(name, Type.CHOICE, defaultValue, null, choices, 0, doc);
  }

  /** A list of {@code length} reals (any length when 0), each in {@code range}, such as betas. */
  public static HyperParameter reals(
      String name, List<Double> defaultValue, int length, Range range, String doc) {
    return new HyperParameter(name, Type.REAL_LIST, defaultValue, range, null, length, doc);
  }

  /** Free text, or a required one when {@code defaultValue} is null. */
  public static HyperParameter text(String name, String defaultValue, String doc) {
    return new HyperParameter(name, Type.TEXT, defaultValue, null, null, 0, doc);
  }

  /** A nested map or list the provider validates itself; optional when the default is null. */
  public static HyperParameter structure(String name, String doc) {
    return new HyperParameter(name, Type.STRUCTURE, null, null, null, 0, doc);
  }

  /** True when a suite must give a value: no default, and not an optional structure or text. */
  public boolean required() {
    return defaultValue == null && type != Type.STRUCTURE && type != Type.TEXT;
  }

  /** What values are allowed, for messages and {@code describe}. */
  public String allowed() {
    return switch (type) {
      case REAL -> "a number in " + range;
      case INTEGER -> "an integer in " + range;
      case BOOLEAN -> "true or false";
      case CHOICE -> "one of " + choices;
      case REAL_LIST ->
          "a list of " + (length > 0 ? length + " " : "") + "numbers, each in " + range;
      case TEXT -> "text";
      case STRUCTURE -> "a map or list (see the doc)";
    };
  }
}
