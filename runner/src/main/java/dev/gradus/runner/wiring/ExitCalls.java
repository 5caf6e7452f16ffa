package dev.gradus.runner.wiring;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Finds the classes of a plugin jar that call {@code System.exit}, {@code Runtime.exit} or {@code
 * Runtime.halt}, by reading each class file's constant pool: a direct call needs a method reference
 * there. A plugin that ended the JVM from inside a step would take the suite with it (no message,
 * no summary), so such jars are refused when they load. What this cannot see: a call made through
 * reflection or a method handle built from strings, or by a library the plugin loads at run time;
 * against those the runner's shutdown hook still records which runs were in flight.
 */
final class ExitCalls {
  private ExitCalls() {}

  /** "demo.Sign calls System.exit" for each offending class, in jar order. */
  static List<String> in(Path jar) throws IOException {
    List<String> found = new ArrayList<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      Enumeration<JarEntry> entries = file.entries();
      while (entries.hasMoreElements()) {
        JarEntry entry = entries.nextElement();
        if (!entry.getName().endsWith(".class")) {
          continue;
        }
        byte[] bytes;
        try (InputStream in = file.getInputStream(entry)) {
          bytes = in.readNBytes(16 << 20);
        }
        String className =
            entry.getName().substring(0, entry.getName().length() - 6).replace('/', '.');
        for (String call : exitCalls(bytes)) {
          found.add(className + " calls " + call);
        }
      }
    }
    return found;
  }

  /** The exit calls a class file references: "System.exit", "Runtime.exit", "Runtime.halt". */
  static List<String> exitCalls(byte[] classFile) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
    if (in.readInt() != 0xCAFEBABE) {
      return List.of();
    }
    in.readUnsignedShort(); // minor version
    in.readUnsignedShort(); // major version
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    int[] classNames = new int[count];
    int[][] methodRefs = new int[count][];
    int[][] nameAndTypes = new int[count][];
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF();
        case 7 -> classNames[i] = in.readUnsignedShort();
        case 10, 11 -> methodRefs[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
        case 12 -> nameAndTypes[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
        case 3, 4, 9, 17, 18 -> in.skipNBytes(4);
        case 5, 6 -> {
          in.skipNBytes(8);
          i++; // a long or double takes two slots
        }
        case 8, 16, 19, 20 -> in.skipNBytes(2);
        case 15 -> in.skipNBytes(3);
        default -> throw new IOException("unknown constant pool tag " + tag);
      }
    }
    List<String> calls = new ArrayList<>();
    for (int[] ref : methodRefs) {
      if (ref == null || nameAndTypes[ref[1]] == null) {
        continue;
      }
      String owner = utf8[classNames[ref[0]]];
      String name = utf8[nameAndTypes[ref[1]][0]];
      if ("java/lang/System".equals(owner) && "exit".equals(name)) {
        calls.add("System.exit");
      } else if ("java/lang/Runtime".equals(owner)
          && ("exit".equals(name) || "halt".equals(name))) {
        calls.add("Runtime." + name);
      }
    }
    return calls;
  }
}
