package dev.sparkjdbc.bench;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code bin/bench}: starts the embedded server, then measures our driver against its baselines in
 * the same run, and prints one markdown table per part as soon as it is done (docs/benchmarks.md
 * explains each baseline).
 *
 * <p>Arguments: the repository root, then optionally a port and the names of the parts to run
 * ({@link #PARTS}; all by default).
 */
public final class Bench {
  /** Median of this many timed runs per reader and shape, after the warm-up rounds. */
  private static final int RUNS = 5;

  private static final int WARM_UP_ROUNDS = 2;
  private static final int LATENCY_RUNS = 1_000;

  /** Ours and Spark's client alternate in blocks of this many SELECT 1s. */
  private static final int LATENCY_BLOCK = 100;

  /** Connect + SELECT 1 + close cycles per client, after as many warm-up cycles as a block. */
  private static final int CONNECT_RUNS = 200;

  /** Ours and the minimal reader alternate in blocks of this many cycles. */
  private static final int CONNECT_BLOCK = 20;

  /** Not in the default set: it needs root for bandwidth shaping and takes about 30 minutes. */
  static final String NETWORK = "network";

  static final List<String> PARTS =
      List.of("throughput", "latency", "translation", "metadata", "prepared", "memory");

  record Shape(String name, long rows, String sql) {}

  static final List<Shape> SHAPES =
      List.of(
          new Shape(
              "10 M rows (bigint, bigint, string)",
              10_000_000,
              "SELECT id, id * 2 AS twice, CAST(id AS STRING) AS s FROM range(0, 10000000, 1, 20)"),
          new Shape(
              "2 M rows, 20 mixed columns",
              2_000_000,
              "SELECT id, id * 2 AS c2, CAST(id % 1000 AS INT) AS c3, CAST(id AS DECIMAL(18,2)) / 7"
                  + " AS c4, CAST(id AS DECIMAL(10,0)) AS c5, timestamp_seconds(1700000000 + id) AS"
                  + " c6, date_add(DATE '2020-01-01', CAST(id % 3650 AS INT)) AS c7, CAST(id AS"
                  + " DOUBLE) / 3 AS c8, sqrt(id) AS c9, concat('name-', id) AS c10, CAST(id AS"
                  + " STRING) AS c11, IF(id % 5 = 0, NULL, concat('n', id)) AS c12, IF(id % 7 = 0,"
                  + " NULL, id) AS c13, IF(id % 3 = 0, NULL, CAST(id AS DOUBLE)) AS c14, id % 2 = 0"
                  + " AS c15, CAST(id % 100 AS SMALLINT) AS c16, IF(id % 11 = 0, NULL,"
                  + " timestamp_seconds(id)) AS c17, upper(hex(id)) AS c18, CAST(id AS FLOAT) AS"
                  + " c19, IF(id % 13 = 0, NULL, CAST(id AS DECIMAL(20,4))) AS c20 FROM range(0,"
                  + " 2000000, 1, 20)"));

  private Bench() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath();
    int port = 15111;
    Set<String> parts = new LinkedHashSet<>();
    for (String arg : Arrays.asList(args).subList(Math.min(1, args.length), args.length)) {
      if (arg.matches("\\d+")) {
        port = Integer.parseInt(arg);
      } else if (PARTS.contains(arg) || arg.equals(NETWORK)) {
        parts.add(arg);
      } else {
        throw new IllegalArgumentException("unknown part '" + arg + "'; parts: " + PARTS);
      }
    }
    if (parts.isEmpty()) {
      parts.addAll(PARTS);
    }
    long start = System.nanoTime();
    if (parts.remove(NETWORK)) {
      // Its own servers: inside a network namespace, and one with gRPC compression.
      NetworkBench.run(root, port);
      if (parts.isEmpty()) {
        System.err.printf("bench: done in %.1f min%n", (System.nanoTime() - start) / 60e9);
        return;
      }
    }
    try (BenchServer server = BenchServer.start(root, port, "4g")) {
      String url = server.url();
      String scUrl = url.substring("jdbc:".length());
      if (parts.contains("throughput") || parts.contains("latency")) {
        try (SparkClientProcess spark = SparkClientProcess.start(root, scUrl)) {
          if (parts.contains("throughput")) {
            throughput(url, spark);
          }
          if (parts.contains("latency")) {
            latency(url, spark);
          }
        }
      }
      if (parts.contains("translation")) {
        print(
            "TPC-H query | translation (JMH) | server execution | translation / server",
            TpchTranslationBench.run(url));
        print(
            "statement sent as text | client cost | baseline: a failed parse every time "
                + "| ours / baseline",
            FallbackBench.run());
      }
      if (parts.contains("metadata")) {
        print(
            "metadata | ours | baseline: plain statements | ours / baseline",
            MetadataBench.run(url));
      }
      if (parts.contains("prepared")) {
        print(
            "re-execution | prepared (setLong) | plain statement (literals) "
                + "| prepared / plain",
            PreparedBench.run(url));
      }
      if (parts.contains("memory")) {
        print("client memory | 100 M rows | 10 M rows | 100 M / 10 M", ScanMemoryBench.run(url));
      }
    }
    System.err.printf("bench: done in %.1f min%n", (System.nanoTime() - start) / 60e9);
  }

  /**
   * Every column of every row, through our ResultSet (with and without read-ahead), Spark's client
   * and the wire's limit. The server keeps getting faster for a while (its own JIT), so the readers
   * take turns, each round starting with the next one, after warm-up rounds.
   */
  private static void throughput(String url, SparkClientProcess spark) throws Exception {
    URI where = URI.create(url.substring("jdbc:".length()));
    List<String[]> table = new ArrayList<>();
    for (Shape shape : SHAPES) {
      try (JdbcReader ours = new JdbcReader(url);
          JdbcReader oursInline = new JdbcReader(url + "/;read_ahead=0");
          MinimalReader wire = new MinimalReader(where.getHost(), where.getPort())) {
        List<Read> readers =
            List.of(
                () -> ours.rows(shape.sql()),
                () -> oursInline.rows(shape.sql()),
                () -> sparkRows(spark, shape),
                () -> wire.rows(shape.sql()));
        double[][] rates = new double[readers.size()][RUNS];
        for (int round = 0; round < WARM_UP_ROUNDS + RUNS; round++) {
          for (int turn = 0; turn < readers.size(); turn++) {
            int reader = (round + turn) % readers.size();
            double rate = measure(readers.get(reader), shape.rows());
            if (round >= WARM_UP_ROUNDS) {
              rates[reader][round - WARM_UP_ROUNDS] = rate;
            }
          }
        }
        System.err.printf("%s: checksum %d%n", shape.name(), ours.checksum());
        double[] medians = Arrays.stream(rates).mapToDouble(Bench::median).toArray();
        table.add(
            new String[] {
              shape.name(),
              rate(medians[0]),
              rate(medians[1]),
              rate(medians[2]),
              rate(medians[3]),
              ratio(medians[0] / medians[3]),
              ratio(medians[0] / medians[2])
            });
      }
    }
    print(
        "throughput, reading every column | our ResultSet | ours, read_ahead=0 | Spark Connect"
            + " client (toLocalIterator) | minimal gRPC + Arrow reader | ours / minimal | ours /"
            + " Spark",
        table);
  }

  /** Spark's client's rows; its time is measured around the same call as the others'. */
  private static long sparkRows(SparkClientProcess spark, Shape shape) throws Exception {
    return spark.rows(shape.sql(), shape.rows()).rows();
  }

  /** SELECT 1 and its value, one statement per run, alternating in blocks. */
  private static void latency(String url, SparkClientProcess spark) throws Exception {
    long[] ours = new long[LATENCY_RUNS];
    long[] sparks = new long[LATENCY_RUNS];
    try (Connection c = DriverManager.getConnection(url)) {
      for (int i = 0; i < LATENCY_BLOCK; i++) {
        selectOne(c); // warm-up
      }
      spark.select1Nanos(LATENCY_BLOCK);
      for (int from = 0; from < LATENCY_RUNS; from += LATENCY_BLOCK) {
        for (int i = from; i < from + LATENCY_BLOCK; i++) {
          ours[i] = selectOne(c);
        }
        System.arraycopy(spark.select1Nanos(LATENCY_BLOCK), 0, sparks, from, LATENCY_BLOCK);
      }
    }
    Arrays.sort(ours);
    Arrays.sort(sparks);
    long oursP50 = ours[LATENCY_RUNS / 2];
    long sparkP50 = sparks[LATENCY_RUNS / 2];
    long oursP99 = ours[LATENCY_RUNS * 99 / 100];
    long sparkP99 = sparks[LATENCY_RUNS * 99 / 100];
    print(
        "SELECT 1, " + LATENCY_RUNS + " runs | ours | Spark Connect client | ours / Spark",
        List.of(
            new String[] {
              "p50", millis(oursP50), millis(sparkP50), ratio((double) oursP50 / sparkP50)
            },
            new String[] {
              "p99", millis(oursP99), millis(sparkP99), ratio((double) oursP99 / sparkP99)
            }));
    connectCycles(url);
  }

  /**
   * A new connection for one statement, as a script or a pool without reuse does it: connect,
   * SELECT 1 read to the end, close. The baseline is the least any client spends on that: the
   * minimal reader's new channel, one ExecutePlan and the channel's shutdown, with no session check
   * and no session release. Spark's client has no cheap equivalent (a new SparkSession per cycle).
   */
  private static void connectCycles(String url) throws Exception {
    URI where = URI.create(url.substring("jdbc:".length()));
    long[] ours = new long[CONNECT_RUNS];
    long[] minimal = new long[CONNECT_RUNS];
    for (int i = 0; i < CONNECT_BLOCK; i++) {
      connectSelectOneClose(url); // warm-up
      minimalCycle(where);
    }
    for (int from = 0; from < CONNECT_RUNS; from += CONNECT_BLOCK) {
      for (int i = from; i < from + CONNECT_BLOCK; i++) {
        ours[i] = connectSelectOneClose(url);
      }
      for (int i = from; i < from + CONNECT_BLOCK; i++) {
        minimal[i] = minimalCycle(where);
      }
    }
    Arrays.sort(ours);
    Arrays.sort(minimal);
    List<String[]> rows = new ArrayList<>();
    for (int percentile : new int[] {50, 90}) {
      long o = ours[CONNECT_RUNS * percentile / 100];
      long m = minimal[CONNECT_RUNS * percentile / 100];
      rows.add(new String[] {"p" + percentile, millis(o), millis(m), ratio((double) o / m)});
    }
    print(
        "connect + SELECT 1 + close, "
            + CONNECT_RUNS
            + " cycles | ours | minimal gRPC reader (channel + ExecutePlan + shutdown) | ours /"
            + " minimal",
        rows);
  }

  private static long connectSelectOneClose(String url) throws SQLException {
    long start = System.nanoTime();
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT 1")) {
      if (!rs.next() || rs.getInt(1) != 1 || rs.next()) {
        throw new IllegalStateException("SELECT 1 did not return one row of 1");
      }
    }
    return System.nanoTime() - start;
  }

  private static long minimalCycle(URI where) throws Exception {
    long start = System.nanoTime();
    try (MinimalReader reader = new MinimalReader(where.getHost(), where.getPort())) {
      if (reader.rows("SELECT 1") != 1) {
        throw new IllegalStateException("SELECT 1 did not return one row");
      }
    }
    return System.nanoTime() - start;
  }

  private static long selectOne(Connection c) throws SQLException {
    long start = System.nanoTime();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT 1")) {
      if (!rs.next() || rs.getInt(1) != 1) {
        throw new IllegalStateException("SELECT 1 did not return 1");
      }
    }
    return System.nanoTime() - start;
  }

  @FunctionalInterface
  private interface Read {
    long rows() throws Exception;
  }

  /** Rows per second of one run; fails if a reader saw a different number of rows. */
  private static double measure(Read read, long expectedRows) throws Exception {
    long start = System.nanoTime();
    long rows = read.rows();
    long nanos = System.nanoTime() - start;
    if (rows != expectedRows) {
      throw new IllegalStateException("read " + rows + " rows, expected " + expectedRows);
    }
    return rows * 1e9 / nanos;
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static String rate(double rowsPerSecond) {
    return String.format(Locale.ROOT, "%.2f M rows/s", rowsPerSecond / 1e6);
  }

  static String millis(long nanos) {
    return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
  }

  static String ratio(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  /** One markdown table: the header's cells separated by " | ", then the rows. */
  static void print(String header, List<String[]> rows) {
    int columns = header.split(" \\| ").length;
    StringBuilder out = new StringBuilder("\n| " + header + " |\n|");
    out.append("---|".repeat(columns)).append('\n');
    for (String[] row : rows) {
      out.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
    System.out.print(out);
    System.out.flush();
  }
}
