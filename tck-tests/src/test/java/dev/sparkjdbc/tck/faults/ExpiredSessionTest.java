package dev.sparkjdbc.tck.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.sparkjdbc.tck.harness.OperationAssertions;
import dev.sparkjdbc.tck.harness.SparkConnectServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A server that expires idle sessions (here after 8 s instead of Spark's 60 min): a connection left
 * idle longer is over. Its next query fails with 08003 (not Spark's HY000), the connection reports
 * itself closed, and a pool evicts it. A server of its own: the session timeout is a static server
 * setting.
 */
class ExpiredSessionTest {
  /**
   * Long enough that a new connection is used before it expires on a busy machine: with 2 s, and
   * with 5 s on a server that had not run a query yet, a connection Hikari had just opened was
   * already gone at its first query.
   */
  private static final long SESSION_TIMEOUT_MILLIS = 8_000;

  /** Past the timeout plus one pass of the server's expiry sweep (every second here). */
  private static final long EXPIRED_AFTER_MILLIS = SESSION_TIMEOUT_MILLIS + 3_000;

  private static SparkConnectServer server;

  @BeforeAll
  static void startServerThatExpiresSessions() throws SQLException {
    server =
        SparkConnectServer.start(
            0,
            List.of(
                "--conf",
                "spark.connect.session.manager.defaultSessionTimeout="
                    + SESSION_TIMEOUT_MILLIS
                    + "ms",
                "--conf",
                "spark.connect.session.manager.maintenanceInterval=1s"));
    // A fresh server's first session and query are slow (seconds): not inside a test's timing.
    try (Connection warm = DriverManager.getConnection(server.url())) {
      OperationAssertions.assertUsable(warm);
    }
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aQueryOnAnExpiredSessionFailsWith08003AndClosesTheConnection() throws Exception {
    Connection c = DriverManager.getConnection(server.url());
    OperationAssertions.assertUsable(c);
    Thread.sleep(EXPIRED_AFTER_MILLIS);
    assertThat(c.isClosed()).as("nothing told the driver yet").isFalse();
    SQLException e = DeadSessions.queryFailure(c);
    System.out.println("query on an expired session: " + e);
    DeadSessions.assertEndedSession(c, e, "INVALID_HANDLE.SESSION_CLOSED");
  }

  /** isValid on an expired session is false and closes the connection too. */
  @Test
  void isValidOnAnExpiredSessionIsFalseAndClosesTheConnection() throws Exception {
    try (Connection c = DriverManager.getConnection(server.url())) {
      OperationAssertions.assertUsable(c);
      Thread.sleep(EXPIRED_AFTER_MILLIS);
      assertThat(c.isValid(5)).isFalse();
      assertThat(c.isClosed()).isTrue();
    }
  }

  /**
   * An application holds a pooled connection past the timeout: its query fails with 08003, HikariCP
   * evicts the connection when it is returned, and the next borrow gets a new, working one.
   */
  @Test
  void hikariEvictsAConnectionWhoseSessionExpired() throws Exception {
    // A pool over a URL sets DriverManager's login timeout for the whole JVM: put it back.
    int loginTimeout = DriverManager.getLoginTimeout();
    try (HikariDataSource pool =
        new HikariDataSource(DeadSessions.onePool(server.url(), "expired-session"))) {
      Connection physical;
      try (Connection c = pool.getConnection()) {
        physical = c.unwrap(Connection.class);
        OperationAssertions.assertUsable(c);
        Thread.sleep(EXPIRED_AFTER_MILLIS);
        SQLException e = DeadSessions.queryFailure(c);
        assertThat(e.getSQLState()).as("SQLSTATE of %s", e).isEqualTo("08003");
      }
      try (Connection c = pool.getConnection()) {
        assertThat(c.unwrap(Connection.class)).isNotSameAs(physical);
        OperationAssertions.assertUsable(c);
      }
      assertThat(physical.isClosed()).isTrue();
      assertThat(pool.getHikariPoolMXBean().getTotalConnections()).isEqualTo(1);
    } finally {
      DriverManager.setLoginTimeout(loginTimeout);
    }
  }
}
