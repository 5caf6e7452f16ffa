package dev.gradus.functions.catalog;

import dev.gradus.spi.ObjectiveProvider;

class MatyasContractTest extends BuiltInContract {
  @Override
  protected ObjectiveProvider provider() {
    return new Matyas();
  }
}
