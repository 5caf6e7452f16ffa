package dev.gradus.optimizers;

import java.util.function.LongToDoubleFunction;

/**
 * torch MultiplicativeLR's closed form base·λ(1)···λ(t). The running product is memoised per thread
 * (the last step and its product), so a run that asks for t = 0, 1, 2, ... multiplies once per
 * step; the value depends on t alone, as the product is always formed in the same order.
 */
final class Multiplicative implements FactorSchedule {
  private final LongToDoubleFunction factor;
  private final ThreadLocal<double[]> memo = ThreadLocal.withInitial(() -> new double[] {0, 1});

  Multiplicative(LongToDoubleFunction factor) {
    this.factor = factor;
  }

  @Override
  public double lr(long step, double baseLr) {
    if (step < 0) {
      throw new IllegalArgumentException("step = " + step + " is not allowed: must be ≥ 0");
    }
    double[] last = memo.get();
    long from = (long) last[0];
    double product = last[1];
    if (step < from) {
      from = 0;
      product = 1;
    }
    for (long k = from + 1; k <= step; k++) {
      product *= factor.applyAsDouble(k);
    }
    last[0] = step;
    last[1] = product;
    return baseLr * product;
  }
}
