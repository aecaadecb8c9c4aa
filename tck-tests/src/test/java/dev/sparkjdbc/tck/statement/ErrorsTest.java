package dev.sparkjdbc.tck.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Server errors arrive as the SQLException subclass of their SQLSTATE class, and do not break the
 * connection.
 */
@Tag("smoke") // also run against older servers: docs/compatibility.md
@ExtendWith(SparkConnectServerExtension.class)
class ErrorsTest {
  private Connection connection;

  @BeforeEach
  void connect(SparkConnectServer server) throws SQLException {
    connection = DriverManager.getConnection(server.url());
  }

  @AfterEach
  void disconnect() throws SQLException {
    connection.close();
  }

  @Test
  void syntaxErrorIsSqlSyntaxErrorException42601() throws SQLException {
    assertThatThrownBy(() -> runToEnd("SELEC 1"))
        .isInstanceOfSatisfying(
            SQLSyntaxErrorException.class,
            e -> {
              assertThat(e.getSQLState()).isEqualTo("42601");
              assertThat(e.getMessage()).containsIgnoringCase("syntax error");
            });
    assertConnectionStillWorks();
  }

  @Test
  void unknownTableIs42P01NamingTheTable() throws SQLException {
    assertThatThrownBy(() -> runToEnd("SELECT * FROM no_such_table_xyz"))
        .isInstanceOfSatisfying(
            SQLSyntaxErrorException.class,
            e -> {
              assertThat(e.getSQLState()).isEqualTo("42P01");
              assertThat(e.getMessage()).contains("no_such_table_xyz");
            });
    assertConnectionStillWorks();
  }

  @Test
  void runtimeDivisionByZeroIsSqlDataException22012() throws SQLException {
    // Spark 4 runs in ANSI mode: integral division by zero is an error, not NULL.
    assertThatThrownBy(() -> runToEnd("SELECT 1 DIV (id - id) FROM range(1)"))
        .isInstanceOfSatisfying(
            SQLDataException.class, e -> assertThat(e.getSQLState()).isEqualTo("22012"));
    assertConnectionStillWorks();
  }

  /** Executes and reads every row: a runtime error may surface at execute or at next(). */
  private void runToEnd(String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      while (rs.next()) {
        rs.getObject(1);
      }
    }
  }

  private void assertConnectionStillWorks() throws SQLException {
    assertThat(connection.isClosed()).isFalse();
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT 1")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(1);
    }
  }
}
