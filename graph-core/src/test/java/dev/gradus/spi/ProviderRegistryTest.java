package dev.gradus.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Registration, lookup, duplicate detection and ServiceLoader discovery of providers. */
class ProviderRegistryTest {

  /** A provider with any id, including invalid ones. */
  record Named(String id) implements TestKindProvider {
    @Override
    public String description() {
      return "named " + id;
    }

    @Override
    public List<HyperParameter> hyperParameters() {
      return List.of();
    }
  }

  @Test
  void loadsProvidersFromServiceLoaderRegistrations() {
    ProviderRegistry<TestKindProvider> registry =
        ProviderRegistry.load(TestKindProvider.class, getClass().getClassLoader());
    List<String> ids = new ArrayList<>();
    registry.all().forEach(p -> ids.add(p.id()));
    assertEquals(List.of("square", "three-hump-camel"), ids);
    assertInstanceOf(TestKindProvider.Square.class, registry.require("square"));
    String source = registry.source("square");
    assertTrue(source.startsWith(TestKindProvider.Square.class.getName() + " from "), source);
    assertTrue(source.contains("test-classes"), source);
  }

  @Test
  void duplicateIdsFailNamingBothSources() {
    ProviderRegistry.Builder<TestKindProvider> builder =
        ProviderRegistry.builder(TestKindProvider.class).add(new Named("adam"), "first.jar");
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> builder.add(new Named("adam"), "second.jar"));
    assertTrue(e.getMessage().contains("duplicate"), e.getMessage());
    assertTrue(e.getMessage().contains("'adam'"), e.getMessage());
    assertTrue(e.getMessage().contains("first.jar"), e.getMessage());
    assertTrue(e.getMessage().contains("second.jar"), e.getMessage());
  }

  @Test
  void invalidIdsFailNamingTheSource() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                ProviderRegistry.builder(TestKindProvider.class)
                    .add(new Named("Bad_Id"), "plugin.jar"));
    assertTrue(e.getMessage().contains("plugin.jar"), e.getMessage());
    assertTrue(e.getMessage().contains("'Bad_Id'"), e.getMessage());
  }

  @Test
  void requireOfAnUnknownIdSuggestsCloseMatches() {
    ProviderRegistry<TestKindProvider> registry =
        ProviderRegistry.builder(TestKindProvider.class)
            .add(new Named("adam"), "a")
            .add(new Named("adamw"), "b")
            .add(new Named("sgd"), "c")
            .build();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> registry.require("adma"));
    assertTrue(e.getMessage().contains("unknown testkind 'adma'"), e.getMessage());
    assertTrue(e.getMessage().contains("did you mean 'adam' or 'adamw'"), e.getMessage());
    assertTrue(e.getMessage().contains("known: adam, adamw, sgd"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> registry.source("nope"));
    assertTrue(registry.contains("sgd"));
    assertFalse(registry.contains("sgd2"));
    assertEquals("c", registry.source("sgd"));
  }

  @Test
  void theBuiltRegistryIsImmutableAndKeepsRegistrationOrder() {
    Named first = new Named("zeta");
    Named second = new Named("alpha");
    ProviderRegistry.Builder<TestKindProvider> builder =
        ProviderRegistry.builder(TestKindProvider.class).add(first, "x").add(second, "y");
    ProviderRegistry<TestKindProvider> registry = builder.build();
    builder.add(new Named("later"), "z");
    assertFalse(registry.contains("later"));
    assertEquals(List.of(first, second), List.copyOf(registry.all()));
    assertThrows(UnsupportedOperationException.class, () -> registry.all().clear());
    assertSame(second, registry.require("alpha"));
  }

  @Test
  void sourceOfNamesTheClassAndWhereItWasLoadedFrom() {
    String source = ProviderRegistry.sourceOf(ProviderRegistryTest.class);
    assertTrue(source.startsWith("dev.gradus.spi.ProviderRegistryTest from "), source);
    assertTrue(source.contains("file:"), source);
    // JDK classes have no code source.
    assertEquals("java.lang.String from unknown location", ProviderRegistry.sourceOf(String.class));
    // The builder's default source for add(provider) is sourceOf the provider's class.
    ProviderRegistry<TestKindProvider> registry =
        ProviderRegistry.builder(TestKindProvider.class).add(new Named("one")).build();
    assertEquals(ProviderRegistry.sourceOf(Named.class), registry.source("one"));
  }
}
