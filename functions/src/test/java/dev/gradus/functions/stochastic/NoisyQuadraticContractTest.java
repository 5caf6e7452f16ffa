package dev.gradus.functions.stochastic;

import dev.gradus.spi.Objective;
import dev.gradus.spi.ObjectiveProvider;
import dev.gradus.spi.contract.ObjectiveContract;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

class NoisyQuadraticContractTest extends ObjectiveContract {
  @Override
  protected ObjectiveProvider provider() {
    return new NoisyQuadratic();
  }

  @Override
  protected BiConsumer<Objective, double[]> startValidator() {
    return (objective, start) -> {};
  }

  @Override
  protected List<Map<String, ?>> hyperParameterSets() {
    return List.of(
        Map.of(),
        Map.of("dim", 3, "noise", 0.0),
        Map.of("dim", 40, "decay", 2.0, "noise", 3.0, "batch_size", 16));
  }
}
