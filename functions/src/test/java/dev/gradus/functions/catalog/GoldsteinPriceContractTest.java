package dev.gradus.functions.catalog;

import dev.gradus.spi.ObjectiveProvider;

class GoldsteinPriceContractTest extends BuiltInContract {
  @Override
  protected ObjectiveProvider provider() {
    return new GoldsteinPrice();
  }
}
