package dev.gradus.plugins.lion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradus.spi.HyperParameter;
import dev.gradus.spi.HyperParameters;
import dev.gradus.spi.InvalidHyperParameterException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class LionHyperParameterTest {
  /** A map with one bad value, the parameter the error must name, and text it must contain. */
  record Invalid(Map<String, Object> values, String parameter, String mentions) {
    @Override
    public String toString() {
      return values.toString();
    }
  }

  static final List<Invalid> INVALID =
      List.of(
          new Invalid(Map.of("lr", -1e-4), "lr", "[0, ∞)"),
          new Invalid(Map.of("lr", "fast"), "lr", "'fast'"),
          new Invalid(Map.of("betas", List.of(1.0, 0.99)), "betas", "[0, 1)"),
          new Invalid(Map.of("betas", List.of(0.9, -0.01)), "betas", "-0.01"),
          new Invalid(Map.of("betas", List.of(0.9)), "betas", "2 numbers"),
          new Invalid(Map.of("weight_decay", -0.5), "weight_decay", "-0.5"),
          new Invalid(Map.of("maximize", "yes"), "maximize", "true or false"),
          new Invalid(Map.of("learning_rate", 1e-4), "learning_rate", "lr"));

  @ParameterizedTest(name = "{0}")
  @FieldSource("INVALID")
  void invalidValuesAreRejectedNamingParameterValueAndRange(Invalid invalid) {
    LionProvider provider = new LionProvider();
    InvalidHyperParameterException e =
        assertThrows(
            InvalidHyperParameterException.class,
            () -> provider.create(HyperParameters.resolve(provider, invalid.values())));
    assertEquals(invalid.parameter(), e.parameter());
    assertTrue(e.getMessage().contains("lion-example"), e.getMessage());
    assertTrue(e.getMessage().contains(invalid.parameter()), e.getMessage());
    assertTrue(e.getMessage().contains(invalid.mentions()), e.getMessage());
  }

  @Test
  void configRejectsOutOfRangeValuesWhenBuiltDirectly() {
    InvalidHyperParameterException lr =
        assertThrows(
            InvalidHyperParameterException.class, () -> new Lion.Config(-1, 0.9, 0.99, 0, false));
    assertEquals("lr", lr.parameter());
    assertTrue(lr.getMessage().contains("-1.0") && lr.getMessage().contains("[0, ∞)"));
    InvalidHyperParameterException beta =
        assertThrows(
            InvalidHyperParameterException.class,
            () -> new Lion.Config(1e-4, 0.9, Double.NaN, 0, false));
    assertEquals("betas", beta.parameter());
    InvalidHyperParameterException decay =
        assertThrows(
            InvalidHyperParameterException.class,
            () -> new Lion.Config(1e-4, 0.9, 0.99, -1e-3, false));
    assertEquals("weight_decay", decay.parameter());
  }

  /** The defaults of the paper's Algorithm 2 and of the authors' code. */
  @Test
  void defaultsAreThePapers() {
    Map<String, Object> defaults =
        new LionProvider()
            .hyperParameters().stream()
                .collect(Collectors.toMap(HyperParameter::name, HyperParameter::defaultValue));
    assertEquals(
        Map.of("lr", 1e-4, "betas", List.of(0.9, 0.99), "weight_decay", 0.0, "maximize", false),
        defaults);
    assertEquals(
        1e-4,
        new LionProvider()
            .create(HyperParameters.resolve(new LionProvider(), Map.of()))
            .learningRate());
  }
}
