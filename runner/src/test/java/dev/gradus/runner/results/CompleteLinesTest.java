package dev.gradus.runner.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Found by ResultsFuzzTest: what {@code merge} reads of a results file torn by a kill. */
class CompleteLinesTest {
  private static final String LINE =
      "{\"run_id\":\"f0-f_o0-o_r%d\",\"function_index\":0,\"optimizer_index\":0,\"function\":\"f\",\"function_label\":\"f\",\"function_params\":{},"
          + "\"optimizer\":\"o\",\"optimizer_label\":\"o\",\"hyperparameters\":{},\"seed\":1,"
          + "\"repeat\":0,\"status\":\"failed\",\"iterations\":0,\"evaluations\":0,"
          + "\"x_start\":null,\"x_final\":null,\"f_final\":null,\"x_best\":null,\"f_best\":null,"
          + "\"grad_norm_final\":null,\"final_gap\":null,\"best_gap\":null,\"distance_to_optimum\":null,"
          + "\"iterations_to_target\":null,\"wall_ms\":0,\"error\":\"lr must be in (0, ∞)\"}";

  @Test
  void aLastLineTornInsideAMultiByteCharacterIsLeftOut(@TempDir Path dir) throws IOException {
    byte[] third = String.format(LINE, 3).getBytes(StandardCharsets.UTF_8);
    // '∞' is three bytes in UTF-8; a kill after its first byte leaves an invalid sequence.
    int infinity = new String(third, StandardCharsets.UTF_8).indexOf('∞');
    int cut =
        new String(third, StandardCharsets.UTF_8)
                .substring(0, infinity)
                .getBytes(StandardCharsets.UTF_8)
                .length
            + 1;
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes((String.format(LINE, 1) + "\n").getBytes(StandardCharsets.UTF_8));
    file.writeBytes((String.format(LINE, 2) + "\n").getBytes(StandardCharsets.UTF_8));
    file.writeBytes(Arrays.copyOf(third, cut));
    Path runs = dir.resolve(ResultsStore.FILE);
    Files.write(runs, file.toByteArray());

    List<String> lines = ResultsStore.completeLines(runs);

    assertEquals(List.of(String.format(LINE, 1), String.format(LINE, 2)), lines);
    assertEquals("f0-f_o0-o_r2", RunRecords.fromJson(lines.get(1)).runId());
  }
}
