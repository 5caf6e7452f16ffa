package dev.gradus.optimizers;

import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.InvalidHyperParameterException;
import dev.gradus.spi.Names;
import dev.gradus.spi.Range;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongToDoubleFunction;

/** The closed forms behind {@link Schedule}'s factories, their argument checks, and the parser. */
final class Schedules {
  private Schedules() {}

  static double cosine(double baseLr, double etaMin, double current, double period) {
    return etaMin + (baseLr - etaMin) * (1 + Math.cos(Math.PI * current / period)) / 2;
  }

  /**
   * T_cur and T_i found with whole numbers: torch takes ⌊log_{T_mult}(t(T_mult − 1)/T_0 + 1)⌋ in
   * floating point, which lands one cycle early when the logarithm rounds down at a restart.
   */
  static double warmRestarts(double baseLr, double etaMin, long step, long t0, long tMult) {
    long cycleStart = 0;
    long cycleLength = t0;
    while (step - cycleStart >= cycleLength) {
      cycleStart += cycleLength;
      if (tMult == 1) {
        cycleStart = step - step % t0;
        break;
      }
      cycleLength *= tMult;
    }
    return cosine(baseLr, etaMin, step - cycleStart, cycleLength);
  }

  /** The number of entries of increasing {@code sorted} that are ≤ {@code step}. */
  static int countAtMost(long[] sorted, long step) {
    int count = 0;
    while (count < sorted.length && sorted[count] <= step) {
      count++;
    }
    return count;
  }

