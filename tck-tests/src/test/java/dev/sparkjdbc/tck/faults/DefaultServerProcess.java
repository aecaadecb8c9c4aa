package dev.sparkjdbc.tck.faults;

import dev.sparkjdbc.tck.harness.BuildPaths;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/server}'s main class as a user starts it: a heap size and no option at all, so every
 * Spark setting is the server's own default. The shared harness server adds test settings (shuffle
 * partitions, a small stream size), which is why this class exists. Its standard error goes to a
 * log file that the tests read for OutOfMemoryError lines.
 */
final class DefaultServerProcess implements AutoCloseable {
  private static final String MAIN_CLASS = "dev.sparkjdbc.server.EmbeddedSparkConnectServer";
  private static final String READY_PREFIX = "Spark Connect server ready at ";

  private final Process process;
  private final Path log;
  private final Path home;
  private final String url;

  private DefaultServerProcess(Process process, Path log, Path home, String url) {
    this.process = process;
    this.log = log;
    this.home = home;
    this.url = url;
  }

  static DefaultServerProcess start(String maxHeap, String logName) throws Exception {
    Path workDir = Path.of(BuildPaths.property("sparkjdbc.tck.workDir"));
    Path home = Files.createTempDirectory(workDir, "default-server-");
    Path log = workDir.resolve(logName);
    List<String> classpath = new ArrayList<>();
    classpath.add(BuildPaths.property("sparkjdbc.server.classes"));
    classpath.add(
        Files.readString(Path.of(BuildPaths.property("sparkjdbc.server.classpathFile"))).trim());
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx" + maxHeap,
            "-cp",
            String.join(File.pathSeparator, classpath),
            MAIN_CLASS,
            "--port",
            "0",
            "--warehouse",
            home.resolve("warehouse").toString(),
            // Ends the server with this test JVM; no Spark setting.
            "--stop-when-stdin-closes");
    Process process =
        new ProcessBuilder(command)
            .directory(home.toFile())
            .redirectError(ProcessBuilder.Redirect.to(log.toFile()))
            .start();
    CompletableFuture<String> ready = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                  if (line.startsWith(READY_PREFIX)) {
                    ready.complete(line.substring(READY_PREFIX.length()).trim());
                  }
                }
              } catch (IOException e) {
                // the process is gone: reported below
              }
              ready.completeExceptionally(new IllegalStateException("server ended; see " + log));
            },
            "default-server-stdout");
    reader.setDaemon(true);
    reader.start();
    try {
      return new DefaultServerProcess(process, log, home, ready.get(180, TimeUnit.SECONDS));
    } catch (Exception e) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw e;
    }
  }

  String url() {
    return url;
  }

  /**
   * Whether the server still runs. The launcher waits for the Spark JVM it starts and exits with
   * its code, so this covers both.
   */
  boolean isAlive() {
    return process.isAlive();
  }

  /** The lines of the server's log (its standard error) that contain {@code text}. */
  List<String> logLinesContaining(String text) {
    try {
      return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
          .filter(line -> line.contains(text))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    try {
      process.getOutputStream().close(); // --stop-when-stdin-closes
    } catch (IOException alreadyClosed) {
      // the process is gone
    }
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    }
    try (var paths = Files.walk(home)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: it lives under target/
    }
  }
}
