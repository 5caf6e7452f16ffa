package dev.gradus.optimizers.internal;

import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.InvalidHyperParameterException;
import dev.gradus.spi.Range;
import dev.gradus.spi.StateSnapshot;
import java.util.List;

/** Declarations and checks that several optimizers share, so each reads the same everywhere. */
final class Common {
  private Common() {}

  static HyperParameter lr(double defaultValue) {
    return HyperParameter.real("lr", defaultValue, Range.atLeast(0), "learning rate γ");
  }

  static HyperParameter weightDecay(double defaultValue) {
    return HyperParameter.real(
        "weight_decay", defaultValue, Range.atLeast(0), "weight decay λ (L2 penalty)");
  }

  static HyperParameter maximize() {
    return HyperParameter.bool(
        "maximize", false, "maximize f instead of minimizing it (negates the gradient first)");
  }

  static HyperParameter eps(double defaultValue) {
    return HyperParameter.real(
        "eps", defaultValue, Range.atLeast(0), "ε added to the denominator for stability");
  }

  static HyperParameter betas(double beta1, double beta2) {
    return HyperParameter.reals(
        "betas",
        List.of(beta1, beta2),
        2,
        Range.closedOpen(0, 1),
        "β₁, β₂: decay rates of the first and second moment averages");
  }

  /** The compact-constructor check of a config value, with the same message as resolve gives. */
  static double require(String owner, String name, double value, Range range) {
    if (!range.contains(value)) {
      throw new InvalidHyperParameterException(
          name,
          owner + "." + name + " = " + value + " is not allowed: must be a number in " + range);
    }
    return value;
  }

  static long require(String owner, String name, long value, Range range) {
    if (!range.contains(value)) {
      throw new InvalidHyperParameterException(
          name,
          owner + "." + name + " = " + value + " is not allowed: must be an integer in " + range);
    }
    return value;
  }

  /** An array of a snapshot, checked to have {@code length} entries. */
  static double[] array(StateSnapshot snapshot, String name, int length) {
    double[] array = snapshot.array(name);
    if (array.length != length) {
      throw new IllegalArgumentException(
          "snapshot of '"
              + snapshot.optimizerId()
              + "': array '"
              + name
              + "' has "
              + array.length
              + " entries, expected "
              + length);
    }
    return array;
  }

  /** The step count of a snapshot, checked to be a non-negative whole number. */
  static long count(StateSnapshot snapshot, String name) {
    double value = snapshot.scalar(name);
    if (!(value >= 0) || value != Math.rint(value)) {
      throw new IllegalArgumentException(
          "snapshot of '" + snapshot.optimizerId() + "': '" + name + "' = " + value);
    }
    return (long) value;
  }
}
