package dev.gradus.runner.run;

import dev.gradus.runner.plan.Plan;
import dev.gradus.runner.plan.RunSpec;
import java.nio.file.Path;
import java.util.List;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar of finished runs with elapsed time and the estimated time left, on standard error,
 * shown only when the output is a terminal (never when piped or redirected).
 */
public final class ProgressListener implements RunListener {
  private final boolean enabled;
  private ProgressBar bar;

  public ProgressListener(boolean enabled) {
    this.enabled = enabled;
  }

  /** True when standard output and error are a terminal. */
  public static boolean onTerminal() {
    return System.console() != null;
  }

  @Override
  public synchronized void suiteStarted(Plan plan, List<RunSpec> pending, Path outputDir) {
    if (enabled && !pending.isEmpty()) {
      bar =
          new ProgressBarBuilder()
              .setTaskName(plan.suite().name())
              .setInitialMax(pending.size())
              .setStyle(ProgressBarStyle.ASCII)
              .setUnit(" runs", 1)
              .showSpeed()
              .build();
    }
  }

  @Override
  public synchronized void runFinished(RunSpec run, RunResult result) {
    if (bar != null) {
      bar.step();
    }
  }

  @Override
  public synchronized void suiteFinished(Plan plan, List<RunResult> results) {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }
}
