package dev.gradus.functions.catalog;

import dev.gradus.functions.Objectives;
import dev.gradus.spi.Objective;
import dev.gradus.spi.contract.ObjectiveContract;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** The objective contract as the built-in functions run it: starts checked by Objectives. */
abstract class BuiltInContract extends ObjectiveContract {
  /** Dimensions a scalable function is tested at: the default, the smallest, odd, and large. */
  static final List<Map<String, ?>> SCALABLE =
      List.of(Map.of(), Map.of("dim", 1), Map.of("dim", 7), Map.of("dim", 100_000));

  @Override
  protected BiConsumer<Objective, double[]> startValidator() {
    return Objectives::requireInDomain;
  }
}
