package dev.sparkjdbc.server;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connect.service.SparkConnectService;
import org.apache.spark.util.ShutdownHookManager;
import scala.Option;
import scala.runtime.BoxedUnit;

/**
 * Runs the real Apache Spark Connect server in this JVM: {@code bin/server}'s main class.
 *
 * <p>When the JVM lacks the module options Spark needs, it relaunches itself as a child JVM with
 * them, so nobody has to type {@code --add-opens}. Once the port accepts connections it prints
 * {@value #READY_PREFIX} followed by the JDBC URL on stdout, always as its last line; launchers and
 * the test harness wait for that line. With {@code --diagnostics-port}, one line {@value
 * ServerDiagnostics#ANNOUNCE_PREFIX} followed by the diagnostics URL comes just before it (see
 * {@link ServerDiagnostics}); otherwise the readiness line is the only one.
 */
public final class EmbeddedSparkConnectServer {
  public static final String READY_PREFIX = "Spark Connect server ready at ";
  private static final long PORT_WAIT_MILLIS = 120_000;

  private EmbeddedSparkConnectServer() {}

  public static void main(String[] args) throws Exception {
    ServerOptions options;
    try {
      options = ServerOptions.parse(List.of(args));
    } catch (ServerOptions.UsageException e) {
      PrintStream out = e.getMessage().isEmpty() ? System.out : System.err;
      if (!e.getMessage().isEmpty()) {
        out.println("bin/server: " + e.getMessage());
      }
      out.print(ServerOptions.USAGE);
      System.exit(e.getMessage().isEmpty() ? 0 : 2);
      return;
    }
    if (!SparkJvmOptions.presentInThisJvm()) {
      System.exit(relaunchWithSparkOptions(args, options));
      return;
    }
    run(options);
  }

  /**
   * Starts a child JVM with Spark's options, forwards our termination to it, returns its exit code.
   */
  private static int relaunchWithSparkOptions(String[] args, ServerOptions options)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(SparkJvmOptions.required());
    List<String> given = new ArrayList<>();
    for (String jvmArg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (jvmArg.startsWith("-Xm") || jvmArg.startsWith("-D") || jvmArg.startsWith("-XX:")) {
        given.add(jvmArg);
      }
    }
    // The child has this JVM's heap: size its G1 regions for Spark's result chunks.
    command.addAll(ResultMemoryDefaults.jvmOptions(given, Runtime.getRuntime().maxMemory()));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(EmbeddedSparkConnectServer.class.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
    if (options.master().startsWith("local") && System.getenv("SPARK_LOCAL_IP") == null) {
      // Spark otherwise probes the machine's interfaces and warns about the loopback hostname.
      builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    }
    Process child = builder.start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stopChild(child), "stop-spark-child"));
    return child.waitFor();
  }

  private static void stopChild(Process child) {
    if (!child.isAlive()) {
      return;
    }
    child.destroy(); // SIGTERM: the child stops Spark cleanly
    try {
      if (!child.waitFor(30, TimeUnit.SECONDS)) {
        child.destroyForcibly();
      }
    } catch (InterruptedException e) {
      child.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static void run(ServerOptions options) throws Exception {
    if (options.stopWhenStdinCloses()) {
      Thread watcher = new Thread(EmbeddedSparkConnectServer::exitAtEndOfStdin, "stdin-watch");
      watcher.setDaemon(true);
      watcher.start();
    }
    int port = options.port() == 0 ? freePort(options.host()) : options.port();
    SparkConf conf = new SparkConf();
    for (Map.Entry<String, String> e : options.sparkConf(port).entrySet()) {
      conf.set(e.getKey(), e.getValue());
    }
    SparkSession session = SparkSession.builder().config(conf).getOrCreate();
    SparkConnectService.start(session.sparkContext());
    // Through Spark's hook manager, ordered before the hook that stops the SparkContext:
    // the Connect service needs a live SparkEnv to shut down cleanly.
    ShutdownHookManager.addShutdownHook(
        ShutdownHookManager.SPARK_CONTEXT_SHUTDOWN_PRIORITY() + 1,
        () -> {
          SparkConnectService.stop(Option.apply(10L), Option.apply(TimeUnit.SECONDS));
          return BoxedUnit.UNIT;
        });
    waitUntilAccepting(options.host(), port);
    if (options.diagnosticsPort().isPresent()) {
      // Lives as long as the JVM: nothing to stop, System.exit ends its threads.
      ServerDiagnostics diagnostics =
          ServerDiagnostics.start(
              options.diagnosticsPort().getAsInt(), ServerDiagnostics.of(session.sparkContext()));
      System.out.println(ServerDiagnostics.ANNOUNCE_PREFIX + diagnostics.url());
    }
    // Always the last line: launchers wait for it.
    System.out.println(READY_PREFIX + options.jdbcUrl(port));
    System.out.flush();
    Thread.currentThread().join(); // serve until SIGTERM / Ctrl-C runs the shutdown hook
  }

  private static void exitAtEndOfStdin() {
    try {
      while (System.in.read() >= 0) {
        // discard: only the end of the stream matters
      }
    } catch (IOException e) {
      // a broken pipe means the parent is gone too
    }
    System.exit(0);
  }

  private static int freePort(String host) throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(host, 0));
      return socket.getLocalPort();
    }
  }

  private static void waitUntilAccepting(String host, int port) throws InterruptedException {
    String target = host.equals("0.0.0.0") ? "127.0.0.1" : host;
    long deadline = System.currentTimeMillis() + PORT_WAIT_MILLIS;
    while (true) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(target, port), 1000);
        return;
      } catch (IOException notYet) {
        if (System.currentTimeMillis() > deadline) {
          throw new IllegalStateException(
              "Spark Connect did not open "
                  + target
                  + ":"
                  + port
                  + " within "
                  + PORT_WAIT_MILLIS / 1000
                  + " s");
        }
        Thread.sleep(50);
      }
    }
  }
}
