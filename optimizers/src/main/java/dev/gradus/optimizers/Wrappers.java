package dev.gradus.optimizers;

import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.InvalidHyperParameterException;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.Range;
import java.util.List;
import java.util.Map;

/**
 * The optimizer wrappers by name, with their configurations: what {@link Optimizers#lookahead},
 * {@link Optimizers#ema}, {@link Optimizers#swa} and {@link Optimizers#sam} take, and what a
 * suite's {@code wrap:} list and {@code ./gradus list} read. Each default and range is stated once,
 * here; the configuration records check them in their compact constructors.
 */
public final class Wrappers {
  private Wrappers() {}

  public static final String LOOKAHEAD = "lookahead";
  public static final String EMA = "ema";
  public static final String SWA = "swa";
  public static final String SAM = "sam";

  private static final Range COUNT = Range.closed(1, Integer.MAX_VALUE);
  private static final Range SLOW_STEP_SIZE = Range.closed(0, 1);
  private static final Range DECAY = Range.closedOpen(0, 1);
  private static final Range RHO = Range.atLeast(0);

  private static final HyperParameter SYNC_PERIOD =
      HyperParameter.integer("sync_period", 5, COUNT, "k: fast steps between synchronisations");
  private static final HyperParameter SLOW_STEP =
      HyperParameter.real(
          "slow_step_size", 0.5, SLOW_STEP_SIZE, "α: slow ← slow + α(fast − slow) at each sync");
  private static final HyperParameter DECAY_PARAMETER =
      HyperParameter.real("decay", 0.999, DECAY, "decay of the moving average of the iterates");
  private static final HyperParameter DEBIAS =
      HyperParameter.bool("debias", true, "divide the average by 1 − decayᵗ (optax's debias)");
  private static final HyperParameter SWA_START =
      HyperParameter.integer("swa_start", 1, COUNT, "the first step whose point is averaged");
  private static final HyperParameter SWA_FREQ =
      HyperParameter.integer("swa_freq", 1, COUNT, "average every swa_freq-th step from swa_start");
  private static final HyperParameter RHO_PARAMETER =
      HyperParameter.real("rho", 0.05, RHO, "ρ: radius of the ascent step e = ρ g/‖g‖");
  private static final HyperParameter ADAPTIVE =
      HyperParameter.bool("adaptive", false, "ASAM: e = ρ x²g/‖x g‖ (element-wise |x| scaling)");

  /** Lookahead's k and α. */
  public record LookaheadConfig(long syncPeriod, double slowStepSize) {
    public static final LookaheadConfig DEFAULTS =
        new LookaheadConfig((Long) SYNC_PERIOD.defaultValue(), (Double) SLOW_STEP.defaultValue());

    public LookaheadConfig {
      require(LOOKAHEAD, SYNC_PERIOD, syncPeriod);
      require(LOOKAHEAD, SLOW_STEP, slowStepSize);
    }
  }

  /** The EMA's decay, and whether its averaged point is bias-corrected. */
  public record EmaConfig(double decay, boolean debias) {
    public static final EmaConfig DEFAULTS =
        new EmaConfig((Double) DECAY_PARAMETER.defaultValue(), (Boolean) DEBIAS.defaultValue());

    public EmaConfig {
      require(EMA, DECAY_PARAMETER, decay);
    }
  }

  /** The first step SWA averages and the interval between averaged steps. */
  public record SwaConfig(long swaStart, long swaFreq) {
    public static final SwaConfig DEFAULTS =
        new SwaConfig((Long) SWA_START.defaultValue(), (Long) SWA_FREQ.defaultValue());

    public SwaConfig {
      require(SWA, SWA_START, swaStart);
      require(SWA, SWA_FREQ, swaFreq);
    }
  }

  /** SAM's radius, and whether it is ASAM. */
  public record SamConfig(double rho, boolean adaptive) {
    public static final SamConfig DEFAULTS =
        new SamConfig((Double) RHO_PARAMETER.defaultValue(), (Boolean) ADAPTIVE.defaultValue());

    public SamConfig {
      require(SAM, RHO_PARAMETER, rho);
    }
  }

  private static void require(String owner, HyperParameter p, double value) {
    if (!p.range().contains(value) || Double.isNaN(value)) {
      boolean whole = p.type() == HyperParameter.Type.INTEGER;
      throw new InvalidHyperParameterException(
          p.name(),
          owner
              + "."
              + p.name()
              + " = "
              + (whole ? String.valueOf((long) value) : String.valueOf(value))
              + " is not allowed: must be "
              + (whole ? "an integer" : "a number")
              + " in "
              + p.range());
    }
  }

  /** The wrapper names, in the order {@code ./gradus list} shows them. */
  public static List<String> names() {
    return List.of(LOOKAHEAD, EMA, SWA, SAM);
  }

  /** A one-line description citing the paper. */
  public static String description(String name) {
    return switch (name) {
      case LOOKAHEAD -> "Lookahead: k fast steps, then slow += α(fast − slow) (Zhang et al., 2019)";
      case EMA -> "exponential moving average of the iterates, recorded as 'ema' (optax.ema)";
      case SWA ->
          "equal-weight average of the iterates, recorded as 'swa' (Izmailov et al., 2018;"
              + " Polyak & Juditsky, 1992)";
      case SAM ->
          "sharpness-aware minimization: the step uses ∇f(x + ρ g/‖g‖) (Foret et al., 2021);"
              + " ASAM with adaptive (Kwon et al., 2021)";
      default -> throw unknown(name);
    };
  }

  /** The hyperparameters of wrapper {@code name}. */
  public static List<HyperParameter> hyperParameters(String name) {
    return switch (name) {
      case LOOKAHEAD -> List.of(SYNC_PERIOD, SLOW_STEP);
      case EMA -> List.of(DECAY_PARAMETER, DEBIAS);
      case SWA -> List.of(SWA_START, SWA_FREQ);
      case SAM -> List.of(RHO_PARAMETER, ADAPTIVE);
      default -> throw unknown(name);
    };
  }

  /**
   * {@code inner} wrapped by wrapper {@code name} with {@code raw} settings, each checked against
   * {@link #hyperParameters} (unknown names get close matches).
   *
   * @throws InvalidHyperParameterException naming the bad setting and its range
   */
  public static Optimizer wrap(String name, Map<String, ?> raw, Optimizer inner) {
    HyperParameters values = HyperParameters.resolve(name, hyperParameters(name), raw);
    return switch (name) {
      case LOOKAHEAD ->
          Optimizers.lookahead(
              inner,
              new LookaheadConfig(values.integer("sync_period"), values.real("slow_step_size")));
      case EMA -> Optimizers.ema(inner, new EmaConfig(values.real("decay"), values.bool("debias")));
      case SWA ->
          Optimizers.swa(
              inner, new SwaConfig(values.integer("swa_start"), values.integer("swa_freq")));
      case SAM -> Optimizers.sam(inner, new SamConfig(values.real("rho"), values.bool("adaptive")));
      default -> throw unknown(name);
    };
  }

  /** Every value of wrapper {@code name} with {@code raw} settings, defaults included. */
  public static Map<String, Object> resolved(String name, Map<String, ?> raw) {
    return HyperParameters.resolve(name, hyperParameters(name), raw).asMap();
  }

  private static IllegalArgumentException unknown(String name) {
    return new IllegalArgumentException(
        "no optimizer wrapper '"
            + name
            + "'"
            + dev.gradus.spi.Names.didYouMean(name, names())
            + "; there are: "
            + String.join(", ", names()));
  }
}
