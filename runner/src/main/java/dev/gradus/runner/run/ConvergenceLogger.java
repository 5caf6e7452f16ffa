package dev.gradus.runner.run;

import dev.gradus.spi.Iteration;
import dev.gradus.spi.RunInfo;
import dev.gradus.spi.RunListener;
import dev.gradus.spi.RunOutcome;
import dev.gradus.spi.SuiteInfo;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs the suite's start at INFO, each run's end at DEBUG ({@code -v}) and every recorded iteration
 * at TRACE ({@code -vv}), so that by default a run shows the progress bar and the summary table
 * only.
 */
public final class ConvergenceLogger implements RunListener {
  private static final Logger log = LoggerFactory.getLogger("gradus.convergence");

  @Override
  public void suiteStarted(SuiteInfo suite) {
    log.info(
        "suite {}: {} runs, {} to do; results in {}",
        suite.name(),
        suite.runs(),
        suite.pending(),
        suite.outputDir());
  }

  @Override
  public void iteration(RunInfo run, Iteration row) {
    if (log.isTraceEnabled()) {
      log.trace(
          String.format(
              Locale.ROOT,
              "%s it %d (%d evaluations): f=%.10g gap=%.3g |g|=%.3g step=%.3g lr=%.3g%s",
              run.runId(),
              row.iteration(),
              row.evaluations(),
              row.f(),
              row.gap(),
              row.gradNorm(),
              row.stepNorm(),
              row.lr(),
              row.inDomain() ? "" : " (outside the domain)"));
    }
  }

  @Override
  public void runFinished(RunInfo run, RunOutcome r) {
    if (log.isDebugEnabled()) {
      log.debug(
          String.format(
              Locale.ROOT,
              "%s: %s after %d iterations (%d evaluations), f_final=%.10g%s, %d ms%s",
              run.runId(),
              r.status(),
              r.iterations(),
              r.evaluations(),
              r.fFinal(),
              Double.isNaN(r.fGap()) ? "" : String.format(Locale.ROOT, " best gap=%.3g", r.fGap()),
              r.wallMs(),
              r.error() == null ? "" : " (" + r.error() + ")"));
    }
  }
}