  static void positive(String name, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          name + " = " + value + " is not allowed: must be a number in (0, ∞)");
    }
  }

  static void positive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(
          name + " = " + value + " is not allowed: must be an integer in [1, ∞)");
    }
  }

  static void nonNegative(String name, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          name + " = " + value + " is not allowed: must be a number in [0, ∞)");
    }
  }

  static void inRange(String name, double value, double min, boolean minInclusive, double max) {
    Range range = new Range(min, minInclusive, max, true);
    if (!range.contains(value)) {
      throw new IllegalArgumentException(
          name + " = " + value + " is not allowed: must be a number in " + range);
    }
  }

  static long[] increasing(String name, List<Long> values) {
    long[] out = new long[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
      if (out[i] < 0 || (i > 0 && out[i] <= out[i - 1])) {
        throw new IllegalArgumentException(
            name + " = " + values + " is not allowed: must be increasing whole numbers ≥ 0");
      }
    }
    return out;
  }

  // ---- the parser ----

  private static final Range POSITIVE = Range.greaterThan(0);
  private static final Range NON_NEGATIVE = Range.atLeast(0);
  private static final Range COUNT = Range.closed(1, Long.MAX_VALUE / 4.0);

  private record Kind(
      List<HyperParameter> keys, BiFunction<HyperParameters, Compiler, Schedule> make) {}

  /** The compiler of lambda and multiplicative factors; null when the caller gave none. */
  private interface Compiler extends Function<String, LongToDoubleFunction> {}

  private static final Map<String, Kind> KINDS = kinds();

  private static Map<String, Kind> kinds() {
    Map<String, Kind> kinds = new LinkedHashMap<>();
    kinds.put(
        "constant",
        new Kind(
            List.of(
                HyperParameter.real(
                    "factor",
                    1.0 / 3,
                    Range.closed(0, 1),
                    "factor of the base rate until total_iters"),
                HyperParameter.integer("total_iters", 5, COUNT, "steps at the reduced rate")),
            (v, c) -> Schedule.constant(v.real("factor"), v.integer("total_iters"))));
    kinds.put(
        "step",
        new Kind(
            List.of(
                required("step_size", HyperParameter.Type.INTEGER, COUNT, "steps between decays"),
                HyperParameter.real("gamma", 0.1, POSITIVE, "decay factor")),
            (v, c) -> Schedule.step(v.integer("step_size"), v.real("gamma"))));
    kinds.put(
        "multistep",
        new Kind(
            List.of(
                new HyperParameter(
                    "milestones",
                    HyperParameter.Type.REAL_LIST,
                    null,
                    NON_NEGATIVE,
                    null,
                    0,
                    "increasing steps at which to decay"),
                HyperParameter.real("gamma", 0.1, POSITIVE, "decay factor")),
            (v, c) -> Schedule.multiStep(wholeNumbers("multistep", v), v.real("gamma"))));
    kinds.put(
        "exponential",
        new Kind(
            List.of(
                new HyperParameter(
                    "gamma", HyperParameter.Type.REAL, null, POSITIVE, null, 0, "decay per step")),
            (v, c) -> Schedule.exponential(v.real("gamma"))));
    kinds.put(
        "cosine",
        new Kind(
            List.of(
                required("t_max", HyperParameter.Type.INTEGER, COUNT, "steps of a half cosine"),
                HyperParameter.real("eta_min", 0, NON_NEGATIVE, "minimum learning rate")),
            (v, c) -> Schedule.cosine(v.integer("t_max"), v.real("eta_min"))));
    kinds.put(
        "cosine_warm_restarts",
        new Kind(
            List.of(
                required("t_0", HyperParameter.Type.INTEGER, COUNT, "steps of the first cycle"),
                HyperParameter.integer("t_mult", 1, COUNT, "growth factor of the cycle length"),
                HyperParameter.real("eta_min", 0, NON_NEGATIVE, "minimum learning rate")),
            (v, c) ->
                Schedule.cosineWarmRestarts(
                    v.integer("t_0"), v.integer("t_mult"), v.real("eta_min"))));
    kinds.put(
        "linear",
        new Kind(
            List.of(
                HyperParameter.real(
                    "start_factor",
                    1.0 / 3,
                    new Range(0, false, 1, true),
                    "factor of the base rate at step 0"),
                HyperParameter.real(
                    "end_factor", 1, Range.closed(0, 1), "factor from step total_iters on"),
                HyperParameter.integer("total_iters", 5, COUNT, "steps of the linear ramp")),
            (v, c) ->
                Schedule.linear(
                    v.real("start_factor"), v.real("end_factor"), v.integer("total_iters"))));
    kinds.put(
        "polynomial",
        new Kind(
            List.of(
                HyperParameter.integer("total_iters", 5, COUNT, "steps until the rate is 0"),
                HyperParameter.real("power", 1, NON_NEGATIVE, "exponent of the decay")),
            (v, c) -> Schedule.polynomial(v.integer("total_iters"), v.real("power"))));
    kinds.put(
        "one_cycle",
        new Kind(
            List.of(
                required("max_lr", HyperParameter.Type.REAL, POSITIVE, "peak learning rate"),
                required("total_steps", HyperParameter.Type.INTEGER, COUNT, "length of the cycle"),
                HyperParameter.real(
                    "pct_start", 0.3, Range.closed(0, 1), "fraction of the cycle spent rising"),
                HyperParameter.choice(
                    "anneal_strategy", "cos", List.of("cos", "linear"), "shape of each phase"),
                HyperParameter.real(
                    "div_factor", 25, POSITIVE, "initial rate = max_lr / div_factor"),
                HyperParameter.real(
                    "final_div_factor",
                    1e4,
                    POSITIVE,
                    "final rate = initial rate / final_div_factor"),
                HyperParameter.bool(
                    "three_phase", false, "return to the initial rate before the final decay"),
                HyperParameter.bool(
                    "cycle_momentum", true, "cycle momentum (β₁) inversely to the rate"),
                HyperParameter.real(
                    "base_momentum", 0.85, Range.closed(0, 1), "momentum at the peak rate"),
                HyperParameter.real(
                    "max_momentum", 0.95, Range.closed(0, 1), "momentum at the lowest rates")),
            (v, c) ->
                Schedule.oneCycle(
                    v.real("max_lr"),
                    v.integer("total_steps"),
                    v.real("pct_start"),
                    v.text("anneal_strategy").equals("cos")
                        ? Schedule.Anneal.COS
                        : Schedule.Anneal.LINEAR,
                    v.real("div_factor"),
                    v.real("final_div_factor"),
                    v.bool("three_phase"),
                    v.bool("cycle_momentum"),
                    v.real("base_momentum"),
                    v.real("max_momentum"))));
    kinds.put(
        "cyclic",
        new Kind(
            List.of(
                required("base_lr", HyperParameter.Type.REAL, NON_NEGATIVE, "lower rate"),
                required("max_lr", HyperParameter.Type.REAL, NON_NEGATIVE, "upper rate"),
                HyperParameter.integer("step_size_up", 2000, COUNT, "steps of the rising half"),
                HyperParameter.structure(
                    "step_size_down", "steps of the falling half (default: step_size_up)"),
                HyperParameter.choice(
                    "mode",
                    "triangular",
                    List.of("triangular", "triangular2", "exp_range"),
                    "amplitude per cycle"),
                HyperParameter.real("gamma", 1, POSITIVE, "exp_range: amplitude factor per step"),
                HyperParameter.bool(
                    "cycle_momentum", true, "cycle momentum (β₁) inversely to the rate"),
                HyperParameter.real("base_momentum", 0.8, Range.closed(0, 1), "momentum at max_lr"),
                HyperParameter.real(
                    "max_momentum", 0.9, Range.closed(0, 1), "momentum at base_lr")),
            (v, c) ->
                Schedule.cyclic(
                    v.real("base_lr"),
                    v.real("max_lr"),
                    v.integer("step_size_up"),
                    stepSizeDown(v),
                    Schedule.CyclicMode.valueOf(v.text("mode").toUpperCase(java.util.Locale.ROOT)),
                    v.real("gamma"),
                    v.bool("cycle_momentum"),
                    v.real("base_momentum"),
                    v.real("max_momentum"))));
    kinds.put(
        "reduce_on_plateau",
        new Kind(
            List.of(
                HyperParameter.choice("mode", "min", List.of("min", "max"), "minimize or maximize"),
                HyperParameter.real(
                    "factor", 0.1, Range.closedOpen(0, 1), "lr ← lr·factor at a plateau"),
                HyperParameter.integer(
                    "patience", 10, Range.closed(0, Long.MAX_VALUE / 4.0), "bad steps tolerated"),
                HyperParameter.real("threshold", 1e-4, NON_NEGATIVE, "least significant change"),
                HyperParameter.choice(
                    "threshold_mode", "rel", List.of("rel", "abs"), "relative or absolute"),
                HyperParameter.integer(
                    "cooldown",
                    0,
                    Range.closed(0, Long.MAX_VALUE / 4.0),
                    "steps after a reduction before counting again"),
                HyperParameter.real("min_lr", 0, NON_NEGATIVE, "lower bound of the rate"),
                HyperParameter.real("eps", 1e-8, NON_NEGATIVE, "least reduction applied")),
            (v, c) ->
                Schedule.reduceOnPlateau(
                    v.text("mode").equals("max"),
                    v.real("factor"),
                    v.integer("patience"),
                    v.real("threshold"),
                    v.text("threshold_mode").equals("rel"),
                    v.integer("cooldown"),
                    v.real("min_lr"),
                    v.real("eps"))));
    kinds.put(
        "lambda",
        new Kind(
            List.of(HyperParameter.text("lr_lambda", null, "factor of the base rate, in t")),
            (v, c) -> Schedule.lambda(compile(c, "lambda", v.text("lr_lambda")))));
    kinds.put(
        "multiplicative",
        new Kind(
            List.of(HyperParameter.text("lr_lambda", null, "multiplier at step t (t ≥ 1)")),
            (v, c) -> Schedule.multiplicative(compile(c, "multiplicative", v.text("lr_lambda")))));
    kinds.put(
        "chained",
        new Kind(
            List.of(HyperParameter.structure("schedulers", "the schedules, applied in turn")),
            Schedules::chained));
    kinds.put(
        "sequential",
        new Kind(
            List.of(
                HyperParameter.structure("schedules", "the schedules, in order"),
                new HyperParameter(
                    "milestones",
                    HyperParameter.Type.REAL_LIST,
                    null,
                    NON_NEGATIVE,
                    null,
                    0,
                    "steps at which the next schedule starts")),
            Schedules::sequential));
    return kinds;
  }

  private static HyperParameter required(
      String name, HyperParameter.Type type, Range range, String doc) {
    return new HyperParameter(name, type, null, range, null, 0, doc);
  }

  /** The schedule names the parser knows, in the order docs/optimizers.md lists them. */
  static List<String> names() {
    return List.copyOf(KINDS.keySet());
  }

  static List<HyperParameter> keys(String name) {
    Kind kind = KINDS.get(name);
    if (kind == null) {
      throw new IllegalArgumentException("unknown schedule '" + name + "': " + names());
    }
    return kind.keys();
  }

  static Schedule parse(Object yaml) {
    return parse(yaml, (Compiler) null);
  }

  static Schedule parse(Object yaml, Function<String, ? extends LongToDoubleFunction> expressions) {
    return parse(yaml, expressions == null ? null : (Compiler) expressions::apply);
  }

  private static Schedule parse(Object yaml, Compiler compiler) {
    if (yaml instanceof String name) {
      if (name.equals("constant") || name.equals("none")) {
        // the bare name keeps meaning "no schedule"; torch's ConstantLR is the map form
        return Schedule.constant();
      }
      return parse(name, Map.of(), compiler);
    }
    if (yaml instanceof Map<?, ?> map && map.size() == 1) {
      Map.Entry<?, ?> entry = map.entrySet().iterator().next();
      if (entry.getKey() instanceof String name) {
        Object body = entry.getValue();
        if (body == null) {
          return parse(name, Map.of(), compiler);
        }
        if (body instanceof String text
            && (name.equals("lambda") || name.equals("multiplicative"))) {
          return parse(name, Map.of("lr_lambda", text), compiler);
        }
        if (body instanceof Map<?, ?> keys) {
          Map<String, Object> values = new LinkedHashMap<>();
          for (Map.Entry<?, ?> key : keys.entrySet()) {
            values.put(String.valueOf(key.getKey()), key.getValue());
          }
          return parse(name, values, compiler);
        }
        throw new IllegalArgumentException(
            "schedule '" + name + "' must map to its settings, such as {t_max: 100}, got " + body);
      }
    }
    throw new IllegalArgumentException(
        "a schedule is a name or a one-entry map such as {cosine: {t_max: 100}}, got " + yaml);
  }

  private static Schedule parse(String name, Map<String, Object> values, Compiler compiler) {
    Kind kind = KINDS.get(name);
    if (kind == null) {
      throw new IllegalArgumentException(
          "unknown schedule '"
              + name
              + "'"
              + Names.didYouMean(name, KINDS.keySet())
              + "; known: "
              + String.join(", ", KINDS.keySet()));
    }
    HyperParameters resolved = HyperParameters.resolve(name, kind.keys(), values);
    try {
      return kind.make().apply(resolved, compiler);
    } catch (InvalidHyperParameterException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      String message = e.getMessage();
      String key = message.contains(" = ") ? message.substring(0, message.indexOf(" = ")) : name;
      if (!KINDS.get(name).keys().stream().anyMatch(p -> p.name().equals(key))) {
        throw e; // a nested schedule's or an expression's own error
      }
      throw new InvalidHyperParameterException(key, name + "." + message);
    }
  }

  private static LongToDoubleFunction compile(Compiler compiler, String owner, String text) {
    if (compiler == null) {
      throw new IllegalArgumentException(
          owner
              + ".lr_lambda = \""
              + text
              + "\" needs an expression compiler: call Schedule.parse(yaml, expressions), as the"
              + " runner does, or build the schedule with Schedule."
              + owner
              + "(factor)");
    }
    return compiler.apply(text);
  }

  private static long stepSizeDown(HyperParameters values) {
    Object raw = values.structure("step_size_down");
    if (raw == null) {
      return 0;
    }
    if (raw instanceof Number n
        && n.doubleValue() == Math.rint(n.doubleValue())
        && n.doubleValue() >= 1) {
      return n.longValue();
    }
    throw new InvalidHyperParameterException(
        "step_size_down",
        "cyclic.step_size_down = " + raw + " is not allowed: must be an integer in [1, ∞)");
  }

  private static Schedule chained(HyperParameters values, Compiler compiler) {
    Object raw = values.structure("schedulers");
    if (!(raw instanceof List<?> list) || list.isEmpty()) {
      throw new InvalidHyperParameterException(
          "schedulers",
          "chained.schedulers = " + raw + " is not allowed: must be a non-empty list of schedules");
    }
    List<Schedule> schedules = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      Schedule schedule = parse(list.get(i), compiler);
      if (!(schedule instanceof FactorSchedule)) {
        throw new InvalidHyperParameterException(
            "schedulers",
            "chained.schedulers["
                + i
                + "] = "
                + list.get(i)
                + " is not allowed: chained takes step, multistep, exponential, constant,"
                + " linear, polynomial, multiplicative or chained, whose torch updates"
                + " multiply the current rate; torch's recursive update of the others (cosine's,"
                + " lambda's, cyclic's, one_cycle's, ...) does not factor, so Gradus refuses"
                + " rather than approximate their chain");
      }
      schedules.add(schedule);
    }
    return Schedule.chained(schedules);
  }

  private static List<Long> wholeNumbers(String owner, HyperParameters values) {
    double[] reals = values.reals("milestones");
    List<Long> out = new ArrayList<>();
    for (double v : reals) {
      if (v != Math.rint(v)) {
        throw new InvalidHyperParameterException(
            "milestones",
            owner
                + ".milestones = "
                + java.util.Arrays.toString(reals)
                + " is not allowed: must be increasing whole numbers ≥ 0");
      }
      out.add((long) v);
    }
    return out;
  }

  private static Schedule sequential(HyperParameters values, Compiler compiler) {
    Object raw = values.structure("schedules");
    if (!(raw instanceof List<?> list) || list.isEmpty()) {
      throw new InvalidHyperParameterException(
          "schedules",
          "sequential.schedules = "
              + raw
              + " is not allowed: must be a non-empty list of schedules");
    }
    List<Schedule> schedules = new ArrayList<>();
    for (Object element : list) {
      Schedule schedule = parse(element, compiler);
      if (schedule instanceof LossDrivenSchedule) {
        throw new InvalidHyperParameterException(
            "schedules",
            "sequential.schedules: reduce_on_plateau is not allowed in a sequence (torch's"
                + " SequentialLR cannot step it either)");
      }
      if (schedule.cyclesMomentum()) {
        throw new InvalidHyperParameterException("schedules", Sequential.CYCLING);
      }
      schedules.add(schedule);
    }
    List<Long> milestones = wholeNumbers("sequential", values);
    if (milestones.size() != schedules.size() - 1) {
      throw new InvalidHyperParameterException(
          "milestones",
          "sequential.milestones = "
              + milestones
              + " is not allowed: must have one entry fewer than the "
              + schedules.size()
              + " schedules");
    }
    return Schedule.sequential(schedules, milestones);
  }
}
