package dev.gradus.runner;

import dev.gradus.runner.plan.Plan;
import dev.gradus.runner.suite.SuiteLoader;
import dev.gradus.runner.wiring.Gradus;
import dev.gradus.runner.wiring.Plugins;
import java.nio.file.Path;

/** Wiring and planning for tests, with the built-in providers on the test class path. */
public final class TestSuites {
  private TestSuites() {}

  public static Gradus gradus() {
    return Gradus.create(Plugins.discover(TestSuites.class.getClassLoader()), false);
  }

  public static Plan plan(String yaml) {
    return gradus().planner().plan(new SuiteLoader().parse(yaml, "suite.yaml", Path.of(".")));
  }
}
