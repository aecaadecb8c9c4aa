package dev.sparkjdbc.tck.appservers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A WildFly standalone server of the unpacked distribution, run as its own process through {@code
 * bin/standalone.sh}, with a server base directory of its own under {@code target/} (so the
 * distribution stays untouched and every run starts from its stock {@code standalone.xml}) and all
 * its ports moved by one free offset.
 */
final class WildFlyProcess implements AutoCloseable {
  /** The stock ports of standalone.xml; the offset moves all of them. */
  private static final int[] STOCK_PORTS = {8080, 8443, 8009, 9990, 9993, 4712, 4713};

  private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
  private static final Duration CLI_TIMEOUT = Duration.ofSeconds(180);
  private static final int LOG_TAIL_LINES = 80;

  private final Path home;
  private final Path base;
  private final Path console;
  private final int offset;
  private final Process process;
  private final Thread shutdownHook;
  private int cliRuns;

  private WildFlyProcess(Path home, Path base, Path console, int offset, Process process) {
    this.home = home;
    this.base = base;
    this.console = console;
    this.offset = offset;
    this.process = process;
    // WildFly has no "stop when stdin closes": if this JVM ends before close(), kill it anyway.
    this.shutdownHook = new Thread(() -> destroyTree(process), "stop-wildfly");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Starts WildFly with {@code env} added to its environment and waits until its management
   * interface reports it ready.
   */
  static WildFlyProcess start(Path home, Path workDir, Map<String, String> env) {
    if (!Files.isRegularFile(home.resolve("bin/standalone.sh"))) {
      throw new IllegalStateException(
          home + " holds no WildFly: apps/wildfly unpacks it when the reactor packages it");
    }
    Path base = workDir.resolve("wildfly-base");
    Path console = workDir.resolve("wildfly-console.log");
    deleteRecursively(base);
    copyRecursively(home.resolve("standalone"), base);
    int offset = freePortOffset();
    List<String> command =
        List.of(
            "bash", // not the script itself: an unpacked zip need not keep the executable bit
            home.resolve("bin/standalone.sh").toString(),
            "-b",
            "127.0.0.1",
            "-bmanagement",
            "127.0.0.1",
            "-Djboss.server.base.dir=" + base,
            "-Djboss.socket.binding.port-offset=" + offset);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(console.toFile())
            .redirectInput(ProcessBuilder.Redirect.PIPE);
    builder.environment().putAll(env);
    builder.environment().put("JBOSS_HOME", home.toString());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    // A small heap on a small machine; standalone.sh keeps its module and add-opens flags.
    builder
        .environment()
        .put(
            "JAVA_OPTS",
            "-Xms64m -Xmx512m -XX:MaxMetaspaceSize=384m -Djava.net.preferIPv4Stack=true");
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
    WildFlyProcess wildFly = new WildFlyProcess(home, base, console, offset, process);
    try {
      wildFly.awaitReady();
      return wildFly;
    } catch (RuntimeException | Error e) {
      wildFly.close();
      throw e;
    }
  }

  /** The port of the HTTP listener (applications). */
  int httpPort() {
    return 8080 + offset;
  }

  /** The port of the management interface (jboss-cli, /health). */
  int managementPort() {
    return 9990 + offset;
  }

  /** WildFly's own log: {@code log/server.log} of the base directory. */
  Path serverLog() {
    return base.resolve("log/server.log");
  }

  /** What standalone.sh printed: the console log. */
  Path consoleLog() {
    return console;
  }

  /** The configuration the CLI commands changed. */
  Path configuration() {
    return base.resolve("configuration/standalone.xml");
  }

  /**
   * Runs {@code commands} with {@code bin/jboss-cli.sh --connect} (one CLI process, a script file)
   * and returns its output; fails with that output if the CLI does not succeed.
   */
  String cli(List<String> commands) {
    int run = ++cliRuns;
    Path script = console.resolveSibling("wildfly-cli-" + run + ".cli");
    Path output = console.resolveSibling("wildfly-cli-" + run + ".log");
    try {
      Files.write(script, commands, StandardCharsets.UTF_8);
      ProcessBuilder builder =
          new ProcessBuilder(
                  "bash",
                  home.resolve("bin/jboss-cli.sh").toString(),
                  "--connect",
                  "--controller=127.0.0.1:" + managementPort(),
                  "--file=" + script)
              .redirectErrorStream(true)
              .redirectOutput(output.toFile());
      builder.environment().put("JBOSS_HOME", home.toString());
      builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
      builder.environment().put("JAVA_OPTS", "-Xmx128m");
      Process cli = builder.start();
      boolean exited = cli.waitFor(CLI_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      if (!exited) {
        destroyTree(cli);
      }
      String text = Files.readString(output, StandardCharsets.UTF_8);
      if (!exited || cli.exitValue() != 0) {
        throw new AssertionError(
            "jboss-cli "
                + (exited ? "exited with " + cli.exitValue() : "did not finish")
                + " running "
                + script
                + ":\n"
                + text
                + "\n--- tail of server.log:\n"
                + tail(serverLog()));
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running jboss-cli", e);
    }
  }

  /** The last lines of a log, for assertion messages. */
  static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join(
          "\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e + ")";
    }
  }

  /** Polls the management interface's {@code /health/ready} (no credentials needed) until 200. */
  private void awaitReady() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    URI ready = URI.create("http://127.0.0.1:" + managementPort() + "/health/ready");
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "WildFly exited with "
                + process.exitValue()
                + "; tail of "
                + console
                + ":\n"
                + tail(console));
      }
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for WildFly", e);
      }
      sleep(500);
    }
    throw new IllegalStateException(
        "WildFly not ready within "
            + START_TIMEOUT.toSeconds()
            + " s; tail of "
            + console
            + ":\n"
            + tail(console));
  }

  /** An offset that moves every stock port to a free one (re-checked just before the start). */
  private static int freePortOffset() {
    for (int attempt = 0; attempt < 50; attempt++) {
      int offset = ThreadLocalRandom.current().nextInt(20_000, 50_000);
      if (allFree(offset)) {
        return offset;
      }
    }
    throw new IllegalStateException("no free port offset for WildFly");
  }

  private static boolean allFree(int offset) {
    List<ServerSocket> held = new ArrayList<>();
    try {
      for (int port : STOCK_PORTS) {
        held.add(new ServerSocket(port + offset));
      }
      return true;
    } catch (IOException taken) {
      return false;
    } finally {
      for (ServerSocket socket : held) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // it was ours and is closing anyway
        }
      }
    }
  }

  /** Kills WildFly and its JVM (the child of standalone.sh) at once: nothing may outlive a test. */
  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running already
    }
    destroyTree(process);
  }

  private static void destroyTree(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void copyRecursively(Path from, Path to) {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path source : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
