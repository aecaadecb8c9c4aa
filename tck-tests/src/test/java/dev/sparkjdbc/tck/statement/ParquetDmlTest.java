package dev.sparkjdbc.tck.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import dev.sparkjdbc.tck.harness.TestSchemas;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * DML on parquet tables ({@code USING parquet}), which Spark writes but cannot change row by row:
 *
 * <ul>
 *   <li>{@code INSERT … VALUES} counts its rows (Spark reports no count for a file-source write:
 *       the driver counts the rows of VALUES);
 *   <li>{@code INSERT … SELECT} has no known count: {@code executeUpdate} answers 0 and a batch
 *       entry {@code SUCCESS_NO_INFO};
 *   <li>UPDATE, DELETE and MERGE fail on the server with {@code
 *       UNSUPPORTED_FEATURE.TABLE_OPERATION}: the driver passes on SQLSTATE 0A000 as a {@link
 *       SQLFeatureNotSupportedException} whose message names the operation, changes nothing, and
 *       the connection stays usable.
 * </ul>
 */
@ExtendWith(SparkConnectServerExtension.class)
class ParquetDmlTest {
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

  private String parquetTable(String prefix) throws SQLException {
    String table = TestSchemas.unique(prefix);
    tables.add(table);
    assertThat(
            statement.executeUpdate("CREATE TABLE " + table + " (k INT, v STRING) USING parquet"))
        .isZero();
    return table;
  }

