package dev.gradus.functions.catalog;

import dev.gradus.spi.Objective;
import dev.gradus.spi.ObjectiveProvider;
import java.util.SplittableRandom;

class CrossInTrayContractTest extends BuiltInContract {
  @Override
  protected ObjectiveProvider provider() {
    return new CrossInTray();
  }

  /**
   * f ∝ |sin x·sin y|^0.1 near the lines where sin x or sin y vanishes: a cusp whose higher
   * derivatives grow like |u|^−2.9, so central differences within ~0.05 of it are far off. Points
   * closer than that are redrawn; elsewhere the function is smooth.
   */
  @Override
  protected double[] samplePoint(Objective objective, SplittableRandom random) {
    while (true) {
      double[] point = super.samplePoint(objective, random);
      if (Math.abs(Math.sin(point[0])) > 0.05 && Math.abs(Math.sin(point[1])) > 0.05) {
        return point;
      }
    }
  }
}
