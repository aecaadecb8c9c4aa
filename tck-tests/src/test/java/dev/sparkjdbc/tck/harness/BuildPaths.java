package dev.sparkjdbc.tck.harness;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where the build put the server, the driver and this suite; Surefire passes them as system
 * properties.
 */
public final class BuildPaths {
  private BuildPaths() {}

  /** The server's classes followed by its runtime classpath (Spark). */
  static String serverClasspath() {
    List<String> entries = new ArrayList<>();
    entries.add(existing("sparkjdbc.server.classes").toString());
    entries.addAll(classpathFile("sparkjdbc.server.classpathFile"));
    return String.join(File.pathSeparator, entries);
  }

  /**
   * The driver as a client application would use it: its jar (its classes when the build stopped
   * before packaging) followed by its runtime dependencies.
   */
  public static List<String> driverClasspath() {
    List<String> entries = new ArrayList<>();
    Path jar = Path.of(property("sparkjdbc.driver.jar"));
    entries.add(
        Files.isRegularFile(jar)
            ? jar.toString()
            : existing("sparkjdbc.driver.classes").toString());
    entries.addAll(classpathFile("sparkjdbc.driver.classpathFile"));
    return entries;
  }

  /** This suite's compiled test classes, holding the child-JVM main classes. */
  static Path testClasses() {
    return existing("sparkjdbc.tck.testClasses");
  }

  /** A directory for logs and scratch files: the module's {@code target}. */
  static Path workDir() {
    return existing("sparkjdbc.tck.workDir");
  }

  private static List<String> classpathFile(String key) {
    Path file = existing(key);
    try {
      String text = Files.readString(file).trim();
      if (text.isEmpty()) {
        return List.of();
      }
      return Arrays.asList(text.split(File.pathSeparator));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static Path existing(String key) {
    Path path = Path.of(property(key));
    if (!Files.exists(path)) {
      throw new IllegalStateException(
          path
              + " (system property "
              + key
              + ") does not exist: build the project first, e.g. mvn -pl tck-tests -am install");
    }
    return path;
  }

  /** A path or setting that tck-tests/pom.xml hands to the tests as a system property. */
  public static String property(String key) {
    String value = System.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "system property "
              + key
              + " is not set: run this suite through Maven (tck-tests/pom.xml sets it)");
    }
    return value;
  }
}
