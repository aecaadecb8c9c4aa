package dev.sparkjdbc.tck.cluster;

import static dev.sparkjdbc.tck.harness.OperationAssertions.assertGoneFromServer;
import static dev.sparkjdbc.tck.harness.OperationAssertions.assertUsable;
import static dev.sparkjdbc.tck.harness.OperationAssertions.operationId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkjdbc.jdbc.SparkConnectStatementInfo;
import dev.sparkjdbc.tck.harness.Background;
import dev.sparkjdbc.tck.harness.ServerOperations;
import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import dev.sparkjdbc.tck.tpch.TpchDatabase;
import dev.sparkjdbc.tck.tpch.TpchQueries;
import io.trino.tpch.LineItem;
import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchColumnType;
import io.trino.tpch.TpchTable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The driver against a real multi-process Spark cluster: a standalone Master, two Workers with one
 * core each and {@code EmbeddedSparkConnectServer --master spark://…} as the application (see
 * {@link StandaloneCluster}). TPC-H, a long stream, metadata, prepared statements and cancel run
 * with both executors; the last test kills a Worker under a running query. The TPC-H queries also
 * run on the suite's shared local-mode server: the answers must be the same, and both times are
 * printed.
 */
@ExtendWith({SparkConnectServerExtension.class, StandaloneClusterExtension.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterTest {
  /**
   * TpchDatabase's scale factor: the prepared-statement test recomputes sums from the generator.
   */
  private static final double TPCH_SCALE_FACTOR = 0.01;

  private static final Duration PROMPT = Duration.ofSeconds(10);

  @Test
  @Order(1)
  void tpchRunsOnBothExecutorsAndAnswersAsLocalModeDoes(
      StandaloneCluster cluster, SparkConnectServer local) throws SQLException {
    long loadStart = System.nanoTime();
    TpchDatabase onCluster = TpchDatabase.on(cluster.url());
    long loadMillis = (System.nanoTime() - loadStart) / 1_000_000;
    TpchDatabase onLocal = TpchDatabase.on(local.url());
    long tasks1 = cluster.tasksStartedOnWorker(1);
    long tasks2 = cluster.tasksStartedOnWorker(2);

    long clusterMillis = 0;
    long localMillis = 0;
    try (Connection c = onCluster.connect("translate");
        Connection l = onLocal.connect("translate")) {
      for (String query : TpchQueries.names()) {
        String sql = TpchQueries.sql(query);
        long t0 = System.nanoTime();
        List<List<Object>> expected = rows(l, sql);
        long t1 = System.nanoTime();
        List<List<Object>> actual = rows(c, sql);
        long t2 = System.nanoTime();
        localMillis += (t1 - t0) / 1_000_000;
        clusterMillis += (t2 - t1) / 1_000_000;
        System.out.printf(
            Locale.ROOT,
            "[StandaloneClusterTest] TPC-H %s: cluster %5d ms, local %5d ms, %d rows%n",
            query,
            (t2 - t1) / 1_000_000,
            (t1 - t0) / 1_000_000,
            actual.size());
        assertThat(expected).as("%s on local mode returns rows", query).isNotEmpty();
        if (sql.toLowerCase(Locale.ROOT).matches("(?s).*\\border\\s+by\\b.*")) {
          assertThat(actual).as("%s on the cluster, in order", query).isEqualTo(expected);
        } else {
          assertThat(actual)
              .as("%s on the cluster", query)
              .containsExactlyInAnyOrderElementsOf(expected);
        }
      }
    }
    long onWorker1 = cluster.tasksStartedOnWorker(1) - tasks1;
    long onWorker2 = cluster.tasksStartedOnWorker(2) - tasks2;
    System.out.printf(
        Locale.ROOT,
        "[StandaloneClusterTest] TPC-H SF %s, 22 queries: cluster %,d ms, local mode %,d ms"
            + " (ratio %.2f; first run of each on each side, shared machine); tables loaded on the"
            + " cluster in %,d ms; tasks started on worker 1: %d, worker 2: %d%n",
        TPCH_SCALE_FACTOR,
        clusterMillis,
        localMillis,
        (double) clusterMillis / Math.max(1, localMillis),
        loadMillis,
        onWorker1,
        onWorker2);
    // Evidence from the executors themselves (their stderr) that the work was spread.
    assertThat(onWorker1).as("tasks the executor of worker 1 ran for TPC-H").isPositive();
    assertThat(onWorker2).as("tasks the executor of worker 2 ran for TPC-H").isPositive();
  }

  @Test
  @Order(2)
  void tenMillionRowsStreamFromBothExecutors(StandaloneCluster cluster) throws SQLException {
    long rows = 10_000_000;
    // Eight partitions: the two executors compute them, the server streams them in order.
    String sql =
        "SELECT id, id * 2 AS twice, CAST(id AS STRING) AS s FROM range(0, " + rows + ", 1, 8)";
    long expectedChars = 0;
    for (long i = 0; i < rows; i++) {
      expectedChars += Long.toString(i).length();
    }
    long start = System.nanoTime();
    long count = 0;
    long sum = 0;
    long chars = 0;
    long misplaced = 0;
    try (Connection c = DriverManager.getConnection(cluster.url());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        long id = rs.getLong(1);
        String text = rs.getString(3);
        if (id != count || rs.getLong(2) != 2 * id || !text.equals(Long.toString(id))) {
          misplaced++;
        }
        sum += id;
        chars += text.length();
        count++;
      }
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf(
        Locale.ROOT,
        "[StandaloneClusterTest] %,d rows streamed from the cluster in %,d ms (%,d rows/s)%n",
        count,
        millis,
        count * 1000 / Math.max(1, millis));
    assertThat(count).isEqualTo(rows);
    assertThat(misplaced).as("rows out of place or with wrong values").isZero();
    assertThat(sum).isEqualTo(rows * (rows - 1) / 2);
    assertThat(chars).as("characters of the string column").isEqualTo(expectedChars);
  }

  @Test
  @Order(3)
  void metadataListsTheTpchTablesAndColumns(StandaloneCluster cluster) throws SQLException {
    TpchDatabase.on(cluster.url());
    Set<String> expectedTables = new TreeSet<>();
    for (TpchTable<?> table : TpchTable.getTables()) {
      expectedTables.add(table.getTableName());
    }
    try (Connection c = DriverManager.getConnection(cluster.url())) {
      DatabaseMetaData md = c.getMetaData();
      Set<String> tables = new TreeSet<>();
      try (ResultSet rs = md.getTables(null, TpchDatabase.SCHEMA, "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          assertThat(rs.getString("TABLE_SCHEM")).isEqualTo(TpchDatabase.SCHEMA);
          tables.add(rs.getString("TABLE_NAME"));
        }
      }
      assertThat(tables).isEqualTo(expectedTables);

      List<TpchColumn<LineItem>> expected = TpchTable.LINE_ITEM.getColumns();
      try (ResultSet rs = md.getColumns(null, TpchDatabase.SCHEMA, "lineitem", "%")) {
        for (int i = 0; i < expected.size(); i++) {
          TpchColumn<LineItem> column = expected.get(i);
          assertThat(rs.next()).as("column %d of lineitem", i + 1).isTrue();
          assertThat(rs.getString("COLUMN_NAME")).isEqualTo(column.getColumnName());
          assertThat(rs.getInt("ORDINAL_POSITION")).isEqualTo(i + 1);
          assertThat(rs.getInt("DATA_TYPE"))
              .as("DATA_TYPE of %s", column.getColumnName())
              .isEqualTo(jdbcType(column.getType().getBase()));
          if (column.getType().getBase() == TpchColumnType.Base.DOUBLE) {
            assertThat(rs.getInt("COLUMN_SIZE")).isEqualTo(15);
            assertThat(rs.getInt("DECIMAL_DIGITS")).isEqualTo(2);
          }
        }
        assertThat(rs.next()).as("a column after the last one of lineitem").isFalse();
      }
    }
  }

  @Test
  @Order(4)
  void preparedStatementsBindParametersOnTheCluster(StandaloneCluster cluster) throws SQLException {
    TpchDatabase db = TpchDatabase.on(cluster.url());
    String sql =
        "SELECT count(*), sum(l_quantity), sum(l_extendedprice) FROM tpch.lineitem"
            + " WHERE l_shipdate <= ? AND l_returnflag = ?";
    try (Connection c = db.connect("translate");
        PreparedStatement ps = c.prepareStatement(sql)) {
      // The same statement twice with other values: the second run must not see the first's.
      for (Object[] parameters :
          List.of(
              new Object[] {LocalDate.of(1995, 6, 17), "R"},
              new Object[] {LocalDate.of(1998, 9, 2), "N"})) {
        LocalDate shipDate = (LocalDate) parameters[0];
        String flag = (String) parameters[1];
        ps.setDate(1, java.sql.Date.valueOf(shipDate));
        ps.setString(2, flag);
        BigDecimal[] expected = lineitemTotals(shipDate, flag);
        try (ResultSet rs = ps.executeQuery()) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getLong(1))
              .as("count for %s, %s", shipDate, flag)
              .isEqualTo(expected[0].longValueExact());
          assertThat(rs.getBigDecimal(2))
              .as("quantity for %s, %s", shipDate, flag)
              .isEqualByComparingTo(expected[1]);
          assertThat(rs.getBigDecimal(3))
              .as("price for %s, %s", shipDate, flag)
              .isEqualByComparingTo(expected[2]);
          assertThat(rs.next()).isFalse();
        }
      }
    }
  }

  @Test
  @Order(5)
  void cancelStopsTheQueryOnTheExecutors(StandaloneCluster cluster) throws Throwable {
    SparkConnectServer server = cluster.server();
    try (Connection c = DriverManager.getConnection(cluster.url());
        Statement s = c.createStatement()) {
      // Runs for many minutes on two cores: only a working cancel ends it in time.
      Background<ResultSet> query =
          Background.start(
              () ->
                  s.executeQuery(
                      "SELECT count(*) FROM range(0, 50000000000, 1, 64) WHERE rand() < 2"));
      String operation = awaitRunningJob(server, s);
      long cancelled = System.nanoTime();
      s.cancel();
      Throwable failure = query.failure(PROMPT);
      System.out.printf(
          "[StandaloneClusterTest] cancel on the cluster: query ended after %,d ms%n",
          (query.finishedNanos() - cancelled) / 1_000_000);
      assertThat(failure).isInstanceOf(SQLException.class);
      assertThat(((SQLException) failure).getSQLState()).isEqualTo("HY008");
      assertGoneFromServer(server, operation);
      assertUsable(c);
    }
  }

  @Test
  @Order(6)
  void deltaTablesWorkOnTheExecutors(StandaloneCluster cluster) throws SQLException {
    // The server's default table format is Delta: the executors write and rewrite its files.
    try (Connection c = DriverManager.getConnection(cluster.url());
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS cluster_delta");
      s.execute("CREATE TABLE cluster_delta AS SELECT id FROM range(0, 1000, 1, 4)");
      assertThat(s.executeUpdate("UPDATE cluster_delta SET id = id + 1000 WHERE id < 10"))
          .isEqualTo(10);
      try (ResultSet rs = s.executeQuery("SELECT count(*), sum(id) FROM cluster_delta")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(1000);
        assertThat(rs.getLong(2)).isEqualTo(999L * 1000 / 2 + 10 * 1000);
      }
      s.execute("DROP TABLE cluster_delta");
    }
  }

  /**
   * Last, since the cluster has one Worker afterwards. A Worker killed with SIGKILL takes its
   * executor with it; Spark reruns the lost tasks on the other executor. The query either completes
   * with the right answer or fails with a SQLException that says why; either way the connection
   * works afterwards and the server holds no operation.
   */
  @Test
  @Order(7)
  void aWorkerKilledMidQueryLeavesAUsableConnectionAndNoOperation(StandaloneCluster cluster)
      throws Throwable {
    SparkConnectServer server = cluster.server();
    long rows = 40_000_000;
    // sha2 makes every row cost CPU (many seconds in all); the filter keeps every row, so the
    // answer is known: count = rows, and id % 1000 sums to 499,500 per thousand rows.
    String sql =
        "SELECT count(*), sum(id % 1000) FROM range(0, "
            + rows
            + ", 1, 16) WHERE sha2(CAST(id AS STRING), 256) <> ''";
    try (Connection c = DriverManager.getConnection(cluster.url());
        Statement s = c.createStatement()) {
      long startedBefore = cluster.tasksStartedOnWorker(1) + cluster.tasksStartedOnWorker(2);
      // Tasks killed by the cancel test have no "Finished" line either: count from here.
      long unfinishedBefore = cluster.tasksRunningOnWorker(2);
      long start = System.nanoTime();
      Background<long[]> query =
          Background.start(
              () -> {
                try (ResultSet rs = s.executeQuery(sql)) {
                  rs.next();
                  return new long[] {rs.getLong(1), rs.getLong(2)};
                }
              });
      String operation = awaitRunningJob(server, s);
      // Kill it while its executor runs a task of this query (each takes about a second), so
      // that work is really lost and must run again on the other executor.
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (cluster.tasksRunningOnWorker(2) == unfinishedBefore) {
        assertThat(System.nanoTime() - deadline)
            .as("worker 2 started a task of the query")
            .isNegative();
        assertThat(query.isDone()).as("the query ended before worker 2 ran a task of it").isFalse();
        Thread.sleep(10);
      }
      long killed = System.nanoTime();
      List<ProcessHandle> executors = cluster.killWorker(2);
      long startedOnVictim = cluster.tasksStartedOnWorker(2);
      System.out.printf(
          "[StandaloneClusterTest] worker 2 killed (SIGKILL) %,d ms into the query; its executors:"
              + " %s%n",
          (killed - start) / 1_000_000, executors.stream().map(ProcessHandle::pid).toList());

      String outcome;
      try {
        long[] answer = query.await(Duration.ofMinutes(3));
        outcome = "completed";
        assertThat(answer[0]).isEqualTo(rows);
        assertThat(answer[1]).isEqualTo(rows / 1000 * 499_500L);
      } catch (SQLException e) {
        outcome = "failed with SQLSTATE " + e.getSQLState() + ": " + e.getMessage();
        assertThat(e.getSQLState()).as("SQLSTATE of %s", e).isNotBlank();
        assertThat(e.getMessage()).as("message").isNotBlank();
      }
      long ended = System.nanoTime();
      // 16 partitions and a final aggregation; more tasks than that ran again after the loss.
      long started = startedOnVictim + cluster.tasksStartedOnWorker(1) - startedBefore;
      System.out.printf(
          "[StandaloneClusterTest] query under worker loss %s: %,d ms in all, %,d ms after the"
              + " kill; %d tasks started for 16 partitions and the final aggregation%n",
          outcome, (ended - start) / 1_000_000, (ended - killed) / 1_000_000, started);
      for (ProcessHandle executor : executors) {
        // The executor watches its Worker and exits when it goes away.
        assertThat(executor.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS).isAlive())
            .as("executor %d of the killed worker still alive", executor.pid())
            .isFalse();
      }

      assertUsable(c);
      assertGoneFromServer(server, operationId(s));
      assertThat(operation).isEqualTo(operationId(s));
    }
    List<ServerOperations.Operation> left = server.operations().awaitNone(PROMPT);
    assertThat(left).as("operations left on the server").isEmpty();
  }

  /** Waits until the statement's operation runs a Spark job on the server; returns its id. */
  private static String awaitRunningJob(SparkConnectServer server, Statement s) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      String id = s.unwrap(SparkConnectStatementInfo.class).lastOperationId().orElse(null);
      if (id != null
          && server.operations().list().stream()
              .anyMatch(op -> op.operationId().equals(id) && op.runningJobs() > 0)) {
        return id;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the statement ran no job: " + server.operations().list());
  }

  /** Every row as getObject values. */
  private static List<List<Object>> rows(Connection c, String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
          row.add(rs.getObject(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /**
   * Count, sum of quantities and sum of prices of the lineitem rows shipped on or before {@code
   * shipDate} with {@code flag}, from the TPC-H generator itself (what TpchDatabase loaded).
   */
  private static BigDecimal[] lineitemTotals(LocalDate shipDate, String flag) {
    TpchColumn<LineItem> date = column("l_shipdate");
    TpchColumn<LineItem> returnFlag = column("l_returnflag");
    TpchColumn<LineItem> quantity = column("l_quantity");
    TpchColumn<LineItem> price = column("l_extendedprice");
    long count = 0;
    BigDecimal quantities = BigDecimal.ZERO;
    BigDecimal prices = BigDecimal.ZERO;
    for (LineItem item : TpchTable.LINE_ITEM.createGenerator(TPCH_SCALE_FACTOR, 1, 1)) {
      if (!LocalDate.ofEpochDay(date.getDate(item)).isAfter(shipDate)
          && returnFlag.getString(item).equals(flag)) {
        count++;
        quantities = quantities.add(cents(quantity.getDouble(item)));
        prices = prices.add(cents(price.getDouble(item)));
      }
    }
    return new BigDecimal[] {BigDecimal.valueOf(count), quantities, prices};
  }

  private static BigDecimal cents(double value) {
    return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
  }

  private static TpchColumn<LineItem> column(String name) {
    return TpchTable.LINE_ITEM.getColumns().stream()
        .filter(c -> c.getColumnName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static int jdbcType(TpchColumnType.Base base) {
    return switch (base) {
      case IDENTIFIER -> Types.BIGINT;
      case INTEGER -> Types.INTEGER;
      case DOUBLE -> Types.DECIMAL;
      case DATE -> Types.DATE;
      case VARCHAR -> Types.VARCHAR;
    };
  }
}
