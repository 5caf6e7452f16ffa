package dev.gradus.optimizers.contract;

import dev.gradus.optimizers.Optimizers;
import dev.gradus.optimizers.Wrappers;
import dev.gradus.optimizers.internal.AdamProvider;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerProvider;
import dev.gradus.spi.contract.OptimizerContract;
import java.util.List;
import java.util.Map;

/**
 * The shared contract on adam wrapped in every wrapper: ema(swa(lookahead(sam(adam)))), as a
 * provider would offer it.
 */
class WrappedContractTest extends OptimizerContract {
  /** adam's id and hyperparameters, its optimizer wrapped. */
  static final class WrappedAdam implements OptimizerProvider {
    private final AdamProvider adam = new AdamProvider();

    @Override
    public String id() {
      return adam.id();
    }

    @Override
    public String description() {
      return "adam in sam, lookahead, swa and ema";
    }

    @Override
    public List<dev.gradus.spi.HyperParameter> hyperParameters() {
      return adam.hyperParameters();
    }

    @Override
    public Optimizer create(HyperParameters values) {
      return Optimizers.ema(
          Optimizers.swa(
              Optimizers.lookahead(
                  Optimizers.sam(adam.create(values), new Wrappers.SamConfig(0.01, false)),
                  new Wrappers.LookaheadConfig(5, 0.5)),
              new Wrappers.SwaConfig(10, 2)),
          new Wrappers.EmaConfig(0.9, true));
    }
  }

  @Override
  protected OptimizerProvider provider() {
    return new WrappedAdam();
  }

  @Override
  protected Map<String, Object> validHyperParameters() {
    return Map.of("lr", 0.05);
  }

  @Override
  protected List<Map<String, Object>> invalidHyperParameters() {
    return List.of(Map.of("lr", -1e-3), Map.of("eps", -1e-8));
  }
}
