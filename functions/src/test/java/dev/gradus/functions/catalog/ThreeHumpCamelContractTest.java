package dev.gradus.functions.catalog;

import dev.gradus.spi.ObjectiveProvider;

class ThreeHumpCamelContractTest extends BuiltInContract {
  @Override
  protected ObjectiveProvider provider() {
    return new ThreeHumpCamel();
  }
}
