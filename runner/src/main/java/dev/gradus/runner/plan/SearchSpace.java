package dev.gradus.runner.plan;

import dev.gradus.runner.suite.Located;
import dev.gradus.runner.suite.SuiteException;
import dev.gradus.spi.RandomStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a tuned hyperparameter's values come from: {@code {log_uniform: [a, b]}}, {@code {uniform:
 * [a, b]}} or {@code {choice: [v, …]}} in place of a value. The provider checks every value drawn,
 * as it checks values written in the suite; this only knows how to draw them.
 */
sealed interface SearchSpace {
  /** Significant digits a drawn number keeps, so that labels stay short and values readable. */
  int DIGITS = 4;

  Set<String> KINDS = Set.of("log_uniform", "uniform", "choice");

  /** One value drawn from {@code stream}, the suite's tuning stream. */
  Object draw(RandomStream stream);

  /** {@code points} values spread over the space (a choice gives its values). */
  List<Object> grid(int points);

  /** The ends of a continuous space, which the provider checks before any trial; or the choices. */
  List<Object> extremes();

  /**
   * This space for an integer hyperparameter (such as history_size): a uniform space draws each
   * integer in [⌈a⌉, ⌊b⌋] as likely (rounding a continuous draw would give the two ends half the
   * chance of the others); log-uniform and choice values are rounded to the nearest integer where
   * they are used. Grids are deduplicated after rounding by the planner.
   */
  default SearchSpace forIntegers() {
    return this;
  }

  /** Whether {@code node} is a search space: a map with one key, one of {@link #KINDS}. */
  static boolean is(Located node) {
    return node.isMap()
        && node.asMap().size() == 1
        && KINDS.contains(node.asMap().keySet().iterator().next());
  }

  /**
   * The space {@code node} writes, its bounds checked for shape; {@code key} names it in errors.
   */
  static SearchSpace of(Located node, String key) {
    Map.Entry<String, Located> e = node.asMap().entrySet().iterator().next();
    Located body = e.getValue();
    if (!body.isList() || body.asList().isEmpty()) {
      throw SuiteException.at(
          body.location(), key + "." + e.getKey() + ": expected a list, got " + body.kind());
    }
    List<Located> items = body.asList();
    if (e.getKey().equals("choice")) {
      List<Object> values = new ArrayList<>();
      for (Located item : items) {
        if (!item.isScalar() || item.isNull()) {
          throw SuiteException.at(
              item.location(), key + ".choice: expected a value, got " + item.kind());
        }
        values.add(item.scalar());
      }
      return new Choice(List.copyOf(values));
    }
    if (items.size() != 2
        || !(items.get(0).scalar() instanceof Number a)
        || !(items.get(1).scalar() instanceof Number b)) {
      throw SuiteException.at(
          body.location(),
          key + "." + e.getKey() + ": expected [low, high], two numbers, got " + body.toPlain());
    }
    double low = a.doubleValue();
    double high = b.doubleValue();
    if (!(Double.isFinite(low) && Double.isFinite(high) && low < high)) {
      throw SuiteException.at(
          body.location(),
          key + "." + e.getKey() + ": needs finite low < high, got [" + low + ", " + high + "]");
    }
    if (e.getKey().equals("log_uniform")) {
      if (!(low > 0)) {
        throw SuiteException.at(
            body.location(), key + ".log_uniform: needs 0 < low, got low = " + low);
      }
      return new LogUniform(low, high);
    }
    return new Uniform(low, high);
  }

  /** {@code v} to {@link #DIGITS} significant digits, kept within [low, high]. */
  static double rounded(double v, double low, double high) {
    double r =
        new BigDecimal(v).round(new MathContext(DIGITS, RoundingMode.HALF_EVEN)).doubleValue();
    return Math.min(high, Math.max(low, r));
  }

  /** Uniform in the logarithm: as likely in [1e-4, 1e-3] as in [1e-2, 1e-1]. */
  record LogUniform(double low, double high) implements SearchSpace {
    @Override
    public Object draw(RandomStream stream) {
      double logLow = StrictMath.log(low);
      double logHigh = StrictMath.log(high);
      return rounded(StrictMath.exp(logLow + stream.nextDouble() * (logHigh - logLow)), low, high);
    }

    @Override
    public List<Object> grid(int points) {
      List<Object> out = new ArrayList<>();
      double ratio = StrictMath.log(high / low);
      for (int k = 0; k < points; k++) {
        out.add(rounded(low * StrictMath.exp(ratio * k / (points - 1)), low, high));
      }
      return out;
    }

    @Override
    public List<Object> extremes() {
      return List.of(low, high);
    }
  }

  record Uniform(double low, double high) implements SearchSpace {
    @Override
    public SearchSpace forIntegers() {
      return new IntegerUniform((long) Math.ceil(low), (long) Math.floor(high));
    }

    @Override
    public Object draw(RandomStream stream) {
      return rounded(low + stream.nextDouble() * (high - low), low, high);
    }

    @Override
    public List<Object> grid(int points) {
      List<Object> out = new ArrayList<>();
      for (int k = 0; k < points; k++) {
        out.add(rounded(low + (high - low) * k / (points - 1), low, high));
      }
      return out;
    }

    @Override
    public List<Object> extremes() {
      return List.of(low, high);
    }
  }

  /** Each integer of [low, high] as likely: a uniform space of an integer hyperparameter. */
  record IntegerUniform(long low, long high) implements SearchSpace {
    @Override
    public Object draw(RandomStream stream) {
      return low + (long) stream.nextInt((int) Math.min(Integer.MAX_VALUE, high - low + 1));
    }

    /** {@code points} integers spread evenly from low to high, each once. */
    @Override
    public List<Object> grid(int points) {
      List<Object> out = new ArrayList<>();
      for (int k = 0; k < points; k++) {
        long v = Math.round(low + (high - low) * (double) k / (points - 1));
        if (!out.contains(v)) {
          out.add(v);
        }
      }
      return out;
    }

    @Override
    public List<Object> extremes() {
      return List.of(low, high);
    }
  }

  /** One of the values, each as likely. */
  record Choice(List<Object> values) implements SearchSpace {
    @Override
    public Object draw(RandomStream stream) {
      return values.get(stream.nextInt(values.size()));
    }

    @Override
    public List<Object> grid(int points) {
      return values;
    }

    @Override
    public List<Object> extremes() {
      return values;
    }
  }
}
