package dev.sparkjdbc.tck.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Spark standalone daemon (a Master or a Worker) in its own JVM, started the way {@code
 * sbin/start-master.sh} and {@code bin/spark-class} start it: Spark's launcher ({@code
 * org.apache.spark.launcher.Main}) builds the java command, with the JVM options Spark needs on
 * this Java version, and this class runs it. Its stdout and stderr go to one log file, whose lines
 * tell when it is ready.
 */
final class SparkDaemon {
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration POLL = Duration.ofMillis(100);
  private static final int LOG_TAIL_LINES = 40;

  private final String name;
  private final Process process;
  private final Path log;

  private SparkDaemon(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@code command} (from {@link #command}) followed by {@code args}. {@code environment} is
   * what Spark's scripts would export (SPARK_HOME, SPARK_LOCAL_IP, …); the daemon inherits it, and
   * a Worker passes it on to its executors.
   */
  static SparkDaemon start(
      String name,
      List<String> command,
      List<String> args,
      Map<String, String> environment,
      Path directory,
      Path log) {
    List<String> full = new ArrayList<>(command);
    full.addAll(args);
    ProcessBuilder builder =
        new ProcessBuilder(full)
            .directory(directory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    cleanEnvironment(builder.environment(), environment);
    try {
      return new SparkDaemon(name, builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the " + name + ": " + full, e);
    }
  }

  /**
   * The java command that runs {@code mainClass}, as Spark's launcher builds it from {@code
   * environment} (SPARK_HOME, SPARK_DIST_CLASSPATH, SPARK_DAEMON_MEMORY, …). The launcher prints
   * its arguments separated by NUL characters, which is how {@code bin/spark-class} reads them.
   */
  static List<String> command(
      String mainClass, Map<String, String> environment, String classpath, Path directory) {
    List<String> launcher =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx128m",
            "-cp",
            classpath,
            "org.apache.spark.launcher.Main",
            mainClass);
    ProcessBuilder builder = new ProcessBuilder(launcher).directory(directory.toFile());
    cleanEnvironment(builder.environment(), environment);
    try {
      Process process = builder.redirectErrorStream(true).start();
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "Spark's launcher failed for "
                + mainClass
                + ": "
                + new String(out, StandardCharsets.UTF_8));
      }
      List<String> command = new ArrayList<>();
      for (String part : new String(out, StandardCharsets.UTF_8).split("\0")) {
        // The output starts with a lone NUL and a line break, which bin/spark-class skips too.
        if (!part.isBlank()) {
          command.add(part.strip());
        }
      }
      if (command.isEmpty() || !command.get(command.size() - 1).equals(mainClass)) {
        throw new IllegalStateException(
            "unexpected output of Spark's launcher for " + mainClass + ": " + command);
      }
      return command;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run Spark's launcher", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running Spark's launcher", e);
    }
  }

  /** Only what a daemon started from a clean shell would have: no JVM options of this JVM. */
  private static void cleanEnvironment(Map<String, String> target, Map<String, String> values) {
    target.remove("JAVA_TOOL_OPTIONS");
    target.remove("JDK_JAVA_OPTIONS");
    target.remove("_JAVA_OPTIONS");
    target.putAll(values);
  }

  /**
   * Waits until a line of the log matches {@code ready}; returns the matcher of that line. Fails
   * with the log's tail when the process ends first or {@code timeout} passes.
   */
  Matcher awaitLine(Pattern ready, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      for (String line : lines()) {
        Matcher m = ready.matcher(line);
        if (m.find()) {
          return m;
        }
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the "
                + name
                + " exited (code "
                + process.exitValue()
                + ") before it was ready; "
                + tail());
      }
      if (System.nanoTime() - deadline >= 0) {
        throw new IllegalStateException(
            "the "
                + name
                + " did not log /"
                + ready
                + "/ within "
                + timeout.toSeconds()
                + " s; "
                + tail());
      }
      sleep();
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The processes this daemon started (a Worker's executors), while it lives. */
  List<ProcessHandle> children() {
    return process.children().toList();
  }

  /** SIGKILL, as when the machine or the JVM dies: no deregistration with the Master. */
  void kill() {
    process.destroyForcibly();
    waitForExit();
  }

  /** SIGTERM, then SIGKILL for it and what it started if it has not ended in time. */
  void stop() {
    List<ProcessHandle> descendants = process.descendants().toList();
    process.destroy();
    if (!waitForExit()) {
      process.destroyForcibly();
      waitForExit();
    }
    descendants.forEach(ProcessHandle::destroyForcibly);
  }

  private boolean waitForExit() {
    try {
      return process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The last lines of the log, headed by its path. */
  String tail() {
    return tail(name, log, LOG_TAIL_LINES);
  }

  static String tail(String name, Path file, int count) {
    List<String> lines = readLines(file);
    return "tail of the "
        + name
        + " log "
        + file
        + ":\n"
        + String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
  }

  private List<String> lines() {
    return readLines(log);
  }

  static List<String> readLines(Path file) {
    try {
      // Lenient: a log being written can end in the middle of a character.
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      return List.of("(cannot read " + file + ": " + e + ")");
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public String toString() {
    return name + " (pid " + process.pid() + ")";
  }
}
