package dev.gradus.spi;

import java.nio.file.Path;

/**
 * A suite as listeners see it.
 *
 * @param name the suite's name
 * @param outputDir its results folder, where a listener may write files of its own
 * @param runs how many runs the suite has
 * @param pending how many of them this invocation executes (fewer when resuming)
 */
public record SuiteInfo(String name, Path outputDir, int runs, int pending) {}
