package dev.gradus.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each schedule, built by the YAML parser, against the rates torch 1.13's schedulers gave when
 * stepped once per optimizer step (src/test/resources/torch-golden/schedules.py). torch reaches
 * most of them recursively, so they agree to rounding; the tolerance shows how far that drifts.
 */
class TorchScheduleGoldenTest {
  static final double BASE = 0.1;
  static final double RELATIVE = 1e-12;

  static final Map<String, Object> YAML =
      Map.ofEntries(
          Map.entry("step", Map.of("step", Map.of("step_size", 3, "gamma", 0.5))),
          Map.entry(
              "multistep", Map.of("multistep", Map.of("milestones", List.of(5, 12), "gamma", 0.3))),
          Map.entry("exponential", Map.of("exponential", Map.of("gamma", 0.95))),
          Map.entry("cosine", Map.of("cosine", Map.of("t_max", 20, "eta_min", 0.001))),
          Map.entry(
              "cosine_warm_restarts",
              Map.of("cosine_warm_restarts", Map.of("t_0", 4, "t_mult", 2, "eta_min", 0.001))),
          Map.entry("linear", "linear"),
          Map.entry("polynomial", Map.of("polynomial", Map.of("total_iters", 30, "power", 2))),
          Map.entry("one_cycle_cos", Map.of("one_cycle", Map.of("max_lr", 1, "total_steps", 60))),
          Map.entry(
              "one_cycle_linear",
              Map.of(
                  "one_cycle",
                  Map.of("max_lr", 1, "total_steps", 60, "anneal_strategy", "linear"))),
          Map.entry(
              "one_cycle_three_phase",
              Map.of("one_cycle", Map.of("max_lr", 1, "total_steps", 60, "three_phase", true))),
          Map.entry(
              "sequential",
              Map.of(
                  "sequential",
                  Map.of(
                      "schedules",
                      List.of(
                          Map.of("linear", Map.of("start_factor", 0.5, "total_iters", 10)),
                          Map.of("cosine", Map.of("t_max", 40))),
                      "milestones",
                      List.of(10)))));

  static Stream<Arguments> schedules() throws IOException {
    Map<String, List<Double>> rates = new LinkedHashMap<>();
    try (InputStream in =
        TorchScheduleGoldenTest.class.getResourceAsStream("/torch-golden/schedules.csv")) {
      assertNotNull(in, "torch-golden/schedules.csv is on the test class path");
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.startsWith("# from here on")) {
          break; // the later cases, which TorchScheduleMoreGoldenTest reads
        }
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] f = line.split(",");
        List<Double> list = rates.computeIfAbsent(f[0], k -> new ArrayList<>());
        assertEquals(list.size(), Integer.parseInt(f[1]), line);
        list.add(Double.parseDouble(f[2]));
      }
    }
    assertEquals(YAML.keySet(), rates.keySet());
    return rates.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schedules")
  void matchesTorch(String name, List<Double> torchRates) {
    Schedule schedule = Schedule.parse(YAML.get(name));
    for (int step = 0; step < torchRates.size(); step++) {
      double want = torchRates.get(step);
      double got = schedule.lr(step, BASE);
      assertTrue(
          Math.abs(got - want) <= RELATIVE * Math.abs(want),
          name + " at step " + step + ": got " + got + ", torch " + want);
    }
  }
}
