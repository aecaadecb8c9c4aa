package dev.sparkjdbc.tck.appservers;

import dev.sparkjdbc.tck.harness.BuildPaths;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The embedded Tomcat of apps/tomcat (dev.sparkjdbc.apps.tomcat.TomcatLauncher) as a process of its
 * own: Tomcat's jars, the app's classes and the standalone driver jar, as a user drops it into
 * $CATALINA_HOME/lib; the context.xml of docs/tools.md; the environment it fills in. Its stdout and
 * stderr go to one log in tck-tests/target.
 */
final class TomcatProcess implements AutoCloseable {
  private static final String MAIN_CLASS = "dev.sparkjdbc.apps.tomcat.TomcatLauncher";
  private static final Pattern READY = Pattern.compile("Tomcat ready on port (\\d+)");
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Process process;
  private final OutputStream stdin;
  private final Path log;
  private int port;

  private TomcatProcess(Process process, Path log) {
    this.process = process;
    this.stdin = process.getOutputStream();
    this.log = log;
  }

  /** Starts Tomcat with {@code environment} added to a clean one and waits until it serves. */
  static TomcatProcess start(String name, Map<String, String> environment) throws IOException {
    Path workDir = Path.of(BuildPaths.property("sparkjdbc.tck.workDir"));
    Path log = workDir.resolve(name + ".log");
    Path base = workDir.resolve(name);
    List<String> classpath = new ArrayList<>(tomcatJars());
    classpath.add(existing("sparkjdbc.apps.tomcat.classes").toString());
    classpath.add(existing("sparkjdbc.driver.standaloneJar").toString());
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx384m",
            // What catalina.properties or CATALINA_OPTS say in a Tomcat installation: ${…} in
            // context.xml comes from the environment.
            "-Dorg.apache.tomcat.util.digester.PROPERTY_SOURCE="
                + "org.apache.tomcat.util.digester.EnvironmentPropertySource",
            "-cp",
            String.join(File.pathSeparator, classpath),
            MAIN_CLASS,
            "0",
            existing("sparkjdbc.apps.tomcat.contextXml").toString(),
            base.toString());
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    builder.environment().remove("JDK_JAVA_OPTIONS");
    builder.environment().remove("_JAVA_OPTIONS");
    builder.environment().putAll(environment);
    TomcatProcess tomcat = new TomcatProcess(builder.start(), log);
    try {
      tomcat.port = tomcat.awaitReady();
      return tomcat;
    } catch (RuntimeException | Error e) {
      tomcat.close();
      throw e;
    }
  }

  /** {@code GET /query?ds=…&sql=…}. */
  HttpResponse<String> query(String dataSource, String sql) {
    URI uri =
        URI.create(
            "http://127.0.0.1:"
                + port
                + "/query?ds="
                + URLEncoder.encode(dataSource, StandardCharsets.UTF_8)
                + "&sql="
                + URLEncoder.encode(sql, StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("GET " + uri + " failed; Tomcat's log:\n" + logTail(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Everything Tomcat printed so far. */
  String log() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String logTail() {
    List<String> lines = log().lines().toList();
    return log
        + ":\n"
        + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }

  private int awaitReady() {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() - deadline < 0) {
      Matcher ready = READY.matcher(log());
      if (ready.find()) {
        return Integer.parseInt(ready.group(1));
      }
      if (!process.isAlive()) {
        throw new AssertionError(
            "Tomcat exited with " + process.exitValue() + " before it was ready; " + logTail());
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError(
        "Tomcat not ready within " + READY_TIMEOUT.toSeconds() + " s; " + logTail());
  }

  /** Closing stdin stops Tomcat cleanly (its pool closes too); whatever is left is killed. */
  @Override
  public void close() {
    try {
      stdin.close();
    } catch (IOException alreadyClosed) {
      // the process is gone
    }
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }

  private static List<String> tomcatJars() throws IOException {
    String text = Files.readString(existing("sparkjdbc.apps.tomcat.classpathFile")).trim();
    return text.isEmpty() ? List.of() : Arrays.asList(text.split(File.pathSeparator));
  }

  private static Path existing(String key) {
    Path path = Path.of(BuildPaths.property(key));
    if (!Files.exists(path)) {
      throw new IllegalStateException(
          path + " (" + key + ") does not exist: run through mvn -pl tck-tests -am verify");
    }
    return path;
  }
}
