package dev.sparkjdbc.tck.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkjdbc.tck.harness.BuildPaths;
import dev.sparkjdbc.tck.harness.ChildJvm;
import dev.sparkjdbc.tck.harness.child.LoggingLeakClient;
import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * No secret reaches any log, whatever logging an application sets up around the driver. A child JVM
 * ({@link LoggingLeakClient}) connects with the token and over TLS with a trust store password,
 * runs good, failing and prepared statements, and is refused for a wrong token and a wrong trust
 * store password, under three setups an application really has:
 *
 * <ul>
 *   <li>the standalone jar alone, java.util.logging at ALL for the root and every logger, printed
 *       to standard error;
 *   <li>the standalone jar with slf4j-simple (and its slf4j-api) beside it at TRACE, and
 *       java.util.logging as above;
 *   <li>the thin jar and its dependencies (gRPC's Netty logging through the application's SLF4J),
 *       slf4j-simple at TRACE in place of the driver's JUL binding, java.util.logging as above.
 * </ul>
 *
 * Everything the child writes (both logging systems print to standard error, and the child prints
 * every JDBC object's toString and every exception's stack trace to standard output) is searched
 * for the secrets. Each run must also show that the capture worked: gRPC's HTTP/2 frame log, which
 * carries the authorization header, at that logger's place in that setup, and records at the finest
 * level.
 */
@ExtendWith(SecuredServerExtension.class)
class NoSecretInAnyLoggingSetupTest {
  private static final Duration TIMEOUT = Duration.ofMinutes(3);

  /** gRPC's frame logger: relocated once by gRPC (thin jar), twice in the standalone jar. */
  private static final String FRAME_LOGGER =
      "io.grpc.netty.shaded.io.grpc.netty.NettyClientHandler";

  private static final String RELOCATED = "dev.sparkjdbc.shaded.";

  private static final String APPLICATION_TRACE_LINE =
      "TRACE application - the application's SLF4J provider logs at TRACE";

  @Test
  void standaloneJarWithJulAtFinest(SecuredServer server) throws Exception {
    Output out = runChild(server, standaloneClasspath(List.of()), List.of(), false);
    assertFrameLogSeen(out, line -> line.contains(" " + RELOCATED + FRAME_LOGGER + " "));
  }

  @Test
  void standaloneJarBesideSlf4jSimpleAtTrace(SecuredServer server) throws Exception {
    Output out = runChild(server, standaloneClasspath(slf4jSimpleJars()), slf4jAtTrace(), true);
    assertThat(out.stderr.lines())
        .as("slf4j-simple at TRACE")
        .anyMatch(l -> l.endsWith(APPLICATION_TRACE_LINE));
    // The driver's relocated SLF4J keeps its own JUL binding: the frames went to JUL.
    assertFrameLogSeen(out, line -> line.contains(" " + RELOCATED + FRAME_LOGGER + " "));
  }

  @Test
  void thinJarWithTheApplicationsSlf4jSimpleAtTrace(SecuredServer server) throws Exception {
    List<String> classpath = new ArrayList<>();
    classpath.add(thinJar().toString());
    for (String entry : dependencies()) {
      // The application's own provider replaces the driver's optional JUL binding.
      if (!Path.of(entry).getFileName().toString().startsWith("slf4j-")) {
        classpath.add(entry);
      }
    }
    classpath.addAll(slf4jSimpleJars());
    classpath.add(ChildJvm.classesOnly(LoggingLeakClient.class).toString());
    Output out = runChild(server, classpath, slf4jAtTrace(), true);
    assertThat(out.stderr.lines())
        .as("slf4j-simple at TRACE")
        .anyMatch(l -> l.endsWith(APPLICATION_TRACE_LINE));
    // slf4j-simple's line: "[thread] DEBUG <logger> - <message>".
    assertFrameLogSeen(out, line -> line.contains(" DEBUG " + FRAME_LOGGER + " - "));
  }

  /** What the child wrote, and the secrets it was given. */
  private record Output(List<String> stdout, String stderr, Set<String> secrets) {}

