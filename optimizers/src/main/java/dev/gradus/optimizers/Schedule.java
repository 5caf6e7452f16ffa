package dev.gradus.optimizers;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongToDoubleFunction;

/**
 * A learning-rate schedule: a pure function of the step number and the optimizer's base learning
 * rate, equal to the closed form of the torch.optim.lr_scheduler class of the same name. {@code
 * step} counts optimizer steps from 0 (the first step uses {@code lr(0, base)}), as torch's {@code
 * last_epoch} does when the scheduler steps once per optimizer step.
 *
 * <p>Implementations must be stateless and thread-safe; the factories here check their arguments
 * and throw {@link IllegalArgumentException} naming the argument, its value and the allowed range.
 */
@FunctionalInterface
public interface Schedule {
  /**
   * The learning rate for step {@code step} (≥ 0).
   *
   * @param baseLr the optimizer's configured learning rate (torch's {@code initial_lr})
   */
  double lr(long step, double baseLr);

  /**
   * The momentum (or β₁) for step {@code step} when {@link #cyclesMomentum()}, a pure function as
   * {@link #lr} is; else {@code configured}, the optimizer's own coefficient.
   */
  default double momentum(long step, double configured) {
    return configured;
  }

  /**
   * Whether this schedule sets the momentum of each step (one_cycle and cyclic with {@code
   * cycle_momentum}); the optimizer must then be a {@link dev.gradus.spi.MomentumAware}.
   */
  default boolean cyclesMomentum() {
    return false;
  }

  /** The base learning rate at every step: no schedule. */
  static Schedule constant() {
    return (FactorSchedule) (step, baseLr) -> baseLr;
  }

  /** torch ConstantLR: base·factor for t &lt; total_iters, then base; factor ∈ [0, 1]. */
  static Schedule constant(double factor, long totalIters) {
    Schedules.inRange("factor", factor, 0, true, 1);
    Schedules.positive("total_iters", totalIters);
    return (FactorSchedule) (step, baseLr) -> step < totalIters ? baseLr * factor : baseLr;
  }

  /**
   * torch LambdaLR: base·λ(t) for a factor λ of the step (from 0). λ must be pure; its values are
   * not checked, as torch does not check them.
   */
  static Schedule lambda(LongToDoubleFunction factor) {
    java.util.Objects.requireNonNull(factor, "factor");
    return (step, baseLr) -> baseLr * factor.applyAsDouble(step);
  }

  /**
   * torch MultiplicativeLR: base·λ(1)·λ(2)···λ(t) (base at t = 0), the per-step multiplier λ being
   * torch's lr_lambda(epoch). λ must be pure. The product is formed left to right, then multiplied
   * by base, so it agrees with torch's running product to rounding.
   */
  static Schedule multiplicative(LongToDoubleFunction factor) {
    return new Multiplicative(java.util.Objects.requireNonNull(factor, "factor"));
  }

  /** The shape of a cyclic schedule's cycles, as torch CyclicLR's {@code mode}. */
  enum CyclicMode {
    TRIANGULAR,
    TRIANGULAR2,
    EXP_RANGE
  }

  /**
   * torch CyclicLR (scale_mode per cycle for triangular and triangular2, per iteration for
   * exp_range): with n = up + down, c = ⌊1 + t / n⌋, x = 1 + t / n − c and s = x / r for x ≤ r (r =
   * up / n), else (x − 1) / (r − 1): lr = base_lr + (max_lr − base_lr)·s·scale, momentum =
   * max_momentum − (max_momentum − base_momentum)·s·scale, scale being 1, 1 / 2^(c−1) or γᵗ. The
   * optimizer's own rate is not used (torch overwrites it with base_lr).
   *
   * @param stepSizeDown 0 for {@code stepSizeUp}
   */
  static Schedule cyclic(
      double baseLr,
      double maxLr,
      long stepSizeUp,
      long stepSizeDown,
      CyclicMode mode,
      double gamma,
      boolean cycleMomentum,
      double baseMomentum,
      double maxMomentum) {
    return new Cyclic(
        baseLr,
        maxLr,
        stepSizeUp,
        stepSizeDown,
        mode,
        gamma,
        cycleMomentum,
        baseMomentum,
        maxMomentum);
  }

