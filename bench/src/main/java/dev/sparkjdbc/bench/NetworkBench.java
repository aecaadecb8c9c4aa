package dev.sparkjdbc.bench;

import dev.sparkjdbc.tck.clients.DbeaverCalls;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code bin/bench network}: the readers of the throughput part and the small-message measures
 * through a link of set round-trip time ({@link DelayProxy}) and bandwidth ({@link NetworkLink}),
 * one markdown table per measure with the settings as rows and the targets of docs/benchmarks.md as
 * ratios.
 */
final class NetworkBench {
  private static final double[] RTTS = {0, 10, 40, 100};
  private static final long[] BANDWIDTHS = {0, 1_000_000_000L, 100_000_000L};

  /** Rows per read are scaled so that our reader spends about this long on one read. */
  private static final double READ_SECONDS = 1.5;

  private static final int RUNS = 3;
  private static final int WARM_UP_ROUNDS = 2;

  /** The RTT of the compression rows. */
  private static final double COMPRESSION_RTT = 10;

  /** This JVM's CPU time, where our reader and the minimal reader run. */
  private static final com.sun.management.OperatingSystemMXBean PROCESS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private NetworkBench() {}

  /** Where the readers connect for one setting: directly (RTT 0) or through a delay proxy. */
  private record Endpoint(String host, int port, DelayProxy proxy) implements AutoCloseable {
    static Endpoint of(InetSocketAddress server, double rttMillis) throws IOException {
      if (rttMillis == 0) {
        return new Endpoint(server.getHostString(), server.getPort(), null);
      }
      DelayProxy proxy = new DelayProxy(server, rttMillis);
      return new Endpoint("127.0.0.1", proxy.port(), proxy);
    }

    /**
     * compression=server: every reader then receives the same uncompressed bytes (the default,
     * auto, would ask for zstd over the namespace's non-loopback address); the compression table
     * sets the codec itself.
     */
    String url() {
      return "jdbc:sc://" + host + ":" + port + "/;compression=server";
    }

    String scUrl() {
      return "sc://" + host + ":" + port;
    }

    DelayProxy.Counts counts() {
      return proxy == null ? new DelayProxy.Counts(0, 0, 0) : proxy.counts();
    }

    @Override
    public void close() throws IOException {
      if (proxy != null) {
        proxy.close();
      }
    }
  }

  static void run(Path root, int port) throws Exception {
    NetworkLink link = null;
    try {
      link = NetworkLink.open();
    } catch (IOException e) {
      System.err.println(
          "network: no bandwidth shaping, only the unlimited-bandwidth rows: " + e.getMessage());
    }
    try {
      List<String> prefix = link == null ? List.of() : NetworkLink.prefix();
      String host = link == null ? "127.0.0.1" : NetworkLink.NS_ADDRESS;
      long[] bandwidths = link == null ? new long[] {0} : BANDWIDTHS;
      try (BenchServer server = BenchServer.start(root, port, "3g", prefix, host, List.of())) {
        URI where = URI.create(server.url().substring("jdbc:".length()));
        InetSocketAddress target = new InetSocketAddress(where.getHost(), where.getPort());
        if (link != null) {
          linkRates(link, root, bandwidths);
        }
        throughput(root, link, target, bandwidths);
        flowControlWindow(link, target);
        smallMessages(root, target);
        browsing(target);
        compression(link, target, false);
      }
      if (link != null) {
        try (BenchServer gzip =
            BenchServer.start(
                root,
                port + 1,
                "3g",
                prefix,
                host,
                List.of(
                    "spark.connect.grpc.interceptor.classes=dev.sparkjdbc.server.GzipResponses"))) {
          URI where = URI.create(gzip.url().substring("jdbc:".length()));
          compression(link, new InetSocketAddress(where.getHost(), where.getPort()), true);
        }
      }
    } finally {
      if (link != null) {
        link.close();
      }
    }
  }

