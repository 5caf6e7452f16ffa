package dev.gradus.optimizers.contract;

import dev.gradus.optimizers.internal.GdProvider;
import dev.gradus.spi.OptimizerProvider;
import dev.gradus.spi.contract.OptimizerContract;
import java.util.List;
import java.util.Map;

class GdContractTest extends OptimizerContract {
  @Override
  protected OptimizerProvider provider() {
    return new GdProvider();
  }

  @Override
  protected Map<String, Object> validHyperParameters() {
    return Map.of("lr", 0.1);
  }

  @Override
  protected List<Map<String, Object>> invalidHyperParameters() {
    return List.of(
        Map.of("lr", -0.1),
        Map.of("weight_decay", -1),
        Map.of("momentum", 0.9),
        Map.of("maximize", "yes"));
  }
}