  /**
   * torch ChainedScheduler over schedules whose torch update multiplies the current rate by a
   * factor of the step alone (step, multistep, exponential, constant, linear, polynomial,
   * multiplicative, chained): their effects multiply, lr = sₙ(t, ··· s₁(t, base)). Others are
   * refused, since torch's recursive update of them (cosine's, for one) does not factor.
   */
  static Schedule chained(List<Schedule> schedules) {
    return new Chained(schedules);
  }

  /**
   * torch ReduceLROnPlateau: a schedule driven by the objective's value (see {@link
   * LossDrivenSchedule}); mode "min" or "max", threshold_mode "rel" or "abs".
   */
  static LossDrivenSchedule reduceOnPlateau(
      boolean maximize,
      double factor,
      long patience,
      double threshold,
      boolean relative,
      long cooldown,
      double minLr,
      double eps) {
    return new ReduceOnPlateau(
        maximize, factor, patience, threshold, relative, cooldown, minLr, eps);
  }

  /** torch StepLR: base·γ^⌊t / step_size⌋. */
  static Schedule step(long stepSize, double gamma) {
    Schedules.positive("step_size", stepSize);
    Schedules.positive("gamma", gamma);
    return (FactorSchedule)
        (step, baseLr) -> baseLr * Math.pow(gamma, Math.floorDiv(step, stepSize));
  }

  /** torch MultiStepLR: base·γ^(number of milestones ≤ t); milestones increasing. */
  static Schedule multiStep(List<Long> milestones, double gamma) {
    long[] sorted = Schedules.increasing("milestones", milestones);
    Schedules.positive("gamma", gamma);
    return (FactorSchedule)
        (step, baseLr) -> baseLr * Math.pow(gamma, Schedules.countAtMost(sorted, step));
  }

  /** torch ExponentialLR: base·γᵗ. */
  static Schedule exponential(double gamma) {
    Schedules.positive("gamma", gamma);
    return (FactorSchedule) (step, baseLr) -> baseLr * Math.pow(gamma, step);
  }

  /** torch CosineAnnealingLR: η_min + (base − η_min)(1 + cos(πt / T_max)) / 2. */
  static Schedule cosine(long tMax, double etaMin) {
    Schedules.positive("t_max", tMax);
    Schedules.nonNegative("eta_min", etaMin);
    return (step, baseLr) -> Schedules.cosine(baseLr, etaMin, step, tMax);
  }

  /**
   * torch CosineAnnealingWarmRestarts: the cosine over T_cur / T_i, restarting after T_0,
   * T_0·T_mult, T_0·T_mult², ... steps.
   */
  static Schedule cosineWarmRestarts(long t0, long tMult, double etaMin) {
    Schedules.positive("t_0", t0);
    Schedules.positive("t_mult", tMult);
    Schedules.nonNegative("eta_min", etaMin);
    return (step, baseLr) -> Schedules.warmRestarts(baseLr, etaMin, step, t0, tMult);
  }

  /**
   * torch LinearLR: base·(s + (e − s)·min(t, n) / n) with start factor s ∈ (0, 1], end factor e ∈
   * [0, 1] and n = total_iters.
   */
  static Schedule linear(double startFactor, double endFactor, long totalIters) {
    Schedules.inRange("start_factor", startFactor, 0, false, 1);
    Schedules.inRange("end_factor", endFactor, 0, true, 1);
    Schedules.positive("total_iters", totalIters);
    return (FactorSchedule)
        (step, baseLr) ->
            baseLr
                * (startFactor
                    + (endFactor - startFactor) * Math.min(step, totalIters) / (double) totalIters);
  }

  /** torch PolynomialLR: base·(1 − min(t, n) / n)^power. */
  static Schedule polynomial(long totalIters, double power) {
    Schedules.positive("total_iters", totalIters);
    Schedules.nonNegative("power", power);
    return (FactorSchedule)
        (step, baseLr) ->
            baseLr * Math.pow(1 - Math.min(step, totalIters) / (double) totalIters, power);
  }

