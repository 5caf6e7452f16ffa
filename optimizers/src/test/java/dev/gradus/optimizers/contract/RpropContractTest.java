package dev.gradus.optimizers.contract;

import dev.gradus.optimizers.internal.RpropProvider;
import dev.gradus.spi.OptimizerProvider;
import dev.gradus.spi.contract.OptimizerContract;
import java.util.List;
import java.util.Map;

class RpropContractTest extends OptimizerContract {
  @Override
  protected OptimizerProvider provider() {
    return new RpropProvider();
  }

  @Override
  protected Map<String, Object> validHyperParameters() {
    return Map.of("lr", 0.01, "etas", List.of(0.4, 1.3));
  }

  @Override
  protected List<Map<String, Object>> invalidHyperParameters() {
    return List.of(
        Map.of("lr", -1),
        Map.of("etas", List.of(0.5, 1.0)),
        Map.of("step_sizes", List.of(2.0, 1.0)));
  }
}
