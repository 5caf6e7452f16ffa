package dev.gradus.runner.plan;

import dev.gradus.runner.analysis.Targets;
import java.util.Arrays;
import java.util.List;

/**
 * How a suite's report and tables look at its results, from the suite's {@code report:} section.
 * Each default and range is stated here once; the suite reference quotes them.
 *
 * @param convergence what convergence plots put on their y axis
 * @param ecdfX what the ECDFs put on their x axis
 * @param targetsFrom the ladder's highest target is 10^targetsFrom
 * @param targetsTo its lowest 10^targetsTo
 * @param targetsStep the step between targets, in decades
 * @param tau the tolerance τ of the profiles' convergence test f(x₀) − f(x) ≥ (1 − τ)(f(x₀) − f_L)
 */
public record ReportRules(
    Convergence convergence,
    EcdfAxis ecdfX,
    double targetsFrom,
    double targetsTo,
    double targetsStep,
    double tau) {

  public static final double DEFAULT_TARGETS_FROM = 2;
  public static final double DEFAULT_TARGETS_TO = -8;
  public static final double DEFAULT_TARGETS_STEP = 0.2;
  public static final double DEFAULT_TAU = 1e-3;

  /** Exponents of targets lie within ±MAX_EXPONENT; smaller gaps are below rounding anyway. */
  public static final double MAX_EXPONENT = 300;

  /** At most this many targets, so that the tables stay readable and the ECDFs fast. */
  public static final int MAX_TARGETS = 1000;

  public static final ReportRules DEFAULTS =
      new ReportRules(
          Convergence.GAP,
          EcdfAxis.EVALUATIONS,
          DEFAULT_TARGETS_FROM,
          DEFAULT_TARGETS_TO,
          DEFAULT_TARGETS_STEP,
          DEFAULT_TAU);

  public ReportRules {
    if (convergence == null || ecdfX == null) {
      throw new IllegalArgumentException("report: convergence and ecdf_x must be given");
    }
    for (double e : new double[] {targetsFrom, targetsTo}) {
      if (!(Math.abs(e) <= MAX_EXPONENT)) {
        throw new IllegalArgumentException(
            "report.targets: exponents must lie in [-"
                + (int) MAX_EXPONENT
                + ", "
                + (int) MAX_EXPONENT
                + "], got "
                + e);
      }
    }
    if (!(targetsFrom >= targetsTo)) {
      throw new IllegalArgumentException(
          "report.targets: 'from' (" + targetsFrom + ") must be at least 'to' (" + targetsTo + ")");
    }
    if (!(targetsStep > 0) || (targetsFrom - targetsTo) / targetsStep + 1 > MAX_TARGETS) {
      throw new IllegalArgumentException(
          "report.targets.step must be > 0 and give at most "
              + MAX_TARGETS
              + " targets, got "
              + targetsStep);
    }
    if (!(tau > 0 && tau < 1)) {
      throw new IllegalArgumentException("report.tau must lie in (0, 1), got " + tau);
    }
  }

  /** The target ladder 10^from, 10^(from − step), …, 10^to, decreasing. */
  public double[] targets() {
    return Targets.ladder(targetsFrom, targetsTo, targetsStep);
  }

  /** A value of a report setting as the suite spells it. */
  public interface Choice {
    String id();
  }

  /** The y axis of convergence plots. */
  public enum Convergence implements Choice {
    /** f − f* where f* is known, else f. */
    GAP("gap"),
    /** f itself, as the lecture's homework plots its MSE over epochs. */
    F("f");

    private final String id;

    Convergence(String id) {
      this.id = id;
    }

    @Override
    public String id() {
      return id;
    }
  }

  /** The x axis of ECDFs. */
  public enum EcdfAxis implements Choice {
    EVALUATIONS("evaluations"),
    /** COCO's choice: evaluations divided by the dimension, so dimensions compare. */
    EVALUATIONS_PER_DIMENSION("evaluations_per_dimension");

    private final String id;

    EcdfAxis(String id) {
      this.id = id;
    }

    @Override
    public String id() {
      return id;
    }
  }

  /** The ids of a setting's values, in their order. */
  static List<String> ids(Choice[] values) {
    return Arrays.stream(values).map(Choice::id).toList();
  }
}
