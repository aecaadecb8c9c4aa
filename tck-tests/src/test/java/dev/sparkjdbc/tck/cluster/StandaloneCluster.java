package dev.sparkjdbc.tck.cluster;

import dev.sparkjdbc.tck.harness.BuildPaths;
import dev.sparkjdbc.tck.harness.SparkConnectServer;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster on this machine: a Master and two Workers (one core, 1 GiB each), each
 * its own JVM, and the project's Spark Connect server ({@code EmbeddedSparkConnectServer}) as the
 * application on it, started with {@code --master spark://…}. Everything runs from the server
 * module's classpath; the Spark "installation" the daemons need is an empty {@code jars} directory,
 * and the executors get their classes from {@code spark.executor.extraClassPath}.
 *
 * <p>{@link #start()} returns once both executors have registered with the server, so every test
 * has the whole cluster. {@link #close()} stops every process and deletes the work directories; the
 * logs stay under {@code target/cluster-logs}.
 */
final class StandaloneCluster implements AutoCloseable {
  static final int WORKERS = 2;
  private static final String EXECUTOR_MEMORY = "768m";
  private static final Duration DAEMON_READY = Duration.ofSeconds(90);
  private static final Duration EXECUTORS_READY = Duration.ofSeconds(120);
  private static final Pattern MASTER_URL =
      Pattern.compile("Starting Spark master at (spark://\\S+)");
  private static final Pattern ELECTED = Pattern.compile("I have been elected leader");
  private static final Pattern REGISTERED = Pattern.compile("Successfully registered with master");
  static final String EXECUTOR_REGISTERED = "Successfully registered with driver";
  static final String RUNNING_TASK = "Executor: Running task ";
  static final String FINISHED_TASK = "Executor: Finished task ";

  private final Path home;
  private final Path logs;
  private final List<SparkDaemon> daemons = new ArrayList<>();
  private final List<SparkDaemon> workers = new ArrayList<>();
  private final List<Path> workDirs = new ArrayList<>();
  private final List<ProcessHandle> executorsOfKilledWorkers = new ArrayList<>();
  private SparkDaemon master;
  private SparkConnectServer server;
  private long startupMillis;

  private final Thread shutdownHook = new Thread(this::stopProcesses, "stop-standalone-cluster");

  private StandaloneCluster(Path home, Path logs) {
    this.home = home;
    this.logs = logs;
    // Master and Workers do not end with this JVM by themselves (the server does: it watches its
    // stdin), so a test run that ends without afterAll still stops them.
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Starts the Master, the Workers and the server on free ports; fails with the logs' tails. */
  static StandaloneCluster start() {
    Path target = Path.of(BuildPaths.property("sparkjdbc.tck.workDir"));
    StandaloneCluster cluster;
    try {
      Path home = Files.createTempDirectory(target, "cluster-");
      Path logs =
          Files.createDirectories(
              target.resolve("cluster-logs").resolve(home.getFileName().toString()));
      cluster = new StandaloneCluster(home, logs);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      cluster.startAll();
      return cluster;
    } catch (RuntimeException | Error e) {
      String diagnostics = cluster.diagnostics();
      cluster.close();
      throw new IllegalStateException(
          "the standalone cluster did not start: " + e.getMessage() + "\n" + diagnostics, e);
    }
  }

  private void startAll() {
    long start = System.nanoTime();
    String classpath = serverRuntimeClasspath();
    Map<String, String> environment = sparkEnvironment(classpath);

    master =
        SparkDaemon.start(
            "master",
            SparkDaemon.command(
                "org.apache.spark.deploy.master.Master", environment, classpath, home),
            // Port 0: a free port, read back from the log. The web UI is on a free port too.
            List.of("--host", "127.0.0.1", "--port", "0", "--webui-port", "0"),
            environment,
            home,
            logs.resolve("master.log"));
    daemons.add(master);
    String masterUrl = master.awaitLine(MASTER_URL, DAEMON_READY).group(1);
    master.awaitLine(ELECTED, DAEMON_READY);
    long masterReady = System.nanoTime();

    List<String> workerCommand =
        SparkDaemon.command("org.apache.spark.deploy.worker.Worker", environment, classpath, home);
    for (int i = 1; i <= WORKERS; i++) {
      Path workDir = home.resolve("worker-" + i);
      workDirs.add(workDir);
      SparkDaemon worker =
          SparkDaemon.start(
              "worker " + i,
              workerCommand,
              List.of(
                  masterUrl,
                  "--host",
                  "127.0.0.1",
                  "--cores",
                  "1",
                  "--memory",
                  "1g",
                  "--webui-port",
                  "0",
                  "--work-dir",
                  workDir.toString()),
              environment,
              home,
              logs.resolve("worker-" + i + ".log"));
      workers.add(worker);
      daemons.add(worker);
    }
    // The server starts while the Workers register: its SparkContext waits for the executors,
    // which the Master launches as soon as Workers with free cores are there.
    server = SparkConnectServer.start(0, serverArguments(masterUrl, classpath));
    long serverReady = System.nanoTime();
    for (SparkDaemon worker : workers) {
      worker.awaitLine(REGISTERED, DAEMON_READY);
    }
    awaitExecutors();
    long executorsReady = System.nanoTime();
    startupMillis = (executorsReady - start) / 1_000_000;
    System.out.printf(
        "[StandaloneCluster] started in %,d ms: master %,d ms, then %d workers and the server"
            + " +%,d ms, executors registered +%,d ms (master %s, logs in %s)%n",
        startupMillis,
        (masterReady - start) / 1_000_000,
        WORKERS,
        (serverReady - masterReady) / 1_000_000,
        (executorsReady - serverReady) / 1_000_000,
        masterUrl,
        logs);
  }

  /**
   * What Spark's scripts would export. SPARK_HOME only needs an empty {@code jars} directory: the
   * launcher (for the daemons here, and the Worker for its executors) insists on one, and adds it
   * to the classpath after the real one. SPARK_DIST_CLASSPATH is how a "Hadoop free" Spark puts
   * extra jars on the daemons' classpath: here, all of them.
   */
  private Map<String, String> sparkEnvironment(String classpath) {
    Path sparkHome = home.resolve("spark-home");
    try {
      Files.createDirectories(sparkHome.resolve("jars"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.of(
        "SPARK_HOME",
        sparkHome.toString(),
        // Without it the launcher looks for Spark's build directories to guess the version.
        "SPARK_SCALA_VERSION",
        "2.13",
        "SPARK_DIST_CLASSPATH",
        classpath,
        // Everything on loopback: no probing of the machine's interfaces, nothing reachable.
        "SPARK_LOCAL_IP",
        "127.0.0.1",
        "SPARK_DAEMON_MEMORY",
        "512m",
        // The Master's REST submission server would take the fixed port 6066; nothing uses it.
        "SPARK_MASTER_OPTS",
        "-Dspark.master.rest.enabled=false",
        // The executors' java, as the Worker builds their command.
        "JAVA_HOME",
        System.getProperty("java.home"));
  }

  /**
   * The server as a user starts it against a standalone master, plus what makes it ready only with
   * the whole cluster: Spark waits in SparkContext's start for the registered cores to reach {@code
   * minRegisteredResourcesRatio} of {@code spark.cores.max} (without cores.max a standalone
   * application expects no cores, and the wait ends at once).
   */
  private static List<String> serverArguments(String masterUrl, String classpath) {
    return List.of(
        "--master",
        masterUrl,
        "--conf",
        "spark.driver.host=127.0.0.1",
        "--conf",
        "spark.driver.bindAddress=127.0.0.1",
        // As on Workers that run a Spark distribution: the executors have Spark (here the
        // server's classpath without Delta), and the server ships Delta's jars to them, which is
        // what a user's bin/server must do for Delta tables, the default format.
        "--conf",
        "spark.executor.extraClassPath=" + classpathEntries(classpath, false),
        "--conf",
        "spark.jars=" + classpathEntries(classpath, true).replace(File.pathSeparatorChar, ','),
        "--conf",
        "spark.executor.memory=" + EXECUTOR_MEMORY,
        // Delta rebuilds a table's state in 50 tasks by default; the test tables are tiny.
        "--conf",
        "spark.databricks.delta.snapshotPartitions=" + WORKERS,
        "--conf",
        "spark.cores.max=" + WORKERS,
        "--conf",
        "spark.scheduler.minRegisteredResourcesRatio=1.0",
        "--conf",
        "spark.scheduler.maxRegisteredResourcesWaitingTime=" + EXECUTORS_READY.toSeconds() + "s");
  }

  /** The entries of {@code classpath} that are Delta's jars ({@code delta}) or the others. */
  private static String classpathEntries(String classpath, boolean delta) {
    return Stream.of(classpath.split(File.pathSeparator))
        .filter(entry -> Path.of(entry).getFileName().toString().startsWith("delta-") == delta)
        .collect(Collectors.joining(File.pathSeparator));
  }

  /**
   * The server's readiness line comes after SparkContext's wait for the executors, which ends
   * without error after its maximum time: check that both did register.
   */
  private void awaitExecutors() {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (registeredExecutors().size() < WORKERS) {
      if (System.nanoTime() - deadline >= 0) {
        throw new IllegalStateException(
            "only executors " + registeredExecutors() + " registered with the server");
      }
      sleep(100);
    }
  }

  /** The stderr files of the executors that registered with the server, by executor directory. */
  List<Path> registeredExecutors() {
    return executorLogs().stream()
        .filter(
            log ->
                SparkDaemon.readLines(log).stream().anyMatch(l -> l.contains(EXECUTOR_REGISTERED)))
        .toList();
  }

  /**
   * How many tasks each executor has started so far ({@code Running task} lines of its stderr),
   * keyed by {@code worker-N/app/executor}.
   */
  Map<String, Long> tasksStarted() {
    Map<String, Long> counts = new TreeMap<>();
    for (Path log : executorLogs()) {
      counts.put(home.relativize(log.getParent()).toString(), count(log, RUNNING_TASK));
    }
    return counts;
  }

  /** Tasks started by the executors of worker {@code n} (1-based). */
  long tasksStartedOnWorker(int n) {
    return countOnWorker(n, RUNNING_TASK);
  }

  /**
   * Tasks the executors of worker {@code n} (1-based) started and did not finish: running ones, and
   * killed or failed ones.
   */
  long tasksRunningOnWorker(int n) {
    return countOnWorker(n, RUNNING_TASK) - countOnWorker(n, FINISHED_TASK);
  }

  private long countOnWorker(int n, String text) {
    Path workDir = workDirs.get(n - 1);
    return executorLogs().stream()
        .filter(log -> log.startsWith(workDir))
        .mapToLong(log -> count(log, text))
        .sum();
  }

  private static long count(Path log, String text) {
    return SparkDaemon.readLines(log).stream().filter(l -> l.contains(text)).count();
  }

  /** Executor stderr files: {@code <work-dir>/<app-id>/<executor-id>/stderr}. */
  private List<Path> executorLogs() {
    List<Path> found = new ArrayList<>();
    for (Path workDir : workDirs) {
      if (!Files.isDirectory(workDir)) {
        continue;
      }
      try (Stream<Path> files =
          Files.find(workDir, 3, (p, a) -> p.getFileName().toString().equals("stderr"))) {
        files.sorted().forEach(found::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return found;
  }

  /**
   * Kills worker {@code n} (1-based) with SIGKILL, as a lost machine would end it; its executors
   * notice (they watch their Worker) and end themselves. Returns those executors' processes.
   */
  List<ProcessHandle> killWorker(int n) {
    SparkDaemon worker = workers.get(n - 1);
    List<ProcessHandle> executors = worker.children();
    executorsOfKilledWorkers.addAll(executors);
    worker.kill();
    return executors;
  }

  SparkConnectServer server() {
    return server;
  }

  String url() {
    return server.url();
  }

  long startupMillis() {
    return startupMillis;
  }

  /** The tails of every log of the cluster: the daemons, the executors and the server. */
  String diagnostics() {
    StringBuilder text = new StringBuilder();
    for (SparkDaemon daemon : daemons) {
      text.append(daemon.tail()).append("\n\n");
    }
    for (Path log : executorLogs()) {
      text.append(SparkDaemon.tail("executor " + home.relativize(log.getParent()), log, 30))
          .append("\n\n");
    }
    if (server != null) {
      text.append(SparkDaemon.tail("server", server.log(), 60)).append('\n');
    }
    return text.toString();
  }

  /** Stops the server (its executors end with it), then the Workers and the Master. */
  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or about to run
    }
    stopProcesses();
    keepExecutorLogs();
    deleteRecursively(home);
  }

  private synchronized void stopProcesses() {
    if (server != null) {
      server.close();
    }
    for (int i = daemons.size() - 1; i >= 0; i--) {
      daemons.get(i).stop();
    }
    executorsOfKilledWorkers.forEach(ProcessHandle::destroyForcibly);
  }

  /** Copies the executors' stderr next to the other logs before the work dirs go. */
  private void keepExecutorLogs() {
    for (Path log : executorLogs()) {
      String name = home.relativize(log.getParent()).toString().replace(File.separatorChar, '_');
      try {
        Files.copy(log, logs.resolve("executor_" + name + ".log"));
      } catch (IOException e) {
        // best effort: only for reading after the run
      }
    }
  }

  private static String serverRuntimeClasspath() {
    Path file = Path.of(BuildPaths.property("sparkjdbc.server.classpathFile"));
    try {
      return Files.readString(file).trim();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
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
