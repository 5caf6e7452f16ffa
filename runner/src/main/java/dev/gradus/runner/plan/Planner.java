package dev.gradus.runner.plan;

import dev.gradus.optimizers.GradientClip;
import dev.gradus.optimizers.Schedule;
import dev.gradus.runner.suite.Located;
import dev.gradus.runner.suite.Suite;
import dev.gradus.runner.suite.SuiteException;
import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.InvalidHyperParameterException;
import dev.gradus.spi.Names;
import dev.gradus.spi.ObjectiveProvider;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerProvider;
import dev.gradus.spi.ProviderRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Resolves a {@link Suite} against the provider registries: looks up every id, expands sweeps into
 * configurations, validates every hyperparameter, and lists the runs with their seeds. Everything a
 * suite can get wrong is found here, before any run starts.
 *
 * <p>A list value sweeps: every combination of list values is one configuration, the last key
 * varying fastest. A hyperparameter whose own type is a list (such as {@code betas}) sweeps only
 * when given a list of lists.
 */
public final class Planner {
  /** The most configurations one entry may expand to. */
  public static final int MAX_CONFIGURATIONS_PER_ENTRY = 10_000;

  /** The most runs a suite may have on one machine. */
  public static final int MAX_RUNS = 200_000;

  static final Set<String> FUNCTION_SETTINGS = Set.of("start", "gradient");
  static final Set<String> EXPRESSION_SETTINGS =
      Set.of("expression", "minimum", "start", "gradient");
  static final Set<String> OPTIMIZER_SETTINGS =
      Set.of("schedule", "clip_grad_norm", "clip_grad_value");
  static final List<String> GRADIENT_METHODS = List.of("autodiff", "numerical", "analytic");

  private final ProviderRegistry<ObjectiveProvider> objectives;
  private final ProviderRegistry<OptimizerProvider> optimizers;
  private final Extensions extensions;

  /**
   * Hooks for what the planner builds with other modules: expression objectives, gradient methods,
   * and schedule/clipping composition around an optimizer.
   */
  public interface Extensions {
    /** An objective factory for an expression entry, or an error naming the problem. */
    Supplier<dev.gradus.spi.Objective> expression(Suite.Entry entry, Suite suite);

    /** Wraps an objective factory so that it uses the given gradient method. */
    Supplier<dev.gradus.spi.Objective> withGradient(
        Supplier<dev.gradus.spi.Objective> factory, String method, String functionName);

    /** The learning-rate schedule a {@code schedule:} setting describes. */
    Schedule schedule(Located schedule);
  }

  public Planner(
      ProviderRegistry<ObjectiveProvider> objectives,
      ProviderRegistry<OptimizerProvider> optimizers,
      Extensions extensions) {
    this.objectives = objectives;
    this.optimizers = optimizers;
    this.extensions = extensions;
  }

  public Plan plan(Suite suite) {
    List<FunctionConfig> functions = new ArrayList<>();
    for (Suite.Entry entry : suite.functions()) {
      functions.addAll(functionConfigs(entry, suite, functions.size()));
    }
    List<OptimizerConfig> optimizerConfigs = new ArrayList<>();
    for (Suite.Entry entry : suite.optimizers()) {
      optimizerConfigs.addAll(optimizerConfigs(entry, optimizerConfigs.size()));
    }
    long total = (long) functions.size() * optimizerConfigs.size() * suite.repeats();
    if (total > MAX_RUNS) {
      throw new SuiteException(
          suite.file()
              + ": the suite has "
              + total
              + " runs ("
              + functions.size()
              + " function configurations × "
              + optimizerConfigs.size()
              + " optimizer configurations × "
              + suite.repeats()
              + " repeats); the limit is "
              + MAX_RUNS
              + " per machine: split it into shards or narrow the sweeps");
    }
    List<RunSpec> runs = new ArrayList<>();
    int fWidth = Integer.toString(Math.max(0, functions.size() - 1)).length();
    int oWidth = Integer.toString(Math.max(0, optimizerConfigs.size() - 1)).length();
    int rWidth = Integer.toString(Math.max(0, suite.repeats() - 1)).length();
    for (FunctionConfig f : functions) {
      for (OptimizerConfig o : optimizerConfigs) {
        for (int repeat = 0; repeat < suite.repeats(); repeat++) {
          String runId =
              String.format(
                  Locale.ROOT,
                  "f%0" + fWidth + "d-%s_o%0" + oWidth + "d-%s_r%0" + rWidth + "d",
                  f.index(),
                  f.name(),
                  o.index(),
                  o.name(),
                  repeat);
          // Common random numbers: runs that differ only in the optimizer share a seed, so every
          // optimizer starts from the same random points.
          long seed = Seeds.derive(suite.seed(), f.label() + "|repeat " + repeat);
          runs.add(new RunSpec(runs.size(), runId, f, o, repeat, seed));
        }
      }
    }
    return new Plan(
        suite, List.copyOf(functions), List.copyOf(optimizerConfigs), List.copyOf(runs));
  }

