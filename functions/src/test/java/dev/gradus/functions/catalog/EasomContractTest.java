package dev.gradus.functions.catalog;

import dev.gradus.spi.ObjectiveProvider;

class EasomContractTest extends BuiltInContract {
  @Override
  protected ObjectiveProvider provider() {
    return new Easom();
  }
}
