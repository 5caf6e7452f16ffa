package dev.gradus.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;

/**
 * The hand-written side of the run-level rows of docs/performance.md, run by benchmarks/run.sh as
 * {@code java -cp benchmarks/target/benchmarks.jar dev.gradus.benchmarks.HandWrittenRuns WORKLOAD
 * [N]}: the work of one {@code gradus run} of the suites in benchmarks/suite/, as plain fused Java.
 *
 * <ul>
 *   <li>{@code beale-adam R}, {@code rosenbrock-adam R}, {@code linear-regression R}: R repeats of
 *       one run, each timed in-process from its first step, once the start point, the optimizer's
 *       state and (for the regression) the generated data are made, to its final evaluation, as a
 *       run's {@code wall_ms} is. Prints {@code RESULT <workload>-run <median seconds of repeats
 *       2..R> first=<seconds of repeat 1>}.
 *   <li>{@code suite T}: the 1,000 runs of benchmarks/suite/suite-1000.yaml on T threads; the shell
 *       times the whole process, JVM start included. Prints a checksum line.
 * </ul>
 *
 * <p>Every run makes N steps and N + 1 evaluations (value and gradient before each step and at the
 * final point), as the runner does; {@code WorkloadEquivalenceTest} checks each against the
 * providers a suite uses.
 */
public final class HandWrittenRuns {
  /** Rosenbrock at 10⁶: Adam steps with learning rate {@value}. */
  public static final double ROSENBROCK_LR = 1e-3;

  public static final int ROSENBROCK_STEPS = 20;

  /** The 1,000-run suite: its functions, optimizers and their learning rates, as in the YAML. */
  public static final String[] SUITE_FUNCTIONS = {"rosenbrock", "beale", "ackley", "himmelblau"};

  public static final String[] SUITE_OPTIMIZERS = {"gd", "momentum", "adam", "rmsprop", "adagrad"};
  public static final double[] SUITE_LRS = {1e-3, 1e-3, 1e-2, 1e-3, 1e-1};
  public static final double SUITE_MOMENTUM = 0.9;
  public static final int SUITE_REPEATS = 50;
  public static final int SUITE_ITERATIONS = 1000;

  /** The lower and upper bound of each suite function's square domain, where starts are drawn. */
  private static final double[][] SUITE_DOMAINS = {{-5, 10}, {-4.5, 4.5}, {-5, 5}, {-5, 5}};

  /** As the runner's divergence check: a value or gradient norm beyond this ends the run. */
  private static final double OVERFLOW = 1e300;

