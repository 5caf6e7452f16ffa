package dev.gradus.runner.report;

import dev.gradus.runner.plan.RunSpec;
import dev.gradus.runner.run.RunEngine;
import dev.gradus.spi.RunListener;
import java.util.ArrayList;
import java.util.List;

/**
 * The path x_0, x_1, … of a run, found by running it again: a run is a pure function of its spec,
 * budget and stop rules, so the second run takes the same steps as the recorded one (unless a
 * {@code max_seconds} limit cut the first short at a different step).
 */
final class Trajectories {
  /** Paths stop here; a longer run is cut off, as a picture shows no more anyway. */
  static final int MAX_POINTS = 20_000;

  private Trajectories() {}

  /** The points of the run, from its start, at most {@code maxPoints} of them. */
  static List<double[]> path(RunEngine engine, RunSpec spec, int maxPoints) {
    List<double[]> path = new ArrayList<>();
    engine.run(
        spec,
        new RunListener() {},
        null,
        x -> {
          if (path.size() >= maxPoints) {
            throw new PathComplete();
          }
          path.add(x.clone());
        });
    return path;
  }

  /** Ends a run that has given as many points as wanted; the engine records it as failed. */
  private static final class PathComplete extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PathComplete() {
      super("path complete", null, false, false);
    }
  }
}
