package dev.gradus.runner.plan;

import dev.gradus.runner.suite.Located;
import dev.gradus.runner.suite.Suite;
import dev.gradus.runner.suite.SuiteException;
import java.util.List;
import java.util.Map;

/**
 * The suite's {@code report:} section made {@link ReportRules}, and the targets every trace then
 * records; the loader has checked the section's keys and types, this gives the values their
 * meaning.
 */
final class ReportSection {
  private ReportSection() {}

  /**
   * The gaps whose first crossing every trace records: the report's ladder, COCO's (the aRT
   * table's) and the stop target, decreasing. A trace of every iteration has them all anyway.
   */
  static double[] traceTargets(Suite suite, ReportRules report) {
    if (suite.output().traceEvery() == 1 && !suite.output().logSpacedTrace()) {
      return new double[0];
    }
    java.util.TreeSet<Double> targets =
        new java.util.TreeSet<>(java.util.Comparator.reverseOrder());
    for (double t : report.targets()) {
      targets.add(t);
    }
    for (double t : dev.gradus.runner.analysis.Targets.coco()) {
      targets.add(t);
    }
    if (suite.stop().target() != null) {
      targets.add(suite.stop().target());
    }
    return targets.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** The report section's values over the defaults; a bad value is named at its place. */
  static ReportRules rules(Suite suite) {
    Map<String, Located> r = suite.report();
    ReportRules d = ReportRules.DEFAULTS;
    ReportRules.Convergence convergence =
        choice(
            r.get("convergence"),
            "report.convergence",
            ReportRules.Convergence.values(),
            d.convergence());
    ReportRules.EcdfAxis ecdfX =
        choice(r.get("ecdf_x"), "report.ecdf_x", ReportRules.EcdfAxis.values(), d.ecdfX());
    try {
      return new ReportRules(
          convergence,
          ecdfX,
          number(r.get("targets.from"), d.targetsFrom()),
          number(r.get("targets.to"), d.targetsTo()),
          number(r.get("targets.step"), d.targetsStep()),
          number(r.get("tau"), d.tau()));
    } catch (IllegalArgumentException e) {
      List<String> keys =
          e.getMessage().startsWith("report.tau")
              ? List.of("tau")
              : List.of("targets.step", "targets.from", "targets.to");
      Located at = keys.stream().map(r::get).filter(n -> n != null).findFirst().orElse(null);
      if (at == null) {
        throw e;
      }
      throw SuiteException.at(at.location(), e.getMessage());
    }
  }

  private static double number(Located node, double otherwise) {
    return node == null ? otherwise : ((Number) node.scalar()).doubleValue();
  }

  private static <E extends ReportRules.Choice> E choice(
      Located node, String key, E[] values, E otherwise) {
    if (node == null) {
      return otherwise;
    }
    String given = (String) node.scalar();
    List<String> ids = ReportRules.ids(values);
    int k = ids.indexOf(given);
    if (k < 0) {
      throw SuiteException.unknownValue(node, key, given, ids);
    }
    return values[k];
  }
}
