package dev.gradus.functions.catalog;

import dev.gradus.spi.ObjectiveProvider;

class McCormickContractTest extends BuiltInContract {
  @Override
  protected ObjectiveProvider provider() {
    return new McCormick();
  }
}
