package dev.gradus.functions.catalog;

import dev.gradus.spi.ObjectiveProvider;
import java.util.List;
import java.util.Map;

class AckleyContractTest extends BuiltInContract {
  @Override
  protected ObjectiveProvider provider() {
    return new Ackley();
  }

  @Override
  protected List<Map<String, ?>> hyperParameterSets() {
    return SCALABLE;
  }
}
