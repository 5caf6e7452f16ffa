package dev.gradus.spi;

/**
 * The version of this SPI. Plugins state the version they were built against; the runner accepts a
 * plugin when the major versions are equal and the plugin's minor version is not newer.
 *
 * <p>Minor versions only add default methods and optional interfaces, so older plugins keep
 * working: 1.1 and 1.2 added held-out metrics and epochs; 1.3 adds {@link ParameterBlock}s ({@link
 * Objective#blocks()}) and {@link BlockAware} optimizers; 1.4 adds {@link MomentumAware}
 * optimizers, whose momentum a schedule may cycle, and {@link AveragedIterate} ones, which keep an
 * averaged point; 1.5 adds {@link Objective#hessianVectorProduct} and {@link
 * Objective#hessianMethod()}, default methods (central differences of gradients; exact by autodiff
 * for a {@link GraphObjective}), and {@link Evaluator#hessianVectorProduct} for second-order
 * optimizers; 1.6 adds {@link Iteration#sharpness()} and its bound to the rows listeners see (the
 * constructors of earlier versions remain).
 */
public final class Spi {
  /** major.minor of the SPI in this graph-core. */
  public static final String VERSION = "1.6";

  private Spi() {}

  /** True when a plugin built against {@code required} can run on this SPI. */
  public static boolean supports(String required) {
    int[] have = parse(VERSION);
    int[] want = parse(required);
    return want[0] == have[0] && want[1] <= have[1];
  }

  private static int[] parse(String version) {
    String[] parts = version == null ? new String[0] : version.trim().split("\\.");
    try {
      return new int[] {
        Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 0
      };
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("'" + version + "' is not an SPI version like 1.0", e);
    }
  }
}
