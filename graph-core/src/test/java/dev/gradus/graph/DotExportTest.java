package dev.gradus.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Graphviz export of the lecture's g = sin((x + y)·z). */
class DotExportTest {

  /** Characters outside quoted strings must balance; inside, every quote must be escaped. */
  private static void assertPlausibleDot(String dot) {
    assertTrue(dot.startsWith("digraph "), dot);
    int depth = 0;
    boolean quoted = false;
    int recordDepth = 0;
    for (int i = 0; i < dot.length(); i++) {
      char c = dot.charAt(i);
      if (quoted && c == '\\') {
        i++; // the escaped character
        continue;
      }
      if (c == '"') {
        quoted = !quoted;
        assertEquals(0, recordDepth, "unbalanced braces in a label: " + dot);
      } else if (quoted) {
        recordDepth += c == '{' ? 1 : c == '}' ? -1 : 0;
        assertTrue(recordDepth >= 0, dot);
      } else if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
        assertTrue(depth >= 0, dot);
      }
    }
    assertTrue(!quoted, "unterminated string: " + dot);
    assertEquals(0, depth, dot);
    assertTrue(dot.trim().endsWith("}"), dot);
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      n++;
    }
    return n;
  }

  @Test
  void lectureGraphShowsNamesOperationsValuesAndGradients() {
    Variable x = Variable.scalar("x", 1);
    Variable y = Variable.scalar("y", 2);
    Variable z = Variable.scalar("z", 3);
    Node g = x.add(y).mul(z).sin();
    g.backward();
    String dot = g.graph().toDot();
    assertPlausibleDot(dot);
    for (String label : new String[] {"{ x ", "{ y ", "{ z "}) {
      assertTrue(dot.contains(label), label + " in " + dot);
    }
    for (String op : new String[] {"\"add\"", "\"mul\"", "\"sin\""}) {
      assertTrue(dot.contains(op), op + " in " + dot);
    }
    // intermediate nodes are titled by their operation, never by an empty shape
    assertTrue(!dot.contains("{ [] |"), dot);
    for (String title : new String[] {"{ add |", "{ mul |", "{ sin |"}) {
      assertTrue(dot.contains(title), title + " in " + dot);
    }
    // Values: q = 3, p = 9, g = sin 9 = 0.4121; gradients: dg/dx = 3 cos 9 = −2.733,
    // dg/dq = −2.733, dg/dp = cos 9 = −0.9111, dg/dz = 3 cos 9, dg/dg = 1.
    assertTrue(dot.contains("value 0.4121"), dot);
    assertTrue(dot.contains("value 9.000"), dot);
    assertTrue(dot.contains("value 3.000"), dot);
    assertTrue(dot.contains("grad -0.9111"), dot);
    assertTrue(dot.contains("grad 1.000"), dot);
    assertEquals(4, count(dot, "grad -2.733"), dot); // x, y, z and q
    // Six value boxes, three operation ellipses, and one edge per input plus one per result.
    assertEquals(6, count(dot, "shape=record"), dot);
    assertEquals(3, count(dot, "shape=ellipse"), dot);
    assertEquals(2 + 1 + 2 + 1 + 1 + 1, count(dot, "->"), dot);
  }

  @Test
  void specialCharactersInNamesAreEscaped() {
    Variable odd = Variable.scalar("a|b\"c", 1);
    Variable braces = Variable.scalar("{w}<v>\\", 2);
    Node out = odd.mul(braces);
    String dot = out.graph().toDot();
    assertPlausibleDot(dot);
    assertTrue(dot.contains("a\\|b\\\"c"), dot);
    assertTrue(dot.contains("\\{w\\}\\<v\\>\\\\"), dot);
  }

  @Test
  void largeTensorsShowTheirShapeAndUngradedNodesADash() {
    Variable x = Variable.of("x", Tensor.zeros(3, 4));
    Node data = Variable.data("data", Tensor.vector(1, 2));
    Node out = x.sum().add(data.sum());
    String dot = out.graph().toDot();
    assertPlausibleDot(dot);
    assertTrue(dot.contains("value shape [3, 4]"), dot);
    assertTrue(dot.contains("value [1.000, 2.000]"), dot);
    assertTrue(dot.contains("grad -"), dot); // the data input has no gradient
    assertTrue(dot.contains("color=blue"), dot); // the output
  }
}
