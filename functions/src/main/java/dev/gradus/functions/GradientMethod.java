package dev.gradus.functions;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How an objective's gradient is computed, as chosen by a suite's {@code gradient} setting.
 *
 * <p>{@link #AUTODIFF} is the default and always available: it is the objective's own {@link
 * dev.gradus.spi.Objective#valueAndGradient}, which for graph objectives is reverse-mode autodiff.
 * {@link #NUMERICAL} works for every objective too, at the price of 2n evaluations per gradient.
 * {@link #ANALYTIC} needs an objective that implements {@link AnalyticGradient}.
 */
public enum GradientMethod {
  AUTODIFF("autodiff"),
  NUMERICAL("numerical"),
  ANALYTIC("analytic");

  private final String id;

  GradientMethod(String id) {
    this.id = id;
  }

  /** The name as written in a suite: {@code autodiff}, {@code numerical} or {@code analytic}. */
  public String id() {
    return id;
  }

  /** Every id, in declaration order. */
  public static List<String> ids() {
    return Arrays.stream(values()).map(GradientMethod::id).toList();
  }

  /**
   * The method with this id.
   *
   * @throws IllegalArgumentException naming the value and the allowed ids
   */
  public static GradientMethod parse(String id) {
    for (GradientMethod method : values()) {
      if (method.id.equals(id == null ? null : id.toLowerCase(Locale.ROOT))) {
        return method;
      }
    }
    throw new IllegalArgumentException(
        "gradient = '" + id + "' is not allowed: must be one of " + ids());
  }

  @Override
  public String toString() {
    return id;
  }
}
