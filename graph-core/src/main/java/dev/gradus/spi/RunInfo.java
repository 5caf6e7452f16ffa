package dev.gradus.spi;

/**
 * The coordinates of one run as listeners see them.
 *
 * @param runId stable id, unique within the suite; safe as a file name
 * @param function the function id (or expression name)
 * @param functionLabel the function configuration, such as {@code rosenbrock dim=10}
 * @param optimizer the optimizer id
 * @param optimizerLabel the optimizer configuration, such as {@code adam lr=0.01}
 * @param repeat 0-based repeat number
 * @param seed the run's seed
 * @param functionIndex the function configuration's position in the suite (after sweeps), or -1
 * @param optimizerIndex the optimizer configuration's position in the suite, or -1
 */
public record RunInfo(
    String runId,
    String function,
    String functionLabel,
    String optimizer,
    String optimizerLabel,
    int repeat,
    long seed,
    int functionIndex,
    int optimizerIndex) {

  /** A run without configuration indices, as SPI 1.0 made it. */
  public RunInfo(
      String runId,
      String function,
      String functionLabel,
      String optimizer,
      String optimizerLabel,
      int repeat,
      long seed) {
    this(runId, function, functionLabel, optimizer, optimizerLabel, repeat, seed, -1, -1);
  }
}
