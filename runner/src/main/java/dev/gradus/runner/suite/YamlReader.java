package dev.gradus.runner.suite;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads YAML into {@link Located} values with Jackson's streaming parser, keeping each value's line
 * and column. It refuses what a suite never needs and an attacker might use: type tags (which name
 * Java classes), more than {@link #MAX_ALIASES} aliases (alias bombs), duplicate keys, documents
 * over {@link #MAX_BYTES}, and nesting deeper than {@link #MAX_DEPTH}.
 */
public final class YamlReader {
  static final int MAX_ALIASES = 50;
  static final int MAX_BYTES = 4 * 1024 * 1024;
  static final int MAX_DEPTH = 64;

  private final YAMLFactory factory;

  public YamlReader() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setAllowDuplicateKeys(false);
    options.setCodePointLimit(MAX_BYTES);
    options.setNestingDepthLimit(MAX_DEPTH);
    this.factory =
        YAMLFactory.builder()
            .loaderOptions(options)
            .streamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();
  }

  /** Parses one YAML document; {@code file} names it in locations. */
  public Located read(String text, String file) {
    if (text.length() > MAX_BYTES) {
      throw new SuiteException(file + ": the suite is larger than " + MAX_BYTES + " characters");
    }
    try (JsonParser parser = factory.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new SuiteException(file + ":1:1: the suite is empty");
      }
      Located root = readValue(parser, file, 0);
      if (parser.nextToken() != null) {
        throw SuiteException.at(
            location(parser.currentTokenLocation(), file),
            "only one YAML document is allowed in a suite");
      }
      return root;
    } catch (JsonProcessingException e) {
      JsonLocation where = e.getLocation();
      String message = e.getOriginalMessage();
      if (message != null) {
        message = message.replaceAll("\\s+", " ").trim();
      }
      if (message != null && message.contains("nesting depth")) {
        throw new SuiteException(
            file
                + (where != null && where.getLineNr() > 0
                    ? ":" + where.getLineNr() + ":" + where.getColumnNr()
                    : "")
                + ": nesting deeper than "
                + MAX_DEPTH
                + " levels",
            e);
      }
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked
            && marked.getProblemMark() != null) {
          // the problem's own position, not the start of the token around it
          String problem = String.valueOf(marked.getProblem()).replaceAll("\\s+", " ").trim();
          if (problem.contains("\\t(TAB)")) {
            problem = "a tab cannot indent YAML: indent with spaces";
          }
          throw new SuiteException(
              file
                  + ":"
                  + (marked.getProblemMark().getLine() + 1)
                  + ":"
                  + (marked.getProblemMark().getColumn() + 1)
                  + ": YAML syntax error: "
                  + problem,
              e);
        }
      }
      if (where != null && where.getLineNr() > 0) {
        throw new SuiteException(
            file
                + ":"
                + where.getLineNr()
                + ":"
                + where.getColumnNr()
                + ": YAML syntax error: "
                + message,
            e);
      }
      throw new SuiteException(file + ": YAML syntax error: " + message, e);
    } catch (IOException e) {
      throw new SuiteException(file + ": cannot read: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      if (e instanceof SuiteException) {
        throw e;
      }
      // SnakeYAML reports alias, nesting and size limits as unchecked exceptions.
      String message = String.valueOf(e.getMessage()).replaceAll("\\s+", " ").trim();
      throw new SuiteException(file + ": YAML refused: " + message, e);
    }
  }

  private static Located readValue(JsonParser parser, String file, int depth) throws IOException {
    Located.Location at = location(parser.currentTokenLocation(), file);
    if (depth > MAX_DEPTH) {
      throw SuiteException.at(at, "nesting deeper than " + MAX_DEPTH + " levels");
    }
    if (parser instanceof YAMLParser yaml && yaml.getTypeId() != null) {
      throw SuiteException.at(
          at,
          "YAML type tags such as '!"
              + yaml.getTypeId().replaceFirst("^!+", "")
              + "' are not allowed in a suite");
    }
    if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
      // Refusing aliases outright also rules out alias bombs (billion laughs).
      throw SuiteException.at(
          at,
          "YAML aliases (*"
              + parser.getText()
              + ") are not supported in a suite; write the value out");
    }
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT -> {
        Map<String, Located> entries = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          Located.Location keyAt = location(parser.currentTokenLocation(), file);
          parser.nextToken();
          if (entries.containsKey(key)) {
            throw SuiteException.at(
                keyAt, "duplicate key '" + dev.gradus.spi.Names.quote(key) + "'");
          }
          entries.put(key, readValue(parser, file, depth + 1));
        }
        return Located.map(entries, at);
      }
      case START_ARRAY -> {
        List<Located> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          items.add(readValue(parser, file, depth + 1));
        }
        return Located.list(items, at);
      }
      case VALUE_STRING -> {
        return Located.scalar(parser.getText(), at);
      }
      case VALUE_NUMBER_INT -> {
        try {
          return Located.scalar(parser.getLongValue(), at);
        } catch (IOException tooBig) {
          return Located.scalar(parser.getDoubleValue(), at);
        }
      }
      case VALUE_NUMBER_FLOAT -> {
        return Located.scalar(parser.getDoubleValue(), at);
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return Located.scalar(parser.getBooleanValue(), at);
      }
      case VALUE_NULL -> {
        return Located.scalar(null, at);
      }
      default -> throw SuiteException.at(at, "unexpected YAML token " + token);
    }
  }

  private static Located.Location location(JsonLocation where, String file) {
    return new Located.Location(
        file, Math.max(1, where.getLineNr()), Math.max(1, where.getColumnNr()));
  }
}
