package dev.gradus.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
  @TempDir Path dir;

  record Result(int code, String out, String err) {}

  static Result gradus(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void everyCommandHasHelp() {
    for (String command : new String[] {"run", "validate", "list", "describe", "eval"}) {
      Result r = gradus(command, "--help");
      assertEquals(0, r.code(), command);
      assertTrue(r.out().contains("Usage: gradus " + command), r.out());
    }
    assertTrue(gradus("--help").out().contains("Commands:"));
  }

  @Test
  void listShowsOptimizersAndFunctionsWithOrigin() {
    Result r = gradus("list");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("Optimizers:") && r.out().contains("Functions:"), r.out());
    assertTrue(
        r.out().lines().anyMatch(l -> l.trim().startsWith("adam ") && l.endsWith("[built-in]")),
        r.out());
    assertTrue(r.out().lines().anyMatch(l -> l.trim().startsWith("rosenbrock ")), r.out());
  }

  @Test
  void describeShowsHyperparametersAndForAFunctionItsMinimum() throws Exception {
    Result adam = gradus("describe", "adam");
    assertEquals(0, adam.code(), adam.err());
    assertTrue(adam.out().contains("betas") && adam.out().contains("[0, 1)"), adam.out());

    Result beale = gradus("describe", "beale", "--json");
    assertEquals(0, beale.code(), beale.err());
    JsonNode json = new ObjectMapper().readTree(beale.out());
    assertEquals("beale", json.get("id").asText());
    assertEquals(0.0, json.get("minimum").get("f").asDouble());
    assertEquals(3.0, json.get("minimum").get("at").get(0).get(0).asDouble());
    assertEquals(0.5, json.get("minimum").get("at").get(0).get(1).asDouble());
    assertTrue(json.has("domain") && json.has("formula"));

    // 650 parameters: the text shows ten and the count, --json every one
    Result softmax = gradus("describe", "softmax-regression");
    assertTrue(softmax.out().contains("0.0, … (650 values; --json has all)]"), softmax.out());
    assertTrue(softmax.out().lines().allMatch(l -> l.length() < 400), "no 650-value line");
    JsonNode all =
        new ObjectMapper().readTree(gradus("describe", "softmax-regression", "--json").out());
    assertEquals(650, all.get("default_start").size());
  }

  @Test
  void describeSuggestsCloseMatchesForUnknownIds() {
    Result r = gradus("describe", "adamw2");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("did you mean 'adamw'"), r.err());
  }

  @Test
  void evalPrintsValueAndGradient() throws Exception {
    Result r = gradus("eval", "rosenbrock", "--x", "1,2", "--json");
    assertEquals(0, r.code(), r.err());
    String line = r.out().strip();
    assertEquals("{\"f\":100.0,\"grad\":[-400.0,200.0]}", line, "one line, for scripts");
    assertTrue(
        java.nio.file.Files.readString(java.nio.file.Path.of("../README.md"))
            .contains("--json             # " + line),
        "the README shows what eval prints");
    JsonNode json = new ObjectMapper().readTree(r.out());
    // f = 100(2 − 1)² + (1 − 1)² = 100; ∂f/∂x0 = −400·x0(x1 − x0²) − 2(1 − x0) = −400; ∂f/∂x1 =
    // 200.
    assertEquals(100.0, json.get("f").asDouble(), 1e-12);
    assertEquals(-400.0, json.get("grad").get(0).asDouble(), 1e-12);
    assertEquals(200.0, json.get("grad").get(1).asDouble(), 1e-12);

    Result dim = gradus("eval", "sphere", "--x", "1,2,3", "--set", "dim=3");
    assertEquals(0, dim.code(), dim.err());
    assertTrue(dim.out().contains("f    = 14.0"), dim.out());
    assertTrue(dim.out().contains("grad = [2.0, 4.0, 6.0]"), dim.out());
  }

  @Test
  void evalRejectsAPointOfTheWrongDimension() {
    Result r = gradus("eval", "beale", "--x", "1,2,3");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("3 coordinates") && r.err().contains("dimension 2"), r.err());
  }

  @Test
  void validateReportsTheRunCountOrTheError() throws Exception {
    Path good = dir.resolve("good.yaml");
    Files.writeString(
        good,
        "suite: v\nrepeats: 2\nfunctions: [{name: beale}]\noptimizers: [{name: gd, lr: [0.1, 0.01]}]\n");
    Result ok = gradus("validate", good.toString());
    assertEquals(0, ok.code(), ok.err());
    assertTrue(ok.out().contains("is valid: 4 runs"), ok.out());

    Path bad = dir.resolve("bad.yaml");
    Files.writeString(
        bad, "suite: v\nfunctions: [{name: beale, start: [1, 2, 3]}]\noptimizers: [{name: gd}]\n");
    Result err = gradus("validate", bad.toString());
    assertEquals(1, err.code());
    assertTrue(
        err.err().contains("start has 3 coordinates, but 'beale' has dimension 2"), err.err());
    assertTrue(err.err().contains("bad.yaml:2:"), err.err());

    Result missing = gradus("validate", dir.resolve("nope.yaml").toString());
    assertEquals(1, missing.code());
    assertTrue(missing.err().contains("nope.yaml: no such file"), missing.err());
  }

  @Test
  void runPrintsTheSummaryTableAndWritesResults() throws Exception {
    Path suite = dir.resolve("s.yaml");
    Files.writeString(
        suite,
        "suite: tiny\nbudget: {max_iterations: 50}\nfunctions: [{name: beale}]\n"
            + "optimizers: [{name: adam, lr: 0.01}]\n");
    Path out = dir.resolve("out");
    Result r =
        gradus("run", suite.toString(), "--out", out.toString(), "--quiet", "--threads", "1");
    assertEquals(0, r.code(), r.err());
    assertTrue(
        r.out().contains("optimizer")
            && r.out().contains("beale")
            && r.out().contains("adam lr=0.01"),
        r.out());
    assertTrue(Files.exists(out.resolve("runs.jsonl")));
    assertTrue(Files.exists(out.resolve("summary.csv")));
  }

  @Test
  void gradPrintsTheLecturesExampleAndWritesDot() throws Exception {
    Path dot = dir.resolve("g.dot");
    Result r =
        gradus(
            "grad", "sin((x + y) * z)", "--at", "x=1,y=2,z=3", "--json", "--dot", dot.toString());
    assertEquals(0, r.code(), r.err());
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertEquals(Math.sin(9), json.get("f").asDouble(), 1e-15);
    assertEquals(3 * Math.cos(9), json.get("grad").get("x").asDouble(), 1e-15);
    assertEquals(3 * Math.cos(9), json.get("grad").get("z").asDouble(), 1e-15);
    String graph = Files.readString(dot);
    assertTrue(
        graph.startsWith("digraph") && graph.contains("sin") && graph.contains("mul"), graph);

    Result text = gradus("grad", "c * (a + 2 * b)", "--at", "a=1,b=2,c=3");
    assertEquals(0, text.code(), text.err());
    assertTrue(text.out().contains("f = 15.0"), text.out());
    assertTrue(
        text.out().contains("d/da = 3.0")
            && text.out().contains("d/db = 6.0")
            && text.out().contains("d/dc = 5.0"),
        text.out());
  }

  /** xᵀAx at A = [[2, 1], [1, 3]], x = (1, 2): 18; ∂/∂A = x xᵀ, ∂/∂x = (A + Aᵀ) x = (8, 14). */
  @Test
  void gradTakesMatricesAndPrintsTheirGradientsAsRows() throws Exception {
    Result text = gradus("grad", "dot(x, matmul(A, x))", "--at", "A=2;1|1;3,x=1;2");
    assertEquals(0, text.code(), text.err());
    assertTrue(text.out().contains("f = 18.0"), text.out());
    assertTrue(text.out().contains("d/dA = [[1.0, 2.0], [2.0, 4.0]]"), text.out());
    assertTrue(text.out().contains("d/dx = [8.0, 14.0]"), text.out());
    Result json = gradus("grad", "sum(matmul(transpose(A), A))", "--at", "A=1;2;3|4;5;6", "--json");
    JsonNode grad = new ObjectMapper().readTree(json.out()).get("grad").get("A");
    // Σᵢⱼ (AᵀA)ᵢⱼ = Σₖ (Σᵢ Aₖᵢ)² = 6² + 15²; its gradient is 2 × each row's sum
    assertEquals(261.0, new ObjectMapper().readTree(json.out()).get("f").asDouble());
    assertEquals(2, grad.size());
    assertEquals(12.0, grad.get(0).get(2).asDouble());
    assertEquals(30.0, grad.get(1).get(0).asDouble());
    // a vector broadcasts over a matrix's rows
    Result broadcast = gradus("grad", "sum((A - v)^2)", "--at", "A=1;2|3;4,v=1;1");
    assertTrue(broadcast.out().contains("f = 14.0"), broadcast.out());
    assertTrue(broadcast.out().contains("d/dv = [-4.0, -8.0]"), broadcast.out());
    Result ragged = gradus("grad", "sum(A)", "--at", "A=1;2|3");
    assertEquals(1, ragged.code(), "as every other bad --at");
    assertTrue(ragged.err().contains("row 2 has 1 value and row 1 2 values"), ragged.err());
    Result mismatch = gradus("grad", "sum(matmul(A, x))", "--at", "A=1;2|3;4,x=1;2;3");
    assertTrue(mismatch.err().contains("matmul: inner dimensions differ"), mismatch.err());
  }

  @Test
  void gradReportsExpressionErrorsWithTheirColumn() {
    Result r = gradus("grad", "sin((x + y) * z", "--at", "x=1,y=2,z=3");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("column") && r.err().contains("expected ')'"), r.err());
    Result unknown = gradus("grad", "sine(x)", "--at", "x=1");
    assertTrue(unknown.err().contains("did you mean 'sin'"), unknown.err());
  }

  @Test
  void gradPrintsTheHessianByPairsOfVariables() throws Exception {
    Result r = gradus("grad", "sin((x + y) * z)", "--at", "x=1,y=2,z=3", "--hessian", "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode h = new ObjectMapper().readTree(r.out()).get("hessian");
    // g = sin(uz), u = x + y = 3, z = 3: g_xx = g_xy = −z² sin 9, g_xz = cos 9 − uz sin 9,
    // g_zz = −u² sin 9
    assertEquals(-9 * Math.sin(9), h.get("x").get("x").asDouble(), 1e-13);
    assertEquals(-9 * Math.sin(9), h.get("x").get("y").asDouble(), 1e-13);
    assertEquals(Math.cos(9) - 9 * Math.sin(9), h.get("x").get("z").asDouble(), 1e-13);
    assertEquals(Math.cos(9) - 9 * Math.sin(9), h.get("z").get("y").asDouble(), 1e-13);
    assertEquals(-9 * Math.sin(9), h.get("z").get("z").asDouble(), 1e-13);
    // xᵀAx: the x block is A + Aᵀ, and ∂²/∂A_01∂x = (x_1, x_0) = (2, 1)
    Result quadratic =
        gradus("grad", "dot(x, matmul(A, x))", "--at", "A=2;1|1;3,x=1;2", "--hessian", "--json");
    JsonNode q = new ObjectMapper().readTree(quadratic.out()).get("hessian");
    assertEquals("[[4.0,2.0],[2.0,6.0]]", q.get("x").get("x").toString());
    assertEquals("[2.0,1.0]", q.get("A").get("x").get(1).toString());
    Result text = gradus("grad", "x^3", "--at", "x=2", "--hessian");
    assertTrue(text.out().contains("d2/dx dx = 12.0"), text.out());
  }

  @Test
  void evalPrintsTheHessianAndProductsWithIt() throws Exception {
    Result r = gradus("eval", "rosenbrock", "--x", "1,2", "--hessian", "--hvp", "1,-1", "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode json = new ObjectMapper().readTree(r.out());
    // ∇² of (1 − x)² + 100(y − x²)² at (1, 2): [[2 − 400(y − x²) + 800x², −400x], [−400x, 200]]
    assertEquals("[[402.0,-400.0],[-400.0,200.0]]", json.get("hessian").toString());
    assertEquals("[802.0,-600.0]", json.get("hvp").toString());
    assertEquals("autodiff", json.get("hessian_method").asText());
    Result wrong = gradus("eval", "rosenbrock", "--x", "1,2", "--hvp", "1");
    assertEquals(1, wrong.code());
    assertTrue(
        wrong.err().contains("--hvp has 1 entry, but the point and the function have 2"),
        wrong.err());
  }

  @Test
  void anExpressionMayStartWithAMinusSign() throws Exception {
    Result minus = gradus("grad", "-20 * exp(x)", "--at", "x=1", "--json");
    assertEquals(0, minus.code(), minus.err());
    JsonNode json = new ObjectMapper().readTree(minus.out());
    assertEquals(-20 * Math.exp(1), json.get("f").asDouble(), 1e-12);
    assertEquals(-20 * Math.exp(1), json.get("grad").get("x").asDouble(), 1e-12);
    // after the options too, and for graph, which takes an expression as well
    Result after = gradus("grad", "--at", "x=2", "-x * x");
    assertEquals(0, after.code(), after.err());
    assertTrue(after.out().contains("f = -4.0"), after.out());
    Result graph = gradus("graph", "-x", "--at", "x=1", "--ot", "g");
    assertEquals(2, graph.code());
    assertTrue(
        graph.err().contains("unknown option '--ot' (did you mean '--at' or '--out'?)"),
        graph.err());
  }

  @Test
  void aMistypedOptionIsNotTakenForTheExpression() {
    for (String[] args :
        List.of(
            new String[] {"grad", "--jsn", "x", "--at", "x=1"},
            new String[] {"grad", "--jsn", "--at", "x=1"},
            new String[] {"grad", "x", "--at", "x=1", "--jsn"})) {
      Result r = gradus(args);
      assertTrue(r.code() != 0, String.join(" ", args));
      assertTrue(r.err().contains("'--jsn'") && r.err().contains("did you mean '--json'"), r.err());
    }
  }

  @Test
  void theUsageLineShowsHowToSeparateValuesNotTheSplitPattern() {
    for (String command : List.of("grad", "graph")) {
      Result help = gradus(command, "--help");
      assertTrue(help.out().contains("--at=NAME=VALUE[,NAME=VALUE...]"), help.out());
      assertFalse(help.out().contains("(?="), help.out());
    }
  }

  @Test
  void expressionFunctionsRunFromASuite() throws Exception {
    Path suite = dir.resolve("bowl.yaml");
    Files.writeString(
        suite,
        """
        suite: bowl
        budget: {max_iterations: 500}
        stop: {target: 1.0e-10}
        functions:
          - name: my-bowl
            expression: "(x - 3)^2 + 10 * (y + 1)^2"
            start: {x: 0, y: 0}
            minimum: {f: 0, at: [[3, -1]]}
            gradient: numerical
        optimizers:
          - name: adam
            lr: 0.1
        """);
    Path out = dir.resolve("out");
    Result r = gradus("run", suite.toString(), "--out", out.toString(), "--quiet");
    assertEquals(0, r.code(), r.err());
    String line = Files.readAllLines(out.resolve("runs.jsonl")).get(0);
    JsonNode run = new ObjectMapper().readTree(line);
    assertEquals("converged", run.get("status").asText(), line);
    assertEquals(3.0, run.get("x_final").get(0).asDouble(), 1e-4);
    assertEquals(-1.0, run.get("x_final").get(1).asDouble(), 1e-4);
    assertTrue(run.get("distance_to_optimum").asDouble() < 1e-4, line);
  }

  @Test
  void expressionErrorsInASuiteNameTheSuiteLocation() throws Exception {
    Path suite = dir.resolve("broken.yaml");
    Files.writeString(
        suite,
        "suite: broken\nfunctions:\n  - name: f\n    expression: \"(x - 3\"\noptimizers: [{name: gd}]\n");
    Result r = gradus("validate", suite.toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("broken.yaml:4:17") && r.err().contains("expected ')'"), r.err());
  }

  @Test
  void missingCsvDataAndMissingColumnsAreClearErrors() throws Exception {
    Path suite = dir.resolve("data.yaml");
    Files.writeString(
        suite,
        "suite: data\nfunctions:\n  - name: linear-regression\n"
            + "    data: {csv: points.csv, x: [size], y: price}\noptimizers: [{name: gd}]\n");
    Result missing = gradus("validate", suite.toString());
    assertEquals(1, missing.code());
    assertTrue(missing.err().contains("points.csv"), missing.err());

    Files.writeString(dir.resolve("points.csv"), "size,prize\n1,2\n2,4\n3,6\n");
    Result column = gradus("validate", suite.toString());
    assertEquals(1, column.code());
    assertTrue(column.err().contains("price") && column.err().contains("prize"), column.err());

    Files.writeString(dir.resolve("points.csv"), "size,price\n1,2\n2,4\n3,6\n");
    Result ok = gradus("validate", suite.toString());
    assertEquals(0, ok.code(), ok.err());
  }

  @Test
  void badCommandLineValuesGetOneClearLine() {
    Result x = gradus("eval", "rosenbrock", "--x", "1,abc");
    assertEquals(2, x.code());
    assertFalse(x.err().contains("Usage:"), "no usage dump: " + x.err());
    assertTrue(x.err().lines().count() <= 2, x.err());
    assertTrue(x.err().contains("abc"), x.err());

    Result unbound = gradus("grad", "sin(x)*y", "--at", "x=1");
    assertEquals(1, unbound.code());
    assertTrue(unbound.err().contains("'y' has no value"), unbound.err());
    assertFalse(unbound.err().contains("did you mean"), unbound.err());

    Result twice = gradus("grad", "x^2", "--at", "x=1", "--at", "x=4");
    assertEquals(1, twice.code());
    assertTrue(twice.err().contains("gives x twice"), twice.err());

    Result vector = gradus("grad", "sum(v * v)", "--at", "v=1;2;3");
    assertEquals(0, vector.code(), vector.err());
  }
}
