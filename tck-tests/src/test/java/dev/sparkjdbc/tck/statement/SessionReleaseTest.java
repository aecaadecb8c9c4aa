package dev.sparkjdbc.tck.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Closing a connection releases its server session. Seen from outside: a session id whose
 * connection was closed cannot be joined again, while an open one can.
 */
@Tag("smoke") // also run against older servers: docs/compatibility.md
@ExtendWith(SparkConnectServerExtension.class)
class SessionReleaseTest {

  private static String withSession(SparkConnectServer server, String sessionId) {
    return server.url() + "/;session_id=" + sessionId;
  }

  @Test
  void anOpenSessionCanBeJoinedByASecondConnection(SparkConnectServer server) throws SQLException {
    String session = UUID.randomUUID().toString();
    try (Connection first = DriverManager.getConnection(withSession(server, session));
        Statement s = first.createStatement()) {
      s.execute("CREATE TEMPORARY VIEW only_in_this_session AS SELECT 42 AS answer");
      try (Connection second = DriverManager.getConnection(withSession(server, session));
          ResultSet rs =
              second.createStatement().executeQuery("SELECT answer FROM only_in_this_session")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(42);
      }
    }
  }

  @Test
  void closingTheConnectionReleasesTheServerSession(SparkConnectServer server) throws SQLException {
    String session = UUID.randomUUID().toString();
    Connection connection = DriverManager.getConnection(withSession(server, session));
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT 1")) {
      assertThat(rs.next()).isTrue();
    }
    connection.close();

    assertThatThrownBy(() -> DriverManager.getConnection(withSession(server, session)).close())
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("SESSION_CLOSED");
  }
}
