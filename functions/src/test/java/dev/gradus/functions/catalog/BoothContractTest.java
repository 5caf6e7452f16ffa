package dev.gradus.functions.catalog;

import dev.gradus.spi.ObjectiveProvider;

class BoothContractTest extends BuiltInContract {
  @Override
  protected ObjectiveProvider provider() {
    return new Booth();
  }
}
