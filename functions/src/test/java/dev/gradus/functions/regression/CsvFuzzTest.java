package dev.gradus.functions.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Arbitrary bytes as a CSV file, read with an arbitrary column spec through the {@code data}
 * hyperparameter of linear-regression. The input's first line is the spec: feature columns
 * separated by {@code |}, then {@code ;} and the target column (a spec starting with {@code *}
 * passes the first feature as a single text rather than a list); the rest is the file. The only
 * allowed failure is an {@link IllegalArgumentException} with a message, and a dataset that is read
 * must hold finite numbers in the shape the spec asks for.
 */
class CsvFuzzTest {
  private static final Path FILE;

  static {
    try {
      Path dir = Files.createTempDirectory("gradus-csv-fuzz");
      dir.toFile().deleteOnExit();
      FILE = dir.resolve("data.csv");
      FILE.toFile().deleteOnExit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest(maxDuration = "3m")
  void readCsv(byte[] input) throws IOException {
    int newline = indexOf(input, (byte) '\n');
    String spec =
        new String(input, 0, newline < 0 ? input.length : newline, StandardCharsets.UTF_8);
    byte[] body = newline < 0 ? new byte[0] : Arrays.copyOfRange(input, newline + 1, input.length);
    Files.write(FILE, body);

    boolean single = spec.startsWith("*");
    String columns = single ? spec.substring(1) : spec;
    int semicolon = columns.lastIndexOf(';');
    List<String> features =
        List.of((semicolon < 0 ? columns : columns.substring(0, semicolon)).split("\\|", -1));
    String target = semicolon < 0 ? null : columns.substring(semicolon + 1);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("csv", FILE.toString());
    data.put("x", single ? features.get(0) : features);
    data.put("y", target);

    Dataset dataset;
    try {
      dataset = DataSpec.load(data, false);
    } catch (IllegalArgumentException e) {
      assertNotNull(e.getMessage(), () -> "no message: " + e);
      assertFalse(e.getMessage().isBlank(), () -> "blank message: " + e);
      return;
    }
    int k = single ? 1 : features.size();
    assertEquals(k, dataset.columns());
    assertTrue(dataset.rows() > 0);
    assertEquals(dataset.rows() * k, dataset.features().length);
    for (double value : dataset.features()) {
      assertTrue(Double.isFinite(value), "feature " + value);
    }
    for (double value : dataset.targets()) {
      assertTrue(Double.isFinite(value), "target " + value);
    }
  }

  private static int indexOf(byte[] bytes, byte wanted) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    return -1;
  }
}
