package dev.gradus.runner.compare;

import dev.gradus.runner.analysis.Bootstrap;
import dev.gradus.runner.analysis.RankSum;
import dev.gradus.runner.results.PlanFile;
import dev.gradus.runner.results.ResolvedSuite;
import dev.gradus.runner.results.ResultsFolder;
import dev.gradus.runner.results.Samples;
import dev.gradus.runner.results.SignificanceTable;
import dev.gradus.runner.run.RunResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Results folders compared on the function configurations they all have. A function configuration
 * is known by its name and parameters (dimension included); folders whose configurations of one
 * name differ — in a parameter, the start, gradient or bounds, or in the suite's budget or stop
 * rules — are refused, since their numbers do not measure the same thing. Every optimizer
 * configuration keeps its own row, labelled {@code FOLDER/label}. Nothing is written here, and the
 * folders are only read.
 *
 * @param folders the folders' names as labels use them, in the order given
 * @param target the f − f* that counts as reached for runtimes and aRT
 * @param functions the shared function configurations, in the first folder's order
 */
public record Comparison(List<String> folders, double target, List<Function> functions) {
  /** The level at which a configuration is marked worse than the best. */
  public static final double ALPHA = SignificanceTable.ALPHA;

  static final int RESAMPLES = 1000;
  static final double LEVEL = 0.95;

  /** Folders that cannot be compared (or a place a comparison may not be written). */
  public static final class RefusedException extends IllegalArgumentException {
    public RefusedException(String message) {
      super(message);
    }
  }

  /**
   * One configuration's line in a function's ranking.
   *
   * @param interval the median final gap's 95% percentile bootstrap interval {low, high}
   * @param pVersusBest the rank-sum p-value of the final gaps against the best's; NaN for the best
   *     and where either has none
   * @param pHolm pVersusBest Holm-corrected over the function's comparisons with the best
   */
  public record Entry(
      int rank, Samples samples, double[] interval, double pVersusBest, double pHolm) {
    /** Significantly worse than the best, after the correction. */
    public boolean worse() {
      return pHolm <= ALPHA;
    }
  }

  /** A shared function configuration: its ranking and every pair's tests. */
  public record Function(String label, List<Entry> ranking, List<SignificanceTable.Row> pairs) {}

  /**
   * Reads and compares {@code dirs}.
   *
   * @param target the target for runtimes, or null for the suites' stop target (the same in all, or
   *     refused) or else {@link Samples#DEFAULT_TARGET}
   * @throws RefusedException when fewer than two folders are given, one is given twice, the folders
   *     share no function configuration, or same-named configurations differ
   * @throws IllegalArgumentException when a folder is not a results folder, naming it
   */
  public static Comparison of(List<Path> dirs, Double target) {
    if (dirs.size() < 2) {
      throw new RefusedException("compare needs two results folders or more, got " + dirs.size());
    }
    Set<Path> seen = new HashSet<>();
    for (Path d : dirs) {
      if (!seen.add(d.toAbsolutePath().normalize())) {
        throw new RefusedException("compare: " + d + " is given twice");
      }
    }
    List<Folder> folders = new ArrayList<>();
    List<String> names = names(dirs);
    for (int i = 0; i < dirs.size(); i++) {
      folders.add(Folder.read(dirs.get(i), names.get(i)));
    }
    Folder first = folders.get(0);
    for (Folder other : folders.subList(1, folders.size())) {
      refuseDiffering(first, other);
    }
    double t =
        target != null
            ? target
            : first.settings.target() != null ? first.settings.target() : Samples.DEFAULT_TARGET;
    if (!(t > 0)) {
      throw new RefusedException("compare: the target must be > 0, got " + t);
    }
    List<Function> functions = new ArrayList<>();
    for (Map.Entry<Map<String, Object>, Map<String, Object>> f : first.functions.entrySet()) {
      if (folders.stream().allMatch(folder -> folder.functions.containsKey(f.getKey()))) {
        functions.add(
            compare(functions.size(), (String) f.getValue().get("label"), f.getKey(), folders, t));
      }
    }
    if (functions.isEmpty()) {
      throw new RefusedException(
          "compare: "
              + String.join(", ", dirs.stream().map(Path::toString).toList())
              + " share no function configuration (same name and parameters): nothing to compare");
    }
    return new Comparison(names, t, functions);
  }

