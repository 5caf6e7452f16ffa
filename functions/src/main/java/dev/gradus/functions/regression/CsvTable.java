package dev.gradus.functions.regression;

import dev.gradus.spi.InvalidHyperParameterException;
import dev.gradus.spi.Names;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small CSV reader: comma-separated, a header line of column names, fields optionally in double
 * quotes (a doubled quote inside quotes stands for one), blank lines skipped. Errors name the file,
 * the 1-based line and the column.
 */
final class CsvTable {
  private CsvTable() {}

  /**
   * Reads the named numeric columns.
   *
   * @throws InvalidHyperParameterException (parameter {@code data}) for a missing or unreadable
   *     file, a missing column (with close matches), a non-numeric cell, a row with the wrong
   *     number of fields, or a file without data rows
   */
  static Dataset read(Path file, List<String> featureColumns, String targetColumn) {
    if (Files.exists(file) && !Files.isRegularFile(file)) {
      // a FIFO would block forever and a device such as /dev/zero never ends
      throw error(file + ": is not a regular file; data must be a CSV file");
    }
    List<String> lines;
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      lines = reader.lines().toList();
    } catch (NoSuchFileException e) {
      throw error(file + ": no such file (resolved to " + file.toAbsolutePath() + ")");
    } catch (IOException | java.io.UncheckedIOException e) {
      throw error(file + ": cannot read: " + e.getMessage());
    }
    return parse(lines, file.toString(), featureColumns, targetColumn);
  }

  /**
   * The named numeric columns of CSV text given as lines; {@code file} names it in messages.
   *
   * @throws InvalidHyperParameterException as {@link #read}
   */
  static Dataset parse(
      List<String> lines, String file, List<String> featureColumns, String targetColumn) {
    int headerLine = 0;
    while (headerLine < lines.size() && lines.get(headerLine).isBlank()) {
      headerLine++;
    }
    if (headerLine == lines.size()) {
      throw error(file + ": is empty; expected a header line of column names");
    }
    String headerText = lines.get(headerLine);
    if (headerText.startsWith("\uFEFF")) {
      headerText = headerText.substring(1); // the byte order mark Excel writes
    }
    List<String> header = fields(headerText, file, headerLine + 1);
    int[] featureIndex = new int[featureColumns.size()];
    for (int j = 0; j < featureIndex.length; j++) {
      featureIndex[j] = column(header, featureColumns.get(j), file);
    }
    int targetIndex = column(header, targetColumn, file);
    List<double[]> rows = new ArrayList<>();
    for (int i = headerLine + 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      List<String> row = fields(lines.get(i), file, i + 1);
      if (row.size() != header.size()) {
        throw error(
            file
                + " line "
                + (i + 1)
                + ": has "
                + row.size()
                + " fields, but the header has "
                + header.size());
      }
      double[] values = new double[featureIndex.length + 1];
      for (int j = 0; j < featureIndex.length; j++) {
        values[j] = number(row, featureIndex[j], header, file, i + 1);
      }
      values[featureIndex.length] = number(row, targetIndex, header, file, i + 1);
      rows.add(values);
    }
    if (rows.isEmpty()) {
      throw error(file + ": has a header but no data rows");
    }
    int k = featureIndex.length;
    double[] features = new double[rows.size() * k];
    double[] targets = new double[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      System.arraycopy(rows.get(i), 0, features, i * k, k);
      targets[i] = rows.get(i)[k];
    }
    return new Dataset(featureColumns, features, targets, file);
  }

  private static int column(List<String> header, String name, String file) {
    int index = header.indexOf(name);
    if (index < 0) {
      throw error(
          file
              + ": has no column '"
              + Names.quote(name)
              + "'"
              + Names.didYouMean(name, header)
              + "; its columns are: "
              + Names.quote(String.join(", ", header)));
    }
    return index;
  }

  private static double number(
      List<String> row, int index, List<String> header, String file, int line) {
    String cell = row.get(index).trim();
    try {
      double value = Double.parseDouble(cell);
      if (Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw error(
        file
            + " line "
            + line
            + ", column '"
            + Names.quote(header.get(index))
            + "': '"
            + Names.quote(cell)
            + "' is not a finite number");
  }

  /** Splits one line into fields, honouring double quotes. */
  static List<String> fields(String line, String file, int lineNumber) {
    List<String> out = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(field.toString().trim());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      throw error(file + " line " + lineNumber + ": a quoted field is not closed");
    }
    out.add(field.toString().trim());
    return out;
  }

  private static InvalidHyperParameterException error(String message) {
    return new InvalidHyperParameterException("data", "data: " + message);
  }
}
