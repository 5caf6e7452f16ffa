package dev.gradus.spi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The global minimum value f* and every point where it is attained. Points are copied in and out.
 */
public record KnownMinimum(double value, List<double[]> minimizers) {
  public KnownMinimum {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("known minimum value must be finite, got " + value);
    }
    List<double[]> copies = new ArrayList<>();
    for (double[] point : minimizers) {
      copies.add(point.clone());
    }
    minimizers = List.copyOf(copies);
  }

  public static KnownMinimum at(double value, double[]... minimizers) {
    return new KnownMinimum(value, List.of(minimizers));
  }

  /** Equal when the values and all minimizers, element by element and in order, are equal. */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof KnownMinimum other)
        || Double.compare(value, other.value) != 0
        || minimizers.size() != other.minimizers.size()) {
      return false;
    }
    for (int i = 0; i < minimizers.size(); i++) {
      if (!Arrays.equals(minimizers.get(i), other.minimizers.get(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int hash = Double.hashCode(value);
    for (double[] point : minimizers) {
      hash = 31 * hash + Arrays.hashCode(point);
    }
    return hash;
  }

  @Override
  public String toString() {
    List<String> points = new ArrayList<>();
    for (double[] point : minimizers) {
      points.add(Arrays.toString(point));
    }
    return "KnownMinimum[value=" + value + ", minimizers=" + points + "]";
  }

  @Override
  public List<double[]> minimizers() {
    List<double[]> copies = new ArrayList<>();
    for (double[] point : minimizers) {
      copies.add(point.clone());
    }
    return copies;
  }
}
