package dev.sparkjdbc.tck.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkjdbc.tck.harness.ChildJvm;
import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import dev.sparkjdbc.tck.harness.child.FrameLogProbe;
import dev.sparkjdbc.tck.harness.child.StandaloneClient;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The single standalone driver jar: with nothing else on a plain {@code java -cp} (no JVM flags) it
 * finds its driver through ServiceLoader and runs queries, metadata and prepared statements against
 * the real server; inside, every third-party class is relocated under {@code dev.sparkjdbc.shaded},
 * service files follow the relocation, and no Spark is bundled.
 */
@ExtendWith(SparkConnectServerExtension.class)
class StandaloneJarTest {
  private static final String SHADED = "dev.sparkjdbc.shaded.";

  @Test
  void onlyTheJarOnAPlainClasspathRunsQueriesMetadataAndPreparedStatements(
      SparkConnectServer server) throws Exception {
    Path classes = ChildJvm.classesOnly(StandaloneClient.class);
    ChildJvm.Result result =
        StandaloneJar.run(
            List.of(StandaloneJar.path().toString(), classes.toString()),
            StandaloneClient.class,
            server.url());

    StandaloneJar.assertStandaloneClientOutput(result);
    StandaloneJar.assertQuietStderr(result.stderr(), List.of());
  }

  @Test
  void everyClassIsOursOrRelocatedAndNoSparkIsBundled() throws IOException {
    Path jar = StandaloneJar.path();
    long bytes = Files.size(jar);
    List<String> outside = new ArrayList<>();
    TreeSet<String> unrelocatedPackages = new TreeSet<>();
    TreeSet<String> shadedRoots = new TreeSet<>();
    int classes = 0;
    try (JarFile file = new JarFile(jar.toFile())) {
      for (JarEntry entry : file.stream().toList()) {
        String name = entry.getName();
        if (entry.isDirectory()) {
          if (!"dev/".equals(name)
              && !name.startsWith("dev/sparkjdbc/")
              && !name.startsWith("META-INF/")) {
            outside.add(name);
          }
          continue;
        }
        boolean isClass = name.endsWith(".class");
        classes += isClass ? 1 : 0;
        if (name.startsWith("META-INF/")) {
          if (isClass && !name.endsWith("module-info.class")) {
            outside.add(name);
          }
        } else if (!name.startsWith("dev/sparkjdbc/")) {
          outside.add(name);
        } else if (name.startsWith("dev/sparkjdbc/shaded/")) {
          String[] parts = name.split("/");
          shadedRoots.add(parts.length > 5 ? parts[3] + "." + parts[4] : parts[3]);
        } else if (isClass) {
          unrelocatedPackages.add(name.substring(0, name.lastIndexOf('/')).replace('/', '.'));
        }
      }
      System.out.printf(
          "standalone driver jar %s: %,d bytes (%.1f MiB), %,d classes;" + " relocated roots %s%n",
          jar.getFileName(), bytes, bytes / 1048576.0, classes, shadedRoots);

      assertThat(outside).as("entries neither under dev/sparkjdbc/ nor META-INF/").isEmpty();
      assertThat(unrelocatedPackages)
          .as("packages kept by name: only this project's")
          .allMatch(
              p ->
                  p.equals("dev.sparkjdbc.jdbc")
                      || p.startsWith("dev.sparkjdbc.jdbc.")
                      || p.equals("dev.sparkjdbc.types")
                      || p.equals("dev.sparkjdbc.plan")
                      || p.startsWith("dev.sparkjdbc.plan.")
                      || p.equals("dev.sparkjdbc.proto")
                      || p.startsWith("dev.sparkjdbc.proto."));
      assertThat(file.getEntry("dev/sparkjdbc/jdbc/SparkConnectDriver.class")).isNotNull();
      // The libraries the driver is made of, each found relocated.
      assertThat(shadedRoots)
          .contains("io.grpc", "com.google", "org.apache", "org.slf4j", "io.perfmark");
      assertThat(
              file.getEntry("dev/sparkjdbc/shaded/org/apache/arrow/vector/VectorSchemaRoot.class"))
          .isNotNull();
      assertThat(file.getEntry("dev/sparkjdbc/shaded/org/apache/calcite/sql/SqlNode.class"))
          .isNotNull();
      assertThat(file.getEntry("dev/sparkjdbc/shaded/com/google/protobuf/Message.class"))
          .isNotNull();
      assertThat(
              file.getEntry(
                  "dev/sparkjdbc/shaded/io/grpc/netty/shaded/io/netty/channel/Channel.class"))
          .isNotNull();
      // Calcite finds its messages by its (relocated) class name.
      assertThat(
              file.getEntry(
                  "dev/sparkjdbc/shaded/org/apache/calcite/runtime/CalciteResource.properties"))
          .isNotNull();

      List<String> names = file.stream().map(JarEntry::getName).toList();
      assertThat(names)
          .as("Spark or Scala classes")
          .noneMatch(
              n ->
                  n.contains("org/apache/spark/")
                      || n.contains("/scala/")
                      || n.startsWith("scala/"));
      assertThat(names)
          .as("native libraries (NIO transport and JDK TLS need none)")
          .noneMatch(n -> n.startsWith("META-INF/native/"));
      assertThat(names)
          .as("signature files of the original jars")
          .noneMatch(n -> n.matches("META-INF/[^/]+\\.(SF|DSA|RSA|EC)"));
    }
  }

