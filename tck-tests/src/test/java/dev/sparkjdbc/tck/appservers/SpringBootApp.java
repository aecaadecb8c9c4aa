package dev.sparkjdbc.tck.appservers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Spring Boot application of apps/spring-boot, run as a user runs it: {@code java -jar
 * app-exec.jar} in a directory holding its {@code application.properties} (Boot reads
 * ./application.properties), with its output in {@code app.log} there.
 */
final class SpringBootApp implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
  private static final int LOG_TAIL_LINES = 80;

  /** One HTTP answer: its status and body. */
  record Response(int status, String body) {
    Object json() {
      return SpringBootJson.parse(body);
    }
  }

  private final Process process;
  private final Path log;
  private final int port;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private SpringBootApp(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /**
   * Writes {@code properties} as {@code dir/application.properties}, starts the jar there with
   * {@code environment} added to its environment, and waits until it answers HTTP.
   */
  static SpringBootApp start(
      Path jar, Path dir, int port, String properties, Map<String, String> environment)
      throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("application.properties"), properties, StandardCharsets.UTF_8);
    Path log = dir.resolve("app.log");
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m",
            "-XX:TieredStopAtLevel=1", // a short-lived app on a small machine: start fast
            "-jar",
            jar.toString());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    // Only what the command line and the properties say: nothing inherited from the build.
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    builder.environment().remove("JDK_JAVA_OPTIONS");
    builder.environment().remove("_JAVA_OPTIONS");
    builder.environment().putAll(environment);
    SpringBootApp app = new SpringBootApp(builder.start(), log, port);
    try {
      app.awaitHttp();
      return app;
    } catch (IOException | InterruptedException | RuntimeException | Error e) {
      app.close();
      throw e;
    }
  }

  /** A port nobody listens on now, for the app's HTTP server. */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  Response get(String path, Duration timeout) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).GET().timeout(timeout).build());
  }

  Response post(String path) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(uri(path))
            .POST(HttpRequest.BodyPublishers.noBody())
            .timeout(Duration.ofSeconds(60))
            .build());
  }

  /** Everything the app printed so far. */
  String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The end of the app's output, for assertion messages. */
  String outputTail() {
    List<String> lines = output().lines().toList();
    return "tail of "
        + log
        + ":\n"
        + String.join(
            "\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
  }

  private Response send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Response(response.statusCode(), response.body());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** Any HTTP answer from actuator means the app has started (its health is checked later). */
  private void awaitHttp() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError(
            "the Spring Boot app exited with " + process.exitValue() + "; " + outputTail());
      }
      try {
        get("/actuator/health", Duration.ofSeconds(30));
        return;
      } catch (ConnectException notYet) {
        Thread.sleep(250);
      }
    }
    throw new AssertionError(
        "the Spring Boot app did not answer HTTP within " + START_TIMEOUT + "; " + outputTail());
  }

  /** SIGTERM (Boot shuts down gracefully), then SIGKILL for it and anything it started. */
  @Override
  public void close() {
    List<ProcessHandle> descendants = process.descendants().toList();
    process.destroy();
    try {
      process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process.destroyForcibly();
    descendants.forEach(ProcessHandle::destroyForcibly);
  }
}
