package dev.gradus.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Validation, normalisation and defaults of hyperparameter values, and the error messages. */
class HyperParametersTest {
  private static final String OWNER = "test-opt";

  private static final List<HyperParameter> DECLARED =
      List.of(
          HyperParameter.real("learning_rate", 0.01, Range.greaterThan(0), "step size"),
          HyperParameter.real("momentum", 0.0, Range.closedOpen(0, 1), "heavy-ball factor"),
          HyperParameter.integer("history", 10, Range.closed(1, 1000), "pairs kept"),
          HyperParameter.bool("nesterov", false, "look-ahead gradient"),
          HyperParameter.choice(
              "schedule", "constant", List.of("constant", "cosine", "step"), "lr schedule"),
          HyperParameter.reals("betas", List.of(0.9, 0.999), 2, Range.closedOpen(0, 1), "decays"),
          HyperParameter.text("label", null, "free text"),
          HyperParameter.structure("extra", "nested settings"),
          new HyperParameter(
              "dimension", HyperParameter.Type.INTEGER, null, Range.atLeast(1), null, 0, "n"));

  private static HyperParameters resolve(Map<String, ?> raw) {
    return HyperParameters.resolve(OWNER, DECLARED, raw);
  }

  private static Map<String, Object> with(Object... pairs) {
    Map<String, Object> raw = new HashMap<>();
    raw.put("dimension", 2);
    for (int i = 0; i < pairs.length; i += 2) {
      raw.put((String) pairs[i], pairs[i + 1]);
    }
    return raw;
  }

  private static InvalidHyperParameterException rejected(Object... pairs) {
    return assertThrows(InvalidHyperParameterException.class, () -> resolve(with(pairs)));
  }

