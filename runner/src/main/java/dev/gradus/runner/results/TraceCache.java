package dev.gradus.runner.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A folder's traces by run id, each file read at most once, so that the tables written at the end
 * of a suite (aRT, significance) share one pass over {@code traces/}.
 */
final class TraceCache implements Function<String, ResultsFolder.Trace> {
  private final ResultsLayout layout;
  private final Map<String, ResultsFolder.Trace> read = new HashMap<>();

  TraceCache(ResultsLayout layout) {
    this.layout = layout;
  }

  /** The run's trace, or null when it has none. */
  @Override
  public ResultsFolder.Trace apply(String runId) {
    if (read.containsKey(runId)) {
      return read.get(runId);
    }
    Path file = layout.existingTrace(runId);
    ResultsFolder.Trace trace = null;
    if (file != null) {
      try {
        trace = ResultsFolder.readTrace(file);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
      }
    }
    read.put(runId, trace);
    return trace;
  }
}
