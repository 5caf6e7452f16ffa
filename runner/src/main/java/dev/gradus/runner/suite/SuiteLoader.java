package dev.gradus.runner.suite;

import dev.gradus.spi.Names;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a suite file into a {@link Suite}, checking its shape and the types of the suite-level
 * keys. Every error names the file, line and column, and for unknown keys suggests close matches.
 */
public final class SuiteLoader {
  private static final Set<String> TOP_KEYS =
      Set.of(
          "suite",
          "seed",
          "repeats",
          "budget",
          "stop",
          "functions",
          "optimizers",
          "output",
          "report",
          "tuning");
  public static final Set<String> BUDGET_KEYS =
      Set.of("max_iterations", "max_evaluations", "max_seconds", "max_epochs", "max_samples");
  private static final Set<String> TUNING_KEYS =
      Set.of("strategy", "trials", "seeds", "select", "eta", "grid_points");
  private static final Set<String> STOP_KEYS = Set.of("target", "grad_norm", "f", "test_accuracy");
  private static final Set<String> OUTPUT_KEYS =
      Set.of(
          "trace",
          "trace_every",
          "checkpoint_every",
          "held_out_every",
          "sharpness_every",
          "sharpness_tolerance",
          "sharpness_iterations");
  private static final List<String> TRACE_SPACINGS = List.of("every", "log");
  private static final Set<String> REPORT_KEYS = Set.of("convergence", "ecdf_x", "targets", "tau");
  private static final Set<String> TARGET_KEYS = Set.of("from", "to", "step");

  /** The longest suite or entry name: it becomes part of folder and file names. */
  static final int MAX_NAME = 100;

  private final YamlReader yaml = new YamlReader();

  /** Suite and entry names: safe in a folder or file name on every system. */
  static boolean isFileName(String name) {
    return name.length() <= MAX_NAME && name.matches("[A-Za-z0-9][A-Za-z0-9._-]*");
  }

