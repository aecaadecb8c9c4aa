package dev.sparkjdbc.tck.statement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * DDL, DML and queries on a real table, and the execute / getUpdateCount / getMoreResults protocol.
 */
@ExtendWith(SparkConnectServerExtension.class)
class TableRoundTripTest {
  private final String table = "t_" + UUID.randomUUID().toString().replace("-", "");
  private Connection connection;
  private Statement statement;

  @BeforeEach
  void connect(SparkConnectServer server) throws SQLException {
    connection = DriverManager.getConnection(server.url());
    statement = connection.createStatement();
  }

  @AfterEach
  void dropAndDisconnect() throws SQLException {
    try {
      statement.execute("DROP TABLE IF EXISTS " + table);
    } finally {
      connection.close();
    }
  }

  private String createTable() {
    return "CREATE TABLE " + table + " (id INT, name STRING, price DECIMAL(10,2)) USING parquet";
  }

  @Test
  void insertedRowsReadBack() throws SQLException {
    assertThat(statement.executeUpdate(createTable())).isZero();
    int inserted =
        statement.executeUpdate("INSERT INTO " + table + " VALUES (1, 'a', 1.50), (2, 'b', NULL)");
    // Spark reports no row count for INSERT: the driver counts the rows of VALUES
    assertThat(inserted).isEqualTo(2);

    try (ResultSet rs =
        statement.executeQuery("SELECT id, name, price FROM " + table + " ORDER BY id")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt("id")).isEqualTo(1);
      assertThat(rs.getString("name")).isEqualTo("a");
      assertThat(rs.getBigDecimal("price")).isEqualTo(new BigDecimal("1.50"));

      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt("id")).isEqualTo(2);
      assertThat(rs.getString("name")).isEqualTo("b");
      assertThat(rs.getBigDecimal("price")).isNull();
      assertThat(rs.wasNull()).isTrue();

      assertThat(rs.next()).isFalse();
    }
  }

  @Test
  void executeOfDdlReportsAnUpdateCountThenNoMoreResults() throws SQLException {
    assertThat(statement.execute(createTable())).isFalse();
    assertThat(statement.getResultSet()).isNull();
    assertThat(statement.getUpdateCount()).as("DDL changes no rows (JDBC: 0)").isZero();

    assertThat(statement.getMoreResults()).isFalse();
    assertThat(statement.getUpdateCount()).isEqualTo(-1);
  }

  @Test
  void executeOfQueryReportsAResultSetThenNoMoreResults() throws SQLException {
    statement.executeUpdate(createTable());
    statement.executeUpdate("INSERT INTO " + table + " VALUES (7, 'x', 0.07)");

    assertThat(statement.execute("SELECT id FROM " + table)).isTrue();
    ResultSet rs = statement.getResultSet();
    assertThat(rs).isNotNull();
    assertThat(statement.getUpdateCount()).isEqualTo(-1);
    assertThat(rs.next()).isTrue();
    assertThat(rs.getInt(1)).isEqualTo(7);

    // getMoreResults() closes the current result set (Statement.CLOSE_CURRENT_RESULT).
    assertThat(statement.getMoreResults()).isFalse();
    assertThat(rs.isClosed()).isTrue();
    assertThat(statement.getResultSet()).isNull();
    assertThat(statement.getUpdateCount()).isEqualTo(-1);
  }

  @Test
  void showTablesListsTheTableUntilItIsDropped() throws SQLException {
    statement.executeUpdate(createTable());
    assertThat(tableNames()).contains(table);

    assertThat(statement.executeUpdate("DROP TABLE " + table)).isZero();
    assertThat(tableNames()).doesNotContain(table);
  }

  private List<String> tableNames() throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet rs = statement.executeQuery("SHOW TABLES")) {
      while (rs.next()) {
        names.add(rs.getString("tableName"));
      }
    }
    return names;
  }
}
