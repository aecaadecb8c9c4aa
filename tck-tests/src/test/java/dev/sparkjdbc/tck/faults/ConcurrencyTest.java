package dev.sparkjdbc.tck.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import dev.sparkjdbc.tck.harness.TestSchemas;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Many threads at once: 32 connections running statements in parallel, one connection shared by 16
 * threads, one statement handed from thread to thread. The workload mixes queries whose answers the
 * test computes itself (sums over {@code range(n)}, prepared statements with parameters, joins and
 * aggregations over {@code VALUES}), early-closed streams, expected errors, metadata calls on a
 * schema of the test's own, and cancels of a long query from another thread. Every answer is
 * checked; the only exceptions allowed are the expected ones (a cancelled statement: SQLSTATE
 * HY008, after which the connection must still work).
 *
 * <p>The workload is drawn from a fixed seed (printed; override with {@code
 * -Dsparkjdbc.tck.seed=…}) per connection/thread, so a wrong answer names the exact statement to
 * replay. Thread pools are bounded and always shut down; every wait is bounded.
 */
@ExtendWith(SparkConnectServerExtension.class)
class ConcurrencyTest {
  private static final long SEED = Long.getLong("sparkjdbc.tck.seed", 0x5EED_C0C0L);
  private static final int CONNECTIONS = Integer.getInteger("sparkjdbc.tck.connections", 32);

  /**
   * Statements per connection: the full 32 × 200. Every statement costs Spark 10 to 150 ms
   * of server CPU (analysis, planning, a job for most), so this takes about four minutes on two
   * cores; -Dsparkjdbc.tck.statements=25 gives a quick run while working on the driver.
   */
  private static final int STATEMENTS = Integer.getInteger("sparkjdbc.tck.statements", 200);

  /**
   * Every {@value}th connection cancels one long query: while it runs, the long query holds both
   * cores, so more of them would only slow everything else down.
   */
  private static final int CANCEL_EVERY = 4;

  /** Runs for many seconds on two cores unless cancelled. */
  static final String LONG_QUERY = "SELECT count(*) FROM range(0, 300000000) WHERE rand() < 2";

  static final long LONG_QUERY_ANSWER = 300_000_000L;

  /** A hang detector, not a performance target: an idle two-core machine needs about a third. */
  private static final long DEADLINE_SECONDS = Long.getLong("sparkjdbc.tck.deadline", 900);

  private static String schema;

