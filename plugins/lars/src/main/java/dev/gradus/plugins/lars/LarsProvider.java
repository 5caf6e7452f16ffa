package dev.gradus.plugins.lars;

import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Optimizer;
import dev.gradus.spi.OptimizerProvider;
import dev.gradus.spi.Range;
import java.util.List;

/**
 * {@code lars-example}: layer-wise adaptive rate scaling (You et al., 2017), a block-aware
 * optimizer (SPI 1.3), registered in {@code META-INF/services/dev.gradus.spi.OptimizerProvider}.
 * Gradus has LARS built in as {@code lars}; this example keeps its own id so that ids stay unique.
 */
public final class LarsProvider implements OptimizerProvider {
  @Override
  public String id() {
    return Lars.ID;
  }

  @Override
  public String description() {
    return "LARS, SGD with momentum and one trust ratio per parameter block (You et al., 2017)";
  }

  @Override
  public List<HyperParameter> hyperParameters() {
    return List.of(
        HyperParameter.real("lr", 1.0, Range.atLeast(0), "global learning rate γ"),
        HyperParameter.real("momentum", 0.9, Range.closedOpen(0, 1), "momentum μ"),
        HyperParameter.real("weight_decay", 0.0, Range.atLeast(0), "weight decay β"),
        HyperParameter.real(
            "trust_coefficient",
            0.001,
            Range.greaterThan(0),
            "η: a block moves by about γ·η of its own norm per step"));
  }

  @Override
  public Optimizer create(HyperParameters values) {
    return new Lars(
        new Lars.Config(
            values.real("lr"),
            values.real("momentum"),
            values.real("weight_decay"),
            values.real("trust_coefficient")));
  }
}
