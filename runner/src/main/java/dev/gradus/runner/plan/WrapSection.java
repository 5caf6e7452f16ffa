package dev.gradus.runner.plan;

import dev.gradus.optimizers.Wrappers;
import dev.gradus.runner.suite.Located;
import dev.gradus.runner.suite.Suite;
import dev.gradus.runner.suite.SuiteException;
import dev.gradus.spi.InvalidHyperParameterException;
import dev.gradus.spi.Names;
import dev.gradus.spi.Optimizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An optimizer entry's {@code wrap}: the optimizer wrappers of {@link Wrappers} in YAML, as
 *
 * <pre>{@code
 * - adam: {lr: 0.01, wrap: [{lookahead: {sync_period: 5}}, ema]}
 * }</pre>
 *
 * <p>The list reads inside out: its first wrapper wraps the optimizer (with its {@code
 * param_groups}, if any), each next one wraps the previous result, so the example is ema(lookahead(
 * adam)) and the EMA averages lookahead's iterates. The chain is clip → schedule → wrappers → param
 * groups → optimizer. An item is a wrapper's name, or a one-entry map from its name to its
 * settings. Like {@code param_groups}, {@code wrap} is not swept: a list of lists is an error, and
 * settings inside are single values; compare wrappings with one entry each.
 */
final class WrapSection {
  static final String KEY = "wrap";

  private WrapSection() {}

  /** One wrapper as written: its name's node and its settings' nodes. */
  record Item(Located at, String name, Map<String, Located> settings) {}

  /** The wrappers of {@code entry}, innermost first, checked; empty when it has none. */
  static List<Item> parse(Suite.Entry entry) {
    Located node = entry.settings().get(KEY);
    if (node == null) {
      return List.of();
    }
    String where = "optimizer '" + entry.name() + "': " + KEY;
    if (!node.isList() || node.asList().isEmpty()) {
      throw SuiteException.at(
          node.location(),
          where
              + ": expected a non-empty list of wrappers, innermost first, such as"
              + " [{lookahead: {sync_period: 5}}, {ema: {decay: 0.999}}], got "
              + node.kind());
    }
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < node.asList().size(); i++) {
      Located item = node.asList().get(i);
      String at = where + "[" + i + "]";
      String name;
      Located settingsNode = null;
      if (item.isScalar() && item.scalar() instanceof String text) {
        name = text;
      } else if (item.isMap() && item.asMap().size() == 1) {
        var only = item.asMap().entrySet().iterator().next();
        name = only.getKey();
        settingsNode = only.getValue();
      } else {
        throw SuiteException.at(
            item.location(),
            at
                + (item.isList()
                    ? ": wrap is not swept, so it is one list of wrappers, not a list of lists;"
                        + " write one optimizer entry per wrapping to compare them"
                    : ": expected a wrapper name or a one-entry map such as {ema: {decay: 0.99}},"
                        + " got "
                        + item.kind()));
      }
      if (!Wrappers.names().contains(name)) {
        throw SuiteException.at(
            item.location(),
            at
                + ": unknown wrapper '"
                + name
                + "'"
                + Names.didYouMean(name, Wrappers.names())
                + "; the wrappers are "
                + String.join(", ", Wrappers.names()));
      }
      Map<String, Located> settings = new LinkedHashMap<>();
      if (settingsNode != null && !settingsNode.isNull()) {
        if (!settingsNode.isMap()) {
          throw SuiteException.at(
              settingsNode.location(),
              at + ": the settings of '" + name + "' are a map, got " + settingsNode.kind());
        }
        for (Map.Entry<String, Located> setting : settingsNode.asMap().entrySet()) {
          if (setting.getValue().isList()) {
            throw SuiteException.at(
                setting.getValue().location(),
                at
                    + ": "
                    + name
                    + "."
                    + setting.getKey()
                    + " is a single value (wrap is not swept); write one entry per value");
          }
          settings.put(setting.getKey(), setting.getValue());
        }
      }
      Item parsed = new Item(item, name, Collections.unmodifiableMap(settings));
      resolved(parsed, at); // checked once here, so an error points at the file
      items.add(parsed);
    }
    return List.copyOf(items);
  }

  /** Every value of {@code item}, defaults included, or an error at the bad setting. */
  private static Map<String, Object> resolved(Item item, String where) {
    Map<String, Object> raw = new LinkedHashMap<>();
    item.settings().forEach((k, v) -> raw.put(k, v.toPlain()));
    try {
      return Wrappers.resolved(item.name(), raw);
    } catch (InvalidHyperParameterException e) {
      Located at = item.settings().getOrDefault(e.parameter(), item.at());
      throw SuiteException.at(at.location(), where + ": " + e.getMessage());
    }
  }

  /** {@code optimizer} wrapped by {@code items}, innermost first. */
  static Optimizer wrap(Optimizer optimizer, List<Item> items) {
    Optimizer wrapped = optimizer;
    for (Item item : items) {
      Map<String, Object> raw = new LinkedHashMap<>();
      item.settings().forEach((k, v) -> raw.put(k, v.toPlain()));
      try {
        wrapped = Wrappers.wrap(item.name(), raw, wrapped);
      } catch (InvalidHyperParameterException e) {
        throw e;
      } catch (IllegalArgumentException e) {
        // a wrapper that cannot wrap this optimizer (lookahead around a schedule-free one)
        throw SuiteException.at(item.at().location(), KEY + ": " + e.getMessage());
      }
    }
    return wrapped;
  }

  /**
   * The wrappers as records and {@code suite.resolved.yaml} show them: a list of one-entry maps
   * from each name to all its values, defaults included, innermost first.
   */
  static List<Map<String, Object>> recorded(List<Item> items) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Item item : items) {
      out.add(Map.of(item.name(), resolved(item, "")));
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * The wrapping as one label value, innermost first, with the settings written in the suite:
   * {@code lookahead(sync_period=3)+ema}. A text, so that a label always shows it and a wrapped
   * configuration never reads like an unwrapped one.
   */
  static String label(List<Item> items) {
    List<String> parts = new ArrayList<>();
    for (Item item : items) {
      StringBuilder part = new StringBuilder(item.name());
      if (!item.settings().isEmpty()) {
        List<String> settings = new ArrayList<>();
        item.settings().forEach((k, v) -> settings.add(k + "=" + Labels.text(v.toPlain())));
        part.append('(').append(String.join(",", settings)).append(')');
      }
      parts.add(part.toString());
    }
    return String.join("+", parts);
  }
}
