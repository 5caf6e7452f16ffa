package dev.gradus.plugins.lion;

import dev.gradus.spi.OptimizerProvider;
import dev.gradus.spi.contract.OptimizerContract;
import java.util.List;
import java.util.Map;

/** Lion passes the checks every optimizer plugin must pass. */
class LionContractTest extends OptimizerContract {
  @Override
  protected OptimizerProvider provider() {
    return new LionProvider();
  }

  /** Each step moves a coordinate by ±lr, so 200 steps of 0.01 cover the distance 1 to 0. */
  @Override
  protected Map<String, Object> validHyperParameters() {
    return Map.of("lr", 0.01, "weight_decay", 0.01);
  }

  @Override
  protected List<Map<String, Object>> invalidHyperParameters() {
    return LionHyperParameterTest.INVALID.stream()
        .map(LionHyperParameterTest.Invalid::values)
        .toList();
  }
}
