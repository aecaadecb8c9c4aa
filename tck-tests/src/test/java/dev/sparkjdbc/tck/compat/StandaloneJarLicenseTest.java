package dev.sparkjdbc.tck.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkjdbc.tck.harness.BuildPaths;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The standalone jar names every project it bundles and its licence: META-INF/THIRD-PARTY.txt lists
 * exactly the driver's dependencies that have classes in the jar (checked against the jars the
 * driver is built from, so a new or cut dependency fails here until the list follows), and
 * META-INF/LICENSE holds the text of each licence named there.
 */
class StandaloneJarLicenseTest {
  /** The line of the project whose protocol files our generated classes come from. */
  private static final String SPARK = "org.apache.spark:spark-connect_2.13";

  @Test
  void thirdPartyListNamesExactlyTheBundledArtifacts() throws IOException {
    try (JarFile jar = new JarFile(StandaloneJar.path().toFile())) {
      Map<String, String> listed = thirdPartyList(jar);
      Set<String> entries = jar.stream().map(JarEntry::getName).collect(Collectors.toSet());

      TreeSet<String> bundledButUnlisted = new TreeSet<>();
      TreeSet<String> listedAndBundled = new TreeSet<>();
      for (Path dependency : dependencyJars()) {
        String coordinates = coordinates(dependency, listed.keySet());
        if (coordinates == null && isOurs(dependency)) {
          continue;
        }
        if (bundlesClassesOf(dependency, entries)) {
          if (coordinates == null) {
            bundledButUnlisted.add(dependency.getFileName().toString());
          } else {
            listedAndBundled.add(coordinates);
          }
        }
      }
      TreeSet<String> listedButAbsent = new TreeSet<>(listed.keySet());
      listedButAbsent.removeAll(listedAndBundled);
      listedButAbsent.remove(SPARK);

      assertThat(bundledButUnlisted)
          .as("jars with classes in the standalone jar but no line in META-INF/THIRD-PARTY.txt")
          .isEmpty();
      assertThat(listedButAbsent)
          .as("lines of META-INF/THIRD-PARTY.txt whose artifact has no class in the jar")
          .isEmpty();
      assertThat(entries).anyMatch(e -> e.startsWith("dev/sparkjdbc/proto/"));
      assertThat(listed).containsEntry(SPARK, "Apache-2.0");
    }
  }

  @Test
  void licenceFileHoldsEveryLicenceNamedAndNoticeIsMerged() throws IOException {
    try (JarFile jar = new JarFile(StandaloneJar.path().toFile())) {
      Map<String, String> listed = thirdPartyList(jar);
      String license = text(jar, "META-INF/LICENSE");
      String notice = text(jar, "META-INF/NOTICE");

      assertThat(Set.copyOf(listed.values()))
          .as("licences named in THIRD-PARTY.txt")
          .isSubsetOf("Apache-2.0", "MIT", "BSD-3-Clause");
      assertThat(license)
          .contains("Apache License", "Version 2.0, January 2004", "TERMS AND CONDITIONS")
          .contains("META-INF/THIRD-PARTY.txt");
      // Every MIT or BSD project has its own section, with its copyright line.
      listed.forEach(
          (artifact, licence) -> {
            if (!licence.equals("Apache-2.0")) {
              assertThat(license)
                  .as("section of %s (%s) in META-INF/LICENSE", artifact, licence)
                  .containsPattern("(?m)^" + licence.replace("-", "[- ]") + ".*" + artifact);
            }
          });
      // One LICENSE, no library's copy of its own left beside it.
      assertThat(jar.getEntry("META-INF/LICENSE.txt")).isNull();
      assertThat(notice)
          .contains("Apache Spark", "Apache Calcite", "Arrow Vectors", "The Netty Project")
          .doesNotContain("Version 2.0, in this case for");
    }
  }

  /** groupId:artifactId to licence, from the jar's list. */
  private static Map<String, String> thirdPartyList(JarFile jar) throws IOException {
    Map<String, String> listed = new TreeMap<>();
    for (String line : text(jar, "META-INF/THIRD-PARTY.txt").lines().toList()) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split("\\|");
      assertThat(fields).as("fields of %s", line).hasSize(3);
      assertThat(listed.put(fields[0].strip(), fields[2].strip())).as("twice: %s", line).isNull();
    }
    return listed;
  }

  private static String text(JarFile jar, String name) throws IOException {
    JarEntry entry = jar.getJarEntry(name);
    assertThat(entry).as(name).isNotNull();
    try (InputStream in = jar.getInputStream(entry)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The driver's runtime dependencies (jars of the local repository, or our modules). */
  private static List<Path> dependencyJars() throws IOException {
    Path file = Path.of(BuildPaths.property("sparkjdbc.driver.dependenciesFile"));
    List<Path> jars = new ArrayList<>();
    for (String entry : Files.readString(file).strip().split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        jars.add(Path.of(entry));
      }
    }
    assertThat(jars).as("entries of %s", file).isNotEmpty();
    return jars;
  }

  /** The listed coordinates whose local-repository path this jar has, or null. */
  private static String coordinates(Path jar, Set<String> listed) {
    String path = jar.toString().replace(File.separatorChar, '/');
    for (String coordinates : listed) {
      String[] ga = coordinates.split(":");
      if (path.contains("/" + ga[0].replace('.', '/') + "/" + ga[1] + "/")) {
        return coordinates;
      }
    }
    return null;
  }

  /** Our own modules (the reactor's target directories or their installed jars). */
  private static boolean isOurs(Path jar) {
    String path = jar.toString().replace(File.separatorChar, '/');
    return path.contains("/dev/sparkjdbc/") || !path.contains("/repository/");
  }

  /** Whether a class of {@code dependency} is in the jar, relocated or (ours) by its name. */
  private static boolean bundlesClassesOf(Path dependency, Set<String> entries) throws IOException {
    if (!Files.isRegularFile(dependency)) {
      return false;
    }
    try (JarFile file = new JarFile(dependency.toFile())) {
      return file.stream()
          .map(JarEntry::getName)
          .filter(n -> n.endsWith(".class") && !n.startsWith("META-INF/"))
          .anyMatch(n -> entries.contains("dev/sparkjdbc/shaded/" + n) || entries.contains(n));
    }
  }
}
