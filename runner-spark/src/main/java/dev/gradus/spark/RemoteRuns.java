package dev.gradus.spark;

import dev.gradus.runner.plan.Plan;
import dev.gradus.runner.plan.RunSpec;
import dev.gradus.runner.run.RunEngine;
import dev.gradus.runner.run.RunResult;
import dev.gradus.runner.suite.Suite;
import dev.gradus.runner.suite.SuiteLoader;
import dev.gradus.runner.wiring.Gradus;
import dev.gradus.runner.wiring.Plugins;
import dev.gradus.spi.Iteration;
import dev.gradus.spi.RunInfo;
import dev.gradus.spi.RunListener;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.function.FlatMapFunction;

/**
 * The task side: runs the runs of one partition on an executor. It ships only the suite's text and
 * run indices; each executor plans the suite itself (once per JVM) with the providers its task
 * class loader sees (the built-ins, and the plugin jars Spark distributed with {@code spark.jars}),
 * which gives the same run list as on the driver, because planning is deterministic. Each run
 * returns its result and its recorded iteration events, which the driver replays to its listeners.
 */
final class RemoteRuns implements FlatMapFunction<Iterator<Integer>, RemoteRuns.RemoteRun> {
  private static final long serialVersionUID = 1L;
  private static final Map<String, Plan> PLANS = new ConcurrentHashMap<>();

  /** The fields of one {@link Iteration}, as {@link RemoteRun#events} packs them. */
  static final int FIELDS = 14;

  /**
   * One run executed remotely.
   *
   * @param events {@link #FIELDS} doubles per recorded iteration, in order: iteration, evaluations,
   *     seconds, f, gap, grad norm, step norm, lr, in domain (1 or 0), train loss, test loss, test
   *     accuracy, sharpness, sharpness bound
   */
  record RemoteRun(int index, RunResult result, double[] events) implements Serializable {
    /** The recorded iterations, unpacked. */
    List<Iteration> iterations() {
      List<Iteration> out = new ArrayList<>(events.length / FIELDS);
      for (int k = 0; k + FIELDS <= events.length; k += FIELDS) {
        out.add(
            new Iteration(
                (long) events[k],
                (long) events[k + 1],
                events[k + 2],
                events[k + 3],
                events[k + 4],
                events[k + 5],
                events[k + 6],
                events[k + 7],
                events[k + 8] != 0,
                events[k + 9],
                events[k + 10],
                events[k + 11],
                events[k + 12],
                events[k + 13]));
      }
      return out;
    }
  }

  private final String suiteText;
  private final String suiteFile;
  private final String baseDir;

  RemoteRuns(String suiteText, String suiteFile, String baseDir) {
    this.suiteText = suiteText;
    this.suiteFile = suiteFile;
    this.baseDir = baseDir;
  }

  @Override
  public Iterator<RemoteRun> call(Iterator<Integer> indices) {
    Plan plan = PLANS.computeIfAbsent(suiteText + "\u0000" + baseDir, key -> plan());
    RunEngine engine = new RunEngine(plan.rules());
    List<RemoteRun> out = new ArrayList<>();
    while (indices.hasNext()) {
      RunSpec spec = plan.runs().get(indices.next());
      Recorder recorder = new Recorder();
      RunResult result = engine.run(spec, recorder);
      out.add(new RemoteRun(spec.index(), result, recorder.packed()));
    }
    return out.iterator();
  }

  /** Records every iteration event of a run, packed into doubles. */
  private static final class Recorder implements RunListener {
    private double[] events = new double[FIELDS * 64];
    private int size;

    @Override
    public void iteration(RunInfo run, Iteration row) {
      if (size + FIELDS > events.length) {
        events = java.util.Arrays.copyOf(events, 2 * events.length);
      }
      events[size++] = row.iteration();
      events[size++] = row.evaluations();
      events[size++] = row.seconds();
      events[size++] = row.f();
      events[size++] = row.gap();
      events[size++] = row.gradNorm();
      events[size++] = row.stepNorm();
      events[size++] = row.lr();
      events[size++] = row.inDomain() ? 1 : 0;
      events[size++] = row.trainLoss();
      events[size++] = row.testLoss();
      events[size++] = row.testAccuracy();
      events[size++] = row.sharpness();
      events[size++] = row.sharpnessBound();
    }

    double[] packed() {
      return java.util.Arrays.copyOf(events, size);
    }
  }

  private Plan plan() {
    ClassLoader tasks = Thread.currentThread().getContextClassLoader();
    Suite suite = new SuiteLoader().parse(suiteText, suiteFile, Path.of(baseDir));
    return Gradus.create(Plugins.discover(tasks), false).pipeline().plan(suite);
  }
}
