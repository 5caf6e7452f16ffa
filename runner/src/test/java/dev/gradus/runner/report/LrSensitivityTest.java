package dev.gradus.runner.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gradus.runner.RunResults;
import dev.gradus.runner.run.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LrSensitivityTest {
  private static RunResult run(String optimizer, Map<String, Object> hp, Double gap) {
    StringBuilder label = new StringBuilder(optimizer);
    hp.forEach((k, v) -> label.append(' ').append(k).append('=').append(v));
    return RunResults.sample()
        .run(0, "sphere", 0, optimizer)
        .labels("sphere", label.toString())
        .hyperparameters(hp)
        .points(null, null, null)
        .values(gap == null ? null : gap + 10, gap == null ? null : gap + 10)
        .gaps(gap, gap)
        .wallMs(1)
        .build();
  }

  private static Map<String, Object> hp(Object... keyValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], keyValues[i + 1]);
    }
    return m;
  }

  @Test
  void configurationsDifferingOnlyInLrFormOneLineOfMedians() {
    List<RunResult> runs = new ArrayList<>();
    // gd at two learning rates, three repeats each: medians 2 and 0.5
    runs.add(run("gd", hp("lr", 0.1), 1.0));
    runs.add(run("gd", hp("lr", 0.1), 2.0));
    runs.add(run("gd", hp("lr", 0.1), 7.0));
    runs.add(run("gd", hp("lr", 0.01), 0.5));
    runs.add(run("gd", hp("lr", 0.01), 0.4));
    runs.add(run("gd", hp("lr", 0.01), 0.9));
    // momentum at two momenta: each momentum has one lr only, so no line
    runs.add(run("momentum", hp("lr", 0.01, "momentum", 0.9), 0.1));
    runs.add(run("momentum", hp("lr", 0.01, "momentum", 0.5), 0.2));
    // adam at two lr with the same betas: a line
    runs.add(run("adam", hp("lr", 0.001, "amsgrad", false), 3.0));
    runs.add(run("adam", hp("lr", 0.01, "amsgrad", false), 0.25));

    List<LrSensitivity.Line> lines = LrSensitivity.lines(runs, true);
    assertEquals(2, lines.size());
    LrSensitivity.Line gd = lines.get(0);
    assertEquals("gd", gd.label());
    assertArrayEquals(new double[] {0.01, 0.1}, gd.lr());
    assertArrayEquals(new double[] {0.5, 2.0}, gd.median());
    LrSensitivity.Line adam = lines.get(1);
    assertEquals("adam amsgrad=false", adam.label());
    assertArrayEquals(new double[] {0.001, 0.01}, adam.lr());
    assertArrayEquals(new double[] {3.0, 0.25}, adam.median());
  }

  @Test
  void runsWithoutAValueOrAnLrAreLeftOut() {
    List<RunResult> runs =
        List.of(
            run("gd", hp("lr", 0.1), null),
            run("gd", hp("lr", 0.01), 1.0),
            run("custom", hp("step", 0.1), 1.0),
            run("custom", hp("step", 0.2), 1.0));
    assertEquals(List.of(), LrSensitivity.lines(runs, true));
  }

  @Test
  void withoutTheGapTheLinesAreOfFinalF() {
    // f* = 10 here: f_final is the gap plus 10, as report.convergence: f draws it
    List<RunResult> runs = List.of(run("gd", hp("lr", 0.1), 1.0), run("gd", hp("lr", 0.01), 0.5));
    assertArrayEquals(new double[] {0.5, 1.0}, LrSensitivity.lines(runs, true).get(0).median());
    assertArrayEquals(new double[] {10.5, 11.0}, LrSensitivity.lines(runs, false).get(0).median());
  }
}