  private static Function compare(
      int index, String label, Map<String, Object> key, List<Folder> folders, double target) {
    List<Samples> all = new ArrayList<>();
    for (Folder folder : folders) {
      int functionIndex = ((Number) folder.functions.get(key).get("function_index")).intValue();
      List<RunResult> runs =
          folder.results.runs().stream().filter(r -> r.functionIndex() == functionIndex).toList();
      for (Samples s : Samples.of(runs, id -> folder.results.traces().get(id), target)) {
        all.add(s.relabelled(index, label, folder.name + "/" + s.label()));
      }
    }
    List<Samples> ranked = new ArrayList<>(all);
    ranked.sort(
        Comparator.comparingDouble((Samples s) -> orLast(s.medianGap()))
            .thenComparingDouble(s -> orLast(s.medianRuntime())));
    Samples best = ranked.get(0);
    double[] p = new double[ranked.size() - 1];
    for (int i = 1; i < ranked.size(); i++) {
      double[] other = ranked.get(i).finalGaps();
      p[i - 1] =
          best.finalGaps().length == 0 || other.length == 0
              ? Double.NaN
              : RankSum.test(best.finalGaps(), other).p();
    }
    double[] holm = RankSum.holmOfTested(p);
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < ranked.size(); i++) {
      Samples s = ranked.get(i);
      double[] interval =
          Bootstrap.medianInterval(s.finalGaps(), RESAMPLES, LEVEL, 1_000_003L * index + i);
      entries.add(
          new Entry(
              i + 1,
              s,
              interval,
              i == 0 ? Double.NaN : p[i - 1],
              i == 0 ? Double.NaN : holm[i - 1]));
    }
    return new Function(label, List.copyOf(entries), SignificanceTable.of(all, target));
  }

  private static double orLast(double v) {
    return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
  }

  /** Each folder's name; a name two folders share gets the folder's position, as {@code b(2)}. */
  static List<String> names(List<Path> dirs) {
    List<String> names = new ArrayList<>();
    for (Path d : dirs) {
      Path name = d.toAbsolutePath().normalize().getFileName();
      names.add(name == null ? d.toString() : name.toString());
    }
    List<String> unique = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String n = names.get(i);
      unique.add(java.util.Collections.frequency(names, n) > 1 ? n + "(" + (i + 1) + ")" : n);
    }
    return unique;
  }

  /**
   * Refuses when the suites' budgets or stop rules differ, or when configurations of one function
   * name differ in their settings, or have no parameters in common.
   */
  private static void refuseDiffering(Folder a, Folder b) {
    Map<String, List<Map.Entry<Map<String, Object>, Map<String, Object>>>> byNameA = byName(a);
    Map<String, List<Map.Entry<Map<String, Object>, Map<String, Object>>>> byNameB = byName(b);
    boolean shared = false;
    for (String name : byNameA.keySet()) {
      if (!byNameB.containsKey(name)) {
        continue;
      }
      shared = true;
      boolean matched = false;
      for (Map.Entry<Map<String, Object>, Map<String, Object>> fa : byNameA.get(name)) {
        Map<String, Object> fb = b.functions.get(fa.getKey());
        if (fb != null) {
          matched = true;
          differs(a, b, name, settings(fa.getValue()), settings(fb));
        }
      }
      if (!matched) {
        differs(a, b, name, fa(byNameA, name).getKey(), fa(byNameB, name).getKey());
      }
    }
    if (shared) {
      differs(a, b, "", flat("budget", a.settings.budget()), flat("budget", b.settings.budget()));
      differs(a, b, "", flat("stop", a.settings.stop()), flat("stop", b.settings.stop()));
    }
  }

  private static Map.Entry<Map<String, Object>, Map<String, Object>> fa(
      Map<String, List<Map.Entry<Map<String, Object>, Map<String, Object>>>> byName, String name) {
    return byName.get(name).get(0);
  }

  /** Throws naming the first field whose values differ between the two maps. */
  private static void differs(
      Folder a, Folder b, String function, Map<String, Object> x, Map<String, Object> y) {
    Set<String> fields = new java.util.TreeSet<>(x.keySet());
    fields.addAll(y.keySet());
    for (String field : fields) {
      Object u = x.get(field);
      Object v = y.get(field);
      if (!Objects.equals(normal(u), normal(v))) {
        throw new RefusedException(
            "cannot compare "
                + a.dir
                + " and "
                + b.dir
                + ": "
                + (function.isEmpty() ? "" : "function '" + function + "' has ")
                + field
                + " "
                + u
                + " in "
                + a.name
                + " but "
                + v
                + " in "
                + b.name);
      }
    }
  }

  /** Numbers compared by value, so that YAML's 10 and 10.0 are one budget (and print as 10). */
  private static Object normal(Object value) {
    if (!(value instanceof Number n)) {
      return value;
    }
    double d = n.doubleValue();
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) (long) d : (Object) d;
  }

  private static Map<String, Object> flat(String prefix, Map<String, Object> m) {
    Map<String, Object> out = new TreeMap<>();
    m.forEach((k, v) -> out.put(prefix + "." + k, v));
    return out;
  }

  private static Map<String, Object> settings(Map<String, Object> function) {
    Map<String, Object> out = new TreeMap<>();
    for (String field : SETTINGS) {
      out.put(field, function.get(field));
    }
    return out;
  }

  private static Map<String, List<Map.Entry<Map<String, Object>, Map<String, Object>>>> byName(
      Folder f) {
    Map<String, List<Map.Entry<Map<String, Object>, Map<String, Object>>>> out =
        new LinkedHashMap<>();
    for (Map.Entry<Map<String, Object>, Map<String, Object>> e : f.functions.entrySet()) {
      out.computeIfAbsent((String) e.getKey().get("name"), k -> new ArrayList<>()).add(e);
    }
    return out;
  }

  /** The fields of a function configuration that are how it is run, not what it is. */
  static final List<String> SETTINGS = List.of("start", "gradient", "bounds");

  /** The fields of suite.resolved.yaml's function entries that are neither identity nor setting. */
  private static final Set<String> BOOKKEEPING = Set.of("function_index", "label");

  /** A folder read for comparison; functions by identity (name, parameters, dim). */
  private record Folder(
      Path dir,
      String name,
      ResultsFolder results,
      ResolvedSuite.Settings settings,
      Map<Map<String, Object>, Map<String, Object>> functions) {
    static Folder read(Path dir, String name) {
      PlanFile.read(dir); // a results folder of this Gradus, or a clear error naming it
      ResultsFolder results = ResultsFolder.read(dir);
      ResolvedSuite.Settings settings =
          ResolvedSuite.read(results.layout())
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          dir
                              + " has no suite.resolved.yaml, so its function configurations are"
                              + " unknown: it cannot be compared"));
      Map<Map<String, Object>, Map<String, Object>> functions = new LinkedHashMap<>();
      for (Map<String, Object> f : settings.functions()) {
        Map<String, Object> key = new TreeMap<>();
        f.forEach(
            (k, v) -> {
              if (!BOOKKEEPING.contains(k) && !SETTINGS.contains(k)) {
                key.put(k, normal(v));
              }
            });
        if (!key.containsKey("dim") && f.get("function_index") instanceof Number index) {
          results.runs().stream()
              .filter(r -> r.functionIndex() == index.intValue() && r.xStart() != null)
              .findFirst()
              .ifPresent(r -> key.put("dim", (long) r.xStart().length));
        }
        functions.put(key, f);
      }
      return new Folder(dir, name, results, settings, functions);
    }
  }
}
