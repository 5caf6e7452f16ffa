package dev.gradus.runner.wiring;

import dev.gradus.runner.plan.LearningRate;
import dev.gradus.runner.plan.Planner;
import dev.gradus.runner.suite.Located;
import dev.gradus.runner.suite.Suite;
import dev.gradus.runner.suite.SuiteException;
import dev.gradus.functions.GradientMethod;
import dev.gradus.functions.Objectives;
import dev.gradus.spi.Objective;
import java.util.function.Supplier;

/** Connects the planner to the optimizers and functions modules. */
final class DefaultExtensions implements Planner.Extensions {
  @Override
  public Supplier<Objective> expression(Suite.Entry entry, Suite suite) {
    throw SuiteException.at(
        entry.location(), "expression functions are not available in this build yet");
  }

  @Override
  public Supplier<Objective> withGradient(
      Supplier<Objective> factory, String method, String functionName) {
    GradientMethod gradient = GradientMethod.parse(method);
    if (gradient == GradientMethod.AUTODIFF) {
      return factory;
    }
    return () -> Objectives.withGradient(factory.get(), gradient);
  }

  @Override
  public LearningRate schedule(Located schedule) {
    throw SuiteException.at(schedule.location(), "schedules are not available in this build yet");
  }
}
