package dev.gradus.optimizers.contract;

import dev.gradus.optimizers.internal.ShampooProvider;
import dev.gradus.spi.OptimizerProvider;
import dev.gradus.spi.contract.OptimizerContract;
import java.util.List;
import java.util.Map;

class ShampooContractTest extends OptimizerContract {
  @Override
  protected OptimizerProvider provider() {
    return new ShampooProvider();
  }

  @Override
  protected Map<String, Object> validHyperParameters() {
    return Map.of("lr", 0.1, "update_interval", 3, "momentum", 0.5);
  }

  @Override
  protected List<Map<String, Object>> invalidHyperParameters() {
    return List.of(
        Map.of("lr", -0.1),
        Map.of("eps", 0.0),
        Map.of("update_interval", 0),
        Map.of("momentum", 1.0),
        Map.of("weight_decay", -1.0));
  }
}