  private static String bandwidthName(long bitsPerSecond) {
    return bitsPerSecond == 0
        ? "unlimited"
        : bitsPerSecond >= 1_000_000_000L
            ? (bitsPerSecond / 1_000_000_000L) + " Gbit/s"
            : (bitsPerSecond / 1_000_000L) + " Mbit/s";
  }

  /**
   * What a plain TCP bulk transfer achieves at each shaping, so the rows can be read against it.
   */
  private static void linkRates(NetworkLink link, Path root, long[] bandwidths) throws Exception {
    List<String[]> rows = new ArrayList<>();
    for (long bandwidth : bandwidths) {
      link.shape(bandwidth);
      double rate = NetworkLink.measureRate(root.resolve("bench/target/classes"));
      rows.add(
          new String[] {
            bandwidthName(bandwidth), String.format(Locale.ROOT, "%.0f Mbit/s", rate / 1e6)
          });
      System.err.printf(
          Locale.ROOT,
          "network: %s measures %.0f Mbit/s%n",
          rows.get(rows.size() - 1)[0],
          rate / 1e6);
    }
    link.shape(0);
    Bench.print("link (tbf on both veth ends) | plain TCP bulk transfer, server to client", rows);
  }

  @FunctionalInterface
  private interface Read {
    long rows() throws Exception;
  }

  /** The 4 readers on both shapes at every setting, plus our time to the first row. */
  private static void throughput(
      Path root, NetworkLink link, InetSocketAddress target, long[] bandwidths) throws Exception {
    // Bytes on the wire per row of each shape, through a proxy without delay.
    double[] bytesPerRow = new double[Bench.SHAPES.size()];
    try (Endpoint counted = new Endpoint("127.0.0.1", 0, new DelayProxy(target, 0));
        JdbcReader ours =
            new JdbcReader(new Endpoint("127.0.0.1", counted.proxy().port(), null).url())) {
      for (int s = 0; s < bytesPerRow.length; s++) {
        Bench.Shape shape = Bench.SHAPES.get(s);
        long probe = shape.rows() / 10;
        DelayProxy.Counts before = counted.counts();
        ours.rows(sql(shape, probe));
        bytesPerRow[s] = (double) counted.counts().minus(before).toClient() / probe;
        System.err.printf(
            Locale.ROOT,
            "network: %s: %.1f bytes per row on the wire%n",
            shape.name(),
            bytesPerRow[s]);
      }
    }
    boolean warm = false;
    for (long bandwidth : bandwidths) {
      if (link != null) {
        link.shape(bandwidth);
      }
      List<String[]> rows = new ArrayList<>();
      for (double rtt : RTTS) {
        try (Endpoint at = Endpoint.of(target, rtt);
            SparkClientProcess spark = SparkClientProcess.start(root, at.scUrl());
            JdbcReader ours = new JdbcReader(at.url());
            JdbcReader oursInline = new JdbcReader(at.url() + ";read_ahead=0");
            MinimalReader wire = new MinimalReader(at.host(), at.port())) {
          for (int s = 0; s < Bench.SHAPES.size(); s++) {
            Bench.Shape shape = Bench.SHAPES.get(s);
            long probe = shape.rows() / 20;
            if (!warm) {
              // The JIT first: warm-up rounds of every reader on a twentieth of the shape.
              String warmSql = sql(shape, probe);
              for (int round = 0; round < WARM_UP_ROUNDS; round++) {
                measure(() -> ours.rows(warmSql), probe);
                measure(() -> oursInline.rows(warmSql), probe);
                measure(() -> spark.rows(warmSql, probe).rows(), probe);
                measure(() -> wire.rows(warmSql), probe);
              }
            }
            // Calibrate on a twentieth of the shape, the faster of two reads: the first is this
            // connection's first, slowed by HTTP/2 and TCP starting up; at RTT 100 ms it alone
            // made reads so short that a round trip more or less moved a cell by 3x.
            String probeSql = sql(shape, probe);
            double probeRate =
                Math.max(
                    measure(() -> ours.rows(probeSql), probe),
                    measure(() -> ours.rows(probeSql), probe));
            long n = rowsPerRead(shape, probe, probeRate);
            String sql = sql(shape, n);
            Medians medians =
                rotated(
                    List.of(
                        () -> ours.rows(sql),
                        () -> oursInline.rows(sql),
                        () -> spark.rows(sql, n).rows(),
                        () -> wire.rows(sql)),
                    n);
            double[] m = medians.rates();
            // Ours against the minimal reader in this JVM's CPU time per read (Spark's client is
            // another process); the delay proxy's share is the same for both.
            double cpuRatio = medians.cpuNanos()[0] / medians.cpuNanos()[3];
            String firstRow =
                s == 0 ? Bench.millis(firstRowNanos(ours, Bench.SHAPES.get(0).sql())) : "";
            boolean spark2x = s == 0 && rtt >= 10;
            rows.add(
                new String[] {
                  bandwidthName(bandwidth),
                  rtt(rtt),
                  s == 0 ? "3 columns" : "20 columns",
                  String.format(Locale.ROOT, "%,d", n),
                  rate(m[0]) + mbps(m[0], bytesPerRow[s]),
                  rate(m[1]),
                  rate(m[2]),
                  rate(m[3]) + mbps(m[3], bytesPerRow[s]),
                  check(m[0] / m[3], 0.9),
                  Bench.ratio(cpuRatio),
                  spark2x ? check(m[0] / m[2], 2) : Bench.ratio(m[0] / m[2]),
                  firstRow
                });
            System.err.printf(
                Locale.ROOT,
                "network: %s, RTT %s, %s: %d rows, ours %.2f M rows/s (checksum %d)%n",
                bandwidthName(bandwidth),
                rtt(rtt),
                rows.get(rows.size() - 1)[2],
                n,
                m[0] / 1e6,
                ours.checksum());
          }
          warm = true;
        }
      }
      Bench.print(
          "bandwidth | RTT | shape | rows per read | our ResultSet | ours, read_ahead=0 | Spark"
              + " Connect client | minimal gRPC + Arrow reader | ours / minimal (≥ 0.9) | client"
              + " CPU per read, ours / minimal | ours / Spark (≥ 2 at RTT ≥ 10 ms, 3 columns) |"
              + " ours: time to first row of 10 M rows",
          rows);
    }
    if (link != null) {
      link.shape(0);
    }
  }

