package dev.gradus.runner.plan;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Run ids: {@code f<function index>-<function>_o<optimizer index>-<optimizer>_r<repeat>}, the
 * indices zero-padded to the width of the largest, such as {@code f03-rosenbrock_o1-adam_r0}. They
 * are readable and sort in run order; they name trace, checkpoint and failure files. Nothing reads
 * the indices back out of an id: records carry them as fields.
 */
public final class RunIds {
  /** What a run id read back from a results folder must look like, so it is safe as a file name. */
  public static final Pattern FORMAT =
      Pattern.compile("f\\d+-[^/\\\\\\p{Cntrl}]+_o\\d+-[^/\\\\\\p{Cntrl}]+_r\\d+");

  private RunIds() {}

  static String of(
      int function,
      String functionName,
      int functionCount,
      int optimizer,
      String optimizerName,
      int optimizerCount,
      int repeat,
      int repeats) {
    return String.format(
        Locale.ROOT,
        "f%0"
            + width(functionCount)
            + "d-%s_o%0"
            + width(optimizerCount)
            + "d-%s_r%0"
            + width(repeats)
            + "d",
        function,
        functionName,
        optimizer,
        optimizerName,
        repeat);
  }

  private static int width(int count) {
    return Integer.toString(Math.max(0, count - 1)).length();
  }

  /** True when {@code id} has the form the planner gives run ids. */
  public static boolean isValid(String id) {
    return id != null && id.length() <= 512 && FORMAT.matcher(id).matches();
  }
}
