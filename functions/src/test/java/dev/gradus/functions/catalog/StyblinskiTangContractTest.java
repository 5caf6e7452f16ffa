package dev.gradus.functions.catalog;

import dev.gradus.spi.ObjectiveProvider;
import java.util.List;
import java.util.Map;

class StyblinskiTangContractTest extends BuiltInContract {
  @Override
  protected ObjectiveProvider provider() {
    return new StyblinskiTang();
  }

  @Override
  protected List<Map<String, ?>> hyperParameterSets() {
    return SCALABLE;
  }
}
