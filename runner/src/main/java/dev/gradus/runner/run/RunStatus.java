package dev.gradus.runner.run;

import java.util.Locale;

/** How a run ended. */
public enum RunStatus {
  /** A stop rule was met. */
  CONVERGED,
  /** The iteration or evaluation budget ran out. */
  BUDGET_EXHAUSTED,
  /** f or ∇f became NaN, infinite, or larger than {@link RunEngine#OVERFLOW}. */
  DIVERGED,
  /** The wall-clock limit was reached. */
  TIMEOUT,
  /** An exception, recorded with its message. */
  FAILED;

  /** The snake_case name written in results. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static RunStatus fromId(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }
}
