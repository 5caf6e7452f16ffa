package dev.gradus.functions.catalog;

import dev.gradus.spi.Domain;
import dev.gradus.spi.Objective;
import dev.gradus.spi.ObjectiveProvider;
import java.util.List;
import java.util.Map;

class GriewankContractTest extends BuiltInContract {
  @Override
  protected ObjectiveProvider provider() {
    return new Griewank();
  }

  @Override
  protected List<Map<String, ?>> hyperParameterSets() {
    return SCALABLE;
  }

  /**
   * Near |x| = 600 the step h = ∛ε·|x| ≈ 4e-3 is too coarse for the cosine ripple: its truncation
   * error h²·f'''/6 reaches 1e-6. Inside ±50 it stays below 1e-8.
   */
  @Override
  protected Domain samplingBox(Objective objective) {
    return Domain.cube(objective.dimension(), -50, 50);
  }
}
