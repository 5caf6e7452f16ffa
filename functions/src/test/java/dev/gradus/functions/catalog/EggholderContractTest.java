package dev.gradus.functions.catalog;

import dev.gradus.spi.ObjectiveProvider;

class EggholderContractTest extends BuiltInContract {
  @Override
  protected ObjectiveProvider provider() {
    return new Eggholder();
  }
}
