package dev.sparkjdbc.tck.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Row-level DML on Delta Lake tables (the server's default table format) through every kind of
 * statement. Delta answers UPDATE, DELETE and MERGE with {@code num_affected_rows}, which the
 * driver returns as the update count; {@code INSERT … VALUES} counts its rows, {@code INSERT …
 * SELECT} has no known count ({@code executeUpdate} 0, a batch entry {@code SUCCESS_NO_INFO}), DDL
 * and TRUNCATE count 0. Every count is checked against the table's rows before and after. Also:
 * Delta's history and time travel, and how metadata lists Delta tables.
 *
 * <p>Delta DML costs a few Spark jobs per statement, so each test runs only a handful of them.
 */
@ExtendWith(SparkConnectServerExtension.class)
class DeltaDmlTest {
  private final List<String> tables = new ArrayList<>();
  private Connection connection;
  private Statement statement;

  @BeforeEach
  void connect(SparkConnectServer server) throws SQLException {
    connection = DriverManager.getConnection(server.url());
    statement = connection.createStatement();
  }

  @AfterEach
  void dropAndDisconnect() throws SQLException {
    try (Statement s = connection.createStatement()) {
      for (String table : tables) {
        s.execute("DROP TABLE IF EXISTS " + table);
      }
    } finally {
      connection.close();
    }
  }

  /** A fresh name, dropped after the test. */
  private String name(String prefix) {
    String table = TestSchemas.unique(prefix);
    tables.add(table);
    return table;
  }

  /** A Delta table {@code (k INT, v STRING)}: CREATE TABLE without USING makes one. */
  private String deltaTable(String prefix) throws SQLException {
    String table = name(prefix);
    assertThat(statement.executeUpdate("CREATE TABLE " + table + " (k INT, v STRING)")).isZero();
    return table;
  }

  /** A Delta table holding (1, 'a') … (n, letter n). */
  private String deltaTableWithRows(String prefix, int n) throws SQLException {
    String table = deltaTable(prefix);
    StringBuilder values = new StringBuilder();
    for (int k = 1; k <= n; k++) {
      values.append(k == 1 ? "" : ", ").append("(").append(k).append(", '");
      values.append((char) ('a' + k - 1)).append("')");
    }
    assertThat(statement.executeUpdate("INSERT INTO " + table + " VALUES " + values)).isEqualTo(n);
    return table;
  }

  private long count(String table) throws SQLException {
    return count(table, "TRUE");
  }

  private long count(String table, String where) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table + " WHERE " + where)) {
      assertThat(rs.next()).isTrue();
      return rs.getLong(1);
    }
  }

  /** Every row as k → v, in key order. */
  private Map<Integer, String> rows(String table) throws SQLException {
    return rows("SELECT k, v FROM " + table + " ORDER BY k", statement);
  }

  private static Map<Integer, String> rows(String query, Statement s) throws SQLException {
    Map<Integer, String> rows = new LinkedHashMap<>();
    try (ResultSet rs = s.executeQuery(query)) {
      while (rs.next()) {
        rows.put(rs.getInt(1), rs.getString(2));
      }
    }
    return rows;
  }

  private static Map<Integer, String> rows(PreparedStatement p) throws SQLException {
    Map<Integer, String> rows = new LinkedHashMap<>();
    try (ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        rows.put(rs.getInt(1), rs.getString(2));
      }
    }
    return rows;
  }

  private static String merge(String table, String source) {
    return "MERGE INTO "
        + table
        + " t USING ("
        + source
        + ") s ON t.k = s.k WHEN MATCHED THEN UPDATE SET v = s.v"
        + " WHEN NOT MATCHED THEN INSERT (k, v) VALUES (s.k, s.v)";
  }

  /** execute() of DML: no result set, the count, then no more results (JDBC's protocol). */
  private static void assertExecuteCounts(Statement s, boolean producedRows, long expected)
      throws SQLException {
    assertThat(producedRows).as("execute() of DML returns false").isFalse();
    assertThat(s.getResultSet()).isNull();
    assertThat(s.getUpdateCount()).isEqualTo((int) expected);
    assertThat(s.getLargeUpdateCount()).isEqualTo(expected);
    assertThat(s.getMoreResults()).isFalse();
    assertThat(s.getUpdateCount()).isEqualTo(-1);
    assertThat(s.getLargeUpdateCount()).isEqualTo(-1L);
    assertThat(s.getResultSet()).isNull();
  }

  @Test
  void aTableCreatedWithoutUsingIsDeltaAndUsingParquetIsParquet() throws SQLException {
    String delta = deltaTable("dml_fmt_delta");
    String parquet = name("dml_fmt_parquet");
    statement.executeUpdate("CREATE TABLE " + parquet + " (k INT, v STRING) USING parquet");

    try (ResultSet rs = statement.executeQuery("DESCRIBE DETAIL " + delta)) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString("format")).isEqualTo("delta");
      assertThat(rs.getString("name")).endsWith("." + delta);
    }
    assertThat(provider(delta)).isEqualToIgnoringCase("delta");
    assertThat(provider(parquet)).isEqualToIgnoringCase("parquet");
  }

  /** The Provider row of DESCRIBE EXTENDED. */
  private String provider(String table) throws SQLException {
    try (ResultSet rs = statement.executeQuery("DESCRIBE EXTENDED " + table)) {
      while (rs.next()) {
        if ("Provider".equals(rs.getString("col_name"))) {
          return rs.getString("data_type");
        }
      }
    }
    throw new AssertionError("DESCRIBE EXTENDED " + table + " has no Provider row");
  }

  @Test
  void executeUpdateAndExecuteLargeUpdateReturnDeltaCounts() throws SQLException {
    String t = deltaTable("dml_exec_update");

    assertThat(statement.executeUpdate("INSERT INTO " + t + " VALUES (1, 'a'), (2, 'b'), (3, 'c')"))
        .isEqualTo(3);
    assertThat(
            statement.executeLargeUpdate(
                "INSERT INTO " + t + " VALUES (4, 'd'), (5, 'e'), (6, 'f')"))
        .isEqualTo(3L);
    assertThat(count(t)).isEqualTo(6);

    assertThat(count(t, "v = 'u'")).isZero();
    assertThat(statement.executeUpdate("UPDATE " + t + " SET v = 'u' WHERE k <= 2")).isEqualTo(2);
    assertThat(count(t, "v = 'u'")).isEqualTo(2);
    assertThat(statement.executeLargeUpdate("UPDATE " + t + " SET v = 'w' WHERE k BETWEEN 2 AND 4"))
        .isEqualTo(3L);
    assertThat(count(t, "v = 'w'")).isEqualTo(3);
    assertThat(count(t)).isEqualTo(6);

    assertThat(statement.executeUpdate("DELETE FROM " + t + " WHERE k = 6")).isEqualTo(1);
    assertThat(count(t)).isEqualTo(5);
    assertThat(statement.executeLargeUpdate("DELETE FROM " + t + " WHERE v = 'w'")).isEqualTo(3L);
    assertThat(rows(t)).containsExactly(Map.entry(1, "u"), Map.entry(5, "e"));

    // MERGE counts the rows it updated plus the rows it inserted: 2 matched + 1 not matched
    assertThat(
            statement.executeUpdate(
                merge(t, "SELECT * FROM VALUES (1, 'm'), (5, 'm'), (7, 'n') AS src(k, v)")))
        .isEqualTo(3);
    assertThat(rows(t)).containsExactly(Map.entry(1, "m"), Map.entry(5, "m"), Map.entry(7, "n"));
    // 1 matched + 2 not matched
    assertThat(
            statement.executeLargeUpdate(
                merge(t, "SELECT * FROM VALUES (7, 'x'), (8, 'y'), (9, 'z') AS src(k, v)")))
        .isEqualTo(3L);
    assertThat(count(t)).isEqualTo(5);
    assertThat(count(t, "v IN ('x', 'y', 'z')")).isEqualTo(3);

    assertThat(statement.executeUpdate("TRUNCATE TABLE " + t)).isZero();
    assertThat(count(t)).isZero();
    assertThat(statement.executeUpdate("INSERT INTO " + t + " VALUES (1, 'a')")).isEqualTo(1);
    assertThat(statement.executeLargeUpdate("TRUNCATE TABLE " + t)).isZero();
    assertThat(count(t)).isZero();
  }

  @Test
  void dmlMatchingNoRowCountsZero() throws SQLException {
    String t = deltaTableWithRows("dml_no_match", 3);

    assertThat(statement.executeUpdate("UPDATE " + t + " SET v = 'u' WHERE k > 100")).isZero();
    assertExecuteCounts(
        statement, statement.execute("DELETE FROM " + t + " WHERE v = 'nothing'"), 0);
    // a MERGE whose source is empty changes nothing
    assertThat(statement.executeLargeUpdate(merge(t, "SELECT k, v FROM " + t + " WHERE k < 0")))
        .isZero();
    assertThat(rows(t)).containsExactly(Map.entry(1, "a"), Map.entry(2, "b"), Map.entry(3, "c"));
  }

  @Test
  void executeOfDeltaDmlReportsTheCountThenNoMoreResults() throws SQLException {
    String t = deltaTableWithRows("dml_execute", 4);

    assertExecuteCounts(
        statement, statement.execute("UPDATE " + t + " SET v = 'u' WHERE k > 2"), 2);
    assertThat(count(t, "v = 'u'")).isEqualTo(2);

    assertExecuteCounts(statement, statement.execute("DELETE FROM " + t + " WHERE k = 1"), 1);
    assertThat(count(t)).isEqualTo(3);

    // 1 matched (k = 2) + 2 not matched (k = 10, 11)
    assertExecuteCounts(
        statement,
        statement.execute(
            merge(t, "SELECT * FROM VALUES (2, 'm'), (10, 'n'), (11, 'n') AS src(k, v)")),
        3);
    assertThat(rows(t))
        .containsExactly(
            Map.entry(2, "m"),
            Map.entry(3, "u"),
            Map.entry(4, "u"),
            Map.entry(10, "n"),
            Map.entry(11, "n"));

    // the INSERT that follows gets its own count, not a stale one
    assertExecuteCounts(
        statement, statement.execute("INSERT INTO " + t + " VALUES (20, 'x'), (21, 'y')"), 2);
    assertThat(count(t)).isEqualTo(7);
  }

  @Test
  void preparedDmlWithParametersReturnsDeltaCounts() throws SQLException {
    String t = deltaTable("dml_prepared");
    try (PreparedStatement insert =
        connection.prepareStatement("INSERT INTO " + t + " VALUES (?, ?), (?, ?), (?, ?)")) {
      for (int i = 0; i < 3; i++) {
        insert.setInt(2 * i + 1, i + 1);
        insert.setString(2 * i + 2, "v" + (i + 1));
      }
      assertThat(insert.executeUpdate()).isEqualTo(3);
    }
    assertThat(count(t)).isEqualTo(3);

    try (PreparedStatement update =
        connection.prepareStatement("UPDATE " + t + " SET v = ? WHERE k >= ?")) {
      update.setString(1, "u");
      update.setInt(2, 3);
      assertThat(update.executeUpdate()).isEqualTo(1);
      assertThat(count(t, "v = 'u'")).isEqualTo(1);

      update.setString(1, "z");
      update.setInt(2, 2);
      assertExecuteCounts(update, update.execute(), 2);
      assertThat(count(t, "v = 'z'")).isEqualTo(2);
    }

    try (PreparedStatement delete =
        connection.prepareStatement("DELETE FROM " + t + " WHERE v = ?")) {
      delete.setString(1, "z");
      assertThat(delete.executeLargeUpdate()).isEqualTo(2L);
    }
    assertThat(rows(t)).containsExactly(Map.entry(1, "v1"));

    try (PreparedStatement merge = connection.prepareStatement(merge(t, "SELECT ? AS k, ? AS v"))) {
      merge.setInt(1, 1); // matched: updated
      merge.setString(2, "m");
      assertThat(merge.executeUpdate()).isEqualTo(1);
      merge.setInt(1, 50); // not matched: inserted
      merge.setString(2, "n");
      assertExecuteCounts(merge, merge.execute(), 1);
    }
    assertThat(rows(t)).containsExactly(Map.entry(1, "m"), Map.entry(50, "n"));
  }

  @Test
  void preparedBatchesCountEachEntry() throws SQLException {
    String t = deltaTable("dml_pbatch");
    try (PreparedStatement insert =
        connection.prepareStatement("INSERT INTO " + t + " VALUES (?, ?)")) {
      for (int k = 1; k <= 4; k++) {
        insert.setInt(1, k);
        insert.setString(2, "v" + k);
        insert.addBatch();
      }
      assertThat(insert.executeBatch()).containsExactly(1, 1, 1, 1);
    }
    assertThat(count(t)).isEqualTo(4);

    try (PreparedStatement update =
        connection.prepareStatement("UPDATE " + t + " SET v = ? WHERE k = ?")) {
      update.setString(1, "u1");
      update.setInt(2, 1);
      update.addBatch();
      update.setString(1, "u99");
      update.setInt(2, 99); // matches nothing
      update.addBatch();
      assertThat(update.executeBatch()).containsExactly(1, 0);
    }
    assertThat(count(t, "v LIKE 'u%'")).isEqualTo(1);

    try (PreparedStatement delete =
        connection.prepareStatement("DELETE FROM " + t + " WHERE k = ?")) {
      delete.setInt(1, 2);
      delete.addBatch();
      delete.setInt(1, 404); // matches nothing
      delete.addBatch();
      assertThat(delete.executeLargeBatch()).containsExactly(1L, 0L);
    }
    assertThat(count(t)).isEqualTo(3);

    try (PreparedStatement merge = connection.prepareStatement(merge(t, "SELECT ? AS k, ? AS v"))) {
      merge.setInt(1, 3); // matched
      merge.setString(2, "m3");
      merge.addBatch();
      merge.setInt(1, 60); // not matched
      merge.setString(2, "n60");
      merge.addBatch();
      assertThat(merge.executeBatch()).containsExactly(1, 1);
    }
    assertThat(rows(t))
        .containsExactly(
            Map.entry(1, "u1"), Map.entry(3, "m3"), Map.entry(4, "v4"), Map.entry(60, "n60"));
  }

  @Test
  void statementBatchMixesDdlAndEveryKindOfDml() throws SQLException {
    String t = name("dml_sbatch");
    statement.addBatch("CREATE TABLE " + t + " (k INT, v STRING)");
    statement.addBatch("INSERT INTO " + t + " VALUES (1, 'a'), (2, 'b'), (3, 'c')");
    statement.addBatch("UPDATE " + t + " SET v = 'u' WHERE k >= 2");
    statement.addBatch("DELETE FROM " + t + " WHERE k = 3");
    statement.addBatch("INSERT INTO " + t + " SELECT k + 10, v FROM " + t);
    statement.addBatch(merge(t, "SELECT * FROM VALUES (1, 'm'), (30, 'n') AS src(k, v)"));
    assertThat(statement.executeBatch()).containsExactly(0, 3, 2, 1, Statement.SUCCESS_NO_INFO, 2);
    assertThat(rows(t))
        .containsExactly(
            Map.entry(1, "m"),
            Map.entry(2, "u"),
            Map.entry(11, "a"),
            Map.entry(12, "u"),
            Map.entry(30, "n"));
    assertThat(statement.executeBatch()).as("the batch was consumed").isEmpty();
  }

  @Test
  void executeUpdateOfAQueryIsRefusedBeforeItReachesTheServer() throws SQLException {
    // Had either reached the server, it would have failed there with 42P01 or the raised error.
    String missing = TestSchemas.unique("no_such_table");
    assertThatThrownBy(() -> statement.executeUpdate("SELECT * FROM " + missing))
        .isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("07000"));
    assertThatThrownBy(() -> statement.executeLargeUpdate("SELECT raise_error('it ran')"))
        .isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("07000"));
    try (PreparedStatement p =
        connection.prepareStatement("SELECT * FROM " + missing + " WHERE k = ?")) {
      p.setInt(1, 1);
      assertThatThrownBy(p::executeUpdate)
          .isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("07000"));
    }
    // the statement and the connection stay usable
    String t = deltaTableWithRows("dml_wrong_kind", 2);
    assertThat(count(t)).isEqualTo(2);
  }

  @Test
  void executeQueryOfDmlOrDdlIsRefusedBeforeItReachesTheServer() throws SQLException {
    String t = deltaTableWithRows("dml_exec_query", 3);

    assertThatThrownBy(() -> statement.executeQuery("UPDATE " + t + " SET v = 'q' WHERE k = 1"))
        .isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("07000"))
        .hasMessageContaining("UPDATE");
    try (PreparedStatement delete =
        connection.prepareStatement("DELETE FROM " + t + " WHERE k = ?")) {
      delete.setInt(1, 2);
      assertThatThrownBy(delete::executeQuery)
          .isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("07000"));
    }
    assertThatThrownBy(() -> statement.executeQuery("DROP TABLE " + t))
        .isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("07000"));
    // nothing ran: the rows and the table are as they were
    assertThat(rows(t)).containsExactly(Map.entry(1, "a"), Map.entry(2, "b"), Map.entry(3, "c"));
  }

  @Test
  void historyListsEveryVersionAndTimeTravelReadsOldRows() throws SQLException {
    String t = deltaTable("dml_history"); // version 0
    statement.executeUpdate("INSERT INTO " + t + " VALUES (1, 'a'), (2, 'b')"); // 1
    statement.executeUpdate("UPDATE " + t + " SET v = 'u' WHERE k = 1"); // 2
    statement.executeUpdate("DELETE FROM " + t + " WHERE k = 2"); // 3
    statement.executeUpdate(merge(t, "SELECT 3 AS k, 'n' AS v")); // 4

    List<Long> versions = new ArrayList<>();
    List<String> operations = new ArrayList<>();
    Map<Long, Timestamp> timestamps = new LinkedHashMap<>();
    Map<Long, String> timestampTexts = new LinkedHashMap<>();
    try (ResultSet rs = statement.executeQuery("DESCRIBE HISTORY " + t)) {
      assertThat(rs.getMetaData().getColumnType(rs.findColumn("timestamp")))
          .isEqualTo(Types.TIMESTAMP);
      while (rs.next()) {
        long version = rs.getLong("version");
        versions.add(version);
        operations.add(rs.getString("operation"));
        timestamps.put(version, rs.getTimestamp("timestamp"));
        timestampTexts.put(version, rs.getString("timestamp"));
      }
    }
    assertThat(versions).as("newest first").containsExactly(4L, 3L, 2L, 1L, 0L);
    assertThat(operations).containsExactly("MERGE", "DELETE", "UPDATE", "WRITE", "CREATE TABLE");

    Map<Integer, String> atVersion1 = Map.of(1, "a", 2, "b");
    Map<Integer, String> atVersion2 = Map.of(1, "u", 2, "b");
    assertThat(rows("SELECT k, v FROM " + t + " VERSION AS OF 1 ORDER BY k", statement))
        .isEqualTo(atVersion1);
    assertThat(rows("SELECT k, v FROM " + t + " VERSION AS OF 3 ORDER BY k", statement))
        .isEqualTo(Map.of(1, "u"));
    assertThat(rows(t)).isEqualTo(Map.of(1, "u", 3, "n"));

    // VERSION AS OF ?: Spark's grammar takes only a bare number there, which the parameter becomes
    try (PreparedStatement p =
        connection.prepareStatement("SELECT k, v FROM " + t + " VERSION AS OF ? ORDER BY k")) {
      p.setLong(1, 1);
      assertThat(rows(p)).isEqualTo(atVersion1);
      p.setInt(1, 2);
      assertThat(rows(p)).isEqualTo(atVersion2);
      p.setString(1, "1");
      assertThat(rows(p)).isEqualTo(atVersion1);
      p.setString(1, "1' OR '1'='1");
      assertThatThrownBy(() -> rows(p))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("VERSION AS OF")
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22023"));
      p.setInt(1, -1);
      assertThatThrownBy(() -> rows(p))
          .isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22023"));
    }

    // TIMESTAMP AS OF the commit time of a version reads that version: as a bound parameter...
    try (PreparedStatement p =
        connection.prepareStatement("SELECT k, v FROM " + t + " TIMESTAMP AS OF ? ORDER BY k")) {
      p.setTimestamp(1, timestamps.get(1L));
      assertThat(rows(p)).isEqualTo(atVersion1);
      p.setTimestamp(1, timestamps.get(2L));
      assertThat(rows(p)).isEqualTo(atVersion2);
    }
    // ... and as the text getString gave, in a literal (both in the session time zone)
    assertThat(
            rows(
                "SELECT k, v FROM "
                    + t
                    + " TIMESTAMP AS OF '"
                    + timestampTexts.get(1L)
                    + "' ORDER BY k",
                statement))
        .isEqualTo(atVersion1);
    assertThat(
            rows(
                "SELECT k, v FROM "
                    + t
                    + " TIMESTAMP AS OF '"
                    + timestampTexts.get(2L)
                    + "' ORDER BY k",
                statement))
        .isEqualTo(atVersion2);
  }

  /** A schema of its own holding a Delta table of many column types and a parquet table. */
  private String metadataSchema() throws SQLException {
    String schema = TestSchemas.unique("dml_meta");
    statement.execute("CREATE SCHEMA " + schema);
    statement.execute(
        "CREATE TABLE "
            + schema
            + ".delta_t (i INT, b BIGINT, s STRING, d DECIMAL(10,2), dt DATE, ts TIMESTAMP,"
            + " ntz TIMESTAMP_NTZ, bo BOOLEAN, db DOUBLE, f FLOAT, bin BINARY, arr ARRAY<INT>,"
            + " st STRUCT<a: INT>, m MAP<STRING, INT>)");
    statement.execute("CREATE TABLE " + schema + ".parquet_t (k INT) USING parquet");
    return schema;
  }

  @Test
  void getTablesListsDeltaAndParquetTablesAsTables() throws SQLException {
    String schema = metadataSchema();
    try {
      DatabaseMetaData md = connection.getMetaData();
      Map<String, String> types = new LinkedHashMap<>();
      try (ResultSet rs = md.getTables(null, schema, "%", null)) {
        while (rs.next()) {
          assertThat(rs.getString("TABLE_SCHEM")).isEqualTo(schema);
          types.put(rs.getString("TABLE_NAME"), rs.getString("TABLE_TYPE"));
        }
      }
      assertThat(types)
          .containsOnly(Map.entry("delta_t", "TABLE"), Map.entry("parquet_t", "TABLE"));
      try (ResultSet rs = md.getTables(null, schema, "%", new String[] {"TABLE"})) {
        assertThat(TestSchemas.strings(rs, "TABLE_NAME"))
            .containsExactlyInAnyOrder("delta_t", "parquet_t");
      }
      try (ResultSet rs = md.getTables(null, schema, "delta_t", null)) {
        assertThat(TestSchemas.strings(rs, "TABLE_TYPE")).containsExactly("TABLE");
      }
    } finally {
      statement.execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  @Test
  void getColumnsListsTheColumnsOfADeltaTable() throws SQLException {
    String schema = metadataSchema();
    try {
      DatabaseMetaData md = connection.getMetaData();
      List<String> names = new ArrayList<>();
      List<Integer> jdbcTypes = new ArrayList<>();
      List<String> typeNames = new ArrayList<>();
      List<Integer> positions = new ArrayList<>();
      try (ResultSet rs = md.getColumns(null, schema, "delta_t", "%")) {
        while (rs.next()) {
          names.add(rs.getString("COLUMN_NAME"));
          jdbcTypes.add(rs.getInt("DATA_TYPE"));
          typeNames.add(rs.getString("TYPE_NAME"));
          positions.add(rs.getInt("ORDINAL_POSITION"));
          assertThat(rs.getString("TABLE_NAME")).isEqualTo("delta_t");
          assertThat(rs.getString("IS_NULLABLE")).isEqualTo("YES");
          if (rs.getString("COLUMN_NAME").equals("d")) {
            assertThat(rs.getInt("COLUMN_SIZE")).isEqualTo(10);
            assertThat(rs.getInt("DECIMAL_DIGITS")).isEqualTo(2);
          }
        }
      }
      assertThat(names)
          .containsExactly(
              "i", "b", "s", "d", "dt", "ts", "ntz", "bo", "db", "f", "bin", "arr", "st", "m");
      assertThat(jdbcTypes)
          .containsExactly(
              Types.INTEGER,
              Types.BIGINT,
              Types.VARCHAR,
              Types.DECIMAL,
              Types.DATE,
              Types.TIMESTAMP,
              Types.TIMESTAMP,
              Types.BOOLEAN,
              Types.DOUBLE,
              Types.REAL,
              Types.VARBINARY,
              Types.ARRAY,
              Types.STRUCT,
              Types.JAVA_OBJECT);
      assertThat(typeNames.subList(0, 11))
          .containsExactly(
              "INT",
              "BIGINT",
              "STRING",
              "DECIMAL",
              "DATE",
              "TIMESTAMP",
              "TIMESTAMP_NTZ",
              "BOOLEAN",
              "DOUBLE",
              "FLOAT",
              "BINARY");
      assertThat(positions).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14);

      // browsing the whole schema (a tool's tree) lists the Delta table's columns as well
      Map<String, Integer> columnsPerTable = new LinkedHashMap<>();
      try (ResultSet rs = md.getColumns(null, schema, "%", "%")) {
        while (rs.next()) {
          columnsPerTable.merge(rs.getString("TABLE_NAME"), 1, Integer::sum);
        }
      }
      assertThat(columnsPerTable).containsOnly(Map.entry("delta_t", 14), Map.entry("parquet_t", 1));
    } finally {
      statement.execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }
}
