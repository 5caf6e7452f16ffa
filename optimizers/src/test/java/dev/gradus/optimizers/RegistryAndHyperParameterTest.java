package dev.gradus.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.InvalidHyperParameterException;
import dev.gradus.spi.OptimizerProvider;
import dev.gradus.spi.ProviderRegistry;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RegistryAndHyperParameterTest {
  static final ProviderRegistry<OptimizerProvider> REGISTRY =
      ProviderRegistry.load(
          OptimizerProvider.class, RegistryAndHyperParameterTest.class.getClassLoader());

  @Test
  void allBuiltInIdsLoadThroughServiceLoader() {
    for (String id :
        List.of(
            "gd",
            "momentum",
            "adam",
            "adamw",
            "rmsprop",
            "adagrad",
            "nadam",
            "lbfgs",
            "adadelta",
            "adamax",
            "asgd",
            "radam",
            "rprop",
            "adafactor")) {
      assertTrue(REGISTRY.contains(id), "missing " + id);
      assertEquals(id, REGISTRY.require(id).id());
      assertTrue(REGISTRY.source(id).contains("dev.gradus.optimizers.internal"));
    }
  }

  static Map<String, Object> defaults(String id) {
    return REGISTRY.require(id).hyperParameters().stream()
        .collect(Collectors.toMap(HyperParameter::name, HyperParameter::defaultValue));
  }

  @Test
  void defaultsAreTorchs() {
    assertEquals(1e-3, defaults("adam").get("lr"));
    assertEquals(List.of(0.9, 0.999), defaults("adam").get("betas"));
    assertEquals(1e-8, defaults("adam").get("eps"));
    assertEquals(0.0, defaults("adam").get("weight_decay"));
    assertEquals(0.01, defaults("adamw").get("weight_decay"));
    assertEquals(0.99, defaults("rmsprop").get("alpha"));
    assertEquals(1e-2, defaults("rmsprop").get("lr"));
    assertEquals(1e-10, defaults("adagrad").get("eps"));
    assertEquals(2e-3, defaults("nadam").get("lr"));
    assertEquals(4e-3, defaults("nadam").get("momentum_decay"));
    assertEquals(0.9, defaults("momentum").get("momentum"));
    assertEquals(20L, defaults("lbfgs").get("max_iter"));
    assertEquals(100L, defaults("lbfgs").get("history_size"));
    assertEquals("none", defaults("lbfgs").get("line_search"));
    assertEquals(1.0, defaults("adadelta").get("lr"));
    assertEquals(0.9, defaults("adadelta").get("rho"));
    assertEquals(1e-6, defaults("adadelta").get("eps"));
    assertEquals(2e-3, defaults("adamax").get("lr"));
    assertEquals(List.of(0.9, 0.999), defaults("adamax").get("betas"));
    assertEquals(1e-2, defaults("asgd").get("lr"));
    assertEquals(1e-4, defaults("asgd").get("lambd"));
    assertEquals(0.75, defaults("asgd").get("alpha"));
    assertEquals(1e6, defaults("asgd").get("t0"));
    assertEquals(1e-3, defaults("radam").get("lr"));
    assertEquals(false, defaults("radam").get("decoupled_weight_decay"));
    assertEquals(false, defaults("radam").get("maximize"));
    assertEquals(1e-2, defaults("rprop").get("lr"));
    assertEquals(List.of(0.5, 1.2), defaults("rprop").get("etas"));
    assertEquals(List.of(1e-6, 50.0), defaults("rprop").get("step_sizes"));
  }

  @Test
  void newTorchOptimizersRejectOutOfRangeValues() {
    assertNames(reject("adadelta", Map.of("rho", 1.5)), "rho", "1.5", "[0, 1]");
    assertNames(reject("adamax", Map.of("betas", List.of(0.9, 1.0))), "betas", "1.0", "[0, 1)");
    assertNames(reject("asgd", Map.of("t0", -1)), "t0", "-1", "[0, ∞)");
    assertNames(reject("radam", Map.of("weight_decay", -0.1)), "weight_decay", "-0.1");
    assertNames(reject("rprop", Map.of("etas", List.of(0.5, 0.9))), "etas", "0 < etaminus < 1");
    assertNames(reject("rprop", Map.of("etas", List.of(1.5, 2.0))), "etas", "1.5");
    assertNames(
        reject("rprop", Map.of("step_sizes", List.of(1.0, 0.1))), "step_sizes", "must not exceed");
    assertNames(reject("adafactor", Map.of("d", 0.5)), "d", "0.5", "[1, ∞)");
    assertNames(reject("adafactor", Map.of("beta2_decay", 0.2)), "beta2_decay", "0.2");
    assertNames(reject("adafactor", Map.of("eps", List.of(-1.0, 1e-3))), "eps", "-1.0");
  }

  static InvalidHyperParameterException reject(String id, Map<String, Object> values) {
    OptimizerProvider provider = REGISTRY.require(id);
    return assertThrows(
        InvalidHyperParameterException.class,
        () -> provider.create(HyperParameters.resolve(provider, values)));
  }

  static void assertNames(InvalidHyperParameterException e, String... parts) {
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), "'" + part + "' missing from: " + e.getMessage());
    }
  }

  @Test
  void errorsNameTheParameterItsValueAndTheRange() {
    assertNames(reject("adam", Map.of("lr", -0.1)), "lr", "-0.1", "[0, ∞)");
    assertNames(reject("adam", Map.of("betas", List.of(1.0, 0.999))), "betas", "1.0", "[0, 1)");
    assertNames(reject("nadam", Map.of("betas", List.of(0.9, -0.5))), "betas", "-0.5", "[0, 1)");
    assertNames(reject("lbfgs", Map.of("history_size", 0)), "history_size", "0", "[1, 100000]");
    assertNames(reject("lbfgs", Map.of("history_size", -3)), "history_size", "-3");
    assertNames(reject("rmsprop", Map.of("alpha", 1.5)), "alpha", "1.5", "[0, 1]");
    assertNames(reject("adagrad", Map.of("lr_decay", -1)), "lr_decay", "-1", "[0, ∞)");
    assertNames(reject("momentum", Map.of("momentum", -0.9)), "momentum", "-0.9", "[0, ∞)");
    assertNames(reject("adam", Map.of("eps", -1e-8)), "eps", "-1.0E-8", "[0, ∞)");
    assertNames(reject("lbfgs", Map.of("line_search", "wolfe")), "line_search", "strong_wolfe");
  }

  @Test
  void nesterovNeedsMomentumAndNoDampening() {
    InvalidHyperParameterException dampened =
        reject("momentum", Map.of("nesterov", true, "dampening", 0.1));
    assertEquals("nesterov", dampened.parameter());
    assertNames(dampened, "nesterov", "momentum > 0", "dampening = 0", "0.1");
    InvalidHyperParameterException noMomentum =
        reject("momentum", Map.of("nesterov", true, "momentum", 0));
    assertNames(noMomentum, "nesterov", "momentum = 0.0");
  }

  @Test
  void unknownHyperParametersSuggestCloseNames() {
    InvalidHyperParameterException e = reject("adam", Map.of("beta", List.of(0.9, 0.99)));
    assertNames(e, "'beta'", "did you mean 'betas'");
    assertNames(reject("gd", Map.of("momentum", 0.9)), "'gd' has no hyperparameter 'momentum'");
  }

  @Test
  void theModernMethodsLoadWithThePapersDefaults() {
    for (String id :
        List.of(
            "lion",
            "lars",
            "lamb",
            "adabelief",
            "yogi",
            "novograd",
            "sgd-schedule-free",
            "adamw-schedule-free")) {
      assertTrue(REGISTRY.contains(id), "missing " + id);
      assertTrue(REGISTRY.source(id).contains("dev.gradus.optimizers.internal"), id);
      assertTrue(REGISTRY.require(id).description().contains("20"), id + " cites its paper");
    }
    assertEquals(1e-4, defaults("lion").get("lr"));
    assertEquals(0.9, defaults("lion").get("b1"));
    assertEquals(0.99, defaults("lion").get("b2"));
    assertEquals(0.001, defaults("lars").get("trust_coefficient"));
    assertEquals(0.9, defaults("lars").get("momentum"));
    assertEquals(false, defaults("lars").get("nesterov"));
    assertEquals(1e-6, defaults("lamb").get("eps"));
    assertEquals(0.0, defaults("lamb").get("eps_root"));
    assertEquals(0.999, defaults("lamb").get("b2"));
    assertEquals(1e-16, defaults("adabelief").get("eps"));
    assertEquals(1e-16, defaults("adabelief").get("eps_root"));
    assertEquals(1e-3, defaults("yogi").get("eps"));
    assertEquals(1e-6, defaults("yogi").get("initial_accumulator_value"));
    assertEquals(1e-2, defaults("yogi").get("lr"));
    assertEquals(0.95, defaults("novograd").get("b1"));
    assertEquals(0.98, defaults("novograd").get("b2"));
    assertEquals(1.0, defaults("sgd-schedule-free").get("lr"));
    assertEquals(0.9, defaults("sgd-schedule-free").get("momentum"));
    assertEquals(2.0, defaults("sgd-schedule-free").get("weight_lr_power"));
    assertEquals(0L, defaults("sgd-schedule-free").get("warmup_steps"));
    assertEquals(0.0025, defaults("adamw-schedule-free").get("lr"));
    assertEquals(List.of(0.9, 0.999), defaults("adamw-schedule-free").get("betas"));
    assertEquals(0.0, defaults("adamw-schedule-free").get("r"));
  }

  @Test
  void modernErrorsNameTheParameterAndRange() {
    assertNames(reject("lion", Map.of("b1", 1.0)), "b1", "1.0", "[0, 1)");
    assertNames(reject("lars", Map.of("trust_coefficient", -1)), "trust_coefficient", "[0, ∞)");
    assertNames(
        reject("yogi", Map.of("initial_accumulator_value", -1)), "initial_accumulator_value");
    assertNames(reject("sgd-schedule-free", Map.of("warmup_steps", -1)), "warmup_steps", "-1");
    assertNames(
        reject("adamw-schedule-free", Map.of("betas", List.of(0.9, 1.0))), "betas", "[0, 1)");
  }

  @Test
  void matrixMethodsLoadWithTheirDefaultsAndRanges() {
    for (String id : List.of("muon", "shampoo")) {
      assertTrue(REGISTRY.contains(id), "missing " + id);
      assertTrue(REGISTRY.source(id).contains("dev.gradus.optimizers.internal"));
    }
    Map<String, Object> muon = defaults("muon");
    assertEquals(1e-3, muon.get("lr"));
    assertEquals(0.1, muon.get("weight_decay"));
    assertEquals(0.95, muon.get("momentum"));
    assertEquals(true, muon.get("nesterov"));
    assertEquals(List.of(3.4445, -4.775, 2.0315), muon.get("ns_coefficients"));
    assertEquals(1e-7, muon.get("eps"));
    assertEquals(5L, muon.get("ns_steps"));
    assertEquals("original", muon.get("adjust_lr_fn"));
    assertEquals(3e-4, muon.get("fallback_lr"));
    assertEquals(List.of(0.9, 0.95), muon.get("fallback_betas"));
    assertEquals(1e-10, muon.get("fallback_eps"));
    assertEquals(0.0, muon.get("fallback_weight_decay"));
    Map<String, Object> shampoo = defaults("shampoo");
    assertEquals(1e-2, shampoo.get("lr"));
    assertEquals(1e-6, shampoo.get("eps"));
    assertEquals(1L, shampoo.get("update_interval"));
    assertEquals(0.0, shampoo.get("momentum"));
    assertEquals(0.0, shampoo.get("weight_decay"));
    assertNames(reject("muon", Map.of("momentum", 1.0)), "momentum", "1.0", "[0, 1)");
    assertNames(reject("muon", Map.of("ns_steps", 0)), "ns_steps", "0", "[1, 99]");
    assertNames(reject("muon", Map.of("adjust_lr_fn", "rms")), "adjust_lr_fn", "match_rms_adamw");
    assertNames(
        reject("muon", Map.of("fallback_betas", List.of(0.9, 1.5))), "fallback_betas", "1.5");
    assertNames(reject("shampoo", Map.of("eps", 0)), "eps", "(0, ∞)");
    assertNames(reject("shampoo", Map.of("update_interval", 0)), "update_interval", "[1, 1000000]");
    assertNames(reject("shampoo", Map.of("momentum", -0.1)), "momentum", "-0.1", "[0, 1)");
  }
}
