package dev.gradus.functions.catalog;

import dev.gradus.spi.ObjectiveProvider;

class LeviN13ContractTest extends BuiltInContract {
  @Override
  protected ObjectiveProvider provider() {
    return new LeviN13();
  }
}
