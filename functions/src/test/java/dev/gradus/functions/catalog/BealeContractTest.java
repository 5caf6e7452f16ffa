package dev.gradus.functions.catalog;

import dev.gradus.spi.ObjectiveProvider;

class BealeContractTest extends BuiltInContract {
  @Override
  protected ObjectiveProvider provider() {
    return new Beale();
  }
}
