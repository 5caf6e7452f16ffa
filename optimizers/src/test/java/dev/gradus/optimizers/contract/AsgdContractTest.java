package dev.gradus.optimizers.contract;

import dev.gradus.optimizers.internal.AsgdProvider;
import dev.gradus.spi.OptimizerProvider;
import dev.gradus.spi.contract.OptimizerContract;
import java.util.List;
import java.util.Map;

class AsgdContractTest extends OptimizerContract {
  @Override
  protected OptimizerProvider provider() {
    return new AsgdProvider();
  }

  @Override
  protected Map<String, Object> validHyperParameters() {
    return Map.of("lr", 0.01, "t0", 3.0, "lambd", 0.01);
  }

  @Override
  protected List<Map<String, Object>> invalidHyperParameters() {
    return List.of(
        Map.of("lr", -1), Map.of("lambd", -1), Map.of("t0", -5), Map.of("weight_decay", -1));
  }
}
