package dev.gradus.plugins.branin;

import dev.gradus.spi.Domain;
import dev.gradus.spi.Objective;
import dev.gradus.spi.ObjectiveProvider;
import dev.gradus.spi.contract.ObjectiveContract;
import java.util.function.BiConsumer;

/** Branin passes the checks every objective plugin must pass. */
class BraninContractTest extends ObjectiveContract {
  @Override
  protected ObjectiveProvider provider() {
    return new BraninProvider();
  }

  /**
   * The runner checks starts itself (graph-core has no such check, and a plugin sees nothing else);
   * this is the same rule, so the contract can check that the domain makes a start outside fail.
   */
  @Override
  protected BiConsumer<Objective, double[]> startValidator() {
    return BraninContractTest::requireInDomain;
  }

  static void requireInDomain(Objective objective, double[] start) {
    Domain domain = objective.domain().orElseThrow();
    double[] lower = domain.lower();
    double[] upper = domain.upper();
    for (int i = 0; i < start.length; i++) {
      if (!(start[i] >= lower[i] && start[i] <= upper[i])) {
        throw new IllegalArgumentException(
            "start coordinate "
                + i
                + " ("
                + objective.parameterNames().get(i)
                + ") = "
                + start[i]
                + " lies outside the domain of "
                + objective
                + ": must be in ["
                + lower[i]
                + ", "
                + upper[i]
                + "]");
      }
    }
  }
}
