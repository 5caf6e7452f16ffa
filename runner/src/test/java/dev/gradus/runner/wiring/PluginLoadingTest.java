package dev.gradus.runner.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.runner.TestCli;
import dev.gradus.runner.TestSuites;
import dev.gradus.runner.pipeline.SuiteOutcome;
import dev.gradus.runner.run.RunStatus;
import dev.gradus.runner.suite.SuiteLoader;
import dev.gradus.spi.OptimizerProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginLoadingTest {
  private static final String SERVICE = OptimizerProvider.class.getName();

  @TempDir Path dir;

  private Path plugins() {
    return dir.resolve("plugins");
  }

  private Path signJar(String jarName, String id) throws IOException {
    return TestJars.build(
        plugins(),
        jarName,
        Map.of("demo.Sign", TestJars.optimizer("demo", "Sign", id, "", "")),
        Map.of(SERVICE, "demo.Sign\n"),
        TestJars.manifest("1.0", "1.2.3"));
  }

  private Plugins load() {
    return Plugins.discover(getClass().getClassLoader(), List.of(plugins()));
  }

  private String failure() {
    return assertThrows(PluginException.class, this::load).getMessage();
  }

  @Test
  void aPluginJarAddsItsProvidersWithTheirOrigin() throws IOException {
    Path jar = signJar("sign-1.2.3.jar", "sign-descent");
    Plugins plugins = load();
    OptimizerProvider provider = plugins.optimizers().require("sign-descent");
    assertEquals(jar, plugins.originOf(provider).path());
    assertEquals("1.2.3", plugins.originOf(provider).version());
    assertEquals(1, plugins.jars().size());
    assertEquals(64, plugins.jars().get(0).sha256().length());
    assertTrue(plugins.optimizers().contains("adam"), "built-ins stay");
    assertEquals(null, plugins.originOf(plugins.optimizers().require("adam")));
  }

  @Test
  void aPluginSeesTheSpiButNotTheRunnersOwnDependencies() throws IOException {
    signJar("sign.jar", "sign-descent");
    String description = load().optimizers().require("sign-descent").description();
    assertEquals("test optimizer; sees runner's Jackson: false", description);
  }

  @Test
  void aSuiteUsesAPluginAndAPluginThatThrowsFailsOnlyItsRun() throws IOException {
    signJar("sign.jar", "sign-descent");
    TestJars.build(
        plugins(),
        "broken.jar",
        Map.of(
            "demo.Broken",
            TestJars.optimizer(
                "demo",
                "Broken",
                "broken-step",
                "",
                "if (true) throw new IllegalStateException(\"step exploded\");")),
        Map.of(SERVICE, "demo.Broken\n"),
        TestJars.manifest("1.0", "0.1"));
    Gradus gradus = Gradus.create(load(), false);
    var plan =
        gradus
            .planner()
            .plan(
                new SuiteLoader()
                    .parse(
                        "suite: p\nbudget: {max_iterations: 20}\nfunctions: [{name: sphere}]\n"
                            + "optimizers: [{name: sign-descent, lr: 0.01}, {name: broken-step}, {name: gd}]\n",
                        "p.yaml",
                        dir));
    SuiteOutcome outcome = TestSuites.run(gradus, plan, dir.resolve("out"), 2);
    assertEquals(RunStatus.BUDGET_EXHAUSTED, outcome.results().get(0).status());
    assertEquals(RunStatus.FAILED, outcome.results().get(1).status());
    assertTrue(
        outcome.results().get(1).error().contains("step exploded"),
        outcome.results().get(1).error());
    assertEquals(RunStatus.BUDGET_EXHAUSTED, outcome.results().get(2).status());
    String resolved = Files.readString(dir.resolve("out/suite.resolved.yaml"));
    assertTrue(resolved.contains("sign.jar") && resolved.contains("sha256:"), resolved);
  }

  /**
   * SPI 1.3 added blocks: a flat optimizer from a jar of any earlier minor version still runs on a
   * function with blocks, alone and inside param_groups, and ends where the built-in-free path
   * would.
   */
  @Test
  void olderSpiJarsRunOnBlockFunctionsAndInsideParamGroups() throws IOException {
    for (String version : List.of("1.0", "1.2", dev.gradus.spi.Spi.VERSION)) {
      Path folder = dir.resolve("v" + version);
      TestJars.build(
          folder,
          "sign-" + version + ".jar",
          Map.of("demo.Sign", TestJars.optimizer("demo", "Sign", "sign-descent", "", "")),
          Map.of(SERVICE, "demo.Sign\n"),
          TestJars.manifest(version, "1"));
      Gradus gradus =
          Gradus.create(Plugins.discover(getClass().getClassLoader(), List.of(folder)), false);
      var plan =
          gradus
              .planner()
              .plan(
                  new SuiteLoader()
                      .parse(
                          "suite: p\nbudget: {max_iterations: 15}\n"
                              + "functions: [{name: softmax-regression}]\n"
                              + "optimizers: [{name: sign-descent, lr: 0.01},"
                              + " {name: sign-descent, lr: 0.01,"
                              + " param_groups: [{blocks: b, lr: 0.01}]}]\n",
                          "p.yaml",
                          folder));
      SuiteOutcome outcome = TestSuites.run(gradus, plan, folder.resolve("out"), 1);
      assertEquals(RunStatus.BUDGET_EXHAUSTED, outcome.results().get(0).status(), version);
      assertEquals(
          outcome.results().get(0).fFinal(), outcome.results().get(1).fFinal(), 0.0, version);
    }
  }

  @Test
  void twoJarsClaimingOneIdFailNamingBoth() throws IOException {
    signJar("a.jar", "sign-descent");
    TestJars.build(
        plugins(),
        "b.jar",
        Map.of("other.Sign", TestJars.optimizer("other", "Sign", "sign-descent", "", "")),
        Map.of(SERVICE, "other.Sign\n"),
        TestJars.manifest("1.0", "2.0"));
    String message = failure();
    assertTrue(message.contains("duplicate optimizer id 'sign-descent'"), message);
    assertTrue(message.contains("a.jar") && message.contains("b.jar"), message);
  }

  @Test
  void aJarClaimingABuiltInIdFailsNamingBoth() throws IOException {
    signJar("fake-adam.jar", "adam");
    String message = failure();
    assertTrue(message.contains("duplicate optimizer id 'adam'"), message);
    assertTrue(message.contains("built-in") && message.contains("fake-adam.jar"), message);
  }

  @Test
  void aCorruptJarFailsNamingIt() throws IOException {
    TestJars.writeGarbage(plugins().resolve("garbage.jar"));
    String message = failure();
    assertTrue(
        message.contains("garbage.jar") && message.contains("corrupt or not a jar"), message);
  }

  @Test
  void filesThatAreNotJarsAreIgnored() throws IOException {
    Files.createDirectories(plugins());
    Files.writeString(plugins().resolve("README.txt"), "notes");
    assertTrue(load().jars().isEmpty());
  }

  @Test
  void aMissingProviderClassFailsNamingJarAndClass() throws IOException {
    TestJars.build(
        plugins(),
        "missing.jar",
        Map.of("demo.Sign", TestJars.optimizer("demo", "Sign", "sign-descent", "", "")),
        Map.of(SERVICE, "demo.DoesNotExist\n"),
        TestJars.manifest("1.0", "1"));
    String message = failure();
    assertTrue(message.contains("missing.jar") && message.contains("demo.DoesNotExist"), message);
  }

  @Test
  void aProviderThatCannotBeInstantiatedFailsNamingIt() throws IOException {
    String noDefaultConstructor =
        TestJars.optimizer("demo", "Odd", "odd", "", "")
            .replace("public Odd() {", "public Odd(int unused) {");
    TestJars.build(
        plugins(),
        "odd.jar",
        Map.of("demo.Odd", noDefaultConstructor),
        Map.of(SERVICE, "demo.Odd\n"),
        TestJars.manifest("1.0", "1"));
    String message = failure();
    assertTrue(message.contains("odd.jar") && message.contains("demo.Odd"), message);
  }

  @Test
  void aProviderWhoseConstructorThrowsFailsWithItsMessage() throws IOException {
    TestJars.build(
        plugins(),
        "throws.jar",
        Map.of(
            "demo.Angry",
            TestJars.optimizer(
                "demo",
                "Angry",
                "angry",
                "if (true) throw new IllegalStateException(\"no licence file\");",
                "")),
        Map.of(SERVICE, "demo.Angry\n"),
        TestJars.manifest("1.0", "1"));
    String message = failure();
    assertTrue(message.contains("throws.jar") && message.contains("demo.Angry"), message);
    assertTrue(message.contains("no licence file"), message);
  }

  @Test
  void aPluginWithoutAnSpiVersionIsRefused() throws IOException {
    TestJars.build(
        plugins(),
        "old.jar",
        Map.of("demo.Sign", TestJars.optimizer("demo", "Sign", "sign-descent", "", "")),
        Map.of(SERVICE, "demo.Sign\n"),
        Map.of("Implementation-Version", "1"));
    String message = failure();
    assertTrue(
        message.contains("old.jar")
            && message.contains("Gradus-Spi-Version: " + dev.gradus.spi.Spi.VERSION),
        message);
  }

  @Test
  void aPluginBuiltForAnIncompatibleSpiIsRefused() throws IOException {
    TestJars.build(
        plugins(),
        "future.jar",
        Map.of("demo.Sign", TestJars.optimizer("demo", "Sign", "sign-descent", "", "")),
        Map.of(SERVICE, "demo.Sign\n"),
        TestJars.manifest("2.0", "9"));
    String message = failure();
    assertTrue(
        message.contains("future.jar") && message.contains("built for Gradus SPI 2.0"), message);
    assertFalse(message.contains("duplicate"), message);
  }

  @Test
  void aMissingPluginsFolderIsAnError() {
    String message =
        assertThrows(
                PluginException.class,
                () ->
                    Plugins.discover(getClass().getClassLoader(), List.of(dir.resolve("nowhere"))))
            .getMessage();
    assertTrue(message.contains("nowhere") && message.contains("does not exist"), message);
  }

  @Test
  void aPluginGuiceModuleContributesARunListener() throws IOException {
    String listener =
        """
        package demo;

        import dev.gradus.spi.*;
        import java.nio.file.*;

        public class Marker implements RunListener {
          @Override public void suiteFinished(SuiteInfo suite) {
            try {
              Files.writeString(suite.outputDir().resolve("marker.txt"), suite.name() + " " + suite.runs());
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          }
        }
        """;
    String module =
        """
        package demo;

        import com.google.inject.AbstractModule;
        import com.google.inject.multibindings.Multibinder;
        import dev.gradus.spi.RunListener;

        public class MarkerModule extends AbstractModule {
          @Override protected void configure() {
            Multibinder.newSetBinder(binder(), RunListener.class).addBinding().to(Marker.class);
          }
        }
        """;
    TestJars.build(
        plugins(),
        "marker.jar",
        Map.of("demo.Marker", listener, "demo.MarkerModule", module),
        Map.of("com.google.inject.Module", "demo.MarkerModule\n"),
        TestJars.manifest("1.0", "1"));
    Gradus gradus = Gradus.create(load(), false);
    var plan =
        gradus
            .planner()
            .plan(
                new SuiteLoader()
                    .parse(
                        "suite: listened\nrepeats: 2\nbudget: {max_iterations: 3}\n"
                            + "functions: [{name: sphere}]\noptimizers: [{name: gd}]\n",
                        "p.yaml",
                        dir));
    TestSuites.run(gradus, plan, dir.resolve("out"), 1);
    assertEquals("listened 2", Files.readString(dir.resolve("out/marker.txt")));
  }

  @Test
  void aPluginThatWouldEndTheJvmIsRefusedNamingTheJarAndClass() throws IOException {
    for (String call : new String[] {"System.exit(3);", "Runtime.getRuntime().halt(3);"}) {
      Path folder = plugins().resolve(call.contains("halt") ? "halt" : "exit");
      java.nio.file.Files.createDirectories(folder);
      TestJars.build(
          folder,
          "quitter.jar",
          Map.of("demo.Quit", TestJars.optimizer("demo", "Quit", "quitter", "", call)),
          Map.of(SERVICE, "demo.Quit\n"),
          TestJars.manifest("1.0", "1"));
      PluginException e =
          assertThrows(
              PluginException.class,
              () -> Plugins.discover(getClass().getClassLoader(), List.of(folder)));
      String expected = call.contains("halt") ? "Runtime.halt" : "System.exit";
      assertTrue(
          e.getMessage().contains("quitter.jar")
              && e.getMessage().contains("demo.Quit")
              && e.getMessage().contains(expected),
          e.getMessage());
    }
  }

  @Test
  void aGuiceModuleOrListenerThatThrowsIsNamedWithItsJarAndHookInOneLine() throws IOException {
    String broken =
        """
        package demo;

        public class BrokenModule extends com.google.inject.AbstractModule {
          @Override protected void configure() {
            throw new IllegalStateException("boom in configure");
          }
        }
        """;
    TestJars.build(
        plugins(),
        "broken-module.jar",
        Map.of("demo.BrokenModule", broken),
        Map.of("com.google.inject.Module", "demo.BrokenModule\n"),
        TestJars.manifest("1.0", "1"));
    Path suite = dir.resolve("s.yaml");
    Files.writeString(suite, "suite: s\nfunctions: [{name: sphere}]\noptimizers: [{name: gd}]\n");
    TestCli.Result r = TestCli.run("validate", suite.toString(), "--plugins", plugins().toString());
    assertEquals(1, r.code());
    String message = r.err().strip();
    assertEquals(1, message.lines().count(), "one line: " + message);
    assertTrue(
        message.contains("plugin jar broken-module.jar")
            && message.contains("demo.BrokenModule failed in configure(): boom in configure"),
        message);
  }

  @Test
  void aListenerThatThrowsInSuiteStartedIsNamedWithItsJar() throws IOException {
    String listener =
        """
        package demo;

        import dev.gradus.spi.*;

        public class Loud implements RunListener {
          @Override public void suiteStarted(SuiteInfo suite) {
            throw new IllegalStateException("boom");
          }
        }
        """;
    String module =
        """
        package demo;

        public class LoudModule extends com.google.inject.AbstractModule {
          @Override protected void configure() {
            com.google.inject.multibindings.Multibinder.newSetBinder(
                binder(), dev.gradus.spi.RunListener.class).addBinding().to(Loud.class);
          }
        }
        """;
    TestJars.build(
        plugins(),
        "loud.jar",
        Map.of("demo.Loud", listener, "demo.LoudModule", module),
        Map.of("com.google.inject.Module", "demo.LoudModule\n"),
        TestJars.manifest("1.0", "1"));
    Path suite = dir.resolve("s.yaml");
    Files.writeString(suite, "suite: s\nfunctions: [{name: sphere}]\noptimizers: [{name: gd}]\n");
    TestCli.Result r =
        TestCli.run(
            "run",
            suite.toString(),
            "--out",
            dir.resolve("loud-out").toString(),
            "--plugins",
            plugins().toString(),
            "-q");
    assertEquals(1, r.code());
    assertTrue(
        r.err().contains("listener demo.Loud (plugin jar loud.jar) failed in suiteStarted: boom"),
        r.err());
  }
}
