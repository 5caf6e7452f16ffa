package dev.gradus.spi;

import java.util.ArrayList;
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

  @Override
  public List<double[]> minimizers() {
    List<double[]> copies = new ArrayList<>();
    for (double[] point : minimizers) {
      copies.add(point.clone());
    }
    return copies;
  }
}