  private List<FunctionConfig> functionConfigs(Suite.Entry entry, Suite suite, int firstIndex) {
    Map<String, Located> settings = entry.settings();
    String gradient = gradientMethod(settings.get("gradient"));
    Located start = settings.get("start");
    List<FunctionConfig> out = new ArrayList<>();
    if (settings.containsKey("expression")) {
      for (String key : settings.keySet()) {
        if (!EXPRESSION_SETTINGS.contains(key)) {
          throw SuiteException.at(
              settings.get(key).location(),
              "unknown key '"
                  + key
                  + "' in expression function '"
                  + entry.name()
                  + "'"
                  + Names.didYouMean(key, EXPRESSION_SETTINGS)
                  + "; allowed: "
                  + String.join(", ", EXPRESSION_SETTINGS));
        }
      }
      Supplier<dev.gradus.spi.Objective> factory = extensions.expression(entry, suite);
      Map<String, Object> parameters = new LinkedHashMap<>();
      parameters.put("expression", settings.get("expression").toPlain());
      if (settings.containsKey("minimum")) {
        parameters.put("minimum", settings.get("minimum").toPlain());
      }
      out.add(
          new FunctionConfig(
              firstIndex,
              entry.name(),
              entry.name(),
              parameters,
              extensions.withGradient(factory, gradient, entry.name()),
              start,
              gradient));
      return out;
    }
    ObjectiveProvider provider = require(objectives, entry, "function");
    for (Map<String, Located> choice :
        expand(entry, provider.hyperParameters(), FUNCTION_SETTINGS)) {
      HyperParameters values =
          resolve(provider.id(), provider.hyperParameters(), choice, entry, suite.baseDir());
      String label = label(entry.name(), choice);
      Supplier<dev.gradus.spi.Objective> factory = () -> provider.create(values);
      out.add(
          new FunctionConfig(
              firstIndex + out.size(),
              entry.name(),
              label,
              values.asMap(),
              extensions.withGradient(factory, gradient, entry.name()),
              start,
              gradient));
    }
    return out;
  }

