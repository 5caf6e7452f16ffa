package dev.gradus.runner.plan;

import dev.gradus.optimizers.Optimizers;
import dev.gradus.optimizers.ParamGroup;
import dev.gradus.optimizers.ParamGroups;
import dev.gradus.runner.suite.Located;
import dev.gradus.runner.suite.Suite;
import dev.gradus.runner.suite.SuiteException;
import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.InvalidHyperParameterException;
import dev.gradus.spi.Names;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerProvider;
import dev.gradus.spi.ParameterBlock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An optimizer entry's {@code param_groups}: torch's parameter groups in YAML, as
 *
 * <pre>{@code
 * - adamw: {lr: 0.01, weight_decay: 0.01, param_groups: [{blocks: "b*", weight_decay: 0}]}
 * }</pre>
 *
 * <p>Each group names blocks of the objective by a glob and overrides some of the entry's
 * hyperparameters; the planner only parses and checks them here, and {@link Optimizers#grouped}
 * does the grouping. A group's values go through the provider's own {@link HyperParameters#resolve}
 * and {@code create}, merged over the configuration's values, so that a group is checked by the
 * same rules (and ranges) as the entry. Clipping and the schedule stay the entry's: clipping acts
 * on the whole gradient and the schedule on every group's rate.
 *
 * <p>{@code param_groups} is not swept: it is one list of groups, and a list of lists is an error,
 * since which blocks share values is a model choice rather than a hyperparameter; a sweep over
 * groupings is written as one optimizer entry per grouping. Values inside a group are single values
 * for the same reason. Patterns are checked against each function's blocks once functions are
 * planned ({@link #check}).
 */
final class ParamGroupsSection {
  static final String KEY = "param_groups";
  static final String BLOCKS = "blocks";

  private ParamGroupsSection() {}

  /** One group as written: its pattern's node and the values it overrides. */
  record Group(Located pattern, Map<String, Located> values) {}

  /** A grouped optimizer and the groups as results record them. */
  record Built(Optimizer optimizer, List<Map<String, Object>> recorded) {}

  /** The groups of {@code entry}, checked for shape and keys; empty when it has none. */
  static List<Group> parse(Suite.Entry entry, OptimizerProvider provider) {
    Located node = entry.settings().get(KEY);
    if (node == null) {
      return List.of();
    }
    String where = "optimizer '" + entry.name() + "': " + KEY;
    if (!node.isList() || node.asList().isEmpty()) {
      throw SuiteException.at(
          node.location(),
          where
              + ": expected a non-empty list of groups such as [{blocks: \"b*\", weight_decay: 0}],"
              + " got "
              + node.kind());
    }
    Map<String, HyperParameter> declared = new LinkedHashMap<>();
    provider.hyperParameters().forEach(p -> declared.put(p.name(), p));
    List<Group> groups = new ArrayList<>();
    for (int g = 0; g < node.asList().size(); g++) {
      Located item = node.asList().get(g);
      String at = where + "[" + g + "]";
      if (item.isList()) {
        throw SuiteException.at(
            item.location(),
            at
                + ": param_groups is not swept, so it is one list of groups, not a list of lists;"
                + " write one optimizer entry per grouping to compare groupings");
      }
      if (!item.isMap()) {
        throw SuiteException.at(
            item.location(),
            at
                + ": expected a group such as {blocks: \"b*\", weight_decay: 0}, got "
                + item.kind());
      }
      Located pattern = item.asMap().get(BLOCKS);
      if (pattern == null
          || !(pattern.scalar() instanceof String text)
          || text.isBlank()
          || pattern.isList()) {
        throw SuiteException.at(
            pattern == null ? item.location() : pattern.location(),
            at
                + ": needs '"
                + BLOCKS
                + "', a glob over the objective's block names such as \"b*\" or \"W1\"");
      }
      Map<String, Located> values = new LinkedHashMap<>();
      for (Map.Entry<String, Located> setting : item.asMap().entrySet()) {
        String key = setting.getKey();
        Located value = setting.getValue();
        if (key.equals(BLOCKS)) {
          continue;
        }
        if (Planner.OPTIMIZER_SETTINGS.contains(key)) {
          throw SuiteException.at(
              value.location(),
              at
                  + ": '"
                  + key
                  + "' is set once for the whole entry: clipping acts on the whole gradient, and"
                  + " the schedule scales every group's own learning rate");
        }
        HyperParameter p = declared.get(key);
        if (p == null) {
          Set<String> known = new LinkedHashSet<>(declared.keySet());
          known.add(BLOCKS);
          throw SuiteException.at(
              value.location(),
              at
                  + ": '"
                  + provider.id()
                  + "' has no hyperparameter '"
                  + Names.quote(key)
                  + "'"
                  + Names.didYouMean(key, known)
                  + "; a group may set: "
                  + String.join(", ", known));
        }
        boolean sweep =
            value.isList()
                && p.type() != HyperParameter.Type.STRUCTURE
                && (p.type() != HyperParameter.Type.REAL_LIST
                    || (!value.asList().isEmpty() && value.asList().get(0).isList()));
        if (sweep) {
          throw SuiteException.at(
              value.location(),
              at + "." + key + ": values inside param_groups are not swept; give one value");
        }
        if (SearchSpace.is(value)) {
          throw SuiteException.at(
              value.location(),
              at
                  + "."
                  + key
                  + ": a search space is not allowed inside param_groups; tune the entry's own "
                  + key
                  + ", or give the group one value");
        }
        values.put(key, value);
      }
      groups.add(new Group(pattern, Collections.unmodifiableMap(values)));
    }
    return List.copyOf(groups);
  }

  /**
   * {@code base} grouped by {@code groups}, each group's optimizer made by the provider from {@code
   * own} (this configuration's values as written) with the group's values over them.
   */
  static Built build(
      Suite.Entry entry,
      OptimizerProvider provider,
      Map<String, Located> own,
      Optimizer base,
      List<Group> groups) {
    List<ParamGroup> built = new ArrayList<>();
    List<Map<String, Object>> recorded = new ArrayList<>();
    for (int g = 0; g < groups.size(); g++) {
      Group group = groups.get(g);
      Map<String, Located> merged = new LinkedHashMap<>(own);
      merged.putAll(group.values());
      Map<String, Object> raw = new LinkedHashMap<>();
      merged.forEach((k, v) -> raw.put(k, v.toPlain()));
      String at = "optimizer '" + entry.name() + "': " + KEY + "[" + g + "]: ";
      Optimizer optimizer;
      HyperParameters values;
      try {
        values = HyperParameters.resolve(provider, raw);
        optimizer = provider.create(values);
      } catch (InvalidHyperParameterException e) {
        Located where = merged.getOrDefault(e.parameter(), group.pattern());
        throw SuiteException.at(where.location(), at + e.getMessage());
      }
      built.add(new ParamGroup((String) group.pattern().scalar(), optimizer));
      Map<String, Object> shown = new LinkedHashMap<>();
      shown.put(BLOCKS, group.pattern().scalar());
      group.values().keySet().forEach(k -> shown.put(k, values.asMap().get(k)));
      recorded.add(Collections.unmodifiableMap(shown));
    }
    return new Built(Optimizers.grouped(base, built), List.copyOf(recorded));
  }

  /**
   * Every grouped configuration's patterns against every function's blocks: a pattern that matches
   * no block, or a block two patterns claim, is an error at the pattern, naming the function and
   * the blocks it has. One error per configuration and function.
   *
   * @param patterns per optimizer configuration, the nodes of its groups' patterns (empty for none)
   */
  static void check(
      List<String> functionLabels,
      List<List<ParameterBlock>> blocks,
      List<OptimizerConfig> optimizers,
      List<List<Located>> patterns,
      SuiteErrors errors) {
    for (int o = 0; o < optimizers.size(); o++) {
      List<Located> nodes = patterns.get(o);
      if (nodes.isEmpty()) {
        continue;
      }
      List<String> globs = nodes.stream().map(n -> (String) n.scalar()).toList();
      for (int f = 0; f < functionLabels.size(); f++) {
        try {
          ParamGroups.assign(globs, blocks.get(f));
        } catch (ParamGroups.Mismatch e) {
          errors.add(
              SuiteException.at(
                  nodes.get(e.group()).location(),
                  "optimizer '"
                      + optimizers.get(o).label()
                      + "' on function '"
                      + functionLabels.get(f)
                      + "': "
                      + KEY
                      + "["
                      + e.group()
                      + "]: "
                      + e.getMessage()));
        }
      }
    }
  }
}
