package dev.gradus.functions.regression;

import dev.gradus.spi.InvalidHyperParameterException;
import dev.gradus.spi.Names;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Reads the {@code data} hyperparameter: {@code {csv: path, x: [col, ...], y: col}}, {@code
 * {dataset: id}} (a dataset Gradus ships, {@link Datasets}) or {@code {generate: {n, weights:
 * [...], bias, noise, seed}}}; with {@code standardize: true|false} (default: as the shipped
 * dataset says, false otherwise).
 */
final class DataSpec {
  /** The generated set used when a suite gives no data, and the defaults of {@code generate}. */
  record Generate(int n, List<Double> weights, double bias, double noise, long seed) {
    static final Generate DEFAULTS = new Generate(50, List.of(2.0), 1.0, 0.5, 42);

    Generate {
      if (n < 1 || n > 10_000_000) {
        throw invalid("data.generate.n = " + n + " is not allowed: must be in [1, 10000000]");
      }
      weights = List.copyOf(weights);
      if (weights.isEmpty()) {
        throw invalid("data.generate.weights is empty: give at least one feature weight");
      }
      if (!(noise >= 0) || !Double.isFinite(noise)) {
        throw invalid("data.generate.noise = " + noise + " is not allowed: must be in [0, ∞)");
      }
    }
  }

  private static final Set<String> TOP_KEYS =
      Set.of("csv", "x", "y", "generate", "dataset", "standardize", "test_fraction", "split_seed");

  /** The largest share of rows a suite may hold out. */
  static final double MAX_TEST_FRACTION = 0.9;

  /**
   * The training rows and, when {@code test_fraction} is given, the held-out ones.
   *
   * @param test null without a split
   */
  record Split(Dataset train, Dataset test) {}

  private static final Set<String> GENERATE_KEYS = Set.of("n", "weights", "bias", "noise", "seed");

  private DataSpec() {}

  /** The dataset {@code raw} describes, without a split (its training rows, if it has one). */
  static Dataset load(Object raw, boolean logistic) {
    return split(raw, logistic, false).train();
  }

  /**
   * The dataset {@code raw} describes, split into training and test rows when it says {@code
   * test_fraction: p}: each class (each distinct target, when {@code classes}) or the whole set
   * shuffled with the seeded stream of {@code split_seed} (default 0), and round(p·size) of it held
   * out. Standardization uses the training rows' means and deviations for both. Labels are drawn
   * from σ(xw + b) when {@code logistic}.
   */
  static Split split(Object raw, boolean logistic, boolean classes) {
    if (raw == null) {
      return new Split(generate(Generate.DEFAULTS, logistic), null);
    }
    if (!(raw instanceof Map<?, ?> map)) {
      throw invalid(
          "data = "
              + raw
              + " is not allowed: must be {csv: path, x: [columns], y: column}, {dataset: id} or"
              + " {generate: {n, weights, bias, noise, seed}}");
    }
    requireKnownKeys(map, TOP_KEYS, "data");
    Datasets.Shipped shipped =
        map.containsKey("dataset")
            ? Datasets.shipped(text(map.get("dataset"), "data.dataset"))
            : null;
    Object standardize = map.get("standardize");
    if (standardize != null && !(standardize instanceof Boolean)) {
      throw invalid("data.standardize = " + standardize + " is not allowed: must be true or false");
    }
    // a shipped dataset's features differ in scale by orders of magnitude: standardized unless
    // the suite says otherwise; a user's own data stays as given unless asked
    boolean scaled =
        standardize == null
            ? shipped != null && shipped.standardizeByDefault()
            : (Boolean) standardize;
    Dataset data = source(map, shipped, logistic);
    double fraction = number(map.get("test_fraction"), "data.test_fraction", 0);
    if (!(fraction >= 0 && fraction <= MAX_TEST_FRACTION)) {
      throw invalid(
          "data.test_fraction = "
              + fraction
              + " is not allowed: must be in [0, "
              + MAX_TEST_FRACTION
              + "]");
    }
    double seed = number(map.get("split_seed"), "data.split_seed", 0);
    if (seed != Math.rint(seed)) {
      throw invalid("data.split_seed = " + seed + " is not allowed: must be an integer");
    }
    if (map.containsKey("split_seed") && fraction == 0) {
      throw invalid("data.split_seed needs data.test_fraction: there is no split without it");
    }
    if (fraction == 0) {
      return new Split(scaled ? data.standardized() : data, null);
    }
    int[][] parts = splitRows(data, fraction, (long) seed, classes);
    Dataset train = data.rows(parts[0], "training split");
    Dataset test = data.rows(parts[1], "test split");
    return scaled
        ? new Split(train.standardizedAs(train), test.standardizedAs(train))
        : new Split(train, test);
  }

  /** {training rows, test rows}, each in the data's order. */
  static int[][] splitRows(Dataset data, double fraction, long seed, boolean classes) {
    java.util.TreeMap<Double, List<Integer>> groups = new java.util.TreeMap<>();
    for (int i = 0; i < data.rows(); i++) {
      groups.computeIfAbsent(classes ? data.targets()[i] : 0.0, k -> new ArrayList<>()).add(i);
    }
    dev.gradus.spi.RandomStream stream = new dev.gradus.spi.RandomStream(seed);
    List<Integer> train = new ArrayList<>();
    List<Integer> test = new ArrayList<>();
    for (List<Integer> group : groups.values()) {
      for (int i = group.size() - 1; i > 0; i--) {
        int j = stream.nextInt(i + 1);
        Integer swap = group.get(i);
        group.set(i, group.get(j));
        group.set(j, swap);
      }
      int held = (int) Math.round(fraction * group.size());
      test.addAll(group.subList(0, held));
      train.addAll(group.subList(held, group.size()));
    }
    if (test.isEmpty() || train.isEmpty()) {
      throw invalid(
          "data.test_fraction = "
              + fraction
              + " leaves "
              + (test.isEmpty() ? "no test rows" : "no training rows")
              + " of "
              + data.rows()
              + ": give more data or another fraction");
    }
    return new int[][] {
      train.stream().mapToInt(Integer::intValue).sorted().toArray(),
      test.stream().mapToInt(Integer::intValue).sorted().toArray()
    };
  }

