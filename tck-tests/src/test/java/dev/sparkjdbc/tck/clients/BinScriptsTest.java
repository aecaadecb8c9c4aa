package dev.sparkjdbc.tck.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.sparkjdbc.tck.harness.BinScript;
import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bin/ scripts as a first-time user meets them: --help before any build, a build when a source
 * changed (and none otherwise), and bin/sql refusing a port where something other than Spark
 * Connect listens. Maven is a stand-in that records calls ({@link BinScript}).
 */
@ExtendWith(SparkConnectServerExtension.class)
class BinScriptsTest {
  private static final Duration TIMEOUT = Duration.ofMinutes(2);
  private static final Path ROOT = BinScript.repositoryRoot();

  /**
   * A checkout without any build: the scripts, the poms and the server's usage text, in a directory
   * of its own.
   */
  private static Path freshCheckout(Path dir) throws IOException {
    Path checkout = Files.createDirectories(dir.resolve("checkout"));
    copy(ROOT.resolve("pom.xml"), checkout.resolve("pom.xml"));
    try (Stream<Path> files = Files.list(ROOT.resolve("bin"))) {
      for (Path file : files.toList()) {
        Path target = checkout.resolve("bin").resolve(file.getFileName().toString());
        copy(file, target);
        target.toFile().setExecutable(file.toFile().canExecute());
      }
    }
    try (Stream<Path> modules = Files.list(ROOT)) {
      for (Path module : modules.filter(m -> Files.isRegularFile(m.resolve("pom.xml"))).toList()) {
        copy(module.resolve("pom.xml"), checkout.resolve(module.getFileName()).resolve("pom.xml"));
      }
    }
    String usage = "server/src/main/resources/dev/sparkjdbc/server/usage.txt";
    copy(ROOT.resolve(usage), checkout.resolve(usage));
    return checkout;
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    Files.copy(from, to);
  }

  @ParameterizedTest
  @ValueSource(strings = {"server", "sql", "bench"})
  void helpNeverBuilds(String script, @TempDir Path dir) throws Exception {
    Path checkout = freshCheckout(dir);
    BinScript.Result result =
        new BinScript(checkout, dir).run(script, List.of("--help"), null, TIMEOUT);

    assertThat(result.exitCode()).as("%s", result).isZero();
    assertThat(result.mavenCalls()).as("%s", result).isEmpty();
    assertThat(result.stdout()).startsWith("Usage: bin/" + script);
    assertThat(checkout.resolve("target")).doesNotExist();
  }

  @Test
  void serverHelpListsItsOptions(@TempDir Path dir) throws Exception {
    BinScript.Result result =
        new BinScript(freshCheckout(dir), dir).run("server", List.of("-h"), null, TIMEOUT);
    assertThat(result.mavenCalls()).isEmpty();
    assertThat(result.stdout()).contains("--port N", "--token SECRET", "--conf key=value");
  }

  @Test
  void aCheckoutWithoutABuildBuildsTheShellAndTheServerOnly(@TempDir Path dir) throws Exception {
    BinScript.Result result =
        new BinScript(freshCheckout(dir), dir).run("server", List.of(), null, TIMEOUT);

    assertThat(result.exitCode()).as("%s", result).isNotZero(); // the stand-in fails
    assertThat(result.mavenCalls()).as("%s", result).hasSize(1);
    assertThat(result.mavenCalls().get(0)).contains("-pl shell,server -am", "package");
    assertThat(result.stderr()).contains("bin/server: building the project (not built yet)");
    assertThat(result.stderr()).contains("bin/server: the build failed");
  }

