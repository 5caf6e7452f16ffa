package dev.gradus.runner.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.gradus.runner.plan.RunIds;
import dev.gradus.runner.run.RunResult;
import dev.gradus.runner.run.RunStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of a {@link RunResult}: one line of {@code runs.jsonl}, in snake_case, fields in a
 * fixed order, strict JSON (RFC 8259): a value that is not finite is written as {@code null}, and
 * the status says why. Doubles are written so that they read back bit for bit.
 *
 * <p>Points of more than {@link #MAX_WRITTEN_COORDINATES} coordinates are written as null, so that
 * a line stays small at a million dimensions; {@code x_final_sha256} (SHA-256 of the IEEE 754 bits
 * of x_final, big-endian) is always written, so that results can still be compared bit for bit.
 */
public final class RunRecords {
  public static final int MAX_WRITTEN_COORDINATES = 10_000;

  // numbers written and read as Csv's are (shortest decimals, fast exact parsing)
  static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_LONG_FOR_INTS)
          .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
          .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
          .build();

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
    m.put("function_index", r.functionIndex());
    m.put("optimizer_index", r.optimizerIndex());
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
    m.put("x_final_in_domain", r.xFinalInDomain());
    if (r.averaged() != null) { // only for an optimizer with an averaged point: EMA, SWA, ASGD
      m.put("averaged", r.averaged().name());
      m.put("x_averaged", bounded(r.averaged().x()));
      m.put("f_averaged", finite(r.averaged().f()));
    }
    m.put("f_final", finite(r.fFinal()));
    m.put("x_best", bounded(r.xBest()));
    m.put("f_best", finite(r.fBest()));
    m.put("grad_norm_final", finite(r.gradNormFinal()));
    m.put("final_gap", finite(r.finalGap()));
    m.put("best_gap", finite(r.bestGap()));
    m.put("distance_to_optimum", finite(r.distanceToOptimum()));
    m.put("iterations_to_target", r.iterationsToTarget());
    m.put("evaluations_to_target", r.evaluationsToTarget());
    m.put("seconds_to_target", finite(r.secondsToTarget()));
    // the held-out metrics the objective has, each a field of its own
    r.heldOut().forEach(m::put);
    m.put("wall_ms", r.wallMs());
    m.put("error", r.error());
    m.put("error_file", r.errorFile());
    m.put("resumed_from", r.resumedFrom());
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
      String runId = text(m, "run_id");
      if (!RunIds.isValid(runId)) {
        throw new IllegalArgumentException(
            "field 'run_id' = '" + shortText(runId) + "' is not a run id of Gradus");
      }
      return new RunResult(
          runId,
          (int) integer(m, "function_index", 0, Integer.MAX_VALUE),
          (int) integer(m, "optimizer_index", 0, Integer.MAX_VALUE),
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
          optionalBoolean(m, "x_final_in_domain"),
          real(m, "f_final"),
          doubles(m, "x_best"),
          real(m, "f_best"),
          real(m, "grad_norm_final"),
          real(m, "final_gap"),
          real(m, "best_gap"),
          real(m, "distance_to_optimum"),
          m.get("iterations_to_target") == null
              ? null
              : integer(m, "iterations_to_target", 0, Long.MAX_VALUE),
          // absent from the records of older versions
          m.get("evaluations_to_target") == null
              ? null
              : integer(m, "evaluations_to_target", 0, Long.MAX_VALUE),
          real(m, "seconds_to_target"),
          heldOut(m),
          m.get("averaged") == null
              ? null
              : new RunResult.Averaged(
                  text(m, "averaged"),
                  m.get("x_averaged") == null ? null : doubles(m, "x_averaged"),
                  real(m, "f_averaged")),
          integer(m, "wall_ms", 0, Long.MAX_VALUE),
          optionalText(m, "error"),
          optionalText(m, "error_file"),
          m.get("resumed_from") == null ? null : integer(m, "resumed_from", 0, Long.MAX_VALUE),
          null);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("incomplete run record: " + e.getMessage(), e);
    }
  }

  private static String shortText(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "…";
  }

  /** A finite double as it is; NaN and infinities as JSON null (RFC 8259 has no others). */
  private static Double finite(Double v) {
    return v == null || !Double.isFinite(v) ? null : v;
  }

  private static Boolean optionalBoolean(Map<String, Object> m, String key) {
    Object v = m.get(key);
    if (v != null && !(v instanceof Boolean)) {
      throw new IllegalArgumentException("field '" + key + "' = " + v + " is not true or false");
    }
    return (Boolean) v;
  }

  /**
   * A point as written: null beyond {@link #MAX_WRITTEN_COORDINATES}, and with null for each
   * coordinate that is not finite.
   */
  private static Object bounded(double[] point) {
    if (point == null || point.length > MAX_WRITTEN_COORDINATES) {
      return null;
    }
    for (double v : point) {
      if (!Double.isFinite(v)) {
        List<Double> strict = new java.util.ArrayList<>(point.length);
        for (double w : point) {
          strict.add(Double.isFinite(w) ? w : null);
        }
        return strict;
      }
    }
    return point;
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

  private static Map<String, Double> heldOut(Map<String, Object> m) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    for (String name : dev.gradus.spi.HeldOut.NAMES) {
      if (m.containsKey(name)) {
        metrics.put(name, real(m, name));
      }
    }
    return java.util.Collections.unmodifiableMap(metrics);
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
      return Double.valueOf(s); // folders written before strict JSON hold "NaN" and "Infinity"
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
      Double value = real(list.get(i));
      out[i] = value == null ? Double.NaN : value;
    }
    return out;
  }
}