  /**
   * Our reader with its HTTP/2 window (grpc_flow_control_window's default) against the same reader
   * with half that window and with gRPC's own window tuning, on the 3-column shape at 1 Gbit/s
   * (unlimited without root) and the longer round trips, where the window rather than the link sets
   * the pace.
   */
  private static void flowControlWindow(NetworkLink link, InetSocketAddress target)
      throws Exception {
    long bandwidth = link == null ? 0 : 1_000_000_000L;
    if (link != null) {
      link.shape(bandwidth);
    }
    int window = MinimalReader.DRIVER_WINDOW;
    Bench.Shape shape = Bench.SHAPES.get(0);
    List<String[]> rows = new ArrayList<>();
    for (double rtt : new double[] {10, 40, 100}) {
      try (Endpoint at = Endpoint.of(target, rtt);
          JdbcReader ours = new JdbcReader(at.url());
          JdbcReader half = new JdbcReader(at.url() + ";grpc_flow_control_window=" + window / 2);
          JdbcReader grpcTuned = new JdbcReader(at.url() + ";grpc_flow_control_window=0")) {
        long probe = shape.rows() / 20;
        String probeSql = sql(shape, probe);
        double probeRate = 0;
        for (int round = 0; round < WARM_UP_ROUNDS + 1; round++) {
          measure(() -> half.rows(probeSql), probe);
          measure(() -> grpcTuned.rows(probeSql), probe);
          probeRate = Math.max(probeRate, measure(() -> ours.rows(probeSql), probe));
        }
        long n = rowsPerRead(shape, probe, probeRate);
        String sql = sql(shape, n);
        double[] m =
            rotated(
                    List.of(() -> ours.rows(sql), () -> half.rows(sql), () -> grpcTuned.rows(sql)),
                    n)
                .rates();
        rows.add(
            new String[] {
              bandwidthName(bandwidth),
              rtt(rtt),
              String.format(Locale.ROOT, "%,d", n),
              rate(m[0]),
              rate(m[1]),
              rate(m[2]),
              Bench.ratio(m[0] / m[2])
            });
        System.err.printf(Locale.ROOT, "network: flow-control window at RTT %s done%n", rtt(rtt));
      }
    }
    if (link != null) {
      link.shape(0);
    }
    Bench.print(
        "bandwidth | RTT | rows per read (3 columns) | ours (default window, "
            + window / (1024 * 1024)
            + " MiB) | ours, "
            + window / 2 / (1024 * 1024)
            + " MiB | ours, grpc_flow_control_window=0 (gRPC's tuning) | default / gRPC's tuning",
        rows);
  }

