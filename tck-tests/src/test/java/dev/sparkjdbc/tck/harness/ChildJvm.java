package dev.sparkjdbc.tck.harness;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a main class of this suite in a fresh JVM whose classpath is the driver (jar + runtime
 * dependencies) plus this suite's test classes, with exactly the JVM options given: no inherited
 * {@code JAVA_TOOL_OPTIONS} or similar, so what passes there passes for any plain client.
 */
public final class ChildJvm {
  private ChildJvm() {}

  /** What the child did: its exit code and its stdout and stderr. */
  public record Result(int exitCode, List<String> stdout, String stderr) {
    /** The value printed as {@code key=value} on stdout. */
    public String value(String key) {
      return stdout.stream()
          .filter(line -> line.startsWith(key + "="))
          .map(line -> line.substring(key.length() + 1))
          .findFirst()
          .orElseThrow(
              () ->
                  new AssertionError(
                      "child printed no "
                          + key
                          + "=...; stdout "
                          + stdout
                          + ", stderr:\n"
                          + stderr));
    }
  }

  /** The classpath children get: the driver as a client sees it, and the child main classes. */
  static List<String> classpath() {
    List<String> entries = new ArrayList<>(BuildPaths.driverClasspath());
    entries.add(BuildPaths.testClasses().toString());
    return entries;
  }

  public static Result run(
      List<String> jvmOptions, Class<?> mainClass, List<String> args, Duration timeout)
      throws IOException, InterruptedException {
    return run(classpath(), jvmOptions, mainClass, args, timeout);
  }

  /** Like the above, with exactly {@code classpath} (e.g. the standalone driver jar) instead. */
  public static Result run(
      List<String> classpath,
      List<String> jvmOptions,
      Class<?> mainClass,
      List<String> args,
      Duration timeout)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(String.join(File.pathSeparator, classpath));
    command.add(mainClass.getName());
    command.addAll(args);

    Path out = Files.createTempFile(BuildPaths.workDir(), mainClass.getSimpleName() + "-", ".out");
    Path err = Files.createTempFile(BuildPaths.workDir(), mainClass.getSimpleName() + "-", ".err");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    builder.environment().remove("JDK_JAVA_OPTIONS");
    builder.environment().remove("_JAVA_OPTIONS");
    builder.environment().remove("TZ"); // the child's zone is what its options say
    Process process = builder.start();
    try {
      if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        throw new AssertionError(
            mainClass.getSimpleName()
                + " did not finish within "
                + timeout.toSeconds()
                + " s; stderr:\n"
                + Files.readString(err));
      }
      return new Result(
          process.exitValue(),
          Files.readAllLines(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      process.destroyForcibly();
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /**
   * A fresh directory holding only the class files of {@code mains} (and their nested classes), not
   * the whole test-classes tree: the child sees nothing else of this suite.
   */
  public static Path classesOnly(Class<?>... mains) throws IOException {
    Path dir = Files.createTempDirectory(BuildPaths.workDir(), "child-classes-");
    for (Class<?> main : mains) {
      Path root;
      try {
        root = Path.of(main.getProtectionDomain().getCodeSource().getLocation().toURI());
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
      String packagePath = main.getPackageName().replace('.', '/');
      Path source = root.resolve(packagePath);
      Path target = Files.createDirectories(dir.resolve(packagePath));
      try (Stream<Path> files = Files.list(source)) {
        for (Path file : files.toList()) {
          String name = file.getFileName().toString();
          if (name.equals(main.getSimpleName() + ".class")
              || name.startsWith(main.getSimpleName() + "$")) {
            Files.copy(file, target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    }
    return dir;
  }
}
