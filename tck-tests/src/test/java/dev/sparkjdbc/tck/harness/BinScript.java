package dev.sparkjdbc.tck.harness;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a {@code bin/} script of a checkout as a user would, except that {@code mvn} on the PATH is
 * a stand-in that records its arguments and fails: a script that was not meant to build shows it by
 * calling it, and no test ever starts a nested Maven build.
 */
public final class BinScript {
  /** What the script did, and the Maven command lines it tried (empty: it built nothing). */
  public record Result(int exitCode, String stdout, String stderr, List<String> mavenCalls) {
    @Override
    public String toString() {
      return "exit code "
          + exitCode
          + ", Maven calls "
          + mavenCalls
          + "\n--- stdout\n"
          + stdout
          + "\n--- stderr\n"
          + stderr;
    }
  }

  private final Path root;
  private final Path scratch;
  private final Path mavenCalls;
  private final Map<String, String> env = new LinkedHashMap<>();

  /** Scripts of the checkout at {@code root}; {@code scratch} holds the stand-in and the logs. */
  public BinScript(Path root, Path scratch) {
    this.root = root;
    this.scratch = scratch;
    this.mavenCalls = scratch.resolve("mvn-calls");
    requireBash();
    try {
      Path bin = Files.createDirectories(scratch.resolve("fake-maven"));
      Path mvn = bin.resolve("mvn");
      Files.writeString(
          mvn,
          "#!/bin/sh\n"
              + "echo \"$*\" >> '"
              + mavenCalls
              + "'\n"
              + "echo 'mvn (stand-in): this test allows no build' >&2\n"
              + "exit 1\n");
      if (!mvn.toFile().setExecutable(true)) {
        throw new IOException("cannot make " + mvn + " executable");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The checkout this suite runs in: the parent of the tck-tests module. */
  public static Path repositoryRoot() {
    return Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
  }

  /** Sets an environment variable of the script (the SPARKJDBC_* of this JVM are removed). */
  public BinScript env(String name, String value) {
    env.put(name, value);
    return this;
  }

  /** Runs {@code bin/<script> args...} with {@code stdin} (null: none) and waits. */
  public Result run(String script, List<String> args, String stdin, Duration timeout)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(root.resolve("bin").resolve(script).toString());
    command.addAll(args);
    long id = System.nanoTime();
    Path in = scratch.resolve("stdin-" + id);
    Path out = scratch.resolve("stdout-" + id);
    Path err = scratch.resolve("stderr-" + id);
    Files.writeString(in, stdin == null ? "" : stdin, StandardCharsets.UTF_8);
    Files.deleteIfExists(mavenCalls);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(root.toFile())
            .redirectInput(in.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    Map<String, String> environment = builder.environment();
    environment.keySet().removeIf(name -> name.startsWith("SPARKJDBC_"));
    // The stand-in Maven first, then this JVM's java, then the rest of the PATH.
    environment.put(
        "PATH",
        scratch.resolve("fake-maven")
            + File.pathSeparator
            + Path.of(System.getProperty("java.home"), "bin")
            + File.pathSeparator
            + environment.getOrDefault("PATH", ""));
    environment.putAll(env);
    Process process = builder.start();
    if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor();
      throw new AssertionError(
          command + " did not finish within " + timeout + ":\n" + Files.readString(err));
    }
    List<String> calls =
        Files.exists(mavenCalls) ? Files.readAllLines(mavenCalls) : List.<String>of();
    return new Result(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8),
        calls);
  }

  /** The bin/ scripts are bash scripts: without bash, their tests skip (or fail in CI). */
  public static void requireBash() {
    for (String dir :
        (System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/bin")
            .split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "bash"))) {
        return;
      }
    }
    throw ExternalPrograms.missing(
        "bash is not installed: the bin/ scripts need it (any version from 3.2 on)");
  }
}
