package dev.gradus.runner.tuning;

import dev.gradus.runner.plan.Plan;
import dev.gradus.runner.plan.Tuning;
import dev.gradus.runner.results.Csv;
import dev.gradus.runner.results.ResultsLayout;
import dev.gradus.runner.results.TextFiles;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code tuning/trials.csv}: one row per trial, function and rung, with the trial's values, the
 * rung's budget, the median score that ranked it, and whether it went on (or, at the last rung,
 * won). Together with the trials' own records it says how every winner was chosen.
 */
public final class TrialsTable {
  private TrialsTable() {}

  public static void write(ResultsLayout tuning, Plan trials, List<TrialSelection.Row> rows) {
    TextFiles.writeWhole(tuning.dir().resolve(ResultsLayout.TRIALS_CSV), text(trials, rows));
  }

  static String text(Plan trials, List<TrialSelection.Row> rows) {
    Tuning tuning = trials.tuning();
    Set<String> keys = new LinkedHashSet<>();
    tuning.units().forEach(u -> keys.addAll(u.searched()));
    StringBuilder out = new StringBuilder();
    List<String> header =
        new ArrayList<>(
            List.of("function_index", "function_label", "optimizer_label", "trial", "rung"));
    header.add("steps");
    header.addAll(keys);
    header.addAll(List.of("metric", "median", "kept"));
    out.append(String.join(",", header)).append('\n');
    for (TrialSelection.Row r : rows) {
      Tuning.Unit unit = tuning.units().get(r.unit());
      Map<String, Object> values = unit.trials().get(r.trial());
      List<String> cells = new ArrayList<>();
      cells.add(Integer.toString(r.function()));
      cells.add(Csv.cell(trials.functions().get(r.function()).label()));
      cells.add(Csv.cell(tuning.label(unit)));
      cells.add(Integer.toString(r.trial()));
      cells.add(Integer.toString(r.rung()));
      cells.add(Long.toString(r.steps()));
      for (String key : keys) {
        Object v = values.get(key);
        cells.add(v == null ? "" : Csv.cell(dev.gradus.runner.plan.Labels.text(v)));
      }
      cells.add(r.metric());
      cells.add(r.median() == null ? "" : Csv.number(r.median()));
      cells.add(Boolean.toString(r.kept()));
      out.append(String.join(",", cells)).append('\n');
    }
    return out.toString();
  }
}
