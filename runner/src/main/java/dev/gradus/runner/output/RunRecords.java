package dev.gradus.runner.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.gradus.runner.run.RunResult;
import dev.gradus.runner.run.RunStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of a {@link RunResult}: one line of {@code runs.jsonl}, in snake_case, fields in a
 * fixed order. Doubles are written so that they read back bit for bit.
 *
 * <p>Points of more than {@link #MAX_WRITTEN_COORDINATES} coordinates are written as null, so that
 * a line stays small at a million dimensions; {@code x_final_sha256} (SHA-256 of the IEEE 754 bits
 * of x_final, big-endian) is always written, so that results can still be compared bit for bit.
 */
public final class RunRecords {
  public static final int MAX_WRITTEN_COORDINATES = 10_000;

  static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_LONG_FOR_INTS).build();

  private RunRecords() {}

  public static String toJson(RunResult r) {
    return toJson(r, Map.of());
  }

  /**
   * The line for {@code r}, followed by the {@code provenance} fields ({@code suite_sha256} and
   * {@code plugins}, the SHA-256 of each plugin jar), which let {@code merge} refuse results of
   * different suites or plugins.
   */
  public static String toJson(RunResult r, Map<String, Object> provenance) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run_id", r.runId());
    m.put("function", r.function());
    m.put("function_label", r.functionLabel());
    m.put("function_params", r.functionParams());
    m.put("optimizer", r.optimizer());
    m.put("optimizer_label", r.optimizerLabel());
    m.put("hyperparameters", r.hyperparameters());
    m.put("seed", r.seed());
    m.put("repeat", r.repeat());
    m.put("status", r.status().id());
    m.put("iterations", r.iterations());
    m.put("evaluations", r.evaluations());
    m.put("x_start", bounded(r.xStart()));
    m.put("x_final", bounded(r.xFinal()));
    m.put("x_final_sha256", sha256(r.xFinal()));
    m.put("f_final", r.fFinal());
    m.put("x_best", bounded(r.xBest()));
    m.put("f_best", r.fBest());
    m.put("grad_norm_final", r.gradNormFinal());
    m.put("f_gap", r.fGap());
    m.put("distance_to_optimum", r.distanceToOptimum());
    m.put("iterations_to_target", r.iterationsToTarget());
    m.put("wall_ms", r.wallMs());
    m.put("error", r.error());
    m.putAll(provenance);
    try {
      return JSON.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write run " + r.runId() + " as JSON", e);
    }
  }

  /**
   * Reads one line back.
   *
   * @throws IllegalArgumentException if the line is not a complete run record
   */
  public static RunResult fromJson(String line) {
    Map<String, Object> m;
    try {
      m = JSON.readValue(line, new TypeReference<Map<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a JSON run record: " + e.getOriginalMessage(), e);
    }
    if (m == null) {
      throw new IllegalArgumentException("not a JSON run record: empty");
    }
    try {
      return new RunResult(
          text(m, "run_id"),
          text(m, "function"),
          text(m, "function_label"),
          map(m, "function_params"),
          text(m, "optimizer"),
          text(m, "optimizer_label"),
          map(m, "hyperparameters"),
          integer(m, "seed", Long.MIN_VALUE, Long.MAX_VALUE),
          (int) integer(m, "repeat", 0, Integer.MAX_VALUE),
          status(m, "status"),
          integer(m, "iterations", 0, Long.MAX_VALUE),
          integer(m, "evaluations", 0, Long.MAX_VALUE),
          doubles(m, "x_start"),
          doubles(m, "x_final"),
          real(m, "f_final"),
          doubles(m, "x_best"),
          real(m, "f_best"),
          real(m, "grad_norm_final"),
          real(m, "f_gap"),
          real(m, "distance_to_optimum"),
          m.get("iterations_to_target") == null
              ? null
              : integer(m, "iterations_to_target", 0, Long.MAX_VALUE),
          integer(m, "wall_ms", 0, Long.MAX_VALUE),
          optionalText(m, "error"));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("incomplete run record: " + e.getMessage(), e);
    }
  }

  private static double[] bounded(double[] point) {
    return point == null || point.length > MAX_WRITTEN_COORDINATES ? null : point;
  }

  /** SHA-256 of the IEEE 754 bits of a point, in hex; null for no point. */
  public static String sha256(double[] point) {
    if (point == null) {
      return null;
    }
    try {
      java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
      java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(8 * Math.min(point.length, 4096));
      for (int i = 0; i < point.length; i++) {
        if (!bytes.hasRemaining()) {
          digest.update(bytes.flip());
          bytes.clear();
        }
        bytes.putLong(Double.doubleToRawLongBits(point[i]));
      }
      digest.update(bytes.flip());
      return java.util.HexFormat.of().formatHex(digest.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static String text(Map<String, Object> m, String key) {
    Object v = m.get(key);
    if (!(v instanceof String s)) {
      throw new IllegalArgumentException("field '" + key + "' is missing or not text");
    }
    return s;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> m, String key) {
    Object v = m.get(key);
    if (!(v instanceof Map)) {
      throw new IllegalArgumentException("field '" + key + "' is missing or not an object");
    }
    return (Map<String, Object>) v;
  }

  private static String optionalText(Map<String, Object> m, String key) {
    Object v = m.get(key);
    if (v != null && !(v instanceof String)) {
      throw new IllegalArgumentException("field '" + key + "' = " + v + " is not text");
    }
    return (String) v;
  }

  private static RunStatus status(Map<String, Object> m, String key) {
    String id = text(m, key);
    try {
      return RunStatus.fromId(id);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("field '" + key + "' = " + id + " is not a run status", e);
    }
  }

  /** A whole number in [min, max]; JSON integers read as Long (BigInteger beyond its range). */
  private static long integer(Map<String, Object> m, String key, long min, long max) {
    Object v = m.get(key);
    if (!(v instanceof Long || v instanceof Integer)) {
      throw new IllegalArgumentException(
          "field '" + key + "' = " + v + " is missing or not a whole number");
    }
    long value = ((Number) v).longValue();
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          "field '" + key + "' = " + value + " is outside [" + min + ", " + max + "]");
    }
    return value;
  }

  private static Double real(Map<String, Object> m, String key) {
    Object v = m.get(key);
    try {
      return real(v);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("field '" + key + "' = " + v + " is not a number", e);
    }
  }

  private static double[] doubles(Map<String, Object> m, String key) {
    Object v = m.get(key);
    try {
      return doubles(v);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "field '" + key + "' = " + v + " is not a list of numbers", e);
    }
  }

  private static Double real(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof String s) {
      return Double.valueOf(s); // NaN and infinities are written as strings
    }
    return ((Number) v).doubleValue();
  }

  private static double[] doubles(Object v) {
    if (v == null) {
      return null;
    }
    List<?> list = (List<?>) v;
    double[] out = new double[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = real(list.get(i));
    }
    return out;
  }
}
