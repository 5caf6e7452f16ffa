package dev.gradus.spi;

import java.util.List;

/**
 * A provider kind that exists only in these tests, so the ServiceLoader registrations in the test
 * resources never reach code that looks up real optimizers or objectives.
 */
public interface TestKindProvider extends Provider {

  /** Registered in META-INF/services. */
  final class Square implements TestKindProvider {
    public Square() {}

    @Override
    public String id() {
      return "square";
    }

    @Override
    public String description() {
      return "x²";
    }

    @Override
    public List<HyperParameter> hyperParameters() {
      return List.of(HyperParameter.real("scale", 1, Range.greaterThan(0), "factor"));
    }
  }

  /** Registered in META-INF/services. */
  final class ThreeHumpCamel implements TestKindProvider {
    public ThreeHumpCamel() {}

    @Override
    public String id() {
      return "three-hump-camel";
    }

    @Override
    public String description() {
      return "2x² − 1.05x⁴ + x⁶/6 + xy + y²";
    }

    @Override
    public List<HyperParameter> hyperParameters() {
      return List.of();
    }
  }
}