  /**
   * A checkout whose classpath files are this build's (so complete), written after every source:
   * current. Then one source of the driver changes, and the next run builds; a test source or the
   * test module's pom does not count.
   */
  @Test
  void aChangedSourceMakesTheNextRunBuild(@TempDir Path dir) throws Exception {
    Path checkout = freshCheckout(dir);
    Instant sources = Instant.now().minusSeconds(3600);
    try (Stream<Path> all = Files.walk(checkout)) {
      for (Path file : all.filter(Files::isRegularFile).toList()) {
        Files.setLastModifiedTime(file, FileTime.from(sources));
      }
    }
    for (String module : List.of("shell", "server")) {
      Path classpath = checkout.resolve(module).resolve("target/runtime.classpath");
      copy(ROOT.resolve(module).resolve("target/runtime.classpath"), classpath);
      Files.setLastModifiedTime(classpath, FileTime.from(sources.plusSeconds(60)));
    }
    Files.createDirectories(checkout.resolve("jdbc-driver/target/classes"));
    BinScript bin = new BinScript(checkout, dir);

    BinScript.Result current = bin.run("sql", List.of("--sqlline-help"), null, TIMEOUT);
    assertThat(current.mavenCalls()).as("%s", current).isEmpty();
    assertThat(current.stdout() + current.stderr()).contains("-u <database url>");

    Path test = checkout.resolve("tck-tests/src/test/java/SomeTest.java");
    Files.createDirectories(test.getParent());
    Files.writeString(test, "class SomeTest {}");
    Files.setLastModifiedTime(checkout.resolve("tck-tests/pom.xml"), FileTime.from(Instant.now()));
    BinScript.Result testsChanged = bin.run("sql", List.of("--sqlline-help"), null, TIMEOUT);
    assertThat(testsChanged.mavenCalls()).as("%s", testsChanged).isEmpty();

    Path source = checkout.resolve("jdbc-driver/src/main/java/dev/sparkjdbc/jdbc/Changed.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, "class Changed {}");
    BinScript.Result changed = bin.run("sql", List.of("--sqlline-help"), null, TIMEOUT);
    assertThat(changed.mavenCalls()).as("%s", changed).hasSize(1);
    assertThat(changed.stderr())
        .contains(
            "building the project (jdbc-driver/src/main/java/dev/sparkjdbc/jdbc/Changed.java"
                + " changed since the last build)");

    // What the tests that run the real bin/sql rely on: SPARKJDBC_BUILD=never runs the old build.
    BinScript.Result never =
        bin.env("SPARKJDBC_BUILD", "never").run("sql", List.of("--sqlline-help"), null, TIMEOUT);
    assertThat(never.mavenCalls()).as("%s", never).isEmpty();
    assertThat(never.stdout() + never.stderr()).contains("-u <database url>");
    assertThat(never.stderr()).contains("but SPARKJDBC_BUILD=never: running the existing build");
  }

  @Test
  void sqlNamesTheHttpServerOnItsPort(@TempDir Path dir) throws Exception {
    HttpServer http =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext(
        "/",
        exchange -> {
          exchange.getResponseHeaders().add("Server", "not-spark/1.0");
          exchange.sendResponseHeaders(404, -1);
          exchange.close();
        });
    http.start();
    try {
      BinScript.Result result =
          new BinScript(ROOT, dir)
              .env("SPARKJDBC_BUILD", "never")
              .env("SPARKJDBC_PORT", Integer.toString(http.getAddress().getPort()))
              .run("sql", List.of("-e", "SELECT 1"), null, TIMEOUT);

      assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
      assertThat(result.mavenCalls()).isEmpty();
      assertThat(result.stderr())
          .contains("but it is not a Spark Connect server")
          .contains("an HTTP/1 server, answering \"HTTP/1.1 404 Not Found\"")
          .contains("Server: not-spark/1.0")
          .contains("SPARKJDBC_PORT=");
      assertThat(result.stdout()).doesNotContain("sqlline");
    } finally {
      http.stop(0);
    }
  }

  @Test
  void sqlNamesASilentListener(@TempDir Path dir) throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      // Accepts (the backlog does) and never answers.
      BinScript.Result result =
          new BinScript(ROOT, dir)
              .env("SPARKJDBC_BUILD", "never")
              .env("SPARKJDBC_PORT", Integer.toString(silent.getLocalPort()))
              .run("sql", List.of("-e", "SELECT 1"), null, TIMEOUT);

      assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
      assertThat(result.stderr())
          .contains("but it is not a Spark Connect server")
          .contains("answers nothing");
    }
  }

  @Test
  void sqlUsesASparkConnectServerOnItsPort(SparkConnectServer server, @TempDir Path dir)
      throws Exception {
    BinScript.Result result =
        new BinScript(ROOT, dir)
            .env("SPARKJDBC_BUILD", "never")
            .env("SPARKJDBC_PORT", Integer.toString(server.port()))
            .run(
                "sql",
                List.of("--outputformat=csv", "-e", "SELECT 6 * 7 AS answer"),
                null,
                TIMEOUT);

    assertThat(result.exitCode()).as("%s", result).isZero();
    assertThat(result.stderr())
        .contains("Using the server already listening at jdbc:sc://127.0.0.1:" + server.port())
        .contains("(Spark Connect 4.");
    assertThat(result.stdout()).contains("'answer'", "'42'");
  }
}
