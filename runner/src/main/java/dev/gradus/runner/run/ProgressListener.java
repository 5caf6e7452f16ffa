package dev.gradus.runner.run;

import dev.gradus.spi.RunInfo;
import dev.gradus.spi.RunListener;
import dev.gradus.spi.RunOutcome;
import dev.gradus.spi.SuiteInfo;
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

  /** True when the process has a terminal. */
  public static boolean onTerminal() {
    return System.console() != null;
  }

  @Override
  public synchronized void suiteStarted(SuiteInfo suite) {
    if (enabled && suite.pending() > 0) {
      bar =
          new ProgressBarBuilder()
              .setTaskName(suite.name())
              .setInitialMax(suite.pending())
              .setStyle(ProgressBarStyle.ASCII)
              .setUnit(" runs", 1)
              .showSpeed()
              .build();
    }
  }

  @Override
  public synchronized void runFinished(RunInfo run, RunOutcome outcome) {
    if (bar != null) {
      bar.step();
    }
  }

  @Override
  public synchronized void suiteFinished(SuiteInfo suite) {
    if (bar != null) {
      bar.close();
      bar = null;
      // the bar leaves the cursor at the end of its line; what is printed next starts a new one
      System.err.println();
    }
  }
}
