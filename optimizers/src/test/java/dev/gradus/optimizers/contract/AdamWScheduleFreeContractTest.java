package dev.gradus.optimizers.contract;

import dev.gradus.optimizers.internal.AdamWScheduleFreeProvider;
import dev.gradus.spi.OptimizerProvider;
import dev.gradus.spi.contract.OptimizerContract;
import java.util.List;
import java.util.Map;

class AdamWScheduleFreeContractTest extends OptimizerContract {
  @Override
  protected OptimizerProvider provider() {
    return new AdamWScheduleFreeProvider();
  }

  @Override
  protected Map<String, Object> validHyperParameters() {
    return Map.of("lr", 0.05, "weight_decay", 0.001);
  }

  @Override
  protected List<Map<String, Object>> invalidHyperParameters() {
    return List.of(
        Map.of("lr", -1.0),
        Map.of("betas", List.of(1.0, 0.999)),
        Map.of("betas", List.of(0.9, -0.1)),
        Map.of("eps", -1e-8),
        Map.of("warmup_steps", -3L),
        Map.of("r", -0.5),
        Map.of("weight_lr_power", -1.0));
  }
}
