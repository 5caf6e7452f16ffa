package dev.gradus.functions.catalog;

import dev.gradus.spi.ObjectiveProvider;

class ShekelContractTest extends BuiltInContract {
  @Override
  protected ObjectiveProvider provider() {
    return new Shekel();
  }
}
