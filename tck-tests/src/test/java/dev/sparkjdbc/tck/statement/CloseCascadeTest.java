package dev.sparkjdbc.tck.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Closing a connection, statement or result set closes what it owns, and only that. */
@ExtendWith(SparkConnectServerExtension.class)
class CloseCascadeTest {
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
  void closingTheConnectionClosesItsStatementsAndResultSets() throws SQLException {
    Statement withResults = connection.createStatement();
    ResultSet rs = withResults.executeQuery("SELECT id FROM range(10)");
    assertThat(rs.next()).isTrue();
    Statement idle = connection.createStatement();

    connection.close();

    assertThat(withResults.isClosed()).isTrue();
    assertThat(idle.isClosed()).isTrue();
    assertThat(rs.isClosed()).isTrue();
    assertThatThrownBy(rs::next).isInstanceOf(SQLException.class);
    assertThatThrownBy(() -> idle.executeQuery("SELECT 1")).isInstanceOf(SQLException.class);
  }

  @Test
  void closingAStatementClosesItsResultSetButNotTheConnection() throws SQLException {
    Statement statement = connection.createStatement();
    ResultSet rs = statement.executeQuery("SELECT id FROM range(10)");

    statement.close();

    assertThat(rs.isClosed()).isTrue();
    assertThatThrownBy(rs::next).isInstanceOf(SQLException.class);
    assertThat(connection.isClosed()).isFalse();
  }

  @Test
  void closingAResultSetLeavesItsStatementOpen() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.executeQuery("SELECT id FROM range(10)").close();

      assertThat(statement.isClosed()).isFalse();
      try (ResultSet rs = statement.executeQuery("SELECT 42")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(42);
      }
    }
  }

  @Test
  void executingAgainClosesThePreviousResultSet() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      ResultSet first = statement.executeQuery("SELECT id FROM range(10)");
      ResultSet second = statement.executeQuery("SELECT id + 100 FROM range(3)");

      assertThat(first.isClosed()).isTrue();
      assertThat(second.next()).isTrue();
      assertThat(second.getLong(1)).isEqualTo(100);
    }
  }

  @Test
  void closingALargeResultEarlyIsQuickAndKeepsTheConnectionUsable() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      ResultSet rs =
          assertTimeoutPreemptively(
              Duration.ofSeconds(30),
              () -> {
                // 100 partitions: Spark Connect ships each partition's rows as one task result, so
                // a
                // 2-partition range of 1e8 rows would exhaust the server's heap before any row is
                // sent.
                ResultSet large =
                    statement.executeQuery("SELECT id FROM range(0, 100000000, 1, 100)");
                for (long expected = 0; expected < 10; expected++) {
                  assertThat(large.next()).isTrue();
                  assertThat(large.getLong(1)).isEqualTo(expected);
                }
                large.close();
                return large;
              });
      assertThat(rs.isClosed()).isTrue();

      try (ResultSet one = statement.executeQuery("SELECT 1")) {
        assertThat(one.next()).isTrue();
        assertThat(one.getInt(1)).isEqualTo(1);
      }
    }
  }
}
