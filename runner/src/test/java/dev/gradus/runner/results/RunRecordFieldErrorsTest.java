package dev.gradus.runner.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.gradus.runner.run.RunResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Found by ResultsFuzzTest: a wrongly typed field of a {@code runs.jsonl} line was reported with a
 * JDK ClassCastException or NullPointerException text that did not say which field was wrong.
 */
class RunRecordFieldErrorsTest {
  private static final String VALID =
      "{\"run_id\":\"f0-sphere_o0-gd_r0\",\"function_index\":0,\"optimizer_index\":0,"
          + "\"function\":\"sphere\",\"function_label\":\"sphere\","
          + "\"function_params\":{\"dim\":2},\"optimizer\":\"gd\",\"optimizer_label\":\"gd\","
          + "\"hyperparameters\":{\"lr\":0.1},\"seed\":7,\"repeat\":0,\"status\":\"converged\","
          + "\"iterations\":12,\"evaluations\":13,\"x_start\":[1.0,-2.0],\"x_final\":[0.0,0.5],"
          + "\"x_final_in_domain\":true,"
          + "\"f_final\":0.25,\"x_best\":[0.0,0.5],\"f_best\":0.25,\"grad_norm_final\":1.0,"
          + "\"final_gap\":null,\"best_gap\":null,\"distance_to_optimum\":0.5,"
          + "\"iterations_to_target\":11,\"wall_ms\":3,\"error\":null,\"error_file\":null,"
          + "\"resumed_from\":null}";

  private static String with(String field, Object value) throws Exception {
    Map<String, Object> m =
        new LinkedHashMap<>(
            RunRecords.JSON.readValue(VALID, new TypeReference<Map<String, Object>>() {}));
    if (value == null) {
      m.remove(field);
    } else {
      m.put(field, value);
    }
    return RunRecords.JSON.writeValueAsString(m);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "run_id, 5",
    "run_id, ../../secret",
    "function_index, ",
    "optimizer_index, -1",
    "x_final_in_domain, text",
    "final_gap, abc",
    "resumed_from, soon",
    "function_params, text",
    "seed, many",
    "seed, ",
    "repeat, 1.5e300",
    "status, sleeping",
    "iterations, true",
    "evaluations, ",
    "x_start, text",
    "x_final, list-of-text",
    "f_final, abc",
    "f_best, true",
    "grad_norm_final, list-of-text",
    "iterations_to_target, soon",
    "wall_ms, ",
    "error, 42",
  })
  void aWrongOrMissingFieldIsNamed(String field, String wrong) throws Exception {
    Object value =
        wrong == null
            ? null
            : switch (wrong) {
              case "list-of-text" -> List.of("a");
              case "true" -> true;
              case "42" -> 42;
              case "5" -> 5;
              case "-1" -> -1;
              case "1.5e300" -> 1.5e300;
              default -> wrong;
            };
    String line = with(field, value);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RunRecords.fromJson(line));
    assertTrue(e.getMessage().contains("'" + field + "'"), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({
    "final_gap",
    "best_gap",
    "x_best",
    "x_final_in_domain",
    "iterations_to_target",
    "error",
    "error_file",
    "resumed_from"
  })
  void nullableFieldsMayBeNull(String field) throws Exception {
    RunResult run = RunRecords.fromJson(with(field, null));
    assertEquals("f0-sphere_o0-gd_r0", run.runId());
  }
}
