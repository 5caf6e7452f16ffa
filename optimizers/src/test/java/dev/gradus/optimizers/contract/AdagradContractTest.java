package dev.gradus.optimizers.contract;

import dev.gradus.optimizers.internal.AdagradProvider;
import dev.gradus.spi.OptimizerProvider;
import dev.gradus.spi.contract.OptimizerContract;
import java.util.List;
import java.util.Map;

class AdagradContractTest extends OptimizerContract {
  @Override
  protected OptimizerProvider provider() {
    return new AdagradProvider();
  }

  @Override
  protected Map<String, Object> validHyperParameters() {
    return Map.of("lr", 0.2, "lr_decay", 0.001, "initial_accumulator_value", 0.1);
  }

  @Override
  protected List<Map<String, Object>> invalidHyperParameters() {
    return List.of(
        Map.of("lr", -0.01),
        Map.of("lr_decay", -1),
        Map.of("initial_accumulator_value", -0.1),
        Map.of("eps", -1e-10));
  }
}
