package dev.gradus.functions.catalog;

import dev.gradus.spi.ObjectiveProvider;
import java.util.List;
import java.util.Map;

class RastriginContractTest extends BuiltInContract {
  @Override
  protected ObjectiveProvider provider() {
    return new Rastrigin();
  }

  @Override
  protected List<Map<String, ?>> hyperParameterSets() {
    return SCALABLE;
  }
}
