package dev.sparkjdbc.tck.types;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class of this suite in a fresh JVM, as a plain client would: the driver jar and its
 * runtime dependencies plus the suite's test classes, with exactly the JVM options given.
 * (The suite's own launcher is package-private to {@code dev.sparkjdbc.tck}; this one reads the
 * same build locations, which Surefire passes as system properties.)
 */
final class ClientJvm {
  private ClientJvm() {}

  /** What the child did: exit code, stdout lines and stderr. */
  record Result(int exitCode, List<String> stdout, String stderr) {
    /** The value the child printed as {@code key=value}. */
    String value(String key) {
      return stdout.stream()
          .filter(line -> line.startsWith(key + "="))
          .map(line -> line.substring(key.length() + 1))
          .findFirst()
          .orElseThrow(() -> new AssertionError("child printed no " + key + "=...; stdout "
              + stdout + ", stderr:\n" + stderr));
    }
  }

  static Result run(List<String> jvmOptions, Class<?> mainClass, List<String> args,
      Duration timeout) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(String.join(File.pathSeparator, classpath()));
    command.add(mainClass.getName());
    command.addAll(args);

    Path workDir = existing("sparkjdbc.tck.workDir");
    Path out = Files.createTempFile(workDir, mainClass.getSimpleName() + "-", ".out");
    Path err = Files.createTempFile(workDir, mainClass.getSimpleName() + "-", ".err");
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectOutput(out.toFile())
        .redirectError(err.toFile());
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    builder.environment().remove("JDK_JAVA_OPTIONS");
    builder.environment().remove("_JAVA_OPTIONS");
    builder.environment().remove("TZ");
    Process process = builder.start();
    try {
      if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        throw new AssertionError(mainClass.getSimpleName() + " did not finish within "
            + timeout.toSeconds() + " s; stderr:\n" + Files.readString(err));
      }
      return new Result(process.exitValue(), Files.readAllLines(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      process.destroyForcibly();
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** The driver as a client sees it (jar, or classes before packaging) and the child mains. */
  private static List<String> classpath() throws IOException {
    List<String> entries = new ArrayList<>();
    Path jar = Path.of(property("sparkjdbc.driver.jar"));
    entries.add(Files.isRegularFile(jar) ? jar.toString()
        : existing("sparkjdbc.driver.classes").toString());
    String deps = Files.readString(existing("sparkjdbc.driver.classpathFile")).trim();
    if (!deps.isEmpty()) {
      entries.addAll(Arrays.asList(deps.split(File.pathSeparator)));
    }
    entries.add(existing("sparkjdbc.tck.testClasses").toString());
    return entries;
  }

  private static Path existing(String key) {
    Path path = Path.of(property(key));
    if (!Files.exists(path)) {
      throw new IllegalStateException(path + " (system property " + key + ") does not exist");
    }
    return path;
  }

  private static String property(String key) {
    String value = System.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("system property " + key
          + " is not set: run this suite through Maven (tck-tests/pom.xml sets it)");
    }
    return value;
  }
}
