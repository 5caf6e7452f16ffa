package dev.gradus.functions.regression;

import dev.gradus.functions.Objectives;
import dev.gradus.spi.Objective;
import dev.gradus.spi.ObjectiveProvider;
import dev.gradus.spi.contract.ObjectiveContract;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** Small networks on a tenth of the digits, full batch and minibatches, meet the contract. */
class MlpContractTest extends ObjectiveContract {
  @Override
  protected ObjectiveProvider provider() {
    return new Mlp();
  }

  @Override
  protected BiConsumer<Objective, double[]> startValidator() {
    return Objectives::requireInDomain;
  }

  @Override
  protected List<Map<String, ?>> hyperParameterSets() {
    Map<String, ?> tenth = Map.of("dataset", "digits", "test_fraction", 0.9);
    return List.of(
        Map.of("data", tenth, "hidden", List.of(4.0)),
        Map.of("data", tenth, "hidden", List.of(5.0, 3.0), "activation", "sigmoid"),
        Map.of("data", tenth, "hidden", List.of(4.0), "activation", "relu", "batch_size", 32));
  }

  /**
   * The ReLU network's loss has a kink per row and hidden unit where a pre-activation crosses 0; a
   * line of length ε^¼ through 180 rows crosses some, and second differences of the value then
   * measure those jumps in slope rather than the curvature of the pieces, which is what the product
   * computes (the gradient's own subgradient convention). Its symmetry is still checked, and the
   * sigmoid network's curvature.
   */
  @Override
  protected boolean curvatureResolvable(Objective objective) {
    return !objective.toString().contains("relu");
  }
}
