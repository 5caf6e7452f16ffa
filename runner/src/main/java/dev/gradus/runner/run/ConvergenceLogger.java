package dev.gradus.runner.run;

import dev.gradus.runner.plan.Plan;
import dev.gradus.runner.plan.RunSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs each run's summary at INFO and every recorded iteration at DEBUG. */
public final class ConvergenceLogger implements RunListener {
  private static final Logger log = LoggerFactory.getLogger("gradus.convergence");

  @Override
  public void suiteStarted(Plan plan, List<RunSpec> pending, Path outputDir) {
    log.info(
        "suite {}: {} runs ({} to do), {} function and {} optimizer configurations, results in {}",
        plan.suite().name(),
        plan.runs().size(),
        pending.size(),
        plan.functions().size(),
        plan.optimizers().size(),
        outputDir);
  }

  @Override
  public void iteration(
      RunSpec run,
      long iteration,
      double f,
      double gap,
      double gradNorm,
      double stepNorm,
      double lr) {
    if (log.isDebugEnabled()) {
      log.debug(
          String.format(
              Locale.ROOT,
              "%s it %d: f=%.10g gap=%.3g |g|=%.3g step=%.3g lr=%.3g",
              run.runId(),
              iteration,
              f,
              gap,
              gradNorm,
              stepNorm,
              lr));
    }
  }

  @Override
  public void runFinished(RunSpec run, RunResult r) {
    if (log.isInfoEnabled()) {
      log.info(
          String.format(
              Locale.ROOT,
              "%s: %s after %d iterations (%d evaluations), f=%s%s, %d ms%s",
              r.runId(),
              r.status().id(),
              r.iterations(),
              r.evaluations(),
              r.fFinal() == null ? "NaN" : String.format(Locale.ROOT, "%.10g", r.fFinal()),
              r.fGap() == null ? "" : String.format(Locale.ROOT, " gap=%.3g", r.fGap()),
              r.wallMs(),
              r.error() == null ? "" : " (" + r.error() + ")"));
    }
  }
}
