package dev.gradus.runner.report;

import dev.gradus.runner.plan.Plan;
import dev.gradus.runner.plan.ReportRules;
import dev.gradus.runner.results.ResultsFolder;
import dev.gradus.runner.run.RunResult;
import java.util.List;
import java.util.Map;

/**
 * One kind of plot of the report. Each kind draws from the results folder (and the plan, when the
 * suite is at hand); statistics come from their own units (bands, ECDF, lr lines), plots only draw
 * them. Kinds are independent and draw in any order.
 */
interface PlotKind {
  /** The charts of this kind for {@code input}; none when it does not apply. */
  List<Drawing> draw(Input input);

  /**
   * What plots are drawn from.
   *
   * @param plan the suite's plan, or null when it is not at hand (then no paths are drawn)
   */
  record Input(ResultsFolder results, Plan plan, ReportRules rules, Map<Integer, String> slugs) {
    /**
     * @param plan the suite's plan, or null when it is not at hand: then the report rules are those
     *     {@code suite.resolved.yaml} keeps, or the defaults
     */
    Input(ResultsFolder results, Plan plan) {
      this(results, plan, ReportWriter.rulesOf(results, plan), PlotNames.slugs(results.runs()));
    }

    /** The name part of a function configuration's plots, such as {@code rosenbrock-dim2}. */
    String slug(int functionIndex) {
      return slugs.get(functionIndex);
    }

    /** The runs grouped by function configuration index, in index order. */
    Map<Integer, List<RunResult>> byFunction() {
      return Groups.byFunction(results.runs());
    }
  }

  /**
   * A plot of the report.
   *
   * @param name the file name in {@code plots/} without extension
   * @param section the heading it appears under
   */
  record Plot(String name, String section, String title) {}

  /** A plot and its figure, built but not yet drawn. */
  record Drawing(Plot plot, Figure figure) {}
}