  @Test
  void serviceFilesAreRelocatedAndNameClassesOfTheJar() throws IOException {
    try (JarFile file = new JarFile(StandaloneJar.path().toFile())) {
      Map<String, List<String>> services = new TreeMap<>();
      for (JarEntry entry : file.stream().toList()) {
        String name = entry.getName();
        if (name.startsWith("META-INF/services/") && !entry.isDirectory()) {
          try (InputStream in = file.getInputStream(entry)) {
            services.put(
                name.substring("META-INF/services/".length()),
                new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(line -> line.replaceAll("#.*", "").strip())
                    .filter(line -> !line.isEmpty())
                    .toList());
          }
        }
      }
      assertThat(services)
          .containsEntry("java.sql.Driver", List.of("dev.sparkjdbc.jdbc.SparkConnectDriver"));
      assertThat(services.get(SHADED + "io.grpc.ManagedChannelProvider"))
          .contains(SHADED + "io.grpc.netty.shaded.io.grpc.netty.NettyChannelProvider");
      assertThat(services.get(SHADED + "io.grpc.NameResolverProvider"))
          .contains(SHADED + "io.grpc.internal.DnsNameResolverProvider");
      assertThat(services.get(SHADED + "io.grpc.LoadBalancerProvider"))
          .contains(SHADED + "io.grpc.internal.PickFirstLoadBalancerProvider");
      assertThat(services.get(SHADED + "org.slf4j.spi.SLF4JServiceProvider"))
          .containsExactly(SHADED + "org.slf4j.jul.JULServiceProvider");

      services.forEach(
          (service, providers) -> {
            if (!service.equals("java.sql.Driver")) {
              assertThat(service).as("service file name").startsWith(SHADED);
              assertThat(file.getEntry(classFile(service)))
                  .as("service type %s in the jar", service)
                  .isNotNull();
            }
            assertThat(providers).as("providers of %s", service).isNotEmpty();
            for (String provider : providers) {
              assertThat(file.getEntry(classFile(provider)))
                  .as("provider %s of %s in the jar", provider, service)
                  .isNotNull();
            }
          });
    }
  }

  @Test
  void manifestKeepsTheImplementationVersion() throws IOException {
    try (JarFile file = new JarFile(StandaloneJar.path().toFile())) {
      Manifest manifest = file.getManifest();
      assertThat(manifest.getMainAttributes().getValue("Implementation-Version"))
          .isEqualTo(StandaloneJar.version());
    }
  }

  /**
   * Shade rewrites string constants that name relocated classes or resources, so lookups by name
   * find the relocated copies: Arrow's allocation-manager factories, SLF4J's check for old
   * bindings. (The queries above show those lookups working; this shows why.)
   */
  @Test
  void classNamesInStringConstantsAreRelocated() throws IOException {
    try (JarFile file = new JarFile(StandaloneJar.path().toFile())) {
      String option = constants(file, "org/apache/arrow/memory/DefaultAllocationManagerOption");
      assertThat(option)
          .contains(SHADED + "org.apache.arrow.memory.unsafe.UnsafeAllocationManager");
      assertOnlyRelocated(option, "org.apache.arrow");
      String check = constants(file, "org/apache/arrow/memory/CheckAllocator");
      assertThat(check)
          .contains(
              "dev/sparkjdbc/shaded/org/apache/arrow/memory/unsafe/DefaultAllocationManagerFactory.class");
      assertOnlyRelocated(check, "org.apache.arrow");
      assertOnlyRelocated(check, "org/apache/arrow");
      String slf4j = constants(file, "org/slf4j/LoggerFactory");
      assertThat(slf4j).contains("dev/sparkjdbc/shaded/org/slf4j/impl/StaticLoggerBinder.class");
      assertOnlyRelocated(slf4j, "org/slf4j/");
    }
  }

