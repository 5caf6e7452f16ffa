package dev.gradus.runner.run;

import dev.gradus.runner.plan.RunSpec;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs on a fixed pool of threads on this machine. */
public final class LocalExecutor implements RunExecutor {
  private final int threads;

  public LocalExecutor(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    this.threads = threads;
  }

  public int threads() {
    return threads;
  }

  @Override
  public void execute(List<RunSpec> runs, RunEngine engine, RunListener listener) {
    if (runs.isEmpty()) {
      return;
    }
    AtomicInteger next = new AtomicInteger();
    AtomicInteger workerIds = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(threads, runs.size()),
            task -> {
              Thread thread = new Thread(task, "gradus-run-" + workerIds.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    try {
      List<Future<?>> workers = new java.util.ArrayList<>();
      for (int w = 0; w < Math.min(threads, runs.size()); w++) {
        workers.add(
            pool.submit(
                () -> {
                  // Runs are taken in list order, so long runs listed first start first.
                  for (int i = next.getAndIncrement();
                      i < runs.size();
                      i = next.getAndIncrement()) {
                    RunSpec spec = runs.get(i);
                    RunResult result = engine.run(spec, listener);
                    listener.runFinished(spec, result);
                  }
                }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running the suite", e);
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(cause);
    } finally {
      pool.shutdownNow();
    }
  }
}
