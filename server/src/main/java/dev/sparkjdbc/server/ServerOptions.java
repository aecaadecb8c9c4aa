package dev.sparkjdbc.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** The command line of {@code bin/server}, parsed and validated once. */
record ServerOptions(
    String host,
    int port,
    String master,
    Optional<Path> warehouse,
    Optional<String> token,
    Map<String, String> conf,
    boolean stopWhenStdinCloses,
    OptionalInt diagnosticsPort) {

  /**
   * The --help text. It lives in usage.txt (a resource) so that bin/server can print it before
   * anything is built.
   */
  static final String USAGE = usage();

  /** Thrown for a command line a person must fix; the message says what is wrong. */
  static final class UsageException extends Exception {
    UsageException(String message) {
      super(message);
    }
  }

  private static String usage() {
    try (InputStream in = ServerOptions.class.getResourceAsStream("usage.txt")) {
      if (in == null) {
        throw new IllegalStateException("usage.txt is missing from the server's classes");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ServerOptions parse(List<String> args) throws UsageException {
    return parse(args, System.getenv());
  }

  /** {@code env}: the environment, where YARN's client finds the cluster's configuration. */
  static ServerOptions parse(List<String> args, Map<String, String> env) throws UsageException {
    String host = "127.0.0.1";
    int port = 15002;
    String master = "local[*]";
    Path warehouse = null;
    String token = null;
    Map<String, String> conf = new LinkedHashMap<>();
    boolean stopWhenStdinCloses = false;
    OptionalInt diagnosticsPort = OptionalInt.empty();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--help", "-h" -> throw new UsageException("");
        case "--port" -> port = parsePort(value(args, ++i, arg), arg);
        case "--host" -> host = value(args, ++i, arg);
        case "--master" -> master = value(args, ++i, arg);
        case "--warehouse" -> warehouse = Path.of(value(args, ++i, arg)).toAbsolutePath();
        case "--token" -> token = value(args, ++i, arg);
        case "--stop-when-stdin-closes" -> stopWhenStdinCloses = true;
        case "--diagnostics-port" ->
            diagnosticsPort = OptionalInt.of(parsePort(value(args, ++i, arg), arg));
        case "--conf" -> {
          String kv = value(args, ++i, arg);
          int eq = kv.indexOf('=');
          if (eq <= 0) {
            throw new UsageException("--conf expects key=value, got '" + kv + "'");
          }
          conf.put(kv.substring(0, eq).trim(), kv.substring(eq + 1));
        }
        default -> throw new UsageException("unknown option '" + arg + "'");
      }
    }
    if (token != null && token.isEmpty()) {
      throw new UsageException("--token must not be empty");
    }
    // Without it YARN's client retries a ResourceManager at 0.0.0.0:8032 forever, silently;
    // spark-submit refuses the same way.
    if (master.equals("yarn")
        && env.get("HADOOP_CONF_DIR") == null
        && env.get("YARN_CONF_DIR") == null) {
      throw new UsageException(
          "--master yarn needs HADOOP_CONF_DIR or YARN_CONF_DIR set to the "
              + "directory of the cluster's Hadoop configuration (core-site.xml, yarn-site.xml)");
    }
    return new ServerOptions(
        host,
        port,
        master,
        Optional.ofNullable(warehouse),
        Optional.ofNullable(token),
        conf,
        stopWhenStdinCloses,
        diagnosticsPort);
  }

  private static String value(List<String> args, int i, String option) throws UsageException {
    if (i >= args.size() || args.get(i).startsWith("--")) {
      throw new UsageException(option + " needs a value");
    }
    return args.get(i);
  }

  private static int parsePort(String text, String option) throws UsageException {
    try {
      int port = Integer.parseInt(text);
      if (port < 0 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new UsageException(option + " must be a number from 0 to 65535, got '" + text + "'");
    }
  }

  /** Spark configuration for this server; explicit --conf entries win over the options. */
  Map<String, String> sparkConf(int boundPort) {
    Map<String, String> spark = new LinkedHashMap<>();
    spark.put("spark.master", master);
    spark.put("spark.app.name", "sparkjdbc-server");
    spark.put("spark.ui.enabled", "false");
    spark.put("spark.connect.grpc.binding.address", host);
    spark.put("spark.connect.grpc.binding.port", Integer.toString(boundPort));
    if (master.startsWith("local")) {
      // A local server talks only to itself: keep Spark's driver off the machine's other
      // interfaces.
      spark.put("spark.driver.bindAddress", "127.0.0.1");
      spark.put("spark.driver.host", "127.0.0.1");
      // Delta rebuilds a table's state in 50 tasks by default, sized for clusters: on one
      // machine that costs seconds per UPDATE, DELETE or MERGE, one task per core does not.
      spark.put(
          "spark.databricks.delta.snapshotPartitions",
          Integer.toString(Runtime.getRuntime().availableProcessors()));
    }
    // Delta Lake's SQL (UPDATE, DELETE, MERGE, time travel, history) and catalog, and Delta as
    // the format of CREATE TABLE without USING, as on the platforms most Spark users have.
    spark.put("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension");
    spark.put("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog");
    spark.put("spark.sql.sources.default", "delta");
    // Spark 4.2 keeps its TIME type behind this flag: on, JDBC's TIME has a Spark type here.
    spark.put("spark.sql.timeType.enabled", "true");
    warehouse.ifPresent(dir -> spark.put("spark.sql.warehouse.dir", dir.toString()));
    token.ifPresent(secret -> spark.put("spark.connect.authenticate.token", secret));
    // A result too large for this JVM fails its query instead of ending the server; sized from
    // this JVM, which is the one that runs Spark (see ResultMemoryDefaults).
    spark.putAll(
        ResultMemoryDefaults.forServer(
            conf.getOrDefault("spark.master", master),
            Runtime.getRuntime().maxMemory(),
            Runtime.getRuntime().availableProcessors()));
    spark.putAll(conf);
    return spark;
  }

  /** The URL a client uses to reach this server; never contains the token. */
  String jdbcUrl(int boundPort) {
    String shown = host.equals("0.0.0.0") ? "localhost" : host;
    if (shown.contains(":")) {
      shown = "[" + shown + "]";
    }
    return "jdbc:sc://" + shown + ":" + boundPort;
  }

  @Override
  public String toString() {
    // The token is a secret: never print it.
    return "ServerOptions[host="
        + host
        + ", port="
        + port
        + ", master="
        + master
        + ", warehouse="
        + warehouse.map(Path::toString).orElse("(default)")
        + ", token="
        + (token.isPresent() ? "(set)" : "(none)")
        + ", conf="
        + conf.keySet()
        + ", diagnosticsPort="
        + (diagnosticsPort.isPresent() ? diagnosticsPort.getAsInt() : "(off)")
        + "]";
  }
}
