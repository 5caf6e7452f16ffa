package dev.gradus.optimizers;

import java.util.List;
import java.util.Map;

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

  /** The base learning rate at every step. */
  static Schedule constant() {
    return (step, baseLr) -> baseLr;
  }

  /** torch StepLR: base·γ^⌊t / step_size⌋. */
  static Schedule step(long stepSize, double gamma) {
    Schedules.positive("step_size", stepSize);
    Schedules.positive("gamma", gamma);
    return (step, baseLr) -> baseLr * Math.pow(gamma, Math.floorDiv(step, stepSize));
  }

  /** torch MultiStepLR: base·γ^(number of milestones ≤ t); milestones increasing. */
  static Schedule multiStep(List<Long> milestones, double gamma) {
    long[] sorted = Schedules.increasing("milestones", milestones);
    Schedules.positive("gamma", gamma);
    return (step, baseLr) -> baseLr * Math.pow(gamma, Schedules.countAtMost(sorted, step));
  }

  /** torch ExponentialLR: base·γᵗ. */
  static Schedule exponential(double gamma) {
    Schedules.positive("gamma", gamma);
    return (step, baseLr) -> baseLr * Math.pow(gamma, step);
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
    return (step, baseLr) ->
        baseLr
            * (startFactor
                + (endFactor - startFactor) * Math.min(step, totalIters) / (double) totalIters);
  }

  /** torch PolynomialLR: base·(1 − min(t, n) / n)^power. */
  static Schedule polynomial(long totalIters, double power) {
    Schedules.positive("total_iters", totalIters);
    Schedules.nonNegative("power", power);
    return (step, baseLr) ->
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
    return new OneCycle(maxLr, totalSteps, pctStart, anneal, divFactor, finalDivFactor, threePhase);
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

  /** {@link #parse} of a one-entry map. */
  static Schedule parse(Map<String, ?> yaml) {
    return Schedules.parse(yaml);
  }
}