  private HandWrittenRuns() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      throw new IllegalArgumentException(
          "usage: HandWrittenRuns beale-adam|rosenbrock-adam|linear-regression REPEATS"
              + " | suite THREADS");
    }
    int count = Integer.parseInt(args[1]);
    switch (args[0]) {
      case "beale-adam" -> repeat("beale-adam-run", count, HandWrittenRuns::bealeRun);
      case "rosenbrock-adam" ->
          repeat("rosenbrock-adam-run", count, HandWrittenRuns::rosenbrockRun);
      case "linear-regression" ->
          repeat("linear-regression-run", count, HandWrittenRuns::regressionRun);
      case "suite" -> {
        double[] best = suite(count);
        double sum = 0;
        for (double b : best) {
          sum += b;
        }
        System.out.printf(Locale.ROOT, "suite %d runs, sum of f_best %.17g%n", best.length, sum);
      }
      default -> throw new IllegalArgumentException("unknown workload '" + args[0] + "'");
    }
  }

  /** Times {@code repeats} calls of {@code run} (each returns its nanoseconds) and prints them. */
  private static void repeat(String workload, int repeats, LongSupplier run) {
    if (repeats < 2) {
      throw new IllegalArgumentException("at least 2 repeats: the first is reported apart");
    }
    double[] seconds = new double[repeats];
    for (int r = 0; r < repeats; r++) {
      seconds[r] = run.getAsLong() * 1e-9;
    }
    double[] later = Arrays.copyOfRange(seconds, 1, repeats);
    Arrays.sort(later);
    int m = later.length;
    double median = m % 2 == 1 ? later[m / 2] : (later[m / 2 - 1] + later[m / 2]) / 2;
    System.out.printf(
        Locale.ROOT,
        "RESULT %s %.9g first=%.9g repeats=%d%n",
        workload,
        median,
        seconds[0],
        repeats);
  }

  private static double sink; // keeps each run's result observable

  private static long bealeRun() {
    long start = System.nanoTime();
    sink += bealeAdamRun();
    return System.nanoTime() - start;
  }

  // as a run's wall_ms, the clock starts once the problem is built: the start point and the
  // optimizer's state (Rosenbrock), the generated data (the regression)

  private static long rosenbrockRun() {
    int n = Workloads.ROSENBROCK_N;
    double[] x = Workloads.rosenbrockStart(n);
    double[] gradient = new double[n];
    HandWritten.AdamState state = new HandWritten.AdamState(n);
    long start = System.nanoTime();
    sink += HandWritten.rosenbrockAdam(x, gradient, state, ROSENBROCK_STEPS, ROSENBROCK_LR);
    return System.nanoTime() - start;
  }

  private static long regressionRun() {
    double[][] data = Workloads.regressionData(Workloads.REGRESSION_POINTS);
    long start = System.nanoTime();
    sink += linearRegressionFit(data);
    return System.nanoTime() - start;
  }

  /** 20,000 Adam steps on Beale from (1, 1) at lr 0.01; returns the final value. */
  public static double bealeAdamRun() {
    double[] point = {1, 1};
    double[] gradient = new double[2];
    HandWritten.bealeAdam(
        point, gradient, new HandWritten.AdamState(2), Workloads.BEALE_STEPS, Workloads.BEALE_LR);
    return HandWritten.bealeValueAndGradient(point, gradient);
  }

  /** 20 Adam steps on Rosenbrock at dimension {@code n} from (−1.2, 1, …); the final value. */
  public static double rosenbrockAdamRun(int n) {
    double[] x = Workloads.rosenbrockStart(n);
    return HandWritten.rosenbrockAdam(
        x, new double[n], new HandWritten.AdamState(n), ROSENBROCK_STEPS, ROSENBROCK_LR);
  }

  /**
   * 100 epochs of gd (lr 0.1) on {@code points} generated rows from (0, 0), the data generated
   * first as the {@code generate} option does; returns the final loss.
   */
  public static double linearRegressionRun(int points) {
    return linearRegressionFit(Workloads.regressionData(points));
  }

  /** 100 epochs of gd (lr 0.1) on generated {@code data} from (0, 0); returns the final loss. */
  static double linearRegressionFit(double[][] data) {
    double[] params = {0, 0};
    HandWritten.linearRegressionGd(
        data[0], data[1], params, Workloads.REGRESSION_EPOCHS, Workloads.REGRESSION_LR);
    return HandWritten.meanSquaredError(data[0], data[1], params[0], params[1]);
  }

  /**
   * The 1,000 runs of suite-1000.yaml on {@code threads} threads: every function × optimizer ×
   * repeat, {@value #SUITE_ITERATIONS} steps from a start uniform in the function's domain (one
   * start per function and repeat, shared by the optimizers, as the suite's seeds are). Returns
   * each run's f_best, function-major.
   */
  public static double[] suite(int threads) throws Exception {
    int runs = SUITE_FUNCTIONS.length * SUITE_OPTIMIZERS.length * SUITE_REPEATS;
    double[] best = new double[runs];
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int f = 0; f < SUITE_FUNCTIONS.length; f++) {
        for (int o = 0; o < SUITE_OPTIMIZERS.length; o++) {
          for (int r = 0; r < SUITE_REPEATS; r++) {
            int fi = f;
            int oi = o;
            int index = (f * SUITE_OPTIMIZERS.length + o) * SUITE_REPEATS + r;
            double[] start = suiteStart(f, r);
            done.add(pool.submit(() -> best[index] = suiteRun(fi, oi, start, SUITE_ITERATIONS)[2]));
          }
        }
      }
      for (Future<?> d : done) {
        d.get();
      }
    } finally {
      pool.shutdown();
    }
    return best;
  }

  /** A start uniform in function {@code f}'s domain, drawn from a seed of (f, repeat). */
  public static double[] suiteStart(int f, int repeat) {
    SplittableRandom random = new SplittableRandom(42L * 1_000_003 + f * 100_000L + repeat);
    double lo = SUITE_DOMAINS[f][0];
    double hi = SUITE_DOMAINS[f][1];
    return new double[] {
      lo + (hi - lo) * random.nextDouble(), lo + (hi - lo) * random.nextDouble()
    };
  }

  /**
   * One suite run of function {@code f} and optimizer {@code o} from {@code start}: up to {@code
   * iterations} steps, ending early when the value or the gradient norm is not finite or beyond
   * 1e300 (as the runner's divergence check). Returns {x, y, f_best, f_final}.
   */
  public static double[] suiteRun(int f, int o, double[] start, int iterations) {
    double[] x = start.clone();
    double[] g = new double[2];
    double[] m = new double[2];
    double[] v = new double[2];
    HandWritten.AdamState adam = new HandWritten.AdamState(2);
    boolean started = false;
    double lr = SUITE_LRS[o];
    double fBest = Double.POSITIVE_INFINITY;
    double value = Double.NaN;
    for (int t = 0; ; t++) {
      value =
          switch (f) {
            case 0 -> HandWritten.rosenbrockValueAndGradient(x, g);
            case 1 -> HandWritten.bealeValueAndGradient(x, g);
            case 2 -> HandWritten.ackleyValueAndGradient(x, g);
            default -> HandWritten.himmelblauValueAndGradient(x, g);
          };
      double squares = g[0] * g[0] + g[1] * g[1];
      // rescaled where the squares overflow, as the runner's norm is: a huge gradient is finite
      double gradNorm =
          squares < Double.POSITIVE_INFINITY ? Math.sqrt(squares) : Math.hypot(g[0], g[1]);
      if (!(Math.abs(value) <= OVERFLOW && gradNorm <= OVERFLOW)) {
        break;
      }
      fBest = Math.min(fBest, value);
      if (t == iterations) {
        break;
      }
      switch (o) {
        case 0 -> HandWritten.gdStep(x, g, lr);
        case 1 -> started = HandWritten.momentumStep(x, g, lr, SUITE_MOMENTUM, m, started);
        case 2 -> HandWritten.adamStep(x, g, lr, adam);
        case 3 -> HandWritten.rmspropStep(x, g, lr, v);
        default -> HandWritten.adagradStep(x, g, lr, v);
      }
    }
    return new double[] {x[0], x[1], fBest, value};
  }
}