  private long count(String table) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      assertThat(rs.next()).isTrue();
      return rs.getLong(1);
    }
  }

  private Map<Integer, String> rows(String table) throws SQLException {
    Map<Integer, String> rows = new LinkedHashMap<>();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT k, v FROM " + table + " ORDER BY k")) {
      while (rs.next()) {
        rows.put(rs.getInt(1), rs.getString(2));
      }
    }
    return rows;
  }

  @Test
  void insertValuesCountsItsRows() throws SQLException {
    String t = parquetTable("pq_insert");
    assertThat(statement.executeUpdate("INSERT INTO " + t + " VALUES (1, 'a'), (2, 'b'), (3, 'c')"))
        .isEqualTo(3);
    assertThat(statement.executeLargeUpdate("INSERT INTO " + t + " VALUES (4, 'd')")).isEqualTo(1L);
    assertThat(statement.execute("INSERT INTO " + t + " (k, v) VALUES (5, 'e'), (6, 'f')"))
        .isFalse();
    assertThat(statement.getUpdateCount()).isEqualTo(2);
    assertThat(statement.getMoreResults()).isFalse();
    assertThat(statement.getUpdateCount()).isEqualTo(-1);
    assertThat(count(t)).isEqualTo(6);

    try (PreparedStatement p =
        connection.prepareStatement("INSERT INTO " + t + " VALUES (?, ?), (?, ?)")) {
      p.setInt(1, 7);
      p.setString(2, "g");
      p.setInt(3, 8);
      p.setString(4, "h");
      assertThat(p.executeUpdate()).isEqualTo(2);
    }
    try (PreparedStatement p = connection.prepareStatement("INSERT INTO " + t + " VALUES (?, ?)")) {
      for (int k = 9; k <= 11; k++) {
        p.setInt(1, k);
        p.setString(2, "b" + k);
        p.addBatch();
      }
      assertThat(p.executeBatch()).containsExactly(1, 1, 1);
    }
    assertThat(count(t)).isEqualTo(11);
    assertThat(rows(t)).containsEntry(8, "h").containsEntry(11, "b11");
  }

  @Test
  void insertSelectHasNoKnownCount() throws SQLException {
    String t = parquetTable("pq_insert_select");
    assertThat(statement.executeUpdate("INSERT INTO " + t + " SELECT id, 'r' FROM range(5)"))
        .as("INSERT … SELECT: Spark reports no count")
        .isZero();
    assertThat(count(t)).as("yet the rows were written").isEqualTo(5);
    assertThat(statement.executeLargeUpdate("INSERT INTO " + t + " SELECT k + 10, v FROM " + t))
        .isZero();
    assertThat(count(t)).isEqualTo(10);

    statement.addBatch("INSERT INTO " + t + " VALUES (100, 'x'), (101, 'y')");
    statement.addBatch("INSERT INTO " + t + " SELECT id + 200, 's' FROM range(3)");
    statement.addBatch("CREATE TABLE IF NOT EXISTS " + t + " (k INT, v STRING) USING parquet");
    statement.addBatch(
        "WITH src AS (SELECT 400 AS k) INSERT INTO " + t + " SELECT k, 'w' FROM src");
    assertThat(statement.executeBatch())
        .as("a WITH … INSERT is an insert from a query: no known count, unlike the DDL's 0")
        .containsExactly(2, Statement.SUCCESS_NO_INFO, 0, Statement.SUCCESS_NO_INFO);
    assertThat(count(t)).isEqualTo(16);

    try (PreparedStatement p = connection.prepareStatement("INSERT INTO " + t + " SELECT ?, ?")) {
      p.setInt(1, 300);
      p.setString(2, "p");
      assertThat(p.executeUpdate()).isZero();
      p.setInt(1, 301);
      p.setString(2, "q");
      p.addBatch();
      p.setInt(1, 302);
      p.setString(2, "r");
      p.addBatch();
      assertThat(p.executeBatch())
          .containsExactly(Statement.SUCCESS_NO_INFO, Statement.SUCCESS_NO_INFO);
    }
    assertThat(count(t)).isEqualTo(19);
    assertThat(rows(t)).containsEntry(300, "p").containsEntry(302, "r").containsEntry(400, "w");
  }

  @Test
  void truncateCountsZero() throws SQLException {
    String t = parquetTable("pq_truncate");
    statement.executeUpdate("INSERT INTO " + t + " VALUES (1, 'a'), (2, 'b')");
    assertThat(statement.executeUpdate("TRUNCATE TABLE " + t)).isZero();
    assertThat(count(t)).isZero();
  }

  @Test
  void updateDeleteAndMergeFailWithSqlState0A000AndChangeNothing() throws SQLException {
    String t = parquetTable("pq_row_level");
    statement.executeUpdate("INSERT INTO " + t + " VALUES (1, 'a'), (2, 'b')");
    Map<Integer, String> before = rows(t);

    assertUnsupported(
        () -> statement.executeUpdate("UPDATE " + t + " SET v = 'u' WHERE k = 1"), "UPDATE");
    assertUnsupported(() -> statement.execute("DELETE FROM " + t + " WHERE k = 1"), "DELETE");
    assertUnsupported(
        () ->
            statement.executeLargeUpdate(
                "MERGE INTO "
                    + t
                    + " t USING (SELECT 1 AS k, 'm' AS v) s ON t.k = s.k"
                    + " WHEN MATCHED THEN UPDATE SET v = s.v"),
        "MERGE");
    assertThat(rows(t)).as("nothing changed").isEqualTo(before);

    // with parameters (written into the text by the driver): the same answer
    try (PreparedStatement update =
            connection.prepareStatement("UPDATE " + t + " SET v = ? WHERE k = ?");
        PreparedStatement delete =
            connection.prepareStatement("DELETE FROM " + t + " WHERE v = ?")) {
      update.setString(1, "u");
      update.setInt(2, 1);
      assertUnsupported(update::executeUpdate, "UPDATE");
      delete.setString(1, "a");
      assertUnsupported(delete::execute, "DELETE");
    }
    assertThat(rows(t)).as("nothing changed").isEqualTo(before);

    // the connection and the statement stay usable
    assertThat(statement.executeUpdate("INSERT INTO " + t + " VALUES (3, 'c')")).isEqualTo(1);
    assertThat(count(t)).isEqualTo(3);
  }

  @Test
  void anUnsupportedEntryStopsABatchWithTheServersSqlState() throws SQLException {
    String t = parquetTable("pq_batch_fail");
    statement.addBatch("INSERT INTO " + t + " VALUES (1, 'a'), (2, 'b')");
    statement.addBatch("DELETE FROM " + t + " WHERE k = 1");
    statement.addBatch("INSERT INTO " + t + " VALUES (3, 'c')");
    BatchUpdateException e = thrown(statement::executeBatch, BatchUpdateException.class);
    assertThat(e.getSQLState()).isEqualTo("0A000");
    assertThat(e.getUpdateCounts()).as("the entries before the failure").containsExactly(2);
    assertThat(e.getMessage()).contains("DELETE");
    assertThat(rows(t)).containsExactly(Map.entry(1, "a"), Map.entry(2, "b"));
    assertThat(statement.executeBatch()).as("the batch was cleared").isEmpty();
  }

  private void assertUnsupported(ThrowingCallable call, String operation) throws SQLException {
    SQLFeatureNotSupportedException e = thrown(call, SQLFeatureNotSupportedException.class);
    assertThat(e.getSQLState()).isEqualTo("0A000");
    assertThat(e.getMessage()).contains("UNSUPPORTED_FEATURE.TABLE_OPERATION").contains(operation);
    // the connection stays usable
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT 1")) {
      assertThat(rs.next()).isTrue();
    }
  }

  /** The exception {@code call} throws, which must be a {@code type}. */
  private static <T extends Throwable> T thrown(ThrowingCallable call, Class<T> type) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).isInstanceOf(type);
    return type.cast(thrown);
  }
}
