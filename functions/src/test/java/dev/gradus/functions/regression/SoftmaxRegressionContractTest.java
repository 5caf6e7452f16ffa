package dev.gradus.functions.regression;

import dev.gradus.functions.Objectives;
import dev.gradus.spi.Objective;
import dev.gradus.spi.ObjectiveProvider;
import dev.gradus.spi.contract.ObjectiveContract;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** On the digits (650 parameters) and on breast-cancer as two classes. */
class SoftmaxRegressionContractTest extends ObjectiveContract {
  @Override
  protected ObjectiveProvider provider() {
    return new SoftmaxRegression();
  }

  @Override
  protected BiConsumer<Objective, double[]> startValidator() {
    return Objectives::requireInDomain;
  }

  @Override
  protected List<Map<String, ?>> hyperParameterSets() {
    return List.of(Map.of(), Map.of("data", Map.of("dataset", "breast-cancer")));
  }
}
