package dev.gradus.runner;

import dev.gradus.runner.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;

/** {@code gradus ARGS} in this JVM, with what it printed, for tests of the command line. */
public final class TestCli {
  private TestCli() {}

  /** An exit code and the two streams. */
  public record Result(int code, String out, String err) {
    /** The code, a newline, then standard output and standard error: one string to assert on. */
    public String text() {
      return code + "\n" + out + err;
    }
  }

  public static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(code, out.toString(), err.toString());
  }

  /** {@link #run} with {@code --no-report -q} added, as tests of results want it. */
  public static int quietly(String... args) {
    String[] all = Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--no-report";
    all[args.length + 1] = "-q";
    return run(all).code();
  }
}
