package dev.gradus.functions.regression;

import dev.gradus.spi.InvalidHyperParameterException;
import dev.gradus.spi.Names;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The public datasets shipped with Gradus ({@code data: {dataset: ID}}), each a CSV resource whose
 * SHA-256 is checked when it is loaded, so that a damaged or altered copy is refused instead of
 * giving other numbers. Lines starting with {@code #} (the source and licence) come before the
 * header; the target is the last column and every other column is a feature. docs/functions.md
 * gives each dataset's source, licence and checksum.
 */
final class Datasets {
  /**
   * A shipped dataset.
   *
   * @param resource the CSV's name beside this class's {@code datasets/} folder
   * @param sha256 the SHA-256 of the resource's bytes, lower-case hex
   * @param scale every feature is multiplied by it on load (1/16 makes the digits' pixel counts
   *     0–16 intensities in [0, 1])
   * @param standardizeByDefault whether {@code standardize} defaults to true for it: for features
   *     of very different scales, not for pixels already in [0, 1]
   */
  record Shipped(
      String id,
      String resource,
      String sha256,
      String target,
      double scale,
      boolean standardizeByDefault) {}

  static final List<Shipped> ALL =
      List.of(
          new Shipped(
              "breast-cancer",
              "breast-cancer.csv",
              "7e1a16f7b903d455599e39de3bd8009e7214dcad18a301151cbde6adb11ca396",
              "malignant",
              1,
              true),
          new Shipped(
              "digits",
              "digits.csv",
              "5d55e83b582551ba816158406f1860a4f3f354eaa38b92c9c15661fa9e3f12b8",
              "digit",
              1.0 / 16,
              false));

  private Datasets() {}

  /** The ids of the shipped datasets. */
  static List<String> ids() {
    return ALL.stream().map(Shipped::id).toList();
  }

  /**
   * Loads a shipped dataset, every column but the target as a feature.
   *
   * @throws InvalidHyperParameterException (parameter {@code data}) for an unknown id, with close
   *     matches, or a resource whose checksum does not match
   */
  static Dataset load(String id) {
    return load(shipped(id));
  }

  /**
   * The shipped dataset of that id.
   *
   * @throws InvalidHyperParameterException for an unknown id, with close matches
   */
  static Shipped shipped(String id) {
    return ALL.stream()
        .filter(d -> d.id().equals(id))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidHyperParameterException(
                    "data",
                    "data.dataset '"
                        + Names.quote(id)
                        + "' is not a dataset Gradus ships"
                        + Names.didYouMean(id, ids())
                        + "; the datasets are: "
                        + String.join(", ", ids())));
  }

  /** Loads {@code shipped}, refusing bytes whose SHA-256 is not the one it names. */
  static Dataset load(Shipped shipped) {
    String id = shipped.id();
    byte[] bytes = read(shipped);
    String actual = sha256(bytes);
    if (!actual.equals(shipped.sha256())) {
      throw new InvalidHyperParameterException(
          "data",
          "data.dataset '"
              + id
              + "': the shipped file "
              + shipped.resource()
              + " has SHA-256 "
              + actual
              + ", not "
              + shipped.sha256()
              + ": it is damaged or was changed; restore it from the repository");
    }
    List<String> lines =
        new ArrayList<>(new String(bytes, StandardCharsets.UTF_8).lines().toList());
    while (!lines.isEmpty() && lines.get(0).startsWith("#")) {
      lines.remove(0);
    }
    String origin = "dataset " + id;
    List<String> header = CsvTable.fields(lines.get(0), origin, 1);
    List<String> features = header.subList(0, header.size() - 1);
    if (!header.get(header.size() - 1).equals(shipped.target())) {
      throw new IllegalStateException(origin + ": the last column is not " + shipped.target());
    }
    Dataset data = CsvTable.parse(lines, origin, features, shipped.target());
    return shipped.scale() == 1 ? data : data.scaled(shipped.scale());
  }

  private static byte[] read(Shipped shipped) {
    String path = "/dev/gradus/functions/datasets/" + shipped.resource();
    try (InputStream in = Datasets.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("the shipped dataset " + path + " is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the shipped dataset " + path, e);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
