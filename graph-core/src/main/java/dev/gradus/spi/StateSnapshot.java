package dev.gradus.spi;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A copy of an optimizer's state, keyed by names (such as {@code exp_avg}, {@code step}), which
 * {@link Optimizer#restore} turns back into a state. Arrays are deep-copied in and out, so a
 * snapshot never changes once taken.
 */
public record StateSnapshot(
    String optimizerId, int dimension, Map<String, double[]> arrays, Map<String, Double> scalars) {
  public StateSnapshot {
    Map<String, double[]> copies = new LinkedHashMap<>();
    arrays.forEach((name, array) -> copies.put(name, array.clone()));
    arrays = Collections.unmodifiableMap(copies);
    scalars = Collections.unmodifiableMap(new LinkedHashMap<>(scalars));
  }

  /** Copies of every array, by name; changing them leaves the snapshot unchanged. */
  @Override
  public Map<String, double[]> arrays() {
    Map<String, double[]> copies = new LinkedHashMap<>();
    arrays.forEach((name, array) -> copies.put(name, array.clone()));
    return Collections.unmodifiableMap(copies);
  }

  /** Equal when the id, dimension, scalars and every array's elements are equal. */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof StateSnapshot other)
        || !optimizerId.equals(other.optimizerId)
        || dimension != other.dimension
        || !scalars.equals(other.scalars)
        || !arrays.keySet().equals(other.arrays.keySet())) {
      return false;
    }
    for (Map.Entry<String, double[]> entry : arrays.entrySet()) {
      if (!Arrays.equals(entry.getValue(), other.arrays.get(entry.getKey()))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int hash = 31 * optimizerId.hashCode() + dimension;
    hash = 31 * hash + scalars.hashCode();
    for (Map.Entry<String, double[]> entry : arrays.entrySet()) {
      hash += entry.getKey().hashCode() ^ Arrays.hashCode(entry.getValue());
    }
    return hash;
  }

  @Override
  public String toString() {
    StringBuilder shown = new StringBuilder("{");
    arrays.forEach(
        (name, array) ->
            shown
                .append(shown.length() > 1 ? ", " : "")
                .append(name)
                .append('=')
                .append(Arrays.toString(array)));
    return "StateSnapshot[optimizerId="
        + optimizerId
        + ", dimension="
        + dimension
        + ", arrays="
        + shown.append('}')
        + ", scalars="
        + scalars
        + "]";
  }

  /** A copy of the named array. */
  public double[] array(String name) {
    double[] array = arrays.get(name);
    if (array == null) {
      throw new IllegalArgumentException(
          "snapshot of '"
              + optimizerId
              + "' has no array '"
              + name
              + "'; it has "
              + arrays.keySet());
    }
    return array.clone();
  }

  public double scalar(String name) {
    Double value = scalars.get(name);
    if (value == null) {
      throw new IllegalArgumentException(
          "snapshot of '"
              + optimizerId
              + "' has no scalar '"
              + name
              + "'; it has "
              + scalars.keySet());
    }
    return value;
  }

  /**
   * Throws unless this snapshot was taken from optimizer {@code id} at {@code dimension}, with a
   * message naming both sides.
   */
  public void requireFrom(String id, int expectedDimension) {
    if (!optimizerId.equals(id)) {
      throw new IllegalArgumentException(
          "cannot restore a snapshot of '" + optimizerId + "' into optimizer '" + id + "'");
    }
    if (dimension != expectedDimension) {
      throw new IllegalArgumentException(
          "cannot restore a snapshot of '"
              + optimizerId
              + "' for dimension "
              + dimension
              + " into dimension "
              + expectedDimension);
    }
  }
}