  private Output runChild(
      SecuredServer server, List<String> classpath, List<String> extraOptions, boolean slf4j)
      throws IOException, InterruptedException {
    TlsProxy tls = server.tls();
    TestCertificates certs = tls.certificates;
    String token = server.token();
    String wrongToken = "wrong-token-" + token.substring(4, 20);
    String wrongStorePassword = "not-" + certs.trustStorePassword;
    Set<String> secrets = new LinkedHashSet<>();
    secrets.add(token);
    secrets.add(wrongToken);
    secrets.add(certs.trustStorePassword);
    secrets.add(wrongStorePassword);

    Properties cases = new Properties();
    List<String> names = new ArrayList<>();
    addCase(cases, names, "token", server.url(), true, "token", token);
    addCase(cases, names, "password", server.url(), true, "user", "token", "password", token);
    addCase(cases, names, "wrongToken", server.url() + "/;token=" + wrongToken, false);
    String tlsUrl = TlsProxy.url("localhost", tls.port, "");
    String store = certs.trustStoreP12.toString();
    addCase(
        cases,
        names,
        "tls",
        tlsUrl,
        true,
        "ssl_trust_store",
        store,
        "ssl_trust_store_password",
        certs.trustStorePassword,
        "token",
        token);
    addCase(
        cases,
        names,
        "tlsWrongToken",
        TlsProxy.url("localhost", tls.port, "ssl_ca_file=" + certs.caPem),
        false,
        "token",
        wrongToken);
    addCase(
        cases,
        names,
        "tlsWrongStorePassword",
        tlsUrl,
        false,
        "ssl_trust_store",
        store,
        "ssl_trust_store_password",
        wrongStorePassword,
        "token",
        token);
    cases.setProperty("cases", String.join(",", names));
    Path caseFile = Files.createTempFile(SecuredServer.workDir(), "logging-cases-", ".properties");
    Path julConfig = Files.createTempFile(SecuredServer.workDir(), "logging-jul-", ".properties");
    try {
      try (Writer w = Files.newBufferedWriter(caseFile, StandardCharsets.UTF_8)) {
        cases.store(w, null);
      }
      // Root (and so every logger without its own level) at ALL, printed one record per line
      // (level, logger, message, stack trace) to standard error.
      Files.writeString(
          julConfig,
          String.join(
              "\n",
              "handlers=java.util.logging.ConsoleHandler",
              ".level=ALL",
              "java.util.logging.ConsoleHandler.level=ALL",
              "java.util.logging.ConsoleHandler.formatter=java.util.logging.SimpleFormatter",
              "java.util.logging.SimpleFormatter.format=JUL %4$s %3$s %5$s%6$s%n"));
      List<String> options = new ArrayList<>();
      options.add("-Djava.util.logging.config.file=" + julConfig);
      options.addAll(extraOptions);
      List<String> args = new ArrayList<>(List.of(caseFile.toString()));
      if (slf4j) {
        args.add("slf4j");
      }
      ChildJvm.Result result =
          ChildJvm.run(classpath, options, LoggingLeakClient.class, args, TIMEOUT);
      Output out = new Output(result.stdout(), result.stderr(), secrets);
      assertChildRanEveryCase(result, names);
      assertLoggingNeverFailed(result.stderr());
      assertNoSecret(out);
      return out;
    } finally {
      Files.deleteIfExists(caseFile);
      Files.deleteIfExists(julConfig);
    }
  }

  private static void addCase(
      Properties cases, List<String> names, String name, String url, boolean works, String... kv) {
    names.add(name);
    cases.setProperty(name + ".url", url);
    cases.setProperty(name + ".works", String.valueOf(works));
    for (int i = 0; i < kv.length; i += 2) {
      cases.setProperty(name + ".prop." + kv[i], kv[i + 1]);
    }
  }

  /**
   * The child did what it was asked, so the logs cover real work: every good connection answered
   * its queries (the translated query's row for the last id of range(3), 2: 2 * 2 + 1 = 5 and "2"),
   * its failing queries failed with Spark's SQLSTATEs, every refused connection was refused (28000
   * for a wrong token, 08 for a trust store it cannot open) and nothing threw anything but
   * SQLException.
   */
  private static void assertChildRanEveryCase(ChildJvm.Result result, List<String> names) {
    String all = String.join("\n", result.stdout());
    assertThat(result.exitCode())
        .as("exit code; stdout:%n%s%nstderr:%n%s", all, tail(result))
        .isZero();
    assertThat(result.stdout()).as("stdout").contains("done=true");
    assertThat(result.stdout())
        .as("stdout")
        .noneMatch(l -> l.startsWith("caseThrew=") || l.startsWith("caseFailed="))
        .noneMatch(
            l -> l.startsWith("connectedUnexpectedly=") || l.startsWith("badQueryAnswered="));
    for (String name : List.of("token", "password", "tls")) {
      assertThat(result.stdout()).as("stdout").contains("caseDone=" + name);
    }
    assertThat(result.stdout().stream().filter(l -> l.equals("answer=5|2"))).hasSize(3);
    assertThat(result.stdout().stream().filter(l -> l.equals("preparedAnswer=42"))).hasSize(3);
    assertThat(result.stdout().stream().filter(l -> l.equals("badQuery=42P01"))).hasSize(3);
    assertThat(result.stdout().stream().filter(l -> l.equals("badQuery=42601"))).hasSize(3);
    assertThat(result.stdout())
        .contains("caseRefused=wrongToken 28000", "caseRefused=tlsWrongToken 28000");
    assertThat(result.stdout()).anyMatch(l -> l.startsWith("caseRefused=tlsWrongStorePassword 08"));
    assertThat(names).hasSize(6);
  }

