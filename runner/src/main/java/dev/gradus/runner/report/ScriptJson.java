package dev.gradus.runner.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * JSON text that may stand verbatim inside an HTML {@code <script>} element. Besides being JSON, it
 * holds no {@code <}, {@code >} or {@code &} (so no {@code </script>} or {@code <!--} can end or
 * change the element, whatever a suite's labels contain) and no U+2028 or U+2029 (line breaks to
 * older JavaScript parsers): inside strings, the only place JSON lets them appear, they are written
 * as {@code \}{@code uXXXX} escapes, which mean the same characters.
 */
final class ScriptJson {
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();

  private ScriptJson() {}

  /**
   * The JSON of maps, lists, strings, numbers, booleans and nulls. Non-finite doubles become {@code
   * null}, which charts draw as a gap.
   */
  static String of(Object value) {
    try {
      return escape(JSON.writeValueAsString(finite(value)));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON data: " + e.getMessage(), e);
    }
  }

  /** JSON text with the characters that matter to HTML and old parsers escaped. */
  static String escape(String json) {
    StringBuilder out = new StringBuilder(json.length() + 16);
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      switch (c) {
        case '<' -> out.append("\\u003c");
        case '>' -> out.append("\\u003e");
        case '&' -> out.append("\\u0026");
        case '\u2028' -> out.append("\\u2028");
        case '\u2029' -> out.append("\\u2029");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static Object finite(Object value) {
    if (value instanceof Double d && !Double.isFinite(d)) {
      return null;
    }
    if (value instanceof double[] array) {
      Double[] boxed = new Double[array.length];
      for (int k = 0; k < array.length; k++) {
        boxed[k] = Double.isFinite(array[k]) ? array[k] : null;
      }
      return boxed;
    }
    if (value instanceof java.util.Map<?, ?> map) {
      java.util.Map<Object, Object> out = new java.util.LinkedHashMap<>();
      map.forEach((k, v) -> out.put(k, finite(v)));
      return out;
    }
    if (value instanceof java.util.List<?> list) {
      return list.stream().map(ScriptJson::finite).toList();
    }
    return value;
  }
}