  /** Rows per read: what our reader reads in about {@link #READ_SECONDS}, the probe as floor. */
  private static long rowsPerRead(Bench.Shape shape, long probe, double probeRowsPerSecond) {
    return Math.max(
        probe, Math.min(shape.rows(), (long) (probeRowsPerSecond * READ_SECONDS / 1000) * 1000));
  }

  /** Per reader: the median rate and the median CPU time of this JVM per read. */
  private record Medians(double[] rates, double[] cpuNanos) {}

  /** {@link #RUNS} timed rounds of every reader on {@code rows} rows, the order rotating. */
  private static Medians rotated(List<Read> readers, long rows) throws Exception {
    double[][] rates = new double[readers.size()][RUNS];
    double[][] cpu = new double[readers.size()][RUNS];
    for (int round = 0; round < RUNS; round++) {
      for (int turn = 0; turn < readers.size(); turn++) {
        int reader = (round + turn) % readers.size();
        long cpuBefore = PROCESS.getProcessCpuTime();
        rates[reader][round] = measure(readers.get(reader), rows);
        cpu[reader][round] = PROCESS.getProcessCpuTime() - cpuBefore;
      }
    }
    return new Medians(
        Arrays.stream(rates).mapToDouble(Bench::median).toArray(),
        Arrays.stream(cpu).mapToDouble(Bench::median).toArray());
  }

  /** The shape's query over its first {@code rows} rows. */
  private static String sql(Bench.Shape shape, long rows) {
    String full = Long.toString(shape.rows());
    String sql = shape.sql();
    if (sql.indexOf("range(0, " + full) != sql.lastIndexOf("range(0, " + full)
        || !sql.contains("range(0, " + full)) {
      throw new IllegalStateException("cannot scale " + shape.name());
    }
    return sql.replace("range(0, " + full, "range(0, " + rows);
  }

  /** From the call to the first row in hand; the rest is abandoned by closing. Median of 3. */
  private static long firstRowNanos(JdbcReader reader, String sql) throws SQLException {
    long[] nanos = new long[3];
    for (int i = 0; i < nanos.length; i++) {
      try (Statement s = reader.connection().createStatement()) {
        long start = System.nanoTime();
        try (ResultSet rs = s.executeQuery(sql)) {
          if (!rs.next()) {
            throw new IllegalStateException("no first row");
          }
          nanos[i] = System.nanoTime() - start;
        }
      }
    }
    Arrays.sort(nanos);
    return nanos[1];
  }