  /**
   * Logging never failed: no toString of a logged object threw (SLF4J reports that as "Failed
   * toString()" and logs "[FAILED toString()]"), and no class was missing or mismatched (a class
   * the standalone jar left out, a library of the wrong flavour).
   */
  private static void assertLoggingNeverFailed(String stderr) {
    assertThat(stderr.lines())
        .as("standard error")
        .noneMatch(
            l ->
                l.contains("FAILED toString()")
                    || l.contains("Failed toString()")
                    || l.contains("NoClassDefFoundError")
                    || l.contains("IncompatibleClassChangeError"));
  }

  private static String tail(ChildJvm.Result result) {
    String err = result.stderr();
    return err.length() > 20_000 ? "…" + err.substring(err.length() - 20_000) : err;
  }

  /** No secret in any line of standard output or standard error. */
  private static void assertNoSecret(Output out) {
    List<String> lines = new ArrayList<>(out.stdout);
    lines.addAll(out.stderr.lines().toList());
    assertThat(lines).as("lines the child wrote").hasSizeGreaterThan(100);
    for (String secret : out.secrets) {
      for (String line : lines) {
        if (line.contains(secret)) {
          throw new AssertionError("a secret leaked into: " + line.replace(secret, "<SECRET>"));
        }
      }
    }
  }

  /**
   * The capture saw gRPC's frame log with the authorization header (so a token in it could not have
   * hidden), and java.util.logging records at the finest level.
   */
  private static void assertFrameLogSeen(Output out, Predicate<String> frameLine) {
    List<String> frames = out.stderr.lines().filter(frameLine).toList();
    assertThat(frames).as("frame log lines").isNotEmpty();
    assertThat(frames)
        .as("frame log lines with the authorization header")
        .anyMatch(
            l ->
                l.contains("OUTBOUND HEADERS")
                    && l.toLowerCase(Locale.ROOT).contains("authorization:"));
    assertThat(out.stderr.lines())
        .as("JUL records at FINEST")
        .anyMatch(l -> l.startsWith("JUL FINEST "));
  }

  private static List<String> standaloneClasspath(List<String> besides) throws IOException {
    List<String> classpath = new ArrayList<>(besides);
    classpath.add(standaloneJar().toString());
    classpath.add(ChildJvm.classesOnly(LoggingLeakClient.class).toString());
    return classpath;
  }

  private static Path standaloneJar() {
    Path jar = Path.of(BuildPaths.property("sparkjdbc.driver.standaloneJar"));
    assertThat(jar).as("the standalone jar (jdbc-driver's package phase)").isRegularFile();
    return jar;
  }

  /** The thin jar, made beside the standalone one. */
  private static Path thinJar() {
    Path standalone = standaloneJar();
    Path jar =
        standalone.resolveSibling(
            standalone.getFileName().toString().replace("-standalone.jar", ".jar"));
    assertThat(jar).as("the thin driver jar").isRegularFile();
    return jar;
  }

  /** The thin driver's runtime dependencies (whatever the profile of this run). */
  private static List<String> dependencies() throws IOException {
    Path file = Path.of(BuildPaths.property("sparkjdbc.driver.dependenciesFile"));
    List<String> entries =
        Arrays.stream(Files.readString(file).strip().split(File.pathSeparator))
            .filter(e -> !e.isEmpty())
            .toList();
    assertThat(entries)
        .as("thin driver dependencies")
        .anyMatch(e -> e.contains("grpc-netty-shaded"));
    return entries;
  }

  /** slf4j-api and slf4j-simple, copied by the build. */
  private static List<String> slf4jSimpleJars() throws IOException {
    Path dir = Path.of(BuildPaths.property("sparkjdbc.slf4jSimple.dir"));
    try (Stream<Path> files = Files.list(dir)) {
      List<String> jars =
          files.filter(f -> f.toString().endsWith(".jar")).map(Path::toString).sorted().toList();
      assertThat(jars).as("jars in %s", dir).hasSize(2);
      return jars;
    }
  }

  private static List<String> slf4jAtTrace() {
    return List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=trace");
  }
}
