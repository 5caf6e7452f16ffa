package dev.gradus.runner.scale;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradus.runner.results.FlatTables;
import dev.gradus.runner.results.FolderGuard;
import dev.gradus.runner.results.PlanFile;
import dev.gradus.runner.results.ResultsLayout;
import dev.gradus.runner.results.ResultsStore;
import dev.gradus.runner.results.RunRecords;
import dev.gradus.runner.results.Summary;
import dev.gradus.runner.run.RunResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Joins the results folders of shards into one folder, as a single-machine run of the suite would
 * have written it: {@code runs.jsonl} in run order, traces, {@code summary.csv}, {@code
 * suite.resolved.yaml} and {@code plan.json}. It refuses folders of different suites (by the suite
 * file's SHA-256) or with different plugin jars (by their SHA-256), and duplicate runs; it reports
 * the runs that no folder has.
 */
public final class Merger {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * What a merge found.
   *
   * @param planned every run id of the suite, in run order
   * @param merged how many runs the merged folder holds
   * @param missing the run ids no folder had, in run order
   */
  public record Outcome(List<String> planned, int merged, List<String> missing, Summary summary) {}

  private record Line(String text, RunResult run, Map<String, Object> fields, Path folder) {}

  /** Checks the folders and lists what a merge would hold, without writing anything. */
  public Outcome inspect(List<Path> folders) {
    return collect(folders, null);
  }

  /** Merges {@code folders} into {@code out}. */
  public Outcome merge(List<Path> folders, Path out) {
    return merge(folders, out, false);
  }

  /**
   * Merges {@code folders} into {@code out}. The merged folder is written next to {@code out} and
   * moved into place only when complete, so a failed merge leaves {@code out} as it was. {@code
   * out} may not be one of the folders, and one that holds results is refused unless {@code
   * overwrite}, which replaces Gradus's files there (and only those).
   */
  public Outcome merge(List<Path> folders, Path out, boolean overwrite) {
    for (Path folder : folders) {
      if (sameFolder(folder, out)) {
        throw new IllegalArgumentException(
            "merge: --out " + out + " is one of the folders to merge; give a new folder");
      }
    }
    ResultsLayout target = new ResultsLayout(out);
    if (FolderGuard.holdsResults(target) && !overwrite) {
      throw new FolderGuard.RefusedException(
          "merge: "
              + out
              + " already holds results: give a new folder with --out, or replace them with"
              + " --overwrite");
    }
    return collect(folders, out);
  }

  private static boolean sameFolder(Path a, Path b) {
    try {
      return Files.exists(b) && Files.isSameFile(a, b);
    } catch (IOException e) {
      return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
  }

  private Outcome collect(List<Path> folders, Path out) {
    if (folders.isEmpty()) {
      throw new IllegalArgumentException("merge: name at least one results folder");
    }
    PlanFile first = PlanFile.read(folders.get(0));
    Map<String, Line> byId = new HashMap<>();
    Map<String, Object> plugins = null;
    Path pluginsFrom = null;
    for (Path folder : folders) {
      PlanFile plan = PlanFile.read(folder);
      if (!Objects.equals(plan.suiteSha256(), first.suiteSha256())
          || !plan.runs().equals(first.runs())) {
        throw new IllegalArgumentException(
            "merge: "
                + folder
                + " holds results of another suite than "
                + folders.get(0)
                + " ('"
                + plan.suite()
                + "' with suite file SHA-256 "
                + plan.suiteSha256()
                + " against '"
                + first.suite()
                + "' with "
                + first.suiteSha256()
                + ")");
      }
      for (Line line : read(folder)) {
        Object sha = line.fields().get("suite_sha256");
        if (!Objects.equals(sha, first.suiteSha256())) {
          throw new IllegalArgumentException(
              "merge: run "
                  + line.run().runId()
                  + " in "
                  + folder
                  + " belongs to another suite"
                  + " (suite file SHA-256 "
                  + sha
                  + ", expected "
                  + first.suiteSha256()
                  + ")");
        }
        Object used = line.fields().getOrDefault("plugins", Map.of());
        if (plugins == null) {
          plugins = new LinkedHashMap<>(asMap(used));
          pluginsFrom = folder;
        } else if (!plugins.equals(asMap(used))) {
          throw new IllegalArgumentException(
              "merge: "
                  + folder
                  + " ran with other plugin jars than "
                  + pluginsFrom
                  + ": "
                  + used
                  + " against "
                  + plugins);
        }
        Line previous = byId.putIfAbsent(line.run().runId(), line);
        if (previous != null) {
          throw new IllegalArgumentException(
              "merge: run "
                  + line.run().runId()
                  + " appears twice, in "
                  + previous.folder()
                  + " and in "
                  + folder
                  + "; merge each run from one folder only");
        }
      }
    }
    checkTrials(folders);
    List<String> missing = new ArrayList<>();
    List<Line> ordered = new ArrayList<>();
    for (String id : first.runs()) {
      Line line = byId.get(id);
      if (line == null) {
        missing.add(id);
      } else {
        ordered.add(line);
      }
    }
    List<RunResult> results = new ArrayList<>();
    ordered.forEach(l -> results.add(l.run()));
    Summary summary = Summary.of(results);
    if (out != null) {
      writeInPlace(out, folders.get(0), first, ordered, summary);
    }
    return new Outcome(first.runs(), ordered.size(), missing, summary);
  }

  /**
   * Shards of a tuned suite each ran every trial ({@code tuning/}), and must have picked the same
   * winners: their {@code tuning/trials.csv}, which has every trial's score and no time, must be
   * the same text. Folders with and without trials are not one suite.
   */
  private static void checkTrials(List<Path> folders) {
    Path firstTrials =
        new ResultsLayout(folders.get(0)).tuning().dir().resolve(ResultsLayout.TRIALS_CSV);
    String expected = readIfPresent(firstTrials);
    for (Path folder : folders.subList(1, folders.size())) {
      Path trials = new ResultsLayout(folder).tuning().dir().resolve(ResultsLayout.TRIALS_CSV);
      String found = readIfPresent(trials);
      if (!Objects.equals(expected, found)) {
        throw new IllegalArgumentException(
            "merge: "
                + (expected == null
                    ? folder + " has tuning trials (" + trials + ") and " + folders.get(0) + " none"
                    : found == null
                        ? folders.get(0) + " has tuning trials and " + folder + " none"
                        : trials + " differs from " + firstTrials)
                + ": the shards did not run the same tuning, so their evaluations cannot be merged;"
                + " run every shard with the same suite, seed and plugins");
      }
    }
  }

  private static String readIfPresent(Path file) {
    try {
      return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
    } catch (IOException e) {
      throw new UncheckedIOException("merge: cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Copies a folder's files, folders included, into {@code to}. */
  private static void copyTree(Path from, Path to) throws IOException {
    try (var paths = Files.walk(from)) {
      for (Path p : paths.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private static List<Line> read(Path folder) {
    Path file = folder.resolve(ResultsStore.FILE);
    List<String> lines;
    try {
      lines = ResultsStore.completeLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException("merge: cannot read " + file + ": " + e.getMessage(), e);
    }
    List<Line> out = new ArrayList<>();
    int number = 0;
    for (String text : lines) {
      number++;
      try {
        Map<String, Object> fields =
            JSON.readValue(text, new TypeReference<Map<String, Object>>() {});
        out.add(new Line(text, RunRecords.fromJson(text), fields, folder));
      } catch (IOException | IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "merge: "
                + file
                + ":"
                + number
                + " is not a run record: "
                + (e instanceof com.fasterxml.jackson.core.JsonProcessingException json
                    ? json.getOriginalMessage() // without the parser's source dump
                    : e.getMessage()),
            e);
      }
    }
    return out;
  }

  /** Writes the merged folder beside {@code out}, then moves its files into {@code out}. */
  private static void writeInPlace(
      Path out, Path firstFolder, PlanFile plan, List<Line> ordered, Summary summary) {
    Path parent = out.toAbsolutePath().getParent();
    Path staging;
    try {
      Files.createDirectories(parent);
      staging = Files.createTempDirectory(parent, "." + out.getFileName() + ".merging-");
    } catch (IOException e) {
      throw new UncheckedIOException("merge: cannot write beside " + out + ": " + e, e);
    }
    try {
      write(staging, firstFolder, plan, ordered, summary);
      Files.createDirectories(out);
      ResultsLayout target = new ResultsLayout(out);
      FolderGuard.clearResults(target);
      for (String name : ResultsLayout.ALL) {
        Path from = staging.resolve(name);
        if (Files.exists(from)) {
          Files.move(from, out.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("merge: cannot write " + out + ": " + e.getMessage(), e);
    } finally {
      FolderGuard.clearResults(new ResultsLayout(staging));
      try {
        Files.deleteIfExists(staging);
      } catch (IOException ignored) {
        // an empty hidden folder left beside the result; nothing of the merge is lost
      }
    }
  }

  private static void write(
      Path out, Path firstFolder, PlanFile plan, List<Line> ordered, Summary summary) {
    ResultsLayout target = new ResultsLayout(out);
    try {
      Files.createDirectories(target.traces());
      StringBuilder runs = new StringBuilder();
      List<String> present = new ArrayList<>();
      for (Line line : ordered) {
        String runId = line.run().runId();
        runs.append(line.text()).append('\n');
        present.add(runId);
        ResultsLayout source = new ResultsLayout(line.folder());
        Path trace = source.existingTrace(runId);
        if (trace != null) {
          copyIfPresent(trace, target.traces().resolve(trace.getFileName()));
        }
        copyIfPresent(source.failure(runId), target.failure(runId));
      }
      Files.writeString(target.runs(), runs.toString(), StandardCharsets.UTF_8);
      Files.writeString(target.summary(), summary.toCsv(), StandardCharsets.UTF_8);
      List<RunResult> merged = new ArrayList<>();
      ordered.forEach(l -> merged.add(l.run()));
      ResultsLayout first = new ResultsLayout(firstFolder);
      copyIfPresent(first.resolvedSuite(), target.resolvedSuite());
      copyIfPresent(first.suiteCopy(), target.suiteCopy());
      if (Files.isDirectory(first.tuning().dir())) {
        // every shard's trials are the same (checkTrials): the first's stand for them all
        copyTree(first.tuning().dir(), target.tuning().dir());
        Files.deleteIfExists(target.tuning().dir().resolve(ResultsLayout.LOCK));
      }
      // after the resolved suite, whose stop target the significance table reads
      FlatTables.write(target, merged);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("suite", plan.suite());
      m.put("suite_sha256", plan.suiteSha256());
      m.put("shard", null);
      m.put("runs", plan.runs());
      m.put("selected", present);
      m.put("plugins", plan.plugins());
      Files.writeString(
          target.plan(),
          JSON.writerWithDefaultPrettyPrinter().writeValueAsString(m),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("merge: cannot write " + out + ": " + e.getMessage(), e);
    }
  }

  private static void copyIfPresent(Path from, Path to) throws IOException {
    if (Files.exists(from)) {
      Files.createDirectories(to.getParent());
      Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
