package dev.sparkjdbc.tck.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkjdbc.tck.harness.BuildPaths;
import dev.sparkjdbc.tck.harness.ChildJvm;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The standalone (shaded) driver jar that jdbc-driver's package phase builds, the older libraries
 * the build copies for the conflict test, and what a child JVM using the jar must print. Paths come
 * from system properties that tck-tests/pom.xml sets.
 */
final class StandaloneJar {
  static final Duration TIMEOUT = Duration.ofMinutes(3);
  private static final Pattern FILE_NAME =
      Pattern.compile("sparkjdbc-driver-(.+)-standalone\\.jar");

  private StandaloneJar() {}

  /** The standalone jar; fails (never skips) when the build did not produce it. */
  static Path path() {
    Path jar = Path.of(BuildPaths.property("sparkjdbc.driver.standaloneJar"));
    if (!Files.isRegularFile(jar)) {
      throw new AssertionError(
          jar
              + " does not exist: the standalone jar is made in jdbc-driver's"
              + " package phase; run e.g. mvn -pl tck-tests -am verify, not just test");
    }
    return jar;
  }

  /** The project version, from the jar's file name. */
  static String version() {
    Matcher m = FILE_NAME.matcher(path().getFileName().toString());
    assertThat(m.matches()).as("file name of %s", path()).isTrue();
    return m.group(1);
  }

  /**
   * The first two package names ({@code org.apache}, {@code io.grpc}) of every class in the
   * libraries the standalone jar is made of: the thin driver's runtime dependencies.
   */
  static Set<String> dependencyPackageRoots() throws IOException {
    Path list = Path.of(BuildPaths.property("sparkjdbc.driver.dependenciesFile"));
    Set<String> roots = new TreeSet<>();
    for (String entry : Files.readString(list).strip().split(File.pathSeparator)) {
      if (!entry.endsWith(".jar")) {
        continue;
      }
      try (JarFile jar = new JarFile(entry)) {
        jar.stream()
            .map(JarEntry::getName)
            .filter(n -> n.endsWith(".class") && !n.startsWith("META-INF/"))
            .map(n -> n.split("/"))
            .filter(parts -> parts.length > 2)
            .forEach(parts -> roots.add(parts[0] + "." + parts[1]));
      }
    }
    return roots;
  }

  /** The older, conflicting library jars, sorted by name. */
  static List<Path> conflictJars() {
    Path dir = Path.of(BuildPaths.property("sparkjdbc.conflicts.dir"));
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(dir + " (the build copies the conflicting jars there)", e);
    }
  }

  /** The conflict jar whose file name starts with {@code prefix}, e.g. {@code "protobuf-java-"}. */
  static Path conflictJar(String prefix) {
    List<Path> found =
        conflictJars().stream()
            .filter(
                f ->
                    f.getFileName().toString().startsWith(prefix)
                        && Character.isDigit(f.getFileName().toString().charAt(prefix.length())))
            .toList();
    assertThat(found).as("jars named %s<version> in %s", prefix, conflictJars()).hasSize(1);
    return found.get(0);
  }

  /** Runs {@code main} with exactly {@code classpath} and no JVM options at all. */
  static ChildJvm.Result run(List<String> classpath, Class<?> main, String... args)
      throws IOException, InterruptedException {
    return ChildJvm.run(classpath, List.of(), main, List.of(args), TIMEOUT);
  }

  /**
   * What {@code StandaloneClient} must print, from the meaning of its SQL: three rows of {@code
   * range(3)} with decimal {@code id * 2.5 - 1} at scale 3, the leap-day timestamp plus {@code id}
   * days in the session zone UTC, a string with a non-ASCII letter, an array holding a null; the
   * translator-only query's second row; the view's columns; {@code 41 + 1}, {@code upper('abc')},
   * {@code 1.25 * 2}.
   */
  static void assertStandaloneClientOutput(ChildJvm.Result result) {
    assertThat(result.exitCode())
        .as("exit code; stdout %s; stderr:%n%s", result.stdout(), result.stderr())
        .isZero();
    String version = version();
    List<String> expected =
        new ArrayList<>(
            List.of(
                "drivers=dev.sparkjdbc.jdbc.SparkConnectDriver",
                "driverForUrl=dev.sparkjdbc.jdbc.SparkConnectDriver",
                "driverManifestVersion=" + version,
                "driverName=Spark Connect JDBC Driver",
                "driverVersion=" + version,
                "columns=id:"
                    + Types.BIGINT
                    + ":BIGINT,dec:"
                    + Types.DECIMAL
                    + ":DECIMAL,ts:"
                    + Types.TIMESTAMP
                    + ":TIMESTAMP,s:"
                    + Types.VARCHAR
                    + ":STRING,arr:"
                    + Types.ARRAY
                    + ":ARRAY",
                "row=0|-1.000|2024-02-29T13:45:30.123456Z|row-0-\\u00fc|[0, 0, null]|2024-02-29"
                    + " 13:45:30.123456",
                "row=1|1.500|2024-03-01T13:45:30.123456Z|row-1-\\u00fc|[1, 10, null]|2024-03-01"
                    + " 13:45:30.123456",
                "row=2|4.000|2024-03-02T13:45:30.123456Z|row-2-\\u00fc|[2, 20, null]|2024-03-02"
                    + " 13:45:30.123456",
                "translatedRow=ABC|2",
                "translated=true",
                "viewColumns=x:"
                    + Types.INTEGER
                    + ":INT,y:"
                    + Types.VARCHAR
                    + ":STRING,z:"
                    + Types.DECIMAL
                    + ":DECIMAL",
                "prepared=42|ABC|2.50",
                "done=true"));
    List<String> driverLines =
        result.stdout().stream().dropWhile(line -> !line.startsWith("drivers=")).toList();
    assertThat(driverLines).containsExactlyElementsOf(expected);
  }

  /**
   * Standard error holds nothing but, optionally, {@code allowed} lines: no SLF4J warning, no
   * warning about native libraries, and none of the INFO greetings of the driver's private Arrow
   * (its allocator choice, its debug mode), which the driver quiets.
   */
  static void assertQuietStderr(String stderr, List<String> allowed) {
    List<String> unexpected =
        stderr.lines().filter(line -> !line.isBlank() && !allowed.contains(line)).toList();
    assertThat(unexpected)
        .as("unexpected standard error of the child; all of it:%n%s", stderr)
        .isEmpty();
  }
}
