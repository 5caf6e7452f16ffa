package dev.gradus.functions.catalog;

import dev.gradus.spi.ObjectiveProvider;
import java.util.List;
import java.util.Map;

class RosenbrockContractTest extends BuiltInContract {
  @Override
  protected ObjectiveProvider provider() {
    return new Rosenbrock();
  }

  @Override
  protected List<Map<String, ?>> hyperParameterSets() {
    return List.of(Map.of(), Map.of("dim", 3), Map.of("dim", 7), Map.of("dim", 100_000));
  }
}
