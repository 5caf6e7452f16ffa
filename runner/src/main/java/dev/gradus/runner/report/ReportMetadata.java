package dev.gradus.runner.report;

import dev.gradus.runner.results.PlanFile;
import dev.gradus.runner.results.ResultsFolder;
import java.net.InetAddress;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * What report.html says about where and from what it was made.
 *
 * @param date when the report was written, ISO 8601 with offset
 * @param version the Gradus version, from the runner jar's manifest as {@code gradus --version}
 *     reads it ({@code development} outside a jar)
 * @param commit the git commit Gradus was built from, or {@code unknown}
 * @param jdk the Java runtime's version and vendor
 * @param suiteSha256 from {@code plan.json}; null in a folder without one
 * @param shard such as {@code 0/4}; null when the folder holds no shard
 * @param plugins each plugin jar's SHA-256 by file name, from {@code plan.json}; null when it does
 *     not say
 */
record ReportMetadata(
    String date,
    String host,
    String version,
    String commit,
    String jdk,
    String suite,
    String suiteSha256,
    String shard,
    Map<String, String> plugins) {

  /** The metadata of a report of {@code results} written now on this machine. */
  static ReportMetadata collect(String suiteName, ResultsFolder results) {
    String sha = null;
    String shard = null;
    Map<String, String> plugins = null;
    if (java.nio.file.Files.isRegularFile(results.dir().resolve(PlanFile.FILE))) {
      try {
        PlanFile plan = PlanFile.read(results.dir());
        sha = plan.suiteSha256();
        shard = plan.shard();
        plugins = plan.plugins();
      } catch (IllegalArgumentException e) {
        // a damaged plan.json leaves the hash unknown; the report is still worth writing
      }
    }
    String version = HtmlReport.class.getPackage().getImplementationVersion();
    return new ReportMetadata(
        OffsetDateTime.now()
            .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX")),
        localHost(),
        version == null ? "development" : version,
        Assets.commit(),
        System.getProperty("java.runtime.version", System.getProperty("java.version"))
            + " ("
            + System.getProperty("java.vendor", "unknown vendor")
            + ")",
        suiteName,
        sha,
        shard,
        plugins);
  }

  private static String localHost() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isBlank()) {
      return env;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }
}
