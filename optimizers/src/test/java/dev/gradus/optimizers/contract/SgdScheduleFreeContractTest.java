package dev.gradus.optimizers.contract;

import dev.gradus.optimizers.internal.SgdScheduleFreeProvider;
import dev.gradus.spi.OptimizerProvider;
import dev.gradus.spi.contract.OptimizerContract;
import java.util.List;
import java.util.Map;

class SgdScheduleFreeContractTest extends OptimizerContract {
  @Override
  protected OptimizerProvider provider() {
    return new SgdScheduleFreeProvider();
  }

  @Override
  protected Map<String, Object> validHyperParameters() {
    return Map.of("lr", 0.1, "warmup_steps", 5L);
  }

  @Override
  protected List<Map<String, Object>> invalidHyperParameters() {
    return List.of(
        Map.of("lr", -1.0),
        Map.of("momentum", 1.0),
        Map.of("weight_decay", -0.1),
        Map.of("warmup_steps", -1L),
        Map.of("r", -1.0),
        Map.of("weight_lr_power", -2.0));
  }
}
