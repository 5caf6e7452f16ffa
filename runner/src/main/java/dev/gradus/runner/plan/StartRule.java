package dev.gradus.runner.plan;

import dev.gradus.spi.Domain;
import dev.gradus.spi.Objective;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Where the runs of a function configuration start: the function's default start, a point drawn
 * uniformly from its domain with the run's seed, or a fixed point. The planner turns the {@code
 * start} setting into one of these and checks it against the function's dimension and domain, so
 * that {@link #point} cannot fail at run time.
 */
public sealed interface StartRule {
  /** A fresh array with the start of one run; {@code seed} is the run's own. */
  double[] point(Objective objective, long seed);

  /** The rule as a suite would write it, for labels and {@code suite.resolved.yaml}. */
  Object describe();

  /** The function's own default start. */
  record FunctionDefault() implements StartRule {
    @Override
    public double[] point(Objective objective, long seed) {
      return objective
          .defaultStart()
          .orElseThrow(() -> new IllegalStateException("the planner checks a default exists"));
    }

    @Override
    public Object describe() {
      return "default";
    }
  }

  /** Uniform in the function's domain, from the run's seed. */
  record Random() implements StartRule {
    @Override
    public double[] point(Objective objective, long seed) {
      Domain domain =
          objective
              .domain()
              .orElseThrow(() -> new IllegalStateException("the planner checks a domain exists"));
      double[] lo = domain.lower();
      double[] hi = domain.upper();
      SplittableRandom random = new SplittableRandom(seed);
      double[] x = new double[lo.length];
      for (int i = 0; i < x.length; i++) {
        x[i] = lo[i] + (hi[i] - lo[i]) * random.nextDouble();
      }
      return x;
    }

    @Override
    public Object describe() {
      return "random";
    }
  }

  /** The same point for every run. */
  record Fixed(double[] x) implements StartRule {
    public Fixed {
      x = x.clone();
    }

    @Override
    public double[] x() {
      return x.clone();
    }

    @Override
    public double[] point(Objective objective, long seed) {
      return x.clone();
    }

    @Override
    public Object describe() {
      return Arrays.stream(x).boxed().toList();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Fixed f && Arrays.equals(x, f.x);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(x);
    }

    @Override
    public String toString() {
      return "Fixed" + Arrays.toString(x);
    }
  }
}
