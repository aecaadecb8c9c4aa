package dev.sparkjdbc.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Spark's own Connect client ({@code spark-connect-client-jvm}) as a baseline, running in its own
 * JVM (the {@code bench-spark-client} module's worker): it brings its own shaded gRPC, Netty and
 * Arrow and needs Spark's {@code --add-opens} flags, none of which may reach the JVM that measures
 * our driver. Speaks the worker's line protocol over the child's stdin and stdout.
 */
final class SparkClientProcess implements AutoCloseable {
  private static final String WORKER = "dev.sparkjdbc.bench.sparkclient.SparkClientWorker";

  /**
   * The JVM options Spark 4.2 gives its own processes on Java 17+ ({@code
   * org.apache.spark.launcher.JavaModuleOptions}, which spark-submit and Spark's scripts add),
   * verbatim, so the client runs as Spark runs it. Of these the client needs {@code java.nio}
   * (Arrow, at the first result) and {@code sun.util.calendar} (the first timestamp or date).
   * Written out because spark-launcher is not on the client's class path. The {@code io.netty.*}
   * properties do not reach the client: it shades Netty under {@code org.sparkproject} and shading
   * renamed the properties too; setting the shaded names made no measurable difference, so the list
   * stays as Spark ships it.
   */
  private static final List<String> SPARK_JVM_OPTIONS =
      List.of(
          "-XX:+IgnoreUnrecognizedVMOptions",
          "--add-modules=jdk.incubator.vector",
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
          "--add-opens=java.base/java.io=ALL-UNNAMED",
          "--add-opens=java.base/java.net=ALL-UNNAMED",
          "--add-opens=java.base/java.nio=ALL-UNNAMED",
          "--add-opens=java.base/java.util=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
          "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
          "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
          "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
          "--add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
          "-Dio.netty.tryReflectionSetAccessible=true",
          "-Dio.netty.allocator.type=pooled",
          "-Dio.netty.handler.ssl.defaultEndpointVerificationAlgorithm=NONE",
          // A Java 23+ option: Java 17 accepts it only thanks to the first one.
          "--sun-misc-unsafe-memory-access=allow",
          "--enable-native-access=ALL-UNNAMED");

  /** One query read to the end by the worker; nanos from the call to the last row. */
  record Scan(long rows, long nanos, long checksum) {}

  private final Process process;
  private final Path log;
  private final BufferedReader answers;
  private final Writer commands;

  private SparkClientProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
    this.answers =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
  }

  /**
   * {@code repoRoot}: the repository, where {@code bench-spark-client} was built; {@code scUrl}:
   * the server as {@code sc://host:port}. Returns once the client holds a session.
   */
  static SparkClientProcess start(Path repoRoot, String scUrl) throws IOException {
    Path target = repoRoot.resolve("bench-spark-client/target");
    String classpath =
        target.resolve("classes")
            + ":"
            + Files.readString(target.resolve("runtime.classpath")).trim();
    Path home = Files.createTempDirectory("sparkjdbc-bench-spark-client");
    Path log = home.resolve("spark-client.log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    command.addAll(SPARK_JVM_OPTIONS);
    command.addAll(List.of("-cp", classpath, WORKER, scUrl));
    Process process =
        new ProcessBuilder(command).directory(home.toFile()).redirectError(log.toFile()).start();
    SparkClientProcess client = new SparkClientProcess(process, log);
    try {
      String ready = client.answers.readLine();
      if (ready == null || !ready.startsWith("ready ")) {
        throw client.failure("Spark's Connect client did not start", ready);
      }
      return client;
    } catch (IOException | RuntimeException e) {
      process.destroyForcibly();
      throw e;
    }
  }

  /** Reads the whole result of {@code sql}; fails unless it has exactly {@code expectedRows}. */
  Scan rows(String sql, long expectedRows) throws IOException {
    if (sql.indexOf('\n') >= 0 || sql.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("the worker's protocol takes one line of SQL");
    }
    String[] ok = ask("rows " + expectedRows + " " + sql);
    return new Scan(Long.parseLong(ok[1]), Long.parseLong(ok[2]), Long.parseLong(ok[3]));
  }

  /** Nanos of each of {@code n} {@code SELECT 1}, from the call to the value in hand. */
  long[] select1Nanos(int n) throws IOException {
    String[] ok = ask("latency " + n);
    long[] nanos = new long[ok.length - 1];
    for (int i = 0; i < nanos.length; i++) {
      nanos[i] = Long.parseLong(ok[i + 1]);
    }
    return nanos;
  }

  /** Sends one command, returns the fields of its {@code ok} answer. */
  private String[] ask(String command) throws IOException {
    commands.write(command);
    commands.write('\n');
    commands.flush();
    String answer = answers.readLine();
    if (answer == null || !answer.startsWith("ok")) {
      throw failure("Spark's Connect client failed on '" + abbreviate(command) + "'", answer);
    }
    return answer.split(" ");
  }

  private IOException failure(String what, String answer) {
    String said =
        answer == null
            ? "it exited"
            : answer.startsWith("error ")
                ? answer.substring("error ".length())
                : "it answered " + answer;
    return new IOException(what + ": " + said + "; see " + log);
  }

  private static String abbreviate(String command) {
    return command.length() <= 80 ? command : command.substring(0, 77) + "...";
  }

  @Override
  public void close() throws IOException {
    try {
      commands.write("quit\n");
      commands.close();
    } catch (IOException e) {
      // Already gone: nothing left to ask it; the wait below settles it.
    }
    ChildProcesses.awaitExit(process);
  }
}
