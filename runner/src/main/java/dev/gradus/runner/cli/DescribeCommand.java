package dev.gradus.runner.cli;

import dev.gradus.runner.wiring.Gradus;
import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.Names;
import dev.gradus.spi.Objective;
import dev.gradus.spi.ObjectiveProvider;
import dev.gradus.spi.Provider;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "describe",
    mixinStandardHelpOptions = true,
    description =
        "Show an optimizer's or function's hyperparameters with defaults and ranges; for a"
            + " function also its formula, domain, minimum and minimizers (at its default settings).")
final class DescribeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ID", description = "An optimizer or function id.")
  String id;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Option(
      names = "--plugins",
      paramLabel = "DIR",
      description = "A folder of plugin jars; repeatable.")
  List<Path> plugins = new ArrayList<>();

  @Override
  public Integer call() {
    Logging.configure(true, false);
    Gradus gradus = SuiteOptions.wire(plugins, false);
    Provider provider;
    String kind;
    if (gradus.plugins().optimizers().contains(id)) {
      provider = gradus.plugins().optimizers().require(id);
      kind = "optimizer";
    } else if (gradus.plugins().objectives().contains(id)) {
      provider = gradus.plugins().objectives().require(id);
      kind = "function";
    } else {
      List<String> ids = new ArrayList<>();
      gradus.plugins().optimizers().all().forEach(p -> ids.add(p.id()));
      gradus.plugins().objectives().all().forEach(p -> ids.add(p.id()));
      throw new IllegalArgumentException(
          "unknown id '" + id + "'" + Names.didYouMean(id, ids) + "; run 'gradus list'");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", provider.id());
    out.put("kind", kind);
    out.put("description", provider.description());
    List<Object> params = new ArrayList<>();
    for (HyperParameter p : provider.hyperParameters()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", p.name());
      m.put("type", p.type().name().toLowerCase(java.util.Locale.ROOT));
      m.put("default", p.defaultValue());
      m.put("allowed", p.allowed());
      m.put("doc", p.doc());
      params.add(m);
    }
    out.put("hyperparameters", params);
    if (provider instanceof ObjectiveProvider function) {
      out.put("formula", function.formula());
      Objective objective = function.create(HyperParameters.resolve(function, Map.of()));
      out.put("dimension", objective.dimension());
      out.put(
          "parameters",
          objective.parameterNames().size() <= 20 ? objective.parameterNames() : null);
      objective
          .domain()
          .ifPresent(d -> out.put("domain", Map.of("lower", d.lower(), "upper", d.upper())));
      objective
          .knownMinimum()
          .ifPresent(m -> out.put("minimum", Map.of("f", m.value(), "at", m.minimizers())));
      objective.defaultStart().ifPresent(s -> out.put("default_start", s));
    }
    PrintWriter pw = spec.commandLine().getOut();
    if (json) {
      pw.println(Json.write(out));
    } else {
      printText(pw, out, provider);
    }
    pw.flush();
    return 0;
  }

  @SuppressWarnings("unchecked")
  private static void printText(PrintWriter pw, Map<String, Object> out, Provider provider) {
    pw.println(out.get("id") + " (" + out.get("kind") + "): " + out.get("description"));
    if (out.containsKey("formula") && !String.valueOf(out.get("formula")).isEmpty()) {
      pw.println("  f = " + out.get("formula"));
    }
    if (!provider.hyperParameters().isEmpty()) {
      pw.println("  hyperparameters:");
      for (HyperParameter p : provider.hyperParameters()) {
        pw.printf(
            "    %-26s default %-14s %s. %s%n",
            p.name(), String.valueOf(p.defaultValue()), p.allowed(), p.doc());
      }
    }
    if (out.containsKey("dimension")) {
      pw.println("  at default settings:");
      pw.println("    dimension " + out.get("dimension"));
      if (out.containsKey("domain")) {
        Map<String, double[]> d = (Map<String, double[]>) out.get("domain");
        pw.println("    domain    " + new dev.gradus.spi.Domain(d.get("lower"), d.get("upper")));
      }
      if (out.containsKey("minimum")) {
        Map<String, Object> m = (Map<String, Object>) out.get("minimum");
        pw.println("    minimum   f* = " + m.get("f"));
        for (double[] at : (List<double[]>) m.get("at")) {
          pw.println("      at " + shortVector(at));
        }
      }
      if (out.containsKey("default_start")) {
        pw.println("    start     " + shortVector((double[]) out.get("default_start")));
      }
    }
  }

  /** Shown in full up to {@link #SHOWN} entries; longer ones by their first entries and length. */
  static String shortVector(double[] v) {
    if (v.length <= SHOWN) {
      return Arrays.toString(v);
    }
    String head = Arrays.toString(Arrays.copyOf(v, SHOWN));
    return head.substring(0, head.length() - 1) + ", … (" + v.length + " values; --json has all)]";
  }

  static final int SHOWN = 10;
}