  private static void assertMentions(Exception e, String... parts) {
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), () -> "'" + part + "' in: " + e.getMessage());
    }
  }

  @Test
  void anExplicitNullIsAnErrorNotASilentDefault() {
    var e = rejected("learning_rate", null);
    assertMentions(e, "learning_rate is null", "leave the key out for the default (0.01)");
    assertEquals("learning_rate", e.parameter());
  }

  @Test
  void defaultsAreFilledInDeclarationOrder() {
    HyperParameters values = resolve(with());
    assertEquals(0.01, values.real("learning_rate"));
    assertEquals(0.0, values.real("momentum"));
    assertEquals(10L, values.integer("history"));
    assertFalse(values.bool("nesterov"));
    assertEquals("constant", values.text("schedule"));
    assertArrayEquals(new double[] {0.9, 0.999}, values.reals("betas"));
    assertFalse(values.has("label"));
    assertNull(values.structure("extra"));
    assertEquals(2L, values.integer("dimension"));
    assertEquals(
        List.of(
            "learning_rate", "momentum", "history", "nesterov", "schedule", "betas", "dimension"),
        List.copyOf(values.asMap().keySet()));
    assertEquals(OWNER, values.owner());
    assertThrows(UnsupportedOperationException.class, () -> values.asMap().put("history", 3L));
    IllegalArgumentException missing =
        assertThrows(IllegalArgumentException.class, () -> values.text("label"));
    assertMentions(missing, "label", OWNER);
  }

  @Test
  void integersAreNormalisedFromWholeNumbersOfAnyType() {
    assertEquals(3L, resolve(with("history", 3)).asMap().get("history"));
    assertEquals(3L, resolve(with("history", 3.0)).asMap().get("history"));
    assertEquals(3L, resolve(with("history", 3L)).asMap().get("history"));
    assertEquals(1000L, resolve(with("history", 1000)).integer("history"));
  }

  @Test
  void largeIntegersKeepEveryDigit() {
    HyperParameter seed = HyperParameter.integer("seed", 0, Range.ALL, "random seed");
    long big = (1L << 53) + 1; // not representable as a double
    HyperParameters values = HyperParameters.resolve(OWNER, List.of(seed), Map.of("seed", big));
    assertEquals(big, values.integer("seed"));
    long huge = Long.MAX_VALUE - 1;
    assertEquals(
        huge, HyperParameters.resolve(OWNER, List.of(seed), Map.of("seed", huge)).integer("seed"));
    InvalidHyperParameterException tooLarge =
        assertThrows(
            InvalidHyperParameterException.class,
            () -> HyperParameters.resolve(OWNER, List.of(seed), Map.of("seed", 1e19)));
    assertMentions(tooLarge, "seed = 1.0E19");
  }

  @Test
  void integersRejectFractionsAndOutOfRangeValues() {
    InvalidHyperParameterException fraction = rejected("history", 3.5);
    assertEquals("history", fraction.parameter());
    assertMentions(fraction, "test-opt.history", "3.5", "[1, 1000]", "integer");

    InvalidHyperParameterException huge = rejected("history", 1e12);
    assertMentions(huge, "history", "1.0E12", "[1, 1000]");

    assertMentions(rejected("history", 0), "history = 0", "[1, 1000]");
    assertMentions(rejected("history", "3"), "history = '3'");
    assertMentions(rejected("dimension", 1e300), "dimension", "[1, ∞)");
  }

  @Test
  void realsAreNormalisedAndRangeChecked() {
    Object lr = resolve(with("learning_rate", 1)).asMap().get("learning_rate");
    assertEquals(Double.class, lr.getClass());
    assertEquals(1.0, lr);
    assertEquals(0.5f, resolve(with("momentum", 0.5f)).real("momentum"));

    assertMentions(rejected("momentum", 1.0), "test-opt.momentum = 1.0", "[0, 1)");
    assertMentions(rejected("momentum", -0.1), "momentum = -0.1", "[0, 1)");
    assertMentions(rejected("learning_rate", 0), "learning_rate = 0", "(0, ∞)");
    assertMentions(rejected("learning_rate", Double.NaN), "learning_rate = NaN");
    assertMentions(rejected("learning_rate", Double.POSITIVE_INFINITY), "Infinity", "(0, ∞)");
    assertMentions(rejected("learning_rate", "fast"), "learning_rate = 'fast'", "a number");
    assertMentions(rejected("learning_rate", true), "learning_rate = true");
  }

  @Test
  void realListsCheckLengthAndEveryElement() {
    HyperParameters values = resolve(with("betas", List.of(0, 0.5)));
    assertArrayEquals(new double[] {0, 0.5}, values.reals("betas"));
    assertEquals(List.of(0.0, 0.5), values.asMap().get("betas"));
    assertThrows(
        UnsupportedOperationException.class, () -> ((List<?>) values.asMap().get("betas")).clear());
    values.reals("betas")[0] = 7;
    assertEquals(0.0, values.reals("betas")[0]);

    assertMentions(
        rejected("betas", List.of(0.9, 0.99, 0.999)), "betas", "a list of 2 numbers", "[0, 1)");
    assertMentions(rejected("betas", List.of(0.9, 1.0)), "betas = [0.9, 1.0]", "[0, 1)");
    assertMentions(rejected("betas", 0.9), "betas = 0.9");
    assertMentions(rejected("betas", List.of(0.9, "x")), "betas");
  }

  @Test
  void choicesSuggestACloseMatch() {
    assertEquals("cosine", resolve(with("schedule", "cosine")).text("schedule"));
    InvalidHyperParameterException typo = rejected("schedule", "cosin");
    assertMentions(typo, "schedule = 'cosin'", "[constant, cosine, step]", "did you mean 'cosine'");
    InvalidHyperParameterException far = rejected("schedule", "xyzzy");
    assertFalse(far.getMessage().contains("did you mean"), far.getMessage());
    assertMentions(rejected("schedule", 3), "schedule = 3");
  }

  @Test
  void booleansAndTextAcceptOnlyTheirTypes() {
    assertTrue(resolve(with("nesterov", true)).bool("nesterov"));
    assertMentions(rejected("nesterov", "true"), "nesterov = 'true'", "true or false");
    assertEquals("run 1", resolve(with("label", "run 1")).text("label"));
    assertMentions(rejected("label", 5), "label = 5", "text");
    Map<String, Object> nested = Map.of("a", List.of(1, 2));
    assertEquals(nested, resolve(with("extra", nested)).structure("extra"));
  }

  @Test
  void unknownNamesSuggestCloseMatchesAndListAllNames() {
    InvalidHyperParameterException e = rejected("learning_rat", 0.1);
    assertEquals("learning_rat", e.parameter());
    assertMentions(
        e, "'test-opt' has no hyperparameter 'learning_rat'", "did you mean 'learning_rate'");
    assertMentions(e, "momentum", "history", "dimension");
    InvalidHyperParameterException far = rejected("qqqqqqqq", 1);
    assertFalse(far.getMessage().contains("did you mean"), far.getMessage());
  }

  @Test
  void requiredValuesMustBeGiven() {
    InvalidHyperParameterException e =
        assertThrows(InvalidHyperParameterException.class, () -> resolve(Map.of()));
    assertEquals("dimension", e.parameter());
    assertMentions(e, "test-opt.dimension is required", "an integer in [1, ∞)", "(n)");
    Map<String, Object> explicitNull = new HashMap<>();
    explicitNull.put("dimension", null);
    assertThrows(InvalidHyperParameterException.class, () -> resolve(explicitNull));
  }

  @Test
  void resolveWithAProviderUsesItsIdAsOwner() {
    Provider provider =
        new Provider() {
          @Override
          public String id() {
            return "tiny-provider";
          }

          @Override
          public String description() {
            return "tiny";
          }

          @Override
          public List<HyperParameter> hyperParameters() {
            return List.of(HyperParameter.real("rate", 1, Range.closed(0, 2), "rate"));
          }
        };
    assertEquals("tiny-provider", HyperParameters.resolve(provider, Map.of()).owner());
    InvalidHyperParameterException e =
        assertThrows(
            InvalidHyperParameterException.class,
            () -> HyperParameters.resolve(provider, Map.of("rate", 3)));
    assertMentions(e, "tiny-provider.rate = 3", "[0, 2]");
  }

  @Test
  void declarationsAreCheckedToo() {
    assertThrows(
        IllegalArgumentException.class,
        () -> HyperParameter.real("learningRate", 1, Range.ALL, "camel case"));
    assertThrows(
        IllegalArgumentException.class,
        () -> HyperParameter.choice("kind", "a", List.of(), "no choices"));
    InvalidHyperParameterException badDefault =
        assertThrows(
            InvalidHyperParameterException.class,
            () -> HyperParameter.real("rate", 5, Range.closed(0, 1), "default out of range"));
    assertMentions(badDefault, "rate = 5.0", "[0, 1]");
    assertThrows(
        InvalidHyperParameterException.class,
        () -> HyperParameter.choice("kind", "c", List.of("a", "b"), "default not a choice"));
    assertTrue(DECLARED.get(8).required());
    assertFalse(DECLARED.get(6).required()); // text without default is optional
    assertFalse(DECLARED.get(7).required()); // structure is optional
    assertEquals(Range.ALL, HyperParameter.bool("flag", true, "doc").range());
    assertEquals("a list of 2 numbers, each in [0, 1)", DECLARED.get(5).allowed());
    assertEquals("one of [constant, cosine, step]", DECLARED.get(4).allowed());
  }
}
