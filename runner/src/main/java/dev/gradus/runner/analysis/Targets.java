package dev.gradus.runner.analysis;

/** Target ladders for f − f*: COCO's decades from 10² down to 10⁻⁸. */
public final class Targets {
  private Targets() {}

  /**
   * 10^{from}, 10^{from − step}, …, 10^{to}: the ladder COCO uses by default is {@code ladder(2,
   * -8, 0.2)}, 51 targets.
   *
   * @throws IllegalArgumentException unless from ≥ to and step > 0
   */
  public static double[] ladder(double from, double to, double step) {
    if (!(from >= to) || !(step > 0)) {
      throw new IllegalArgumentException(
          "a target ladder goes down from 10^from to 10^to in steps > 0; got from "
              + from
              + ", to "
              + to
              + ", step "
              + step);
    }
    int n = (int) Math.floor((from - to) / step + 1e-9) + 1;
    double[] targets = new double[n];
    for (int k = 0; k < n; k++) {
      // exponents computed from integers, so that 10^-8 is exactly Math.pow(10, -8)
      targets[k] = Math.pow(10, Math.round((from - k * step) * 1e9) / 1e9);
    }
    return targets;
  }

  /** COCO's default ladder: 10², 10^1.8, …, 10⁻⁸. */
  public static double[] coco() {
    return ladder(2, -8, 0.2);
  }
}
