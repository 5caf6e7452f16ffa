package dev.gradus.optimizers.contract;

import dev.gradus.optimizers.internal.LionProvider;
import dev.gradus.spi.OptimizerProvider;
import dev.gradus.spi.contract.OptimizerContract;
import java.util.List;
import java.util.Map;

class LionContractTest extends OptimizerContract {
  @Override
  protected OptimizerProvider provider() {
    return new LionProvider();
  }

  @Override
  protected Map<String, Object> validHyperParameters() {
    return Map.of("lr", 0.01, "weight_decay", 0.01);
  }

  @Override
  protected List<Map<String, Object>> invalidHyperParameters() {
    return List.of(
        Map.of("lr", -1e-3), Map.of("b1", 1.0), Map.of("b2", -0.1), Map.of("weight_decay", -0.1));
  }
}
