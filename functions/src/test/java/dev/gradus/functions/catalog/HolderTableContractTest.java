package dev.gradus.functions.catalog;

import dev.gradus.spi.ObjectiveProvider;

class HolderTableContractTest extends BuiltInContract {
  @Override
  protected ObjectiveProvider provider() {
    return new HolderTable();
  }
}
