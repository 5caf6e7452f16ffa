package dev.gradus.spi;

import java.security.CodeSource;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Providers of one kind by id, with the place each was loaded from. Ids are unique: registering a
 * second provider under a taken id fails with a message naming both sources, as JUnit does for test
 * engines. Iteration follows registration order. Immutable once built.
 *
 * @param <P> the provider type, {@link OptimizerProvider} or {@link ObjectiveProvider}
 */
public final class ProviderRegistry<P extends Provider> {
  private final String kind;
  private final Map<String, P> providers;
  private final Map<String, String> sources;

  private ProviderRegistry(String kind, Map<String, P> providers, Map<String, String> sources) {
    this.kind = kind;
    this.providers = Collections.unmodifiableMap(providers);
    this.sources = Collections.unmodifiableMap(sources);
  }

  /** Every provider of {@code type} that {@link ServiceLoader} finds through {@code loader}. */
  public static <P extends Provider> ProviderRegistry<P> load(Class<P> type, ClassLoader loader) {
    Builder<P> builder = builder(type);
    for (P provider : ServiceLoader.load(type, loader)) {
      builder.add(provider, sourceOf(provider.getClass()));
    }
    return builder.build();
  }

  public static <P extends Provider> Builder<P> builder(Class<P> type) {
    return new Builder<>(
        type.getSimpleName().replace("Provider", "").toLowerCase(java.util.Locale.ROOT));
  }

  /** The jar or folder a class was loaded from, or its class loader's name when unknown. */
  public static String sourceOf(Class<?> type) {
    CodeSource source =
        type.getProtectionDomain() == null ? null : type.getProtectionDomain().getCodeSource();
    String where =
        source == null || source.getLocation() == null
            ? "unknown location"
            : source.getLocation().toString();
    return type.getName() + " from " + where;
  }

  /**
   * The provider with this id.
   *
   * @throws IllegalArgumentException naming close matches when there is none
   */
  public P require(String id) {
    P provider = providers.get(id);
    if (provider == null) {
      throw new IllegalArgumentException(
          "unknown "
              + kind
              + " '"
              + id
              + "'"
              + Names.didYouMean(id, providers.keySet())
              + "; known: "
              + String.join(", ", providers.keySet()));
    }
    return provider;
  }

  public boolean contains(String id) {
    return providers.containsKey(id);
  }

  /** Every provider, in registration order. */
  public Collection<P> all() {
    return providers.values();
  }

  /** Where the provider with this id came from. */
  public String source(String id) {
    require(id);
    return sources.get(id);
  }

  /** Collects providers, refusing invalid and duplicate ids. */
  public static final class Builder<P extends Provider> {
    private final String kind;
    private final Map<String, P> providers = new LinkedHashMap<>();
    private final Map<String, String> sources = new LinkedHashMap<>();

    private Builder(String kind) {
      this.kind = kind;
    }

    /**
     * Adds a provider loaded from {@code source}.
     *
     * @throws IllegalStateException if another provider already has its id, naming both sources
     */
    public Builder<P> add(P provider, String source) {
      String id;
      try {
        id = Names.requireKebabCase(provider.id());
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(kind + " provider " + source + ": " + e.getMessage(), e);
      }
      if (providers.containsKey(id)) {
        throw new IllegalStateException(
            "duplicate " + kind + " id '" + id + "': " + sources.get(id) + " and " + source);
      }
      providers.put(id, provider);
      sources.put(id, source);
      return this;
    }

    public Builder<P> add(P provider) {
      return add(provider, sourceOf(provider.getClass()));
    }

    public ProviderRegistry<P> build() {
      return new ProviderRegistry<>(
          kind, new LinkedHashMap<>(providers), new LinkedHashMap<>(sources));
    }
  }
}