  /**
   * Every relocated name that shade wrote into a class file (references, and string constants it
   * took for class names) continues with a package of the jar or of a library it is made of (the
   * jar leaves out classes of them that the driver never reaches, and names of those stay in the
   * ones kept). A relocation pattern without its trailing dot would also rewrite ordinary strings
   * that merely start like a package ("io exception" became "dev.sparkjdbc.shaded.io exception" in
   * gRPC's status messages).
   */
  @Test
  void relocatedNamesInClassFilesNamePackagesOfTheJar() throws IOException {
    Pattern relocated =
        Pattern.compile(
            "dev[./]sparkjdbc[./]shaded[./]([A-Za-z0-9_$]+)([^A-Za-z0-9_$]?)([A-Za-z0-9_$]*)");
    TreeSet<String> roots = new TreeSet<>();
    TreeMap<String, String> wrong = new TreeMap<>();
    try (JarFile file = new JarFile(StandaloneJar.path().toFile())) {
      List<JarEntry> entries = file.stream().toList();
      for (JarEntry entry : entries) {
        String[] parts = entry.getName().split("/");
        if (entry.getName().startsWith("dev/sparkjdbc/shaded/") && parts.length > 5) {
          roots.add(parts[3] + "." + parts[4]);
        }
      }
      roots.addAll(StandaloneJar.dependencyPackageRoots());
      for (JarEntry entry : entries) {
        if (!entry.getName().endsWith(".class")) {
          continue;
        }
        String text;
        try (InputStream in = file.getInputStream(entry)) {
          text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        Matcher m = relocated.matcher(text);
        while (m.find()) {
          String separator = m.group(2);
          boolean ok =
              (separator.equals(".") || separator.equals("/"))
                  && roots.contains(m.group(1) + "." + m.group(3));
          if (!ok) {
            wrong.putIfAbsent(m.group(), entry.getName());
          }
        }
      }
    }
    assertThat(roots).isNotEmpty();
    assertThat(wrong)
        .as("relocated names that are no package of the jar (name -> class file)")
        .isEmpty();
  }

  /**
   * The TLS log redaction filter attaches to gRPC's HTTP/2 frame logger by name. Relocated, that
   * logger is {@code dev.sparkjdbc.shaded.io.grpc.netty.shaded.io.grpc.netty.NettyClientHandler}:
   * turned on at FINE in a child using only the jar, it logs frames (the authorization header among
   * them) through the bundled SLF4J-to-JUL provider, the filter sits on it and the token never
   * shows.
   */
  @Test
  void tokenRedactionAttachesToTheRelocatedFrameLogger(SparkConnectServer server) throws Exception {
    String frameLogger =
        SHADED + NettyChannelBuilder.class.getPackageName() + ".NettyClientHandler";
    String token = "standalone-secret-" + Long.toHexString(System.nanoTime());
    Path classes = ChildJvm.classesOnly(FrameLogProbe.class);
    ChildJvm.Result result =
        StandaloneJar.run(
            List.of(StandaloneJar.path().toString(), classes.toString()),
            FrameLogProbe.class,
            server.url(),
            token,
            frameLogger);

    assertThat(result.exitCode()).as("exit code; stderr:%n%s", result.stderr()).isZero();
    assertThat(result.value("answer")).isEqualTo("42");
    assertThat(result.value("frameLoggerFilter"))
        .isEqualTo("dev.sparkjdbc.jdbc.client.TransportSecurity$FrameLogRedaction");
    assertThat(Integer.parseInt(result.value("frameRecords"))).isPositive();
    assertThat(result.value("authorizationHeaderLogged")).isEqualTo("true");
    assertThat(result.value("authorizationHidden")).isEqualTo("true");
    assertThat(result.value("tokenInAnyRecord")).isEqualTo("false");
    assertThat(String.join("\n", result.stdout()) + result.stderr()).doesNotContain(token);
  }

  /** Every occurrence of {@code name} in {@code text} is preceded by the relocation prefix. */
  private static void assertOnlyRelocated(String text, String name) {
    String prefix = name.contains("/") ? "dev/sparkjdbc/shaded/" : SHADED;
    assertThat(text.split(Pattern.quote(prefix + name), -1).length)
        .as("occurrences of %s that are relocated", name)
        .isEqualTo(text.split(Pattern.quote(name), -1).length);
  }

  private static String classFile(String className) {
    return className.replace('.', '/') + ".class";
  }

  /** The class file's bytes as text (its constant pool's strings are readable in it). */
  private static String constants(JarFile file, String unrelocatedClass) throws IOException {
    JarEntry entry = file.getJarEntry("dev/sparkjdbc/shaded/" + unrelocatedClass + ".class");
    assertThat(entry).as(unrelocatedClass).isNotNull();
    try (InputStream in = file.getInputStream(entry)) {
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }
}
