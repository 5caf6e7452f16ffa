package dev.gradus.optimizers.contract;

import dev.gradus.optimizers.internal.YogiProvider;
import dev.gradus.spi.OptimizerProvider;
import dev.gradus.spi.contract.OptimizerContract;
import java.util.List;
import java.util.Map;

class YogiContractTest extends OptimizerContract {
  @Override
  protected OptimizerProvider provider() {
    return new YogiProvider();
  }

  @Override
  protected Map<String, Object> validHyperParameters() {
    return Map.of("lr", 0.05);
  }

  @Override
  protected List<Map<String, Object>> invalidHyperParameters() {
    return List.of(
        Map.of("lr", -1e-3),
        Map.of("b1", 1.0),
        Map.of("b2", 1.0),
        Map.of("eps", -1e-3),
        Map.of("initial_accumulator_value", -1e-6));
  }
}
