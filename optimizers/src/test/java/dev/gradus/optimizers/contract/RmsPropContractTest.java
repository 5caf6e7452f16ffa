package dev.gradus.optimizers.contract;

import dev.gradus.optimizers.internal.RmsPropProvider;
import dev.gradus.spi.OptimizerProvider;
import dev.gradus.spi.contract.OptimizerContract;
import java.util.List;
import java.util.Map;

class RmsPropContractTest extends OptimizerContract {
  @Override
  protected OptimizerProvider provider() {
    return new RmsPropProvider();
  }

  @Override
  protected Map<String, Object> validHyperParameters() {
    return Map.of("lr", 0.01, "centered", true, "momentum", 0.5);
  }

  @Override
  protected List<Map<String, Object>> invalidHyperParameters() {
    return List.of(
        Map.of("lr", -0.01),
        Map.of("alpha", 1.5),
        Map.of("alpha", -0.1),
        Map.of("momentum", -1),
        Map.of("eps", -1));
  }
}
