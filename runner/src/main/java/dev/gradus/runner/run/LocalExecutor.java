package dev.gradus.runner.run;

import dev.gradus.runner.plan.RunSpec;
import dev.gradus.spi.RunListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs on a fixed pool of threads on this machine, taking runs in list order. With warm-up (the
 * default), each thread warms up every function and optimizer pair before its first run of that
 * pair ({@link RunTask#warmUp}), so that no run's {@code wall_ms} holds the JIT compiler's work on
 * code the thread has not run yet; what the runs compute is unchanged.
 */
public final class LocalExecutor implements RunExecutor {
  private final int threads;
  private final boolean warmUp;

  public LocalExecutor(int threads) {
    this(threads, true);
  }

  /**
   * @param warmUp whether each thread warms up a function and optimizer before its first run
   */
  public LocalExecutor(int threads, boolean warmUp) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    this.threads = threads;
    this.warmUp = warmUp;
  }

  public int threads() {
    return threads;
  }

  @Override
  public void execute(
      List<RunSpec> runs, RunTask task, RunListener listener, Consumer<RunResult> finished) {
    if (runs.isEmpty()) {
      return;
    }
    int workers = Math.min(threads, runs.size());
    AtomicInteger next = new AtomicInteger();
    AtomicInteger names = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            workers,
            work -> {
              Thread thread = new Thread(work, "gradus-run-" + names.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    // the first failure (a result file that cannot be written) stops the others taking runs
    java.util.concurrent.atomic.AtomicBoolean stop =
        new java.util.concurrent.atomic.AtomicBoolean();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        futures.add(
            pool.submit(
                () -> {
                  // the pairs this thread has warmed up: a function configuration's index and an
                  // optimizer's name (the code a run executes depends on these, not on the
                  // hyperparameters' values)
                  java.util.Set<String> warm = new java.util.HashSet<>();
                  try {
                    for (int i = next.getAndIncrement();
                        i < runs.size() && !stop.get();
                        i = next.getAndIncrement()) {
                      RunSpec spec = runs.get(i);
                      if (warmUp
                          && warm.add(spec.function().index() + " " + spec.optimizer().name())) {
                        task.warmUp(spec);
                      }
                      finished.accept(task.run(spec, listener));
                    }
                  } catch (RuntimeException | Error e) {
                    stop.set(true);
                    throw e;
                  }
                }));
      }
      ExecutionException first = null;
      for (Future<?> future : futures) {
        try {
          future.get();
        } catch (ExecutionException e) {
          first = first == null ? e : first;
        }
      }
      if (first != null) {
        if (first.getCause() instanceof RuntimeException runtime) {
          throw runtime;
        }
        if (first.getCause() instanceof Error error) {
          throw error;
        }
        throw new IllegalStateException(first.getCause());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running the suite", e);
    } finally {
      pool.shutdownNow();
    }
  }
}