  /**
   * SELECT 1, connect + first query, the DBeaver browse replay and getColumns over 500 tables, at
   * each RTT with unlimited bandwidth: these messages are a few kilobytes, far below what even 100
   * Mbit/s carries in a millisecond, so only the round trips matter.
   */
  private static void smallMessages(Path root, InetSocketAddress target) throws Exception {
    List<String[]> rows = new ArrayList<>();
    double[] base = new double[4];
    for (double rtt : RTTS) {
      try (Endpoint at = Endpoint.of(target, rtt);
          SparkClientProcess spark = SparkClientProcess.start(root, at.scUrl())) {
        int n = rtt == 0 ? 200 : rtt <= 10 ? 50 : 20;
        double[] ms = new double[4];
        long[] bursts = new long[4];
        try (Connection c = DriverManager.getConnection(at.url())) {
          for (int i = 0; i < 10; i++) {
            selectOne(c);
          }
          DelayProxy.Counts before = at.counts();
          double[] ours = new double[n];
          for (int i = 0; i < n; i++) {
            ours[i] = selectOne(c) / 1e6;
          }
          bursts[0] = at.counts().minus(before).bursts() / n;
          ms[0] = Bench.median(ours);
        }
        spark.select1Nanos(5);
        ms[1] =
            Bench.median(Arrays.stream(spark.select1Nanos(n)).mapToDouble(x -> x / 1e6).toArray());
        int connects = rtt == 0 ? 30 : 10;
        double[] connectMs = new double[connects];
        DelayProxy.Counts before = at.counts();
        for (int i = 0; i < connects; i++) {
          long start = System.nanoTime();
          Connection c = DriverManager.getConnection(at.url());
          selectOne(c);
          connectMs[i] = (System.nanoTime() - start) / 1e6;
          c.close();
        }
        bursts[2] = at.counts().minus(before).bursts() / connects;
        ms[2] = Bench.median(connectMs);
        if (rtt == 0) {
          base = ms.clone();
        }
        rows.add(
            new String[] {
              rtt(rtt),
              ms(ms[0]) + roundTrips(ms[0], base[0], rtt, bursts[0]),
              ms(ms[1]) + roundTrips(ms[1], base[1], rtt, -1),
              ms(ms[2]) + roundTrips(ms[2], base[2], rtt, bursts[2]),
              rtt == 0 ? "" : check((ms[2] - base[2]) / rtt, 3, true)
            });
        System.err.printf(Locale.ROOT, "network: small messages at RTT %s done%n", rtt(rtt));
      }
    }
    Bench.print(
        "RTT (unlimited bandwidth) | ours: SELECT 1 (median) | Spark client: SELECT 1 | ours:"
            + " connect + first query | connect + first query ≤ 3 round trips",
        rows);
  }

  /** Schemas of 10 and 500 tables (MetadataBench's) for the browse replay and getColumns. */
  private static final String SMALL_SCHEMA = "bench_net_10";

  private static final String LARGE_SCHEMA = "bench_net_500";