  /** Where the first byte that is not UTF-8 is, as line and column. */
  private static String notUtf8(Path file) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      var decoder =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
              .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
      java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
      java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
      var result = decoder.decode(in, out, true);
      if (!result.isError()) {
        return "is not UTF-8 text; save it as UTF-8";
      }
      out.flip();
      String before = out.toString();
      int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
      int column = before.length() - before.lastIndexOf('\n');
      return "is not UTF-8 text: byte "
          + (in.position() + 1)
          + " (line "
          + line
          + ", column "
          + column
          + ") is not valid UTF-8; save the file as UTF-8";
    } catch (IOException e) {
      return "is not UTF-8 text; save it as UTF-8";
    }
  }

  public Suite load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new SuiteException(file + ": no such file");
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new SuiteException(file + ": " + notUtf8(file));
    } catch (java.nio.file.AccessDeniedException e) {
      throw new SuiteException(file + ": cannot read: permission denied");
    } catch (IOException e) {
      throw new SuiteException(file + ": cannot read: " + e.getMessage(), e);
    }
    Path base = file.toAbsolutePath().getParent();
    return parse(text, file.toString(), base);
  }

  public Suite parse(String text, String fileName, Path baseDir) {
    Located root = yaml.read(text, fileName);
    Map<String, Located> top = map(root, "the suite");
    checkKeys(top, TOP_KEYS, "suite", root);

    String name = text(required(top, "suite", root), "suite");
    if (!isFileName(name)) {
      throw SuiteException.at(
          top.get("suite").location(),
          "suite name '"
              + Names.quote(name)
              + "' must be letters, digits, '.', '_' or '-', starting with a letter or digit, at"
              + " most "
              + MAX_NAME
              + " characters (it names a folder)");
    }
    long seed =
        top.containsKey("seed")
            ? integer(top.get("seed"), "seed", Long.MIN_VALUE, Long.MAX_VALUE)
            : Suite.DEFAULT_SEED;
    int repeats =
        top.containsKey("repeats")
            ? (int) integer(top.get("repeats"), "repeats", 1, 100_000)
            : Suite.DEFAULT_REPEATS;

    Map<String, List<Located>> budgetChoices = budgetChoices(top.get("budget"));
    List<Suite.Budget> budgets = budgets(budgetChoices);
    List<String> sweptBudget = new ArrayList<>();
    budgetChoices.forEach(
        (key, values) -> {
          if (top.get("budget").asMap().get(key).isList()) {
            sweptBudget.add(key);
          }
        });
    Suite.Stop stop = stop(top.get("stop"));
    Suite.Output output = output(top.get("output"));
    Map<String, Located> report = report(top.get("report"));
    Suite.Tuning tuning = tuning(top.get("tuning"));
    List<Suite.Entry> functions = entries(required(top, "functions", root), "functions");
    List<Suite.Entry> optimizers = entries(required(top, "optimizers", root), "optimizers");
    return new Suite(
        name,
        seed,
        repeats,
        budgets,
        List.copyOf(sweptBudget),
        stop,
        functions,
        optimizers,
        output,
        report,
        tuning,
        baseDir,
        fileName,
        sha256(text));
  }

  static String sha256(String text) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /**
   * Each budget key's values as written: one node for a single value, the items for a list (a
   * sweep). Empty for a suite without {@code budget}.
   */
  private static Map<String, List<Located>> budgetChoices(Located node) {
    Map<String, List<Located>> choices = new LinkedHashMap<>();
    if (node == null) {
      return choices;
    }
    Map<String, Located> m = map(node, "budget");
    checkKeys(m, BUDGET_KEYS, "budget", node);
    m.forEach(
        (key, value) -> {
          if (!value.isList()) {
            choices.put(key, List.of(value));
            return;
          }
          List<Located> items = value.asList();
          if (items.isEmpty()) {
            throw SuiteException.at(
                value.location(), "budget." + key + ": an empty list sweeps nothing; give values");
          }
          for (Located item : items) {
            if (item.isList() || item.isMap()) {
              throw SuiteException.at(
                  item.location(),
                  "budget." + key + ": expected a number in the sweep, got " + item.kind());
            }
          }
          choices.put(key, items);
        });
    return choices;
  }

  /** The cross product of {@code choices}, the last key varying fastest, each budget checked. */
  private static List<Suite.Budget> budgets(Map<String, List<Located>> choices) {
    List<Map<String, Located>> combinations = new ArrayList<>();
    combinations.add(new LinkedHashMap<>());
    choices.forEach(
        (key, values) -> {
          List<Map<String, Located>> next = new ArrayList<>();
          for (Map<String, Located> partial : combinations) {
            for (Located value : values) {
              Map<String, Located> more = new LinkedHashMap<>(partial);
              more.put(key, value);
              next.add(more);
            }
          }
          combinations.clear();
          combinations.addAll(next);
        });
    List<Suite.Budget> budgets = new ArrayList<>();
    for (Map<String, Located> m : combinations) {
      budgets.add(budget(m));
    }
    return List.copyOf(budgets);
  }

  private static Suite.Budget budget(Map<String, Located> m) {
    Long epochs =
        m.containsKey("max_epochs")
            ? integer(m.get("max_epochs"), "budget.max_epochs", 1, 1_000_000_000L)
            : null;
    Long samples =
        m.containsKey("max_samples")
            ? integer(m.get("max_samples"), "budget.max_samples", 1, Long.MAX_VALUE / 2)
            : null;
    // epochs or samples alone limit the runs: no default iteration count cuts them short
    long iterations =
        m.containsKey("max_iterations")
            ? integer(
                m.get("max_iterations"), "budget.max_iterations", 0, Suite.Budget.MOST_ITERATIONS)
            : epochs != null || samples != null
                ? Suite.Budget.MOST_ITERATIONS
                : Suite.Budget.DEFAULT_MAX_ITERATIONS;
    Long evaluations =
        m.containsKey("max_evaluations")
            ? integer(m.get("max_evaluations"), "budget.max_evaluations", 1, Long.MAX_VALUE / 2)
            : null;
    Double seconds =
        m.containsKey("max_seconds") ? positive(m.get("max_seconds"), "budget.max_seconds") : null;
    return new Suite.Budget(iterations, evaluations, seconds, epochs, samples);
  }

  private static Suite.Stop stop(Located node) {
    if (node == null) {
      return new Suite.Stop(null, null, null, null);
    }
    Map<String, Located> m = map(node, "stop");
    checkKeys(m, STOP_KEYS, "stop", node);
    Double target = m.containsKey("target") ? nonNegative(m.get("target"), "stop.target") : null;
    Double grad =
        m.containsKey("grad_norm") ? nonNegative(m.get("grad_norm"), "stop.grad_norm") : null;
    Double f = m.containsKey("f") ? finite(m.get("f"), "stop.f") : null;
    Double accuracy = null;
    if (m.containsKey("test_accuracy")) {
      accuracy = nonNegative(m.get("test_accuracy"), "stop.test_accuracy");
      if (accuracy > 1) {
        throw SuiteException.at(
            m.get("test_accuracy").location(),
            "stop.test_accuracy = "
                + accuracy
                + " is not allowed: must be in [0, 1], a share of rows");
      }
    }
    return new Suite.Stop(target, grad, f, accuracy);
  }

  private static Suite.Output output(Located node) {
    if (node == null) {
      return new Suite.Output(
          Suite.Output.DEFAULT_TRACE_EVERY,
          Suite.Output.DEFAULT_CHECKPOINT_EVERY,
          false,
          Suite.Output.HELD_OUT_AT_TRACE_ROWS,
          Map.of());
    }
    Map<String, Located> m = map(node, "output");
    checkKeys(m, OUTPUT_KEYS, "output", node);
    int every =
        m.containsKey("trace_every")
            ? (int) integer(m.get("trace_every"), "output.trace_every", 1, Integer.MAX_VALUE)
            : Suite.Output.DEFAULT_TRACE_EVERY;
    long checkpoints =
        m.containsKey("checkpoint_every")
            ? integer(m.get("checkpoint_every"), "output.checkpoint_every", 0, 1_000_000_000L)
            : Suite.Output.DEFAULT_CHECKPOINT_EVERY;
    boolean log = false;
    if (m.containsKey("trace")) {
      String spacing = text(m.get("trace"), "output.trace");
      if (!TRACE_SPACINGS.contains(spacing)) {
        throw SuiteException.unknownValue(m.get("trace"), "output.trace", spacing, TRACE_SPACINGS);
      }
      log = spacing.equals("log");
      if (log && m.containsKey("trace_every")) {
        throw SuiteException.at(
            m.get("trace_every").location(),
            "output.trace_every applies to 'trace: every'; a log-spaced trace has no step");
      }
    }
    long heldOut =
        m.containsKey("held_out_every")
            ? integer(m.get("held_out_every"), "output.held_out_every", 0, 1_000_000_000L)
            : Suite.Output.HELD_OUT_AT_TRACE_ROWS;
    Map<String, Located> sharpness = new LinkedHashMap<>();
    for (String key : List.of("sharpness_every", "sharpness_iterations")) {
      if (m.containsKey(key)) {
        integer(m.get(key), "output." + key, Long.MIN_VALUE, Long.MAX_VALUE);
        sharpness.put(key, m.get(key));
      }
    }
    if (m.containsKey("sharpness_tolerance")) {
      number(m.get("sharpness_tolerance"), "output.sharpness_tolerance");
      sharpness.put("sharpness_tolerance", m.get("sharpness_tolerance"));
    }
    return new Suite.Output(every, checkpoints, log, heldOut, sharpness);
  }

  /**
   * The {@code report:} section with its keys and their types checked; the planner gives the values
   * their meaning (and their defaults and ranges, stated once in the plan's ReportRules). {@code
   * targets} is flattened to {@code targets.from} and so on.
   */
  private static Map<String, Located> report(Located node) {
    if (node == null || node.isNull()) {
      return Map.of();
    }
    Map<String, Located> m = map(node, "report");
    checkKeys(m, REPORT_KEYS, "report", node);
    Map<String, Located> out = new java.util.LinkedHashMap<>();
    for (String key : List.of("convergence", "ecdf_x")) {
      if (m.containsKey(key)) {
        text(m.get(key), "report." + key);
        out.put(key, m.get(key));
      }
    }
    if (m.containsKey("tau")) {
      number(m.get("tau"), "report.tau");
      out.put("tau", m.get("tau"));
    }
    if (m.containsKey("targets")) {
      Map<String, Located> t = map(m.get("targets"), "report.targets");
      checkKeys(t, TARGET_KEYS, "report.targets", m.get("targets"));
      for (Map.Entry<String, Located> e : t.entrySet()) {
        number(e.getValue(), "report.targets." + e.getKey());
        out.put("targets." + e.getKey(), e.getValue());
      }
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  private static Suite.Tuning tuning(Located node) {
    if (node == null || node.isNull()) {
      return null;
    }
    Map<String, Located> m = map(node, "tuning");
    checkKeys(m, TUNING_KEYS, "tuning", node);
    String strategy =
        m.containsKey("strategy")
            ? oneOf(m.get("strategy"), "tuning.strategy", Suite.Tuning.STRATEGIES)
            : "random";
    Integer trials =
        m.containsKey("trials") ? (int) integer(m.get("trials"), "tuning.trials", 1, 10_000) : null;
    if (trials != null && strategy.equals("grid")) {
      throw SuiteException.at(
          m.get("trials").location(),
          "tuning.trials: a grid's trials are the combinations of its search spaces (set"
              + " grid_points for the continuous ones); trials is for random and halving");
    }
    int seeds =
        m.containsKey("seeds")
            ? (int) integer(m.get("seeds"), "tuning.seeds", 1, 1000)
            : Suite.Tuning.DEFAULT_SEEDS;
    String select =
        m.containsKey("select")
            ? oneOf(m.get("select"), "tuning.select", Suite.Tuning.SELECT)
            : null;
    int eta =
        m.containsKey("eta")
            ? (int) integer(m.get("eta"), "tuning.eta", 2, 100)
            : Suite.Tuning.DEFAULT_ETA;
    if (m.containsKey("eta") && !strategy.equals("halving")) {
      throw SuiteException.at(
          m.get("eta").location(),
          "tuning.eta: only successive halving (strategy: halving) has it");
    }
    int gridPoints =
        m.containsKey("grid_points")
            ? (int) integer(m.get("grid_points"), "tuning.grid_points", 2, 1000)
            : Suite.Tuning.DEFAULT_GRID_POINTS;
    if (m.containsKey("grid_points") && !strategy.equals("grid")) {
      throw SuiteException.at(
          m.get("grid_points").location(),
          "tuning.grid_points: only a grid (strategy: grid) has it");
    }
    return new Suite.Tuning(strategy, trials, seeds, select, eta, gridPoints, node);
  }

  private static String oneOf(Located node, String key, List<String> allowed) {
    String value = text(node, key);
    if (!allowed.contains(value)) {
      throw SuiteException.at(
          node.location(),
          key
              + ": no '"
              + Names.quote(value)
              + "'"
              + Names.didYouMean(value, allowed)
              + "; it is one of: "
              + String.join(", ", allowed));
    }
    return value;
  }

  private static List<Suite.Entry> entries(Located node, String key) {
    if (!node.isList()) {
      throw SuiteException.at(
          node.location(), key + ": expected a list of entries, got " + node.kind());
    }
    if (node.asList().isEmpty()) {
      throw SuiteException.at(node.location(), key + ": the list is empty; name at least one");
    }
    List<Suite.Entry> out = new ArrayList<>();
    for (Located item : node.asList()) {
      Map<String, Located> m = map(item, key + " entry");
      Located nameNode = m.get("name");
      if (nameNode == null) {
        throw SuiteException.at(item.location(), key + " entry: 'name' is missing");
      }
      String name = text(nameNode, "name");
      if (!isFileName(name)) {
        throw SuiteException.at(
            nameNode.location(),
            key
                + " entry name '"
                + Names.quote(name)
                + "' must be letters, digits, '.', '_' or '-', starting with a letter or digit, at"
                + " most "
                + MAX_NAME
                + " characters (it names run ids and files)");
      }
      Map<String, Located> settings = new LinkedHashMap<>(m);
      settings.remove("name");
      out.add(new Suite.Entry(name, item, settings));
    }
    return out;
  }

  // ---- typed readers; each error names the location and the key ----

  static Map<String, Located> map(Located node, String what) {
    if (!node.isMap()) {
      throw SuiteException.at(
          node.location(), what + ": expected a map of keys, got " + node.kind());
    }
    return node.asMap();
  }

  static void checkKeys(Map<String, Located> m, Set<String> allowed, String where, Located owner) {
    for (Map.Entry<String, Located> e : m.entrySet()) {
      if (!allowed.contains(e.getKey())) {
        throw SuiteException.at(
            e.getValue().location(),
            "unknown key '"
                + Names.quote(e.getKey())
                + "' in "
                + where
                + Names.didYouMean(e.getKey(), allowed)
                + "; allowed: "
                + String.join(", ", new java.util.TreeSet<>(allowed)));
      }
    }
  }

  static Located required(Map<String, Located> m, String key, Located owner) {
    Located v = m.get(key);
    if (v == null || v.isNull()) {
      throw SuiteException.at(owner.location(), "'" + key + "' is required");
    }
    return v;
  }

  static String text(Located node, String key) {
    if (!(node.scalar() instanceof String s) || s.isBlank()) {
      throw SuiteException.at(node.location(), key + ": expected text, got " + node.kind());
    }
    return s;
  }

  static long integer(Located node, String key, long min, long max) {
    Object v = node.scalar();
    double d;
    if (v instanceof Long l) {
      d = l;
    } else if (v instanceof Double x && x == Math.rint(x)) {
      d = x;
    } else {
      throw SuiteException.at(node.location(), key + ": expected an integer, got " + node.kind());
    }
    if (d < min || d > max) {
      throw SuiteException.at(
          node.location(), key + " = " + v + " is out of range [" + min + ", " + max + "]");
    }
    return v instanceof Long l ? l : (long) d;
  }

  static double number(Located node, String key) {
    if (node.scalar() instanceof Number n && !(node.scalar() instanceof Double d && d.isNaN())) {
      return n.doubleValue();
    }
    throw SuiteException.at(node.location(), key + ": expected a number, got " + node.kind());
  }

  private static double positive(Located node, String key) {
    double v = number(node, key);
    if (!(v > 0)) {
      throw SuiteException.at(node.location(), key + " = " + v + " must be in (0, ∞)");
    }
    return v;
  }

  private static double finite(Located node, String key) {
    double v = number(node, key);
    if (!Double.isFinite(v)) {
      throw SuiteException.at(node.location(), key + " = " + v + " must be a finite number");
    }
    return v;
  }

  private static double nonNegative(Located node, String key) {
    double v = number(node, key);
    if (!(v >= 0)) {
      throw SuiteException.at(node.location(), key + " = " + v + " must be in [0, ∞)");
    }
    return v;
  }
}
