package dev.sparkjdbc.tck.statement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A result set or statement closed just before its connection: the driver releases the operation
 * without waiting, then the session. The server must see them in that order, or it logs an ERROR
 * ("RPC error during: releaseExecute … SESSION_CLOSED") for each such close, which operators read
 * as a fault. Checked in the server's own log, for sessions this test names.
 */
@ExtendWith(SparkConnectServerExtension.class)
class CloseOrderTest {
  private static final int ROUNDS = 30;

  @Test
  void operationsClosedRightBeforeTheirConnectionAreReleasedBeforeTheSession(
      SparkConnectServer server) throws SQLException {
    List<String> sessions = new ArrayList<>();
    for (int i = 0; i < ROUNDS; i++) {
      String session = UUID.randomUUID().toString();
      sessions.add(session);
      try (Connection c = DriverManager.getConnection(server.url() + "/;session_id=" + session);
          Statement s = c.createStatement()) {
        // An early close of a result still streaming, and a command's statement closed with
        // the connection: both release their operation on the way out.
        ResultSet rs = s.executeQuery("SELECT id FROM range(1000000)");
        assertThat(rs.next()).isTrue();
        rs.close();
        assertThat(s.execute("SET spark.sql.ansi.enabled=true")).isTrue();
      }
    }
    List<String> errors =
        server.logLinesContaining("RPC error during: releaseExecute").stream()
            .filter(line -> sessions.stream().anyMatch(line::contains))
            .toList();
    assertThat(errors).as("server errors for releases after their session closed").isEmpty();
  }
}