  /** The rows {@code map} names: a CSV, generated data, or {@code shipped} when not null. */
  private static Dataset source(Map<?, ?> map, Datasets.Shipped shipped, boolean logistic) {
    boolean dataset = shipped != null;
    boolean csv = map.containsKey("csv");
    boolean generate = map.containsKey("generate");
    if ((csv ? 1 : 0) + (generate ? 1 : 0) + (dataset ? 1 : 0) != 1) {
      throw invalid(
          "data needs exactly one of 'csv', 'generate' or 'dataset', got " + map.keySet());
    }
    if (dataset) {
      if (map.containsKey("x") || map.containsKey("y")) {
        throw invalid(
            "data.x and data.y belong with csv: a shipped dataset has its features and target");
      }
      return Datasets.load(shipped);
    }
    if (csv) {
      Path file = Path.of(text(map.get("csv"), "data.csv"));
      Object x = map.get("x");
      List<String> features = new ArrayList<>();
      if (x instanceof List<?> list) {
        for (Object column : list) {
          features.add(text(column, "data.x"));
        }
      } else if (x != null) {
        features.add(text(x, "data.x"));
      }
      if (features.isEmpty()) {
        throw invalid("data.x is required with csv: the feature column name(s), such as [x]");
      }
      if (map.get("y") == null) {
        throw invalid("data.y is required with csv: the target column name");
      }
      return CsvTable.read(file, features, text(map.get("y"), "data.y"));
    }
    if (map.containsKey("x") || map.containsKey("y")) {
      throw invalid("data.x and data.y belong with csv, not with generate");
    }
    return generate(generateSpec(map.get("generate"), logistic), logistic);
  }

  private static Generate generateSpec(Object raw, boolean logistic) {
    Generate d = Generate.DEFAULTS;
    if (raw == null) {
      return d;
    }
    if (!(raw instanceof Map<?, ?> map)) {
      throw invalid("data.generate = " + raw + " is not allowed: must be a map " + GENERATE_KEYS);
    }
    requireKnownKeys(map, GENERATE_KEYS, "data.generate");
    if (logistic && map.containsKey("noise")) {
      throw invalid(
          "data.generate.noise does not apply to logistic-regression: labels are drawn from the"
              + " logistic model itself");
    }
    double n = number(map.get("n"), "data.generate.n", d.n());
    if (n != Math.rint(n)) {
      throw invalid("data.generate.n = " + n + " is not allowed: must be an integer");
    }
    List<Double> weights = d.weights();
    if (map.get("weights") != null) {
      if (!(map.get("weights") instanceof List<?> list)) {
        throw invalid("data.generate.weights = " + map.get("weights") + " must be a list");
      }
      weights = new ArrayList<>();
      for (Object w : list) {
        weights.add(number(w, "data.generate.weights", Double.NaN));
      }
    }
    double seed = number(map.get("seed"), "data.generate.seed", d.seed());
    return new Generate(
        (int) Math.min(n, Integer.MAX_VALUE),
        weights,
        number(map.get("bias"), "data.generate.bias", d.bias()),
        number(map.get("noise"), "data.generate.noise", d.noise()),
        (long) seed);
  }

  /**
   * Features uniform in [−1, 1); targets w·x + b + noise·N(0, 1), or for logistic regression labels
   * 1 with probability σ(w·x + b). Seeded, so the same spec always gives the same data.
   */
  static Dataset generate(Generate spec, boolean logistic) {
    Random random = new Random(spec.seed());
    int k = spec.weights().size();
    double[] features = new double[spec.n() * k];
    double[] targets = new double[spec.n()];
    for (int i = 0; i < spec.n(); i++) {
      double z = spec.bias();
      for (int j = 0; j < k; j++) {
        double x = 2 * random.nextDouble() - 1;
        features[i * k + j] = x;
        z += spec.weights().get(j) * x;
      }
      targets[i] =
          logistic
              ? (random.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0)
              : z + spec.noise() * random.nextGaussian();
    }
    List<String> names = new ArrayList<>();
    for (int j = 0; j < k; j++) {
      names.add(k == 1 ? "x" : "x" + j);
    }
    return new Dataset(names, features, targets, "generated data " + spec);
  }

  private static void requireKnownKeys(Map<?, ?> map, Set<String> known, String where) {
    for (Object key : map.keySet()) {
      if (!known.contains(String.valueOf(key))) {
        throw invalid(
            where
                + " has no key '"
                + key
                + "'"
                + Names.didYouMean(String.valueOf(key), known)
                + "; allowed: "
                + known.stream().sorted().toList());
      }
    }
  }

  private static String text(Object value, String where) {
    if (value instanceof String s && !s.isBlank()) {
      return s;
    }
    throw invalid(where + " = " + value + " is not allowed: must be a non-empty text");
  }

  private static double number(Object value, String where, double fallback) {
    if (value == null && !Double.isNaN(fallback)) {
      return fallback;
    }
    if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
      return number.doubleValue();
    }
    throw invalid(where + " = " + value + " is not allowed: must be a finite number");
  }

  static InvalidHyperParameterException invalid(String message) {
    return new InvalidHyperParameterException("data", message);
  }
}
