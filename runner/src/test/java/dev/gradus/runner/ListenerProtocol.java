package dev.gradus.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.gradus.runner.plan.Plan;
import dev.gradus.runner.plan.RunSpec;
import dev.gradus.spi.Iteration;
import dev.gradus.spi.RunInfo;
import dev.gradus.spi.RunListener;
import dev.gradus.spi.RunOutcome;
import dev.gradus.spi.SuiteInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A listener that records every event and checks the {@link RunListener} protocol as it goes, so
 * that the same check runs against every executor (local threads, Spark): suiteStarted once first;
 * per run runStarted, then iterations in increasing order, then runFinished once; then
 * suiteFinished once, last.
 */
public final class ListenerProtocol implements RunListener {
  private final List<String> problems = new ArrayList<>();
  private final Map<String, List<String>> byRun = new TreeMap<>();
  private final Map<String, String> state = new TreeMap<>();
  private int suitesStarted;
  private int suitesFinished;

  private synchronized void problem(String what) {
    problems.add(what);
  }

  @Override
  public synchronized void suiteStarted(SuiteInfo suite) {
    suitesStarted++;
    if (!byRun.isEmpty()) {
      problem("suiteStarted after run events");
    }
  }

  @Override
  public synchronized void runStarted(RunInfo run) {
    if (suitesStarted != 1 || suitesFinished != 0) {
      problem(run.runId() + ": runStarted outside the suite");
    }
    if (state.containsKey(run.runId())) {
      problem(run.runId() + ": runStarted twice");
    }
    state.put(run.runId(), "started");
    byRun.computeIfAbsent(run.runId(), k -> new ArrayList<>()).add("started " + run);
  }

  @Override
  public synchronized void iteration(RunInfo run, Iteration row) {
    if (!"started".equals(state.get(run.runId()))) {
      problem(run.runId() + ": iteration " + row.iteration() + " outside its run");
    }
    List<String> events = byRun.get(run.runId());
    // seconds is the one field that differs between two executions of a run
    Iteration timeless =
        new Iteration(
            row.iteration(),
            row.evaluations(),
            0,
            row.f(),
            row.gap(),
            row.gradNorm(),
            row.stepNorm(),
            row.lr(),
            row.inDomain());
    if (events != null) {
      events.add("iteration " + timeless);
    }
  }

  @Override
  public synchronized void runFinished(RunInfo run, RunOutcome outcome) {
    if (!"started".equals(state.get(run.runId()))) {
      problem(run.runId() + ": runFinished without runStarted, or twice");
    }
    state.put(run.runId(), "finished");
    byRun
        .computeIfAbsent(run.runId(), k -> new ArrayList<>())
        .add("finished " + outcome.status() + " " + outcome.iterations() + " " + outcome.fFinal());
  }

  @Override
  public synchronized void suiteFinished(SuiteInfo suite) {
    suitesFinished++;
    state.forEach(
        (id, s) -> {
          if (!s.equals("finished")) {
            problem(id + ": suite finished before the run");
          }
        });
  }

  /**
   * Checks the protocol held for every run of {@code plan}, each with iteration 0, every {@code
   * trace_every}-th and the last iteration, and returns the events by run id.
   */
  public synchronized Map<String, List<String>> verify(Plan plan) {
    if (!problems.isEmpty()) {
      fail("listener protocol broken: " + problems);
    }
    assertEquals(1, suitesStarted, "suiteStarted");
    assertEquals(1, suitesFinished, "suiteFinished");
    assertEquals(plan.runs().size(), byRun.size(), "every run has events");
    for (RunSpec spec : plan.runs()) {
      List<String> events = byRun.get(spec.runId());
      assertTrue(events.get(0).startsWith("started"), spec.runId() + ": " + events);
      assertTrue(events.get(1).startsWith("iteration Iteration[iteration=0,"), spec.runId());
      assertTrue(events.get(events.size() - 1).startsWith("finished"), spec.runId());
      long previous = -1;
      for (String e : events.subList(1, events.size() - 1)) {
        long t = Long.parseLong(e.substring(e.indexOf('=') + 1, e.indexOf(',')));
        assertTrue(t > previous, spec.runId() + ": iterations in order");
        previous = t;
      }
    }
    return new TreeMap<>(byRun);
  }
}
