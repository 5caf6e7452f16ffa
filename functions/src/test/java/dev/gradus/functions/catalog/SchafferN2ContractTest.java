package dev.gradus.functions.catalog;

import dev.gradus.spi.Domain;
import dev.gradus.spi.Objective;
import dev.gradus.spi.ObjectiveProvider;

class SchafferN2ContractTest extends BuiltInContract {
  @Override
  protected ObjectiveProvider provider() {
    return new SchafferN2();
  }

  /**
   * sin²(x² − y²) oscillates with frequency 2|x|; at |x| ≈ 100 central differences with h ≈ 6e-4
   * are off by h²·(2|x|)³/6 ≈ 0.5%. Inside ±5 it is below 2e-7.
   */
  @Override
  protected Domain samplingBox(Objective objective) {
    return Domain.cube(objective.dimension(), -5, 5);
  }
}
