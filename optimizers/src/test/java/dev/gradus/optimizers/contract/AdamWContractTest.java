package dev.gradus.optimizers.contract;

import dev.gradus.optimizers.internal.AdamWProvider;
import dev.gradus.spi.OptimizerProvider;
import dev.gradus.spi.contract.OptimizerContract;
import java.util.List;
import java.util.Map;

class AdamWContractTest extends OptimizerContract {
  @Override
  protected OptimizerProvider provider() {
    return new AdamWProvider();
  }

  @Override
  protected Map<String, Object> validHyperParameters() {
    return Map.of("lr", 0.05, "weight_decay", 0.05);
  }

  @Override
  protected List<Map<String, Object>> invalidHyperParameters() {
    return List.of(
        Map.of("lr", -1e-3),
        Map.of("betas", List.of(0.9, 1.0)),
        Map.of("weight_decay", -0.01),
        Map.of("amsgrad", 1));
  }
}
