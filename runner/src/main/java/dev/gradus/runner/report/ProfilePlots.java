package dev.gradus.runner.report;

import dev.gradus.runner.analysis.Profiles;
import dev.gradus.runner.results.ResultsFolder;
import dev.gradus.runner.run.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The performance profile (Dolan and Moré 2002) and the data profile (Moré and Wild 2009) of the
 * suite's optimizer configurations, always drawn. A problem is a (function configuration, repeat)
 * pair: repeats start from different points, and configurations of one repeat share the start. The
 * cost of a configuration on a problem is the evaluations until the convergence test {@link
 * Profiles#solved} first held at the suite's τ, with f(x₀) the run's first recorded value and f_L
 * the least value any configuration reached on that problem. Rows outside the domain never pass.
 */
final class ProfilePlots implements PlotKind {
  @Override
  public List<Drawing> draw(Input input) {
    Costs costs = costs(input);
    double tau = input.rules().tau();
    String about =
        costs.problems()
            + " problems (function configuration x repeat), tau = "
            + TickLabels.plain(tau);
    List<Drawing> out = new ArrayList<>();
    out.add(performance(costs, about));
    out.add(data(costs, about));
    return out;
  }

  /** Costs {@code t[p][s]}, the dimension of each problem, and the solvers' runs by column. */
  record Costs(double[][] t, int[] dimensions, List<RunResult> solvers) {
    int problems() {
      return t.length;
    }
  }

  static Costs costs(Input input) {
    ResultsFolder results = input.results();
    Map<Integer, RunResult> solvers = new TreeMap<>();
    // keyed by function index, then repeat (both ≥ 0), in that order
    Map<Long, Map<Integer, RunResult>> problems = new TreeMap<>();
    for (RunResult r : results.runs()) {
      solvers.putIfAbsent(r.optimizerIndex(), r);
      problems
          .computeIfAbsent(((long) r.functionIndex() << 32) | r.repeat(), k -> new TreeMap<>())
          .put(r.optimizerIndex(), r);
    }
    List<Integer> columns = new ArrayList<>(solvers.keySet());
    double[][] t = new double[problems.size()][columns.size()];
    int[] dimensions = new int[problems.size()];
    int p = 0;
    for (Map<Integer, RunResult> problem : problems.values()) {
      double fL = Double.POSITIVE_INFINITY;
      for (RunResult r : problem.values()) {
        ResultsFolder.Trace trace = results.traces().get(r.runId());
        if (trace == null) {
          continue;
        }
        for (int k = 0; k < trace.f().length; k++) {
          if (trace.inDomain()[k] && trace.f()[k] < fL) {
            fL = trace.f()[k];
          }
        }
        if (r.xStart() != null) {
          dimensions[p] = r.xStart().length;
        }
      }
      for (int s = 0; s < columns.size(); s++) {
        RunResult r = problem.get(columns.get(s));
        ResultsFolder.Trace trace = r == null ? null : results.traces().get(r.runId());
        t[p][s] = Double.POSITIVE_INFINITY;
        if (trace != null && trace.f().length > 0 && Double.isFinite(fL)) {
          double[] f = trace.f().clone();
          for (int k = 0; k < f.length; k++) {
            if (!trace.inDomain()[k]) {
              f[k] = Double.NaN;
            }
          }
          // at least the one evaluation at the start, so that ratios of costs are defined
          t[p][s] =
              Math.max(
                  1,
                  Profiles.evaluationsToSolve(
                      trace.evaluations(), f, trace.f()[0], fL, input.rules().tau()));
        }
      }
      dimensions[p] = Math.max(1, dimensions[p]);
      p++;
    }
    return new Costs(t, dimensions, columns.stream().map(solvers::get).toList());
  }

  private static Drawing performance(Costs costs, String about) {
    TreeSet<Double> ratios = new TreeSet<>();
    ratios.add(1.0);
    for (double[] problem : costs.t()) {
      double best = Double.POSITIVE_INFINITY;
      for (double v : problem) {
        best = Math.min(best, v);
      }
      for (double v : problem) {
        if (Double.isFinite(v)) {
          ratios.add(v / best);
        }
      }
    }
    // one power of two past the largest ratio, so that the last steps do not sit on the border
    double[] x = AxisRanges.log(1, 2 * Math.max(2, ratios.last()), 2);
    List<double[]> values = new ArrayList<>();
    for (double alpha : ratios) {
      values.add(Profiles.performance(costs.t(), alpha));
    }
    List<Figure.Line> lines = staircases(costs, new ArrayList<>(ratios), values, x[1]);
    return drawing(
        "performance-profile",
        "Performance profile: share of problems within a factor alpha of the fastest",
        new Figure.Axis(
            "alpha (evaluations / fewest evaluations)", Figure.Scale.LOG2, x[0], x[1], false),
        lines,
        about);
  }

  private static Drawing data(Costs costs, String about) {
    TreeSet<Double> kappas = new TreeSet<>();
    kappas.add(0.0);
    double maxKappa = 1;
    for (int p = 0; p < costs.t().length; p++) {
      for (double v : costs.t()[p]) {
        if (Double.isFinite(v)) {
          kappas.add(v / (costs.dimensions()[p] + 1));
          maxKappa = Math.max(maxKappa, v / (costs.dimensions()[p] + 1));
        }
      }
    }
    List<double[]> values = new ArrayList<>();
    for (double kappa : kappas) {
      values.add(Profiles.data(costs.t(), costs.dimensions(), kappa));
    }
    double[] x = AxisRanges.count(maxKappa * 1.05);
    List<Figure.Line> lines = staircases(costs, new ArrayList<>(kappas), values, x[1]);
    return drawing(
        "data-profile",
        "Data profile: share of problems solved within kappa simplex gradients",
        new Figure.Axis(
            "kappa (evaluations / (dimension + 1))", Figure.Scale.LINEAR, x[0], x[1], false),
        lines,
        about);
  }

  /** A profile's drawing: its staircases over {@code x}, shares of problems from 0 to 1. */
  private static Drawing drawing(
      String name, String title, Figure.Axis x, List<Figure.Line> lines, String about) {
    Figure.Panel panel =
        new Figure.Panel(
            "",
            x,
            new Figure.Axis("share of problems", Figure.Scale.LINEAR, 0, 1.02, false),
            lines,
            about);
    return new Drawing(
        new Plot(name, "All functions", title),
        new Figure(title, Facets.split(panel, Facets.MAX_COMPARED_LINES)));
  }

  /**
   * One staircase per solver through the profile's values at the breakpoints, held to {@code end}.
   */
  private static List<Figure.Line> staircases(
      Costs costs, List<Double> at, List<double[]> values, double end) {
    List<Figure.Line> lines = new ArrayList<>();
    for (int s = 0; s < costs.solvers().size(); s++) {
      double[] x = new double[2 * at.size()];
      double[] y = new double[2 * at.size()];
      double previous = 0;
      for (int k = 0; k < at.size(); k++) {
        x[2 * k] = at.get(k);
        y[2 * k] = previous;
        x[2 * k + 1] = at.get(k);
        y[2 * k + 1] = values.get(k)[s];
        previous = values.get(k)[s];
      }
      double[] xs = java.util.Arrays.copyOf(x, x.length + 1);
      double[] ys = java.util.Arrays.copyOf(y, y.length + 1);
      xs[x.length] = end;
      ys[y.length] = previous;
      RunResult r = costs.solvers().get(s);
      lines.add(
          new Figure.Line(
              r.optimizerLabel(), r.optimizer(), r.optimizerIndex(), Figure.Kind.MAIN, xs, ys));
    }
    return lines;
  }
}