  @BeforeAll
  static void createSchema(SparkConnectServer server) throws SQLException {
    System.out.println("ConcurrencyTest seed: " + SEED + " (-Dsparkjdbc.tck.seed=" + SEED + ")");
    schema = "conc_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    try (Connection c = DriverManager.getConnection(server.url());
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
      s.execute("CREATE TABLE " + schema + ".t1 (a INT, b STRING) USING parquet");
      s.execute("CREATE TABLE " + schema + ".t2 (x DOUBLE) USING parquet");
    }
  }

  @AfterAll
  static void dropSchema(SparkConnectServer server) {
    TestSchemas.dropQuietly(server.url(), schema);
  }

  /** 32 connections, each on its own thread, all at once, {@link #STATEMENTS} statements each. */
  @Test
  void manyConnectionsRunAMixedWorkloadInParallel(SparkConnectServer server) throws Exception {
    Outcomes outcomes = new Outcomes();
    long started = System.nanoTime();
    ExecutorService workers = Executors.newFixedThreadPool(CONNECTIONS, named("conc-worker"));
    ExecutorService cancellers = Executors.newFixedThreadPool(CONNECTIONS, named("conc-cancel"));
    try {
      List<Future<?>> futures = new ArrayList<>();
      CountDownLatch start = new java.util.concurrent.CountDownLatch(CONNECTIONS);
      for (int i = 0; i < CONNECTIONS; i++) {
        int id = i;
        futures.add(
            workers.submit(
                () -> {
                  long seed = SEED + id;
                  Random random = new Random(seed);
                  int cancelAt = id % CANCEL_EVERY == 0 ? random.nextInt(STATEMENTS) : -1;
                  String who = "connection " + id + " (seed " + seed + ")";
                  boolean ready = false;
                  try (Connection c = DriverManager.getConnection(server.url())) {
                    Workload w = new Workload(c, random, outcomes, cancellers, who);
                    ready = true;
                    start.countDown();
                    start.await(60, TimeUnit.SECONDS); // all connected: the statements overlap
                    for (int op = 0; op < STATEMENTS && !outcomes.stop(); op++) {
                      w.step(op, op == cancelAt);
                    }
                    w.close();
                  } catch (SQLException | RuntimeException e) {
                    outcomes.fail(who + ": connection failed: " + stack(e));
                  } finally {
                    if (!ready) {
                      start.countDown(); // do not keep the others waiting for a connection that
                      // failed
                    }
                  }
                  return null;
                }));
      }
      awaitAll(futures, outcomes, "conc-worker");
    } finally {
      shutdown(workers);
      shutdown(cancellers);
    }
    report(CONNECTIONS + " connections x " + STATEMENTS + " statements", outcomes, started);
    assertThat(outcomes.failures)
        .as("wrong answers or unexpected exceptions (seed %d)", SEED)
        .isEmpty();
    assertThat(outcomes.statements.get()).isEqualTo((long) CONNECTIONS * STATEMENTS);
    assertThat(outcomes.cancelled.get())
        .as("cancel() stopped none of the %d long queries", outcomes.kinds.get("cancel"))
        .isPositive();
  }

  /** One Connection, 16 threads, each with its own Statement and PreparedStatement. */
  @Test
  void oneConnectionSharedBySixteenThreads(SparkConnectServer server) throws Exception {
    int threads = 16;
    int statements = Math.max(1, STATEMENTS * 4 / 10);
    Outcomes outcomes = new Outcomes();
    long started = System.nanoTime();
    ExecutorService workers = Executors.newFixedThreadPool(threads, named("shared-conn"));
    ExecutorService cancellers = Executors.newFixedThreadPool(4, named("shared-cancel"));
    try (Connection c = DriverManager.getConnection(server.url())) {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int id = i;
        futures.add(
            workers.submit(
                () -> {
                  long seed = SEED + 1000 + id;
                  Random random = new Random(seed);
                  // a quarter of the threads cancel a long query once, the others must not notice
                  int cancelAt = id % 4 == 0 ? random.nextInt(statements) : -1;
                  String who = "thread " + id + " on the shared connection (seed " + seed + ")";
                  try {
                    Workload w = new Workload(c, random, outcomes, cancellers, who);
                    for (int op = 0; op < statements && !outcomes.stop(); op++) {
                      w.step(op, op == cancelAt);
                    }
                    w.close();
                  } catch (SQLException | RuntimeException e) {
                    outcomes.fail(who + ": " + stack(e));
                  }
                  return null;
                }));
      }
      awaitAll(futures, outcomes, "shared-conn");
      assertThat(c.isClosed()).isFalse();
      assertThat(c.isValid(10)).isTrue();
    } finally {
      shutdown(workers);
      shutdown(cancellers);
    }
    report("1 connection x 16 threads x " + statements + " statements", outcomes, started);
    assertThat(outcomes.failures)
        .as("wrong answers or unexpected exceptions (seed %d)", SEED)
        .isEmpty();
    assertThat(outcomes.statements.get()).isEqualTo((long) threads * statements);
  }

  /**
   * One Statement and one PreparedStatement used by 8 threads in turn (each turn on another thread,
   * handed over through Future.get): executions, a result set opened on one thread and read on the
   * next, parameters set on one thread and executed on the next.
   */
  @Test
  void oneStatementUsedByThreadsOneAfterAnother(SparkConnectServer server) throws Exception {
    int threads = 8;
    int turns = 48;
    Random random = new Random(SEED + 2000);
    List<ExecutorService> lanes = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      lanes.add(Executors.newSingleThreadExecutor(named("lane-" + i)));
    }
    List<String> threadNames = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(server.url());
        Statement s = c.createStatement();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT count(*), sum(id) FROM range(0, ?, 1, 1) WHERE id % ? = 0")) {
      ResultSet[] open = new ResultSet[1];
      long[] pending = new long[2];
      for (int turn = 0; turn < turns; turn++) {
        int kind = turn % 6;
        long n = 1 + random.nextInt(50_000);
        long k = 1 + random.nextInt(10);
        ExecutorService lane = lanes.get(turn % threads);
        String what = "turn " + turn + " kind " + kind + " n=" + n + " k=" + k;
        Future<?> f =
            lane.submit(
                () -> {
                  synchronized (threadNames) {
                    threadNames.add(Thread.currentThread().getName());
                  }
                  switch (kind) {
                    case 0 -> {
                      try (ResultSet rs =
                          s.executeQuery("SELECT sum(id) FROM range(0, " + n + ", 1, 1)")) {
                        check(rs.next(), what + ": no row");
                        check(rs.getLong(1) == n * (n - 1) / 2, what + ": sum " + rs.getLong(1));
                      }
                    }
                    case 1 -> { // open here, read on the next turn's thread
                      open[0] =
                          s.executeQuery("SELECT id FROM range(0, " + n + ", 1, 1) ORDER BY id");
                      pending[0] = n;
                    }
                    case 2 -> {
                      long rows = 0;
                      try (ResultSet rs = open[0]) {
                        while (rs.next()) {
                          check(
                              rs.getLong(1) == rows,
                              what + ": row " + rows + " is " + rs.getLong(1));
                          rows++;
                        }
                      }
                      check(rows == pending[0], what + ": " + rows + " rows of " + pending[0]);
                      check(
                          s.getResultSet() == null || s.getResultSet().isClosed(),
                          what + ": the statement still offers an open result");
                    }
                    case 3 -> { // bind here, execute on the next turn's thread
                      ps.setLong(1, n);
                      ps.setLong(2, k);
                      pending[0] = n;
                      pending[1] = k;
                    }
                    case 4 -> {
                      long count = (pending[0] + pending[1] - 1) / pending[1];
                      long sum = pending[1] * count * (count - 1) / 2;
                      try (ResultSet rs = ps.executeQuery()) {
                        check(rs.next(), what + ": no row");
                        check(
                            rs.getLong(1) == count && rs.getLong(2) == sum,
                            what
                                + ": got "
                                + rs.getLong(1)
                                + ", "
                                + rs.getLong(2)
                                + " for n="
                                + pending[0]
                                + " k="
                                + pending[1]);
                      }
                    }
                    default -> {
                      // a result left open is closed by the next execution
                      ResultSet first = s.executeQuery("SELECT id FROM range(100000)");
                      check(first.next(), what + ": no first row");
                      try (ResultSet second = s.executeQuery("SELECT " + n + " AS n")) {
                        check(first.isClosed(), what + ": the previous result set is still open");
                        check(
                            second.next() && second.getLong(1) == n,
                            what + ": wrong second result");
                      }
                    }
                  }
                  return null;
                });
        try {
          f.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          throw new AssertionError(
              what + " (seed " + (SEED + 2000) + ") failed: " + stack(e.getCause()), e.getCause());
        }
      }
      assertThat(c.isValid(10)).isTrue();
    } finally {
      lanes.forEach(ConcurrencyTest::shutdown);
    }
    assertThat(new HashSet<>(threadNames)).hasSize(threads);
  }

  // ---------------------------------------------------------------------------------------
  // The workload

  /** What happened, across threads. */
  static final class Outcomes {
    final Queue<String> failures = new ConcurrentLinkedQueue<>();
    final AtomicLong statements = new AtomicLong();
    final AtomicInteger cancelled = new AtomicInteger();
    final AtomicInteger cancelTooLate = new AtomicInteger();
    final Map<String, AtomicInteger> kinds = new ConcurrentSkipListMap<>();

    /** Set at the deadline: workers stop, and what the interruption causes is not reported. */
    volatile boolean deadlinePassed;

    void fail(String what) {
      if (!deadlinePassed) {
        failures.add(what);
      }
    }

    boolean stop() {
      return deadlinePassed || failures.size() >= 40;
    }

    void count(String kind) {
      kinds.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
    }
  }

  /** One thread's statements on one connection; every answer is computed and compared. */
  static final class Workload {
    private static final String ALPHABET = "abcXYZ 09'\"\\%_?;-/*éß日本😀\t";

    private final Connection connection;
    private final Random random;
    private final Outcomes outcomes;
    private final ExecutorService cancellers;
    private final String who;
    private final Statement statement;
    private final PreparedStatement counting;
    private final PreparedStatement strings;
    private final PreparedStatement projecting;
    private int failuresHere;

    Workload(
        Connection connection,
        Random random,
        Outcomes outcomes,
        ExecutorService cancellers,
        String who)
        throws SQLException {
      this.connection = connection;
      this.random = random;
      this.outcomes = outcomes;
      this.cancellers = cancellers;
      this.who = who;
      this.statement = connection.createStatement();
      this.counting =
          connection.prepareStatement(
              "SELECT count(*) AS c, sum(id) AS s FROM range(0, ?, 1, 1) WHERE id % ? = 0");
      this.strings =
          connection.prepareStatement("SELECT concat(?, '-', ?) AS s, ? * 2 AS d, ? IS NULL AS n");
      this.projecting =
          connection.prepareStatement(
              "SELECT a * ? AS x, concat(b, ?) AS y FROM VALUES (1, 'a'), (2, 'b'), (3, 'c'), (4,"
                  + " 'd'), (5, 'e') AS t(a, b) WHERE a > ?");
    }

    void close() throws SQLException {
      statement.close();
      counting.close();
      strings.close();
      projecting.close();
    }

    /** Runs statement {@code op}: the cancel scenario, or one drawn at random. */
    void step(int op, boolean cancel) {
      String[] what = {"?"};
      try {
        if (cancel) {
          what[0] = "cancel of " + LONG_QUERY;
          cancelLongQuery();
        } else {
          // Mostly statements Spark answers without a shuffle (projections and filters over
          // VALUES, parameters, metadata), so that 6,400 of them fit the time on two cores.
          int dice = random.nextInt(100);
          if (dice < 25) {
            preparedValues(what);
          } else if (dice < 42) {
            filteredValues(what);
          } else if (dice < 54) {
            preparedStrings(what);
          } else if (dice < 64) {
            joinValues(what);
          } else if (dice < 72) {
            metadata(what);
          } else if (dice < 78) {
            sumOfRange(what);
          } else if (dice < 82) {
            aggregateValues(what);
          } else if (dice < 86) {
            partialRead(what);
          } else if (dice < 90) {
            preparedCount(what);
          } else {
            expectedError(what);
          }
        }
      } catch (Throwable t) {
        outcomes.fail(who + " statement " + op + " [" + what[0] + "]: " + stack(t));
        if (++failuresHere > 3) {
          throw new IllegalStateException(who + ": too many failures, stopping");
        }
      } finally {
        outcomes.statements.incrementAndGet();
      }
    }

    private void preparedValues(String[] what) throws SQLException {
      int factor = random.nextInt(2001) - 1000;
      String suffix = randomText();
      int above = random.nextInt(6);
      what[0] = "prepared VALUES factor=" + factor + " suffix=" + suffix + " above=" + above;
      outcomes.count("prepared VALUES");
      projecting.setInt(1, factor);
      projecting.setString(2, suffix);
      projecting.setInt(3, above);
      List<String> expected = new ArrayList<>();
      for (int a = above + 1; a <= 5; a++) {
        expected.add((a * factor) + "|" + (char) ('a' + a - 1) + suffix);
      }
      List<String> actual = new ArrayList<>();
      try (ResultSet rs = projecting.executeQuery()) {
        while (rs.next()) {
          actual.add(rs.getInt("x") + "|" + rs.getString("y"));
        }
      }
      check(actual.equals(expected), "rows " + actual + ", expected " + expected);
    }

    private void filteredValues(String[] what) throws SQLException {
      int rows = 1 + random.nextInt(8);
      StringBuilder values = new StringBuilder();
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < rows; i++) {
        int a = random.nextInt(2001) - 1000;
        String b = safeText();
        values
            .append(i == 0 ? "" : ", ")
            .append('(')
            .append(a)
            .append(", '")
            .append(b)
            .append("')");
        if (a % 2 == 0) {
          expected.add(a + "|" + b + "|" + (a + 1));
        }
      }
      String sql = "SELECT a, b, a + 1 AS c FROM VALUES " + values + " AS t(a, b) WHERE a % 2 = 0";
      what[0] = sql;
      outcomes.count("filtered VALUES");
      List<String> actual = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery(sql)) {
        while (rs.next()) {
          actual.add(rs.getInt(1) + "|" + rs.getString(2) + "|" + rs.getInt(3));
        }
      }
      check(actual.equals(expected), "rows " + actual + ", expected " + expected);
    }

    private void sumOfRange(String[] what) throws SQLException {
      long n = random.nextInt(200_000);
      // one partition (no shuffle: a third of the server's work) or the default partitioning
      String sql =
          random.nextInt(3) == 0
              ? "SELECT sum(id) FROM range(" + n + ")"
              : "SELECT sum(id) FROM range(0, " + n + ", 1, 1)";
      what[0] = sql;
      outcomes.count("sum(range)");
      try (ResultSet rs = statement.executeQuery(sql)) {
        check(rs.next(), "no row");
        long sum = rs.getLong(1);
        if (n == 0) {
          check(rs.wasNull(), "sum of no rows is " + sum + ", not NULL");
        } else {
          check(
              !rs.wasNull() && sum == n * (n - 1) / 2,
              "sum " + sum + ", expected " + n * (n - 1) / 2);
        }
        check(!rs.next(), "more than one row");
      }
    }

    private void preparedCount(String[] what) throws SQLException {
      long n = 1 + random.nextInt(100_000);
      long k = 1 + random.nextInt(20);
      what[0] = "prepared count/sum n=" + n + " k=" + k;
      outcomes.count("prepared count");
      counting.setLong(1, n);
      counting.setLong(2, k);
      long count = (n + k - 1) / k;
      long sum = k * count * (count - 1) / 2;
      try (ResultSet rs = counting.executeQuery()) {
        check(rs.next(), "no row");
        check(rs.getLong("c") == count, "count " + rs.getLong("c") + ", expected " + count);
        check(rs.getLong("s") == sum, "sum " + rs.getLong("s") + ", expected " + sum);
        check(!rs.next(), "more than one row");
      }
    }

    private void preparedStrings(String[] what) throws SQLException {
      String a = randomText();
      String b = randomText();
      long d = random.nextLong() % 1_000_000_000_000L;
      boolean nullFourth = random.nextBoolean();
      what[0] = "prepared strings a=" + a + " b=" + b + " d=" + d;
      outcomes.count("prepared strings");
      strings.setString(1, a);
      strings.setString(2, b);
      strings.setLong(3, d);
      if (nullFourth) {
        strings.setNull(4, Types.VARCHAR);
      } else {
        strings.setString(4, a);
      }
      try (ResultSet rs = strings.executeQuery()) {
        check(rs.next(), "no row");
        check((a + "-" + b).equals(rs.getString("s")), "concat " + rs.getString("s"));
        check(rs.getLong("d") == d * 2, "product " + rs.getLong("d"));
        check(rs.getBoolean("n") == nullFourth, "IS NULL " + rs.getBoolean("n"));
      }
    }

    private void aggregateValues(String[] what) throws SQLException {
      int rows = 1 + random.nextInt(8);
      StringBuilder values = new StringBuilder();
      TreeMap<Integer, long[]> expected = new TreeMap<>();
      for (int i = 0; i < rows; i++) {
        int k = random.nextInt(4);
        int v = random.nextInt(2001) - 1000;
        values.append(i == 0 ? "" : ", ").append('(').append(k).append(", ").append(v).append(')');
        long[] e = expected.computeIfAbsent(k, x -> new long[2]);
        e[0] += v;
        e[1]++;
      }
      String sql =
          "SELECT k, sum(v) AS s, count(*) AS c FROM VALUES "
              + values
              + " AS t(k, v) GROUP BY k ORDER BY k";
      what[0] = sql;
      outcomes.count("aggregate VALUES");
      try (ResultSet rs = statement.executeQuery(sql)) {
        for (Map.Entry<Integer, long[]> e : expected.entrySet()) {
          check(rs.next(), "missing group " + e.getKey());
          check(
              rs.getInt(1) == e.getKey()
                  && rs.getLong(2) == e.getValue()[0]
                  && rs.getLong(3) == e.getValue()[1],
              "group "
                  + rs.getInt(1)
                  + ": "
                  + rs.getLong(2)
                  + ", "
                  + rs.getLong(3)
                  + "; expected "
                  + e.getKey()
                  + ": "
                  + e.getValue()[0]
                  + ", "
                  + e.getValue()[1]);
        }
        check(!rs.next(), "extra group");
      }
    }

    private void joinValues(String[] what) throws SQLException {
      List<int[]> a = randomPairs();
      List<int[]> b = randomPairs();
      List<String> expected = new ArrayList<>();
      for (int[] x : a) {
        for (int[] y : b) {
          if (x[0] == y[0]) {
            expected.add(x[0] + "," + x[1] + "," + y[1] + "," + (long) x[1] * y[1]);
          }
        }
      }
      expected.sort(null);
      String sql =
          "SELECT a.k, a.v, b.w, a.v * b.w AS p FROM VALUES "
              + values(a)
              + " AS a(k, v) JOIN VALUES "
              + values(b)
              + " AS b(k, w) ON a.k = b.k";
      what[0] = sql;
      outcomes.count("join VALUES");
      List<String> actual = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery(sql)) {
        while (rs.next()) {
          actual.add(rs.getInt(1) + "," + rs.getInt(2) + "," + rs.getInt(3) + "," + rs.getLong(4));
        }
      }
      actual.sort(null);
      check(actual.equals(expected), "rows " + actual + ", expected " + expected);
    }

    private void metadata(String[] what) throws SQLException {
      DatabaseMetaData md = connection.getMetaData();
      switch (random.nextInt(3)) {
        case 0 -> {
          what[0] = "getTables(null, " + schema + ", %, null)";
          outcomes.count("getTables");
          List<String> names = new ArrayList<>();
          try (ResultSet rs = md.getTables(null, schema, "%", null)) {
            while (rs.next()) {
              check(
                  schema.equals(rs.getString("TABLE_SCHEM")),
                  "schema " + rs.getString("TABLE_SCHEM"));
              names.add(rs.getString("TABLE_NAME"));
            }
          }
          check(names.equals(List.of("t1", "t2")), "tables " + names);
        }
        case 1 -> {
          what[0] = "getColumns(null, " + schema + ", t1, %)";
          outcomes.count("getColumns");
          List<String> columns = new ArrayList<>();
          try (ResultSet rs = md.getColumns(null, schema, "t1", "%")) {
            while (rs.next()) {
              columns.add(
                  rs.getString("COLUMN_NAME")
                      + ":"
                      + rs.getInt("DATA_TYPE")
                      + ":"
                      + rs.getInt("ORDINAL_POSITION"));
            }
          }
          check(
              columns.equals(List.of("a:" + Types.INTEGER + ":1", "b:" + Types.VARCHAR + ":2")),
              "columns " + columns);
        }
        default -> {
          what[0] = "getSchemas(null, " + schema + ")";
          outcomes.count("getSchemas");
          List<String> schemas = new ArrayList<>();
          try (ResultSet rs = md.getSchemas(null, schema)) {
            while (rs.next()) {
              schemas.add(rs.getString("TABLE_SCHEM"));
            }
          }
          check(schemas.equals(List.of(schema)), "schemas " + schemas);
        }
      }
    }

    /** Reads a few rows of a large result and closes it: the rest is released on the server. */
    private void partialRead(String[] what) throws SQLException {
      int rows = random.nextInt(50);
      String sql = "SELECT id, id * 3 AS t FROM range(100000)"; // 10 Arrow batches
      what[0] = sql + ", " + rows + " rows then close";
      outcomes.count("partial read");
      try (ResultSet rs = statement.executeQuery(sql)) {
        for (int i = 0; i < rows; i++) {
          check(rs.next(), "ended at row " + i);
          check(
              rs.getLong(1) == i && rs.getLong(2) == 3L * i,
              "row " + i + ": " + rs.getLong(1) + ", " + rs.getLong(2));
        }
      }
    }

    private void expectedError(String[] what) throws SQLException {
      boolean syntax = random.nextBoolean();
      String sql =
          syntax ? "SELEC " + random.nextInt(1000) : "SELECT 1 DIV (id - id) FROM range(1)";
      String state = syntax ? "42601" : "22012";
      what[0] = sql;
      outcomes.count("expected error");
      try (ResultSet rs = statement.executeQuery(sql)) {
        while (rs.next()) {
          rs.getObject(1);
        }
        throw new AssertionError("no error");
      } catch (SQLException e) {
        check(
            state.equals(e.getSQLState()),
            "SQLSTATE " + e.getSQLState() + " (" + e + "), expected " + state);
      }
    }

    /**
     * Runs the long query while another thread cancels it (after a random delay, then again every
     * 100 ms until the query ends: a cancel that arrives before the execution started has nothing
     * to cancel). The query either fails with HY008 or, when the cancel came too late, returns the
     * right count; the statement and connection work afterwards.
     */
    private void cancelLongQuery() throws Exception {
      outcomes.count("cancel");
      int delay = random.nextInt(200);
      AtomicBoolean done = new AtomicBoolean();
      Future<Integer> canceller =
          cancellers.submit(
              () -> {
                Thread.sleep(delay);
                int cancels = 0;
                while (!done.get()) {
                  statement.cancel();
                  cancels++;
                  Thread.sleep(100);
                }
                return cancels;
              });
      try (ResultSet rs = statement.executeQuery(LONG_QUERY)) {
        check(rs.next(), "no row");
        check(rs.getLong(1) == LONG_QUERY_ANSWER, "count " + rs.getLong(1));
        outcomes.cancelTooLate.incrementAndGet();
      } catch (SQLException e) {
        if (!"HY008".equals(e.getSQLState())) {
          throw e;
        }
        outcomes.cancelled.incrementAndGet();
      } finally {
        done.set(true);
        try {
          canceller.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          throw new AssertionError("cancel() threw " + stack(e.getCause()), e.getCause());
        }
      }
      try (ResultSet rs = statement.executeQuery("SELECT 7 * 6")) {
        check(rs.next() && rs.getInt(1) == 42, "statement unusable after cancel");
      }
      check(!connection.isClosed(), "connection closed by a cancel");
    }

    private String randomText() {
      int length = random.nextInt(12);
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < length; i++) {
        s.appendCodePoint(
            ALPHABET.codePointAt(
                ALPHABET.offsetByCodePoints(
                    0, random.nextInt(ALPHABET.codePointCount(0, ALPHABET.length())))));
      }
      return s.toString();
    }

    /** Text for string literals in SQL: no quotes or backslashes. */
    private String safeText() {
      String letters = "abcXYZ 09éß日本😀";
      int length = random.nextInt(10);
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < length; i++) {
        s.appendCodePoint(
            letters.codePointAt(
                letters.offsetByCodePoints(
                    0, random.nextInt(letters.codePointCount(0, letters.length())))));
      }
      return s.toString();
    }

    private List<int[]> randomPairs() {
      int n = 1 + random.nextInt(6);
      List<int[]> out = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        out.add(new int[] {random.nextInt(4), random.nextInt(201) - 100});
      }
      return out;
    }

    private static String values(List<int[]> rows) {
      StringBuilder s = new StringBuilder();
      for (int[] r : rows) {
        s.append(s.length() == 0 ? "" : ", ")
            .append('(')
            .append(r[0])
            .append(", ")
            .append(r[1])
            .append(')');
      }
      return s.toString();
    }
  }

  // ---------------------------------------------------------------------------------------
  // Machinery

  static void check(boolean ok, String what) {
    if (!ok) {
      throw new AssertionError(what);
    }
  }

  /**
   * Waits for every future within the deadline; a hang is a failure, not a blocked build. At the
   * deadline the workers are asked to stop after their current statement; the stacks of those that
   * do not are reported.
   */
  private static void awaitAll(List<Future<?>> futures, Outcomes outcomes, String pool)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
    for (Future<?> f : futures) {
      try {
        f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (ExecutionException e) {
        outcomes.fail("worker failed: " + stack(e.getCause()));
      } catch (TimeoutException e) {
        String stuck = stuckThreads(pool);
        outcomes.fail(
            "not done after "
                + DEADLINE_SECONDS
                + " s, "
                + outcomes.statements.get()
                + " statements done; threads still busy:"
                + stuck);
        outcomes.deadlinePassed = true;
        return;
      }
    }
  }

  private static String stuckThreads(String prefix) {
    StringBuilder s = new StringBuilder();
    Thread.getAllStackTraces()
        .forEach(
            (t, trace) -> {
              if (t.getName().startsWith(prefix)) {
                s.append("\n    ").append(t.getName()).append(" ").append(t.getState());
                for (int i = 0; i < Math.min(12, trace.length); i++) {
                  s.append("\n      at ").append(trace[i]);
                }
              }
            });
    return s.toString();
  }

  private static void report(String name, Outcomes outcomes, long startedNanos) {
    System.out.printf(
        Locale.ROOT,
        "ConcurrencyTest %s: %d statements in %.1f s, %s;"
            + " long queries cancelled %d, finished before the cancel %d; seed %d%n",
        name,
        outcomes.statements.get(),
        (System.nanoTime() - startedNanos) / 1e9,
        outcomes.kinds,
        outcomes.cancelled.get(),
        outcomes.cancelTooLate.get(),
        SEED);
    outcomes.failures.forEach(f -> System.out.println("  FAILURE " + f));
  }

  static void shutdown(ExecutorService pool) {
    pool.shutdown();
    try {
      pool.awaitTermination(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    pool.shutdownNow();
    try {
      if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
        System.err.println("a thread pool did not stop within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.getAndIncrement());
      t.setDaemon(true);
      return t;
    };
  }

  static String stack(Throwable t) {
    StringBuilder s = new StringBuilder(String.valueOf(t));
    StackTraceElement[] trace = t == null ? new StackTraceElement[0] : t.getStackTrace();
    for (int i = 0; i < Math.min(6, trace.length); i++) {
      s.append("\n      at ").append(trace[i]);
    }
    if (t != null && t.getCause() != null && t.getCause() != t) {
      s.append("\n    caused by ").append(t.getCause());
    }
    return s.toString();
  }
}
