package dev.gradus.functions.catalog;

import dev.gradus.spi.ObjectiveProvider;
import java.util.List;
import java.util.Map;

class SphereContractTest extends BuiltInContract {
  @Override
  protected ObjectiveProvider provider() {
    return new Sphere();
  }

  @Override
  protected List<Map<String, ?>> hyperParameterSets() {
    return SCALABLE;
  }
}