  private List<OptimizerConfig> optimizerConfigs(Suite.Entry entry, int firstIndex) {
    OptimizerProvider provider = require(optimizers, entry, "optimizer");
    List<HyperParameter> declared = new ArrayList<>(provider.hyperParameters());
    declared.add(clipSetting("clip_grad_norm", "clip the gradient's global L2 norm to this"));
    declared.add(clipSetting("clip_grad_value", "clip each gradient component to [-c, c]"));
    List<OptimizerConfig> out = new ArrayList<>();
    Set<String> reserved = Set.of("schedule");
    for (Map<String, Located> choice : expand(entry, declared, reserved)) {
      Map<String, Located> own = new LinkedHashMap<>(choice);
      Located norm = own.remove("clip_grad_norm");
      Located value = own.remove("clip_grad_value");
      HyperParameters values = resolve(provider.id(), provider.hyperParameters(), own, entry, null);
      Optimizer optimizer;
      try {
        optimizer = provider.create(values);
      } catch (InvalidHyperParameterException e) {
        Located at = choice.getOrDefault(e.parameter(), entry.node());
        throw SuiteException.at(
            at.location(), "optimizer '" + entry.name() + "': " + e.getMessage());
      }
      Double clipNorm = norm == null ? null : positive(norm, "clip_grad_norm");
      Double clipValue = value == null ? null : positive(value, "clip_grad_value");
      Located schedule = entry.settings().get("schedule");
      Map<String, Object> all = new LinkedHashMap<>(values.asMap());
      if (schedule != null) {
        all.put("schedule", schedule.toPlain());
      }
      if (clipNorm != null) {
        all.put("clip_grad_norm", clipNorm);
      }
      if (clipValue != null) {
        all.put("clip_grad_value", clipValue);
      }
      Schedule lr = schedule == null ? Schedule.constant() : extensions.schedule(schedule);
      out.add(
          new OptimizerConfig(
              firstIndex + out.size(),
              entry.name(),
              label(entry.name(), choice),
              all,
              optimizer,
              lr,
              clip(clipValue, clipNorm)));
    }
    return out;
  }

  /** Clipping by value, then by norm, as torch users chain clip_grad_value_ and clip_grad_norm_. */
  private static GradientClip clip(Double byValue, Double byNorm) {
    GradientClip value = byValue == null ? null : GradientClip.byValue(byValue);
    GradientClip norm = byNorm == null ? null : GradientClip.byNorm(byNorm);
    if (value != null && norm != null) {
      return gradient -> {
        value.clip(gradient);
        norm.clip(gradient);
      };
    }
    return value != null ? value : norm != null ? norm : GradientClip.none();
  }

  /** Declares a clipping setting so that sweeps and misspellings are handled like any other. */
  private static HyperParameter clipSetting(String name, String doc) {
    return new HyperParameter(
        name, HyperParameter.Type.REAL, null, dev.gradus.spi.Range.greaterThan(0), null, 0, doc);
  }

  private static double positive(Located node, String key) {
    if (node.scalar() instanceof Number n && n.doubleValue() > 0) {
      return n.doubleValue();
    }
    throw SuiteException.at(
        node.location(), key + ": expected a number in (0, ∞), got " + node.kind());
  }

  private static <P extends dev.gradus.spi.Provider> P require(
      ProviderRegistry<P> registry, Suite.Entry entry, String kind) {
    if (!registry.contains(entry.name())) {
      List<String> ids = new ArrayList<>();
      registry.all().forEach(p -> ids.add(p.id()));
      throw SuiteException.at(
          entry.settings().isEmpty() ? entry.location() : entry.location(),
          "unknown "
              + kind
              + " '"
              + entry.name()
              + "'"
              + Names.didYouMean(entry.name(), ids)
              + "; run './gradus list' to see them all");
    }
    return registry.require(entry.name());
  }

  private static String gradientMethod(Located node) {
    if (node == null) {
      return "autodiff";
    }
    if (node.scalar() instanceof String s && GRADIENT_METHODS.contains(s)) {
      return s;
    }
    String hint = node.scalar() instanceof String s ? Names.didYouMean(s, GRADIENT_METHODS) : "";
    throw SuiteException.at(
        node.location(),
        "gradient: expected one of " + GRADIENT_METHODS + ", got " + node.kind() + hint);
  }