  /** The annealing shape of a one-cycle phase. */
  enum Anneal {
    COS,
    LINEAR
  }

  /**
   * torch OneCycleLR: from max_lr/div_factor up to max_lr over the first pct_start of total_steps,
   * then down to max_lr/(div_factor·final_div_factor) (with three_phase, first back to the initial
   * rate). Each phase anneals by {@code anneal}. Steps after {@code total_steps}, where torch
   * raises an error, hold the final rate. A {@code maxLr} of {@code NaN} means the optimizer's base
   * learning rate.
   */
  static Schedule oneCycle(
      double maxLr,
      long totalSteps,
      double pctStart,
      Anneal anneal,
      double divFactor,
      double finalDivFactor,
      boolean threePhase) {
    return new OneCycle(
        maxLr,
        totalSteps,
        pctStart,
        anneal,
        divFactor,
        finalDivFactor,
        threePhase,
        false,
        0.85,
        0.95);
  }

  /**
   * torch OneCycleLR with {@code cycle_momentum}: as {@link #oneCycle(double, long, double, Anneal,
   * double, double, boolean)}, and when {@code cycleMomentum} the momentum (β₁ of the Adam family)
   * anneals inversely, from max_momentum down to base_momentum while the rate rises and back up
   * while it falls (three-phase: it stays at max_momentum in the last phase).
   */
  static Schedule oneCycle(
      double maxLr,
      long totalSteps,
      double pctStart,
      Anneal anneal,
      double divFactor,
      double finalDivFactor,
      boolean threePhase,
      boolean cycleMomentum,
      double baseMomentum,
      double maxMomentum) {
    return new OneCycle(
        maxLr,
        totalSteps,
        pctStart,
        anneal,
        divFactor,
        finalDivFactor,
        threePhase,
        cycleMomentum,
        baseMomentum,
        maxMomentum);
  }

  /**
   * torch SequentialLR: schedule i runs from milestone i−1 (0 for the first), restarted at step 0
   * there; {@code milestones} are increasing and one fewer than the schedules.
   */
  static Schedule sequential(List<Schedule> schedules, List<Long> milestones) {
    return new Sequential(schedules, milestones);
  }

  /**
   * The schedule a YAML or JSON reader produced, such as {@code "constant"}, {@code {cosine:
   * {t_max: 2000}}} or {@code {sequential: {schedules: [{linear: {total_iters: 100}}, {cosine:
   * {t_max: 1900}}], milestones: [100]}}}. Names and keys are listed in docs/optimizers.md.
   *
   * @throws dev.gradus.spi.InvalidHyperParameterException for an unknown key, a wrong type or a
   *     value out of range, naming the key, its value and the allowed range
   * @throws IllegalArgumentException for an unknown schedule name (with close matches) or a value
   *     that is not a one-entry map
   */
  static Schedule parse(Object yaml) {
    return Schedules.parse(yaml);
  }

  /**
   * {@link #parse(Object)}, with {@code expressions} compiling the factor of {@code lambda} and
   * {@code multiplicative} (an expression in the step t) to a function; its exceptions propagate.
   */
  static Schedule parse(Object yaml, Function<String, ? extends LongToDoubleFunction> expressions) {
    return Schedules.parse(yaml, expressions);
  }

  /** The schedule names {@link #parse} knows, in the order docs/optimizers.md lists them. */
  static List<String> names() {
    return Schedules.names();
  }

  /**
   * The keys schedule {@code name} takes, with their defaults (null for a required key) and ranges.
   *
   * @throws IllegalArgumentException for a name not in {@link #names()}
   */
  static List<dev.gradus.spi.HyperParameter> keys(String name) {
    return Schedules.keys(name);
  }

  /** {@link #parse} of a one-entry map. */
  static Schedule parse(Map<String, ?> yaml) {
    return Schedules.parse(yaml);
  }
}
