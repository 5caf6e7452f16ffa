package dev.gradus.runner.results;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.gradus.runner.plan.Plan;
import dev.gradus.runner.plan.RunSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code plan.json}: every run id of the suite in run order, the ones this folder was given, and
 * its shard; {@code merge} uses it to put runs in order and to list the missing ones.
 *
 * @param suite the suite's name
 * @param suiteSha256 SHA-256 of the suite file
 * @param runs every run id of the suite, in run order
 * @param selected the run ids this folder was asked to run
 * @param shard such as {@code 0/4}, or null
 * @param plugins the SHA-256 of each plugin jar by file name, or null in a folder written before
 *     plan files recorded them
 */
public record PlanFile(
    String suite,
    String suiteSha256,
    List<String> runs,
    List<String> selected,
    String shard,
    Map<String, String> plugins) {
  public static final String FILE = ResultsLayout.PLAN;
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public static void write(
      Path dir, Plan plan, List<RunSpec> selected, String shard, Map<String, String> plugins) {
    List<String> all = new ArrayList<>();
    plan.runs().forEach(r -> all.add(r.runId()));
    List<String> mine = new ArrayList<>();
    selected.forEach(r -> mine.add(r.runId()));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("suite", plan.suiteName());
    m.put("suite_sha256", plan.suiteSha256());
    m.put("shard", shard);
    m.put("runs", all);
    m.put("selected", mine);
    m.put("plugins", new java.util.TreeMap<>(plugins));
    try {
      Files.writeString(dir.resolve(FILE), JSON.writeValueAsString(m));
    } catch (IOException e) {
      throw new dev.gradus.runner.run.ResultsWriteException(dir.resolve(FILE), e);
    }
  }

  /**
   * Reads a folder's plan file.
   *
   * @throws IllegalArgumentException when it is missing or malformed, naming the file
   */
  @SuppressWarnings("unchecked")
  public static PlanFile read(Path dir) {
    Path file = dir.resolve(FILE);
    try {
      Map<String, Object> m =
          JSON.readValue(Files.readString(file), new TypeReference<Map<String, Object>>() {});
      return new PlanFile(
          (String) m.get("suite"),
          (String) m.get("suite_sha256"),
          List.copyOf((List<String>) m.get("runs")),
          List.copyOf((List<String>) m.get("selected")),
          (String) m.get("shard"),
          m.get("plugins") == null
              ? null
              : new java.util.TreeMap<>((Map<String, String>) m.get("plugins")));
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(
          dir + " is not a Gradus results folder: it has no " + FILE, e);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(file + " is damaged: " + e.getMessage(), e);
    }
  }
}
