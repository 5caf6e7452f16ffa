package dev.gradus.runner.cli;

import dev.gradus.runner.plan.FunctionConfig;
import dev.gradus.runner.plan.Plan;
import dev.gradus.runner.run.MemoryBudget;
import dev.gradus.runner.run.StartPoints;
import dev.gradus.runner.suite.Suite;
import dev.gradus.runner.suite.SuiteException;
import dev.gradus.runner.suite.SuiteLoader;
import dev.gradus.runner.wiring.Gradus;
import dev.gradus.runner.wiring.Plugins;
import dev.gradus.spi.Objective;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Loading, planning and checking a suite, shared by {@code run} and {@code validate}. */
final class SuiteOptions {
  private SuiteOptions() {}

  /**
   * Wires Gradus with the built-ins, the jars of each {@code --plugins} folder, and those of the
   * default folder ({@code $GRADUS_HOME/plugins} or {@code ~/.gradus/plugins}) when it exists.
   * Nothing is loaded from a suite's own folder unless it is named with {@code --plugins}.
   */
  static Gradus wire(List<Path> pluginDirs, boolean progress) {
    List<Path> folders = new ArrayList<>(pluginDirs);
    Path home = Plugins.defaultFolder();
    if (java.nio.file.Files.isDirectory(home) && !folders.contains(home)) {
      folders.add(home);
    }
    return Gradus.create(Plugins.discover(SuiteOptions.class.getClassLoader(), folders), progress);
  }

  /**
   * Loads and plans a suite, then makes each function configuration's objective once and resolves
   * its start, so that a missing CSV or a start of the wrong dimension fails before any run.
   */
  /** A planned suite and the memory its largest run needs. */
  record Checked(Plan plan, long perRunBytes, String largest) {}

  static Plan plan(Gradus gradus, Path file) {
    return check(gradus, file).plan();
  }

  /**
   * Loads and plans a suite, then makes each function configuration's objective once and resolves
   * its start, so that a missing CSV or a start of the wrong dimension fails before any run; while
   * it has each objective, it estimates the memory of its runs.
   */
  static Checked check(Gradus gradus, Path file) {
    Suite suite = new SuiteLoader().load(file);
    Plan plan = gradus.planner().plan(suite);
    long perRun = 0;
    String largest = "";
    for (FunctionConfig f : plan.functions()) {
      Objective objective;
      try {
        objective = f.factory().get();
      } catch (SuiteException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new SuiteException(
            suite.file() + ": function '" + f.label() + "': " + Main.messageOf(e), e);
      } catch (OutOfMemoryError e) {
        throw tooLarge(suite, f);
      }
      StartPoints.resolve(f.start(), objective, 0, f.label());
      long bytes;
      try {
        bytes = MemoryBudget.perRun(objective, plan.optimizers());
      } catch (OutOfMemoryError e) {
        throw tooLarge(suite, f);
      }
      if (bytes > perRun) {
        perRun = bytes;
        largest = f.label();
      }
    }
    return new Checked(plan, perRun, largest);
  }

  private static SuiteException tooLarge(Suite suite, FunctionConfig f) {
    return new SuiteException(
        suite.file()
            + ": function '"
            + f.label()
            + "' does not fit in the JVM heap ("
            + (Runtime.getRuntime().maxMemory() >> 20)
            + " MiB) even once: give Java more"
            + " memory, as GRADUS_JAVA_OPTS=-Xmx8g ./gradus run …, or lower the dimension");
  }

  static List<Path> none() {
    return new ArrayList<>();
  }
}
