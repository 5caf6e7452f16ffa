package dev.gradus.spi;

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
