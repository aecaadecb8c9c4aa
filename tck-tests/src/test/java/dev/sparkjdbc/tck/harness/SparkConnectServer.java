package dev.sparkjdbc.tck.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real Spark Connect server running as a separate JVM process, started from the server module's
 * build output. Its standard input stays open while it lives: the server is started with {@code
 * --stop-when-stdin-closes}, so it also goes away when this JVM dies.
 */
public final class SparkConnectServer implements AutoCloseable {
  private static final String MAIN_CLASS = "dev.sparkjdbc.server.EmbeddedSparkConnectServer";
  private static final String READY_PREFIX = "Spark Connect server ready at ";
  private static final String DIAGNOSTICS_PREFIX = "Spark Connect diagnostics at ";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
  private static final int LOG_TAIL_LINES = 60;
  private static final AtomicInteger STARTED = new java.util.concurrent.atomic.AtomicInteger();

  private final Process process;
  private final OutputStream stdin;
  private final Path log;
  private final Path home;
  private final Thread shutdownHook;
  private String url;
  private volatile ServerOperations operations;

  private SparkConnectServer(Process process, Path log, Path home) {
    this.process = process;
    this.stdin = process.getOutputStream();
    this.log = log;
    this.home = home;
    this.shutdownHook = new Thread(this::stop, "stop-spark-connect-server");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Starts a server on a free port and waits until it accepts connections. */
  static SparkConnectServer start() {
    return start(0, List.of());
  }

  /**
   * Starts a server of its own (for tests that must kill, restart or configure one: a token, a
   * fixed port to come back on), with {@code extraArgs} added to the server's command line. Port 0
   * picks a free port. The caller closes it.
   */
  public static SparkConnectServer start(int port, List<String> extraArgs) {
    List<String> args = new ArrayList<>(TEST_SETTINGS);
    args.addAll(extraArgs);
    return launch("2g", port, args);
  }

  /**
   * Starts {@code bin/server}'s main class as a user would: a heap of {@code maxHeap} (e.g. "2g")
   * and no option, so every Spark setting is the server's own default. Without the test settings of
   * {@link #start(int, List)}, and without diagnostics ({@link #operations()} refuses). The caller
   * closes it.
   */
  public static SparkConnectServer startWithDefaults(String maxHeap) {
    return launch(maxHeap, 0, List.of());
  }

  /** What the suite's servers add to the defaults. */
  private static final List<String> TEST_SETTINGS =
      List.of(
          // Small test data on a small machine: few shuffle partitions keep queries fast.
          "--conf",
          "spark.sql.shuffle.partitions=4",
          // The server ends a result stream after this many bytes and the client must reattach:
          // a small cap makes every large result in the suite cross several reattaches.
          "--conf",
          "spark.connect.execute.reattachable.senderMaxStreamSize=16777216",
          // Spark's own result cap, not bin/server's quarter of the heap (512 MiB at 2 GiB): the
          // suite streams 800 MB in 100 small partitions (HundredMillionRowsTest), which this heap
          // holds. LargeResultServerTest checks the heap-sized default on a server of its own.
          "--conf",
          "spark.driver.maxResultSize=1g",
          // GET /operations and /jobs on loopback: the leak checks ask the server itself.
          "--diagnostics-port",
          "0");

  private static SparkConnectServer launch(String maxHeap, int port, List<String> args) {
    Path workDir = BuildPaths.workDir();
    int n = STARTED.getAndIncrement();
    Path log = workDir.resolve(n == 0 ? "server.log" : "server-" + n + ".log");
    Path home;
    try {
      home = Files.createTempDirectory(workDir, "server-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path warehouse = home.resolve("warehouse");
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap,
                "-cp",
                BuildPaths.serverClasspath(),
                MAIN_CLASS,
                "--port",
                Integer.toString(port),
                "--warehouse",
                warehouse.toString(),
                // Ends the server with this test JVM; not a Spark setting.
                "--stop-when-stdin-closes"));
    command.addAll(args);
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .directory(home.toFile()) // Spark's scratch files land here, not in the module
              .redirectError(ProcessBuilder.Redirect.to(log.toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
    SparkConnectServer server = new SparkConnectServer(process, log, home);
    try {
      server.url = server.awaitReadyLine();
      return server;
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  /** The JDBC URL of this server, e.g. {@code jdbc:sc://127.0.0.1:41234}. */
  public String url() {
    return url;
  }

  /**
   * What the server itself holds: the Spark Connect executions not yet released and its running
   * Spark jobs, read over the server's diagnostics endpoint.
   */
  public ServerOperations operations() {
    ServerOperations known = operations;
    if (known == null) {
      throw new IllegalStateException("the server printed no diagnostics URL; see " + log);
    }
    return known;
  }

  /** The file the server's stderr (Spark's log) goes to. */
  public Path log() {
    return log;
  }

  /** The port the server listens on. */
  public int port() {
    return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1).replaceAll("[^0-9].*$", ""));
  }

  /**
   * Whether the server still runs. The launcher waits for the Spark JVM it starts and exits with
   * its code, so this covers both.
   */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** The lines of the server's log (its standard error) that contain {@code text}. */
  public List<String> logLinesContaining(String text) {
    try {
      return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
          .filter(line -> line.contains(text))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Kills the server process at once (SIGKILL), as a crash would: no clean shutdown. */
  public void kill() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private String awaitReadyLine() {
    CompletableFuture<String> ready = new CompletableFuture<>();
    Thread reader = new Thread(() -> readStdout(ready), "spark-connect-server-stdout");
    reader.setDaemon(true);
    reader.start();
    try {
      return ready.get(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "Spark Connect server not ready within "
              + READY_TIMEOUT.toSeconds()
              + " s; tail of "
              + log
              + ":\n"
              + logTail());
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          e.getCause().getMessage() + "; tail of " + log + ":\n" + logTail());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the Spark Connect server", e);
    }
  }

  /** Completes {@code ready} with the URL of the readiness line, then keeps draining stdout. */
  private void readStdout(CompletableFuture<String> ready) {
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith(DIAGNOSTICS_PREFIX)) {
          // Printed before the readiness line, so it is known once start() returns.
          operations = new ServerOperations(line.substring(DIAGNOSTICS_PREFIX.length()).trim());
        } else if (line.startsWith(READY_PREFIX)) {
          ready.complete(line.substring(READY_PREFIX.length()).trim());
        }
      }
    } catch (IOException e) {
      // the process is gone; handled below
    }
    ready.completeExceptionally(
        new IllegalStateException(
            "Spark Connect server closed its output before it was ready"
                + (process.isAlive() ? "" : " (exit code " + process.exitValue() + ")")));
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join(
          "\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
    } catch (IOException e) {
      return "(cannot read the log: " + e + ")";
    }
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or about to run stop() itself
    }
    stop();
    deleteRecursively(home);
  }

  /** End of stdin asks the server to exit; SIGTERM if it does not, then SIGKILL. */
  private synchronized void stop() {
    try {
      stdin.close();
    } catch (IOException ignored) {
      // already closed
    }
    if (waitForExit()) {
      return;
    }
    process.destroy();
    if (waitForExit()) {
      return;
    }
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  private boolean waitForExit() {
    try {
      return process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: it lives under target/
    }
  }
}
