package dev.gradus.functions.catalog;

import dev.gradus.spi.ObjectiveProvider;

class HimmelblauContractTest extends BuiltInContract {
  @Override
  protected ObjectiveProvider provider() {
    return new Himmelblau();
  }
}