  /**
   * The DBeaver connect-and-browse replay (DbeaverCalls: two connections, dialect questions,
   * navigator listings, one table opened, one query) over a 10-table and a 500-table schema, and
   * getColumns over the 500 tables, at each RTT with unlimited bandwidth.
   */
  private static void browsing(InetSocketAddress target) throws Exception {
    String direct = Endpoint.of(target, 0).url();
    try (Connection c = DriverManager.getConnection(direct);
        Statement s = c.createStatement()) {
      for (String schema : List.of(SMALL_SCHEMA, LARGE_SCHEMA)) {
        s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        s.execute("CREATE SCHEMA " + schema);
      }
    }
    try {
      long start = System.nanoTime();
      MetadataBench.createTables(direct, SMALL_SCHEMA, 10);
      MetadataBench.createTables(direct, LARGE_SCHEMA, 500);
      System.err.printf(
          Locale.ROOT,
          "network: created 510 tables in %.1f s%n",
          (System.nanoTime() - start) / 1e9);
      List<String[]> rows = new ArrayList<>();
      double[] base = new double[3];
      for (double rtt : RTTS) {
        try (Endpoint at = Endpoint.of(target, rtt)) {
          int runs = rtt >= 40 ? 3 : 5;
          double[] ms = new double[3];
          long[] bursts = new long[3];
          String[] schemas = {SMALL_SCHEMA, LARGE_SCHEMA};
          for (int k = 0; k < 2; k++) {
            String schema = schemas[k];
            String table = MetadataBench.table(0);
            Read replay =
                () -> {
                  DbeaverCalls.replay(
                      at.url(),
                      "spark_catalog",
                      schema,
                      List.of(table),
                      "SELECT * FROM " + schema + "." + table,
                      (rs, opened) -> {
                        while (rs.next()) {
                          rs.getObject(1);
                        }
                      });
                  return 1;
                };
            // Warm-up; at RTT 0 several rounds, since that row is the base every other row's
            // round trips are counted from (one round left the JIT cold: 444 against 318 ms).
            for (int warm = rtt == 0 ? 5 : 1; warm > 0; warm--) {
              replay.rows();
            }
            DelayProxy.Counts before = at.counts();
            ms[k] = medianMillis(replay, runs);
            bursts[k] = at.counts().minus(before).bursts() / runs;
          }
          try (Connection c = DriverManager.getConnection(at.url())) {
            DatabaseMetaData md = c.getMetaData();
            Read columns =
                () -> {
                  int n = MetadataBench.columns(md, LARGE_SCHEMA).size();
                  if (n != 5000) {
                    throw new IllegalStateException("getColumns listed " + n + " of 5000");
                  }
                  return n;
                };
            columns.rows();
            DelayProxy.Counts before = at.counts();
            ms[2] = medianMillis(columns, runs);
            bursts[2] = at.counts().minus(before).bursts() / runs;
          }
          if (rtt == 0) {
            base = ms.clone();
          }
          // Judged on the bursts the proxy counts, which are exact; the timed round trips
          // beside them carry the noise of two time differences.
          double growth = (double) bursts[1] / Math.max(1, bursts[0]);
          rows.add(
              new String[] {
                rtt(rtt),
                ms(ms[0]) + roundTrips(ms[0], base[0], rtt, bursts[0]),
                ms(ms[1]) + roundTrips(ms[1], base[1], rtt, bursts[1]),
                rtt == 0
                    ? ""
                    : String.format(Locale.ROOT, "%.2f", growth)
                        + (bursts[1] <= bursts[0] ? " met" : " **missed**"),
                ms(ms[2]) + roundTrips(ms[2], base[2], rtt, bursts[2])
              });
          System.err.printf(Locale.ROOT, "network: browsing at RTT %s done%n", rtt(rtt));
        }
      }
      Bench.print(
          "RTT (unlimited bandwidth) | DBeaver replay, 10 tables | DBeaver replay, 500 tables |"
              + " request bursts 500 / 10 tables (no growth) | getColumns, 500 tables × 10 columns",
          rows);
    } finally {
      try (Connection c = DriverManager.getConnection(direct);
          Statement s = c.createStatement()) {
        for (String schema : List.of(SMALL_SCHEMA, LARGE_SCHEMA)) {
          s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
      }
    }
  }

  private static double medianMillis(Read read, int runs) throws Exception {
    double[] ms = new double[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      read.rows();
      ms[i] = (System.nanoTime() - start) / 1e6;
    }
    return Bench.median(ms);
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

  /** Compression of results at each shaped bandwidth, one RTT, our reader, both shapes. */
  private static void compression(NetworkLink link, InetSocketAddress target, boolean gzip)
      throws Exception {
    if (link == null) {
      return;
    }
    // Spark compresses lz4 with Arrow-Java's commons-compress writer, which manages a few thousand
    // rows a second: lz4 reads a hundredth of the rows, so that its rows finish (rates compare).
    record Variant(String name, String codec, int level, int rowsDivisor) {}
    List<Variant> variants =
        gzip
            ? List.of(new Variant("gRPC gzip", "none", 0, 1))
            : List.of(
                new Variant("none", "none", 0, 1),
                new Variant("lz4", "lz4", 0, 100),
                new Variant("zstd level 1", "zstd", 1, 1),
                new Variant("zstd level 3", "zstd", 3, 1));
    List<String[]> rows = new ArrayList<>();
    for (long bandwidth : new long[] {1_000_000_000L, 100_000_000L}) {
      link.shape(bandwidth);
      try (Endpoint at = Endpoint.of(target, COMPRESSION_RTT)) {
        for (int s = 0; s < Bench.SHAPES.size(); s++) {
          Bench.Shape shape = Bench.SHAPES.get(s);
          // The same rows for every variant but lz4: what an uncompressed read moves in
          // READ_SECONDS.
          long all = shape.rows() / (bandwidth >= 1_000_000_000L ? 2 : 10);
          for (Variant v : variants) {
            long n = all / v.rowsDivisor();
            try (JdbcReader ours = new JdbcReader(at.url())) {
              String outcome;
              try (Statement st = ours.connection().createStatement()) {
                st.execute("SET spark.sql.execution.arrow.compression.codec=" + v.codec());
                if (v.level() != 0) {
                  st.execute("SET spark.sql.execution.arrow.compression.zstd.level=" + v.level());
                }
                String sql = sql(shape, n);
                ours.rows(sql); // warm-up
                double[] rates = new double[RUNS];
                long[] bytes = new long[RUNS];
                for (int r = 0; r < RUNS; r++) {
                  DelayProxy.Counts before = at.counts();
                  rates[r] = measure(() -> ours.rows(sql), n);
                  bytes[r] = at.counts().minus(before).toClient();
                }
                double rate = Bench.median(rates);
                outcome =
                    rate(rate)
                        + " | "
                        + String.format(Locale.ROOT, "%.1f MB", bytes[0] / 1e6)
                        + " | "
                        + String.format(Locale.ROOT, "%.1f", bytes[0] * 8.0 / n);
              } catch (SQLException | RuntimeException e) {
                outcome = "failed: " + oneLine(e.getMessage()) + " | | ";
              }
              rows.add(
                  new String[] {
                    bandwidthName(bandwidth),
                    s == 0 ? "3 columns" : "20 columns",
                    String.format(Locale.ROOT, "%,d", n),
                    v.name(),
                    outcome
                  });
              System.err.printf(
                  Locale.ROOT,
                  "network: compression %s, %s, %s: %s%n",
                  bandwidthName(bandwidth),
                  rows.get(rows.size() - 1)[1],
                  v.name(),
                  outcome);
            }
          }
        }
      }
    }
    link.shape(0);
    Bench.print(
        "bandwidth (RTT "
            + rtt(COMPRESSION_RTT)
            + ") | shape | rows | compression | our ResultSet | bytes on the wire, server to client"
            + " | bits per row",
        rows);
  }

  private static String oneLine(String message) {
    String m = message == null ? "" : message.replace('\n', ' ').replace('|', '/');
    return m.length() <= 100 ? m : m.substring(0, 97) + "...";
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

  /**
   * Effective round trips, (time at this RTT − time at RTT 0) / RTT, and the request bursts the
   * proxy counted (−1: not counted).
   */
  private static String roundTrips(double ms, double baseMs, double rtt, long bursts) {
    if (rtt == 0) {
      return "";
    }
    return String.format(Locale.ROOT, " (%.1f RT", (ms - baseMs) / rtt)
        + (bursts >= 0 ? ", " + bursts + " bursts)" : ")");
  }

  private static String check(double value, double target) {
    return check(value, target, false);
  }

  /** The value and whether it meets its target (at least, or with {@code atMost} at most). */
  private static String check(double value, double target, boolean atMost) {
    boolean met = atMost ? value <= target : value >= target;
    return String.format(Locale.ROOT, "%.2f %s", value, met ? "met" : "**missed**");
  }

  private static String rtt(double ms) {
    return String.format(Locale.ROOT, "%.0f ms", ms);
  }

  private static String rate(double rowsPerSecond) {
    return String.format(Locale.ROOT, "%.2f M rows/s", rowsPerSecond / 1e6);
  }

  private static String mbps(double rowsPerSecond, double bytesPerRow) {
    return bytesPerRow == 0
        ? ""
        : String.format(Locale.ROOT, " (%.0f MB/s)", rowsPerSecond * bytesPerRow / 1e6);
  }

  private static String ms(double millis) {
    return String.format(Locale.ROOT, "%.1f ms", millis);
  }
}
