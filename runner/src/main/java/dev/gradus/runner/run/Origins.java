package dev.gradus.runner.run;

/**
 * Where a plugin's object comes from, for messages: each plugin jar has its own class loader named
 * {@code plugin <jar>}, so the loader of an object's class names its jar.
 */
public final class Origins {
  private Origins() {}

  /** {@code plugin jar csv-listener.jar}, or {@code built-in}. */
  public static String of(Object o) {
    ClassLoader loader = o.getClass().getClassLoader();
    String name = loader == null ? null : loader.getName();
    if (name != null && name.startsWith("plugin ")) {
      return "plugin jar " + name.substring("plugin ".length());
    }
    return "built-in";
  }
}
