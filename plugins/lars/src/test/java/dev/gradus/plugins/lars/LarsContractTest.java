package dev.gradus.plugins.lars;

import dev.gradus.spi.OptimizerProvider;
import dev.gradus.spi.contract.OptimizerContract;
import java.util.List;
import java.util.Map;

/** LARS passes the checks every optimizer plugin must pass, flat and with blocks. */
class LarsContractTest extends OptimizerContract {
  @Override
  protected OptimizerProvider provider() {
    return new LarsProvider();
  }

  /** Each step moves a block by about lr·η = 2% of its norm, which momentum 0.9 compounds. */
  @Override
  protected Map<String, Object> validHyperParameters() {
    return Map.of("lr", 1.0, "trust_coefficient", 0.02);
  }

  @Override
  protected List<Map<String, Object>> invalidHyperParameters() {
    return List.of(
        Map.of("lr", -1.0),
        Map.of("momentum", 1.0),
        Map.of("weight_decay", -0.1),
        Map.of("trust_coefficient", 0.0));
  }
}