  /**
   * Every combination of swept values of an entry's settings (minus {@code reserved} keys), each
   * key checked against the declared hyperparameters first so that errors point at the key.
   */
  private static List<Map<String, Located>> expand(
      Suite.Entry entry, List<HyperParameter> declared, Set<String> reserved) {
    Map<String, HyperParameter> byName = new LinkedHashMap<>();
    declared.forEach(p -> byName.put(p.name(), p));
    List<String> keys = new ArrayList<>();
    List<List<Located>> options = new ArrayList<>();
    long combinations = 1;
    for (Map.Entry<String, Located> setting : entry.settings().entrySet()) {
      String key = setting.getKey();
      if (reserved.contains(key)) {
        continue;
      }
      HyperParameter p = byName.get(key);
      if (p == null) {
        Set<String> known = new LinkedHashSet<>(byName.keySet());
        known.addAll(reserved);
        throw SuiteException.at(
            setting.getValue().location(),
            "'"
                + entry.name()
                + "' has no setting '"
                + key
                + "'"
                + Names.didYouMean(key, known)
                + "; it has: "
                + String.join(", ", known));
      }
      Located value = setting.getValue();
      boolean sweeps =
          value.isList()
              && p.type() != HyperParameter.Type.STRUCTURE
              && (p.type() != HyperParameter.Type.REAL_LIST
                  || (!value.asList().isEmpty() && value.asList().get(0).isList()));
      List<Located> values = sweeps ? value.asList() : List.of(value);
      if (values.isEmpty()) {
        throw SuiteException.at(
            value.location(), "'" + entry.name() + "." + key + "': the sweep list is empty");
      }
      keys.add(key);
      options.add(values);
      combinations *= values.size();
      if (combinations > MAX_CONFIGURATIONS_PER_ENTRY) {
        throw SuiteException.at(
            entry.location(),
            "'"
                + entry.name()
                + "' sweeps more than "
                + MAX_CONFIGURATIONS_PER_ENTRY
                + " configurations; narrow the sweep lists");
      }
    }
    List<Map<String, Located>> out = new ArrayList<>();
    int[] counter = new int[keys.size()];
    for (long c = 0; c < combinations; c++) {
      Map<String, Located> choice = new LinkedHashMap<>();
      for (int k = 0; k < keys.size(); k++) {
        choice.put(keys.get(k), options.get(k).get(counter[k]));
      }
      out.add(choice);
      for (int k = keys.size() - 1; k >= 0; k--) {
        if (++counter[k] < options.get(k).size()) {
          break;
        }
        counter[k] = 0;
      }
    }
    return out;
  }

  /**
   * Relative file paths in a structure setting (the values of {@code csv}, {@code file} and {@code
   * path} keys, such as {@code data: {csv: points.csv}}) are made absolute against the suite file's
   * folder, so that a suite runs the same from any working directory.
   */
  static Object resolvePaths(Object plain, java.nio.file.Path base) {
    if (base == null) {
      return plain;
    }
    if (plain instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach(
          (k, v) -> {
            boolean isPath = Set.of("csv", "file", "path").contains(k) && v instanceof String;
            out.put(
                (String) k,
                isPath ? base.resolve((String) v).normalize().toString() : resolvePaths(v, base));
          });
      return out;
    }
    if (plain instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(resolvePaths(v, base)));
      return out;
    }
    return plain;
  }

  private static HyperParameters resolve(
      String id,
      List<HyperParameter> declared,
      Map<String, Located> choice,
      Suite.Entry entry,
      java.nio.file.Path base) {
    Map<String, Object> raw = new LinkedHashMap<>();
    choice.forEach((k, v) -> raw.put(k, resolvePaths(v.toPlain(), base)));
    try {
      return HyperParameters.resolve(id, declared, raw);
    } catch (InvalidHyperParameterException e) {
      Located at = choice.getOrDefault(e.parameter(), entry.node());
      throw SuiteException.at(at.location(), e.getMessage());
    } catch (IllegalArgumentException e) {
      throw SuiteException.at(entry.location(), "'" + id + "': " + e.getMessage());
    }
  }

  private static String label(String name, Map<String, Located> choice) {
    StringBuilder label = new StringBuilder(name);
    choice.forEach(
        (k, v) -> {
          Object plain = v.toPlain();
          if (!(plain instanceof Map)) {
            label.append(' ').append(k).append('=').append(plain);
          }
        });
    return label.toString();
  }
}
