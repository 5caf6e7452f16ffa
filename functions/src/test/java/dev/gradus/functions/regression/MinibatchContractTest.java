package dev.gradus.functions.regression;

import dev.gradus.functions.Objectives;
import dev.gradus.spi.Objective;
import dev.gradus.spi.ObjectiveProvider;
import dev.gradus.spi.contract.ObjectiveContract;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** Logistic regression on minibatches meets the objective contract, its gradient in expectation. */
class MinibatchContractTest extends ObjectiveContract {
  @Override
  protected ObjectiveProvider provider() {
    return new LogisticRegression();
  }

  @Override
  protected BiConsumer<Objective, double[]> startValidator() {
    return Objectives::requireInDomain;
  }

  @Override
  protected List<Map<String, ?>> hyperParameterSets() {
    return List.of(
        Map.of("batch_size", 7),
        Map.of(
            "batch_size",
            16,
            "data",
            Map.of("generate", Map.of("n", 80, "weights", List.of(1.5, -2.0), "seed", 3))));
  }
}
