package dev.gradus.runner.results;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Decides, before anything is written, what a run may do with a results folder: results are never
 * replaced silently, and never mixed with those of another suite or other plugin jars.
 *
 * <ul>
 *   <li>An empty or new folder is used as it is.
 *   <li>{@link Mode#RESUME} (and {@link Mode#DEFAULT_FOLDER}, the folder chosen when no {@code
 *       --out} is given) continues a folder of the same suite (its SHA-256) run with the same
 *       plugin jars, and refuses any other, naming what differs.
 *   <li>{@link Mode#NEW} (an explicit {@code --out}) refuses a folder that holds results, naming
 *       {@code --resume} and {@code --overwrite}.
 *   <li>{@link Mode#OVERWRITE} removes every file Gradus writes ({@link ResultsLayout#ALL}), and
 *       only those, then starts afresh: no orphans of the old results remain.
 * </ul>
 */
public final class FolderGuard {
  private static final ObjectMapper JSON = new ObjectMapper();

  private FolderGuard() {}

  /** How a run was asked to treat its results folder. */
  public enum Mode {
    NEW,
    RESUME,
    OVERWRITE,
    DEFAULT_FOLDER
  }

  /** What was decided: whether the runs already recorded are kept. */
  public record Decision(boolean resume, String note) {}

  /** A folder that may not be used, with the reason and what to do instead. */
  public static final class RefusedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public RefusedException(String message) {
      super(message);
    }
  }

  /**
   * @param suiteSha256 the SHA-256 of the suite about to run
   * @param plugins the SHA-256 of each plugin jar about to be used, by file name
   * @param suiteFile the suite file being run, which {@link Mode#OVERWRITE} keeps even when it is
   *     the folder's {@code suite.yaml}; null for none
   * @throws RefusedException when the folder may not be used as asked
   */
  public static Decision check(
      ResultsLayout layout,
      Mode mode,
      String suiteSha256,
      Map<String, String> plugins,
      Path suiteFile) {
    refuseToWriteOver(layout, suiteFile);
    if (!holdsResults(layout, suiteFile)) {
      return new Decision(false, null);
    }
    Path dir = layout.dir();
    if (mode == Mode.OVERWRITE) {
      clear(layout, suiteFile);
      return new Decision(false, "replaced the results in " + dir + " (--overwrite)");
    }
    if (mode == Mode.NEW) {
      throw new RefusedException(
          dir
              + " already holds results: add --resume to continue them (same suite only), or"
              + " --overwrite to replace them, or choose another folder with --out");
    }
    // a tuned suite stopped during its trials has only the trials' folder to say what it was
    PlanFile planFile =
        Files.isRegularFile(layout.plan())
            ? PlanFile.read(dir)
            : Files.isRegularFile(layout.tuning().plan())
                ? PlanFile.read(layout.tuning().dir())
                : null;
    Map<String, Object> first = firstRecord(layout);
    String there = storedSuite(planFile, first);
    if (!Objects.equals(there, suiteSha256)) {
      throw new RefusedException(
          dir
              + " holds results of another suite or another version of it (suite file SHA-256 "
              + abbreviated(there)
              + " there, "
              + abbreviated(suiteSha256)
              + " now): run into a new folder with --out DIR, or replace them with --overwrite");
    }
    Map<String, String> now = new TreeMap<>(plugins);
    for (Map<String, String> used : storedPlugins(planFile, first)) {
      if (!used.equals(now)) {
        throw new RefusedException(
            dir
                + " holds results made with other plugin jars ("
                + used
                + " there, "
                + now
                + " now): run into a new folder with --out DIR, or replace them with --overwrite");
      }
    }
    return new Decision(
        true,
        mode == Mode.RESUME
            ? null
            : dir + " holds results of this suite: continuing them (as with --resume)");
  }

  /**
   * The suite file must not be one that Gradus writes in its folder (say, a suite named summary.csv
   * run with --out its own folder): it would be overwritten. Its own copy, suite.yaml, is the one
   * name that may be the suite itself, since it is then left as it is.
   */
  private static void refuseToWriteOver(ResultsLayout layout, Path suiteFile) {
    if (suiteFile == null) {
      return;
    }
    for (String name : ResultsLayout.ALL) {
      if (!name.equals(ResultsLayout.SUITE_COPY)
          && isSameFile(layout.dir().resolve(name), suiteFile)) {
        throw new RefusedException(
            "the suite file "
                + suiteFile
                + " has a name Gradus writes in its results folder "
                + layout.dir()
                + ", so it would be overwritten: rename it, or choose another folder with --out");
      }
    }
  }

  private static String abbreviated(String sha) {
    return sha == null ? "unknown" : sha.length() > 12 ? sha.substring(0, 12) + "…" : sha;
  }

  private static boolean isSameFile(Path a, Path b) {
    try {
      return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * True when the folder holds any file Gradus writes; an empty {@code runs.jsonl}, or one that is
   * not a regular file, holds no results.
   */
  public static boolean holdsResults(ResultsLayout layout) {
    return holdsResults(layout, null);
  }

  /** As {@link #holdsResults(ResultsLayout)}, not counting {@code suiteFile} if it is there. */
  static boolean holdsResults(ResultsLayout layout, Path suiteFile) {
    for (String name : ResultsLayout.ALL) {
      Path path = layout.dir().resolve(name);
      if (suiteFile != null && isSameFile(path, suiteFile)) {
        continue;
      }
      if (name.equals(ResultsLayout.RUNS)) {
        try {
          if (Files.isRegularFile(path) && Files.size(path) > 0) {
            return true;
          }
        } catch (IOException e) {
          return true;
        }
      } else if (Files.exists(path)) {
        return true;
      }
    }
    return false;
  }

  /** The suite's SHA-256 from plan.json, else from the first record; null if neither says. */
  private static String storedSuite(PlanFile planFile, Map<String, Object> first) {
    if (planFile != null) {
      return planFile.suiteSha256();
    }
    return first == null ? null : (String) first.get("suite_sha256");
  }

  /** The plugin jars plan.json and the first record name, those that say. */
  @SuppressWarnings("unchecked")
  private static List<Map<String, String>> storedPlugins(
      PlanFile planFile, Map<String, Object> first) {
    List<Map<String, String>> out = new java.util.ArrayList<>();
    if (planFile != null && planFile.plugins() != null) {
      out.add(planFile.plugins());
    }
    if (first != null && first.get("plugins") instanceof Map<?, ?> m) {
      out.add(new TreeMap<>((Map<String, String>) m));
    }
    return out;
  }

  private static Map<String, Object> firstRecord(ResultsLayout layout) {
    if (!Files.isRegularFile(layout.runs())) {
      return null;
    }
    try {
      List<String> lines = ResultsStore.completeLines(layout.runs());
      if (lines.isEmpty()) {
        return null;
      }
      return JSON.readValue(lines.get(0), new TypeReference<Map<String, Object>>() {});
    } catch (IOException e) {
      throw new IllegalArgumentException(
          layout.runs() + ":1: not a run record: " + e.getMessage(), e);
    }
  }

  /** Deletes every entry of {@link ResultsLayout#ALL}; a link is removed, never followed. */
  public static void clearResults(ResultsLayout layout) {
    clear(layout, null);
  }

  /** As {@link #clearResults}, keeping {@code keep} (the suite file being run) if it is there. */
  static void clear(ResultsLayout layout, Path keep) {
    for (String name : ResultsLayout.ALL) {
      Path path = layout.dir().resolve(name);
      if (keep != null && isSameFile(path, keep)) {
        continue;
      }
      try {
        if (Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          Files.walkFileTree(
              path,
              new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                    throws IOException {
                  Files.delete(file);
                  return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e)
                    throws IOException {
                  Files.delete(d);
                  return FileVisitResult.CONTINUE;
                }
              });
        } else {
          Files.deleteIfExists(path);
        }
      } catch (IOException e) {
        throw new IllegalStateException("--overwrite: cannot remove " + path + ": " + e, e);
      }
    }
  }
}
