package dev.gradus.functions.catalog;

import dev.gradus.spi.ObjectiveProvider;

class BukinN6ContractTest extends BuiltInContract {
  @Override
  protected ObjectiveProvider provider() {
    return new BukinN6();
  }
}
