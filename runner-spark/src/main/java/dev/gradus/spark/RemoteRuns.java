package dev.gradus.spark;

import dev.gradus.runner.output.RunRecords;
import dev.gradus.runner.output.TraceWriter;
import dev.gradus.runner.plan.Plan;
import dev.gradus.runner.plan.RunSpec;
import dev.gradus.runner.run.RunEngine;
import dev.gradus.runner.run.RunResult;
import dev.gradus.runner.suite.Suite;
import dev.gradus.runner.suite.SuiteLoader;
import dev.gradus.runner.wiring.Gradus;
import dev.gradus.runner.wiring.Plugins;
import dev.gradus.spi.RunInfo;
import dev.gradus.spi.RunListener;
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
 * returns its {@code runs.jsonl} record and its trace text, which the driver writes.
 */
final class RemoteRuns implements FlatMapFunction<Iterator<Integer>, String[]> {
  private static final long serialVersionUID = 1L;
  private static final Map<String, Plan> PLANS = new ConcurrentHashMap<>();

  private final String suiteText;
  private final String suiteFile;
  private final String baseDir;

  RemoteRuns(String suiteText, String suiteFile, String baseDir) {
    this.suiteText = suiteText;
    this.suiteFile = suiteFile;
    this.baseDir = baseDir;
  }

  @Override
  public Iterator<String[]> call(Iterator<Integer> indices) {
    Plan plan = PLANS.computeIfAbsent(suiteText + "\u0000" + baseDir, key -> plan());
    Suite suite = plan.suite();
    RunEngine engine = new RunEngine(suite.budget(), suite.stop(), suite.output().traceEvery());
    List<String[]> out = new ArrayList<>();
    while (indices.hasNext()) {
      RunSpec spec = plan.runs().get(indices.next());
      StringBuilder trace = new StringBuilder(TraceWriter.HEADER).append('\n');
      RunResult result =
          engine.run(
              spec,
              new RunListener() {
                @Override
                public void iteration(
                    RunInfo run, long it, double f, double gap, double g, double step, double lr) {
                  trace.append(TraceWriter.row(it, f, gap, g, step, lr));
                }
              });
      out.add(new String[] {RunRecords.toJson(result), trace.toString()});
    }
    return out.iterator();
  }

  private Plan plan() {
    ClassLoader tasks = Thread.currentThread().getContextClassLoader();
    Suite suite = new SuiteLoader().parse(suiteText, suiteFile, Path.of(baseDir));
    return Gradus.create(Plugins.discover(tasks), false).planner().plan(suite);
  }
}
