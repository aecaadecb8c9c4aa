package dev.sparkjdbc.tck.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.sparkjdbc.tck.harness.OperationAssertions;
import dev.sparkjdbc.tck.harness.OwnServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A server restarted on the same port under an open connection: the new server does not have the
 * old session. A query on it fails with a connection-class error: 08S01 while the link is down or
 * being re-established, then 08003 once the new server says the session changed
 * (INVALID_HANDLE.SESSION_CHANGED); it never quietly runs in a new, empty session. A server of its
 * own, restarted by the tests.
 */
class RestartedServerSessionTest {
  /** Queries tried on the old connection until the new server answers it. */
  private static final int ATTEMPTS = 20;

  @RegisterExtension static final OwnServer OWN = new OwnServer(List.of());

  /**
   * Queries on {@code c} until one fails with something else than a broken link (08S01): every
   * failure is collected, the last is the server's verdict on the session.
   */
  private static List<SQLException> failuresUntilTheServerAnswers(Connection c)
      throws InterruptedException {
    List<SQLException> failures = new ArrayList<>();
    for (int i = 0; i < ATTEMPTS; i++) {
      SQLException e = DeadSessions.queryFailure(c);
      failures.add(e);
      if (!"08S01".equals(e.getSQLState())) {
        break;
      }
      Thread.sleep(500);
    }
    return failures;
  }

  @Test
  void aConnectionFromBeforeTheRestartFailsWith08003AndIsClosed() throws Exception {
    Connection old = DriverManager.getConnection(OWN.server().url());
    OperationAssertions.assertUsable(old);
    OWN.restart();
    List<SQLException> failures = failuresUntilTheServerAnswers(old);
    System.out.println("queries on the old connection after the restart failed with: " + failures);
    for (SQLException e : failures.subList(0, failures.size() - 1)) {
      assertThat(e.getSQLState()).as("while the link was down: %s", e).isEqualTo("08S01");
      assertThat(old.isClosed()).isFalse();
    }
    DeadSessions.assertEndedSession(
        old, failures.get(failures.size() - 1), "INVALID_HANDLE.SESSION_CHANGED");
  }

  /**
   * A pooled connection in use across the restart: its query fails with an 08 state, HikariCP
   * evicts it when it is returned, and the next borrow gets a new, working connection.
   */
  @Test
  void hikariEvictsAConnectionFromBeforeTheRestart() throws Exception {
    // A pool over a URL sets DriverManager's login timeout for the whole JVM: put it back.
    int loginTimeout = DriverManager.getLoginTimeout();
    try (HikariDataSource pool =
        new HikariDataSource(DeadSessions.onePool(OWN.server().url(), "restarted-session"))) {
      Connection physical;
      try (Connection c = pool.getConnection()) {
        physical = c.unwrap(Connection.class);
        OperationAssertions.assertUsable(c);
        OWN.restart();
        SQLException e = DeadSessions.queryFailure(c);
        System.out.println("pooled connection across a restart: " + e);
        assertThat(e.getSQLState()).as("SQLSTATE of %s", e).isIn("08S01", "08003");
      }
      try (Connection c = pool.getConnection()) {
        assertThat(c.unwrap(Connection.class)).isNotSameAs(physical);
        OperationAssertions.assertUsable(c);
      }
      assertThat(pool.getHikariPoolMXBean().getTotalConnections()).isEqualTo(1);
    } finally {
      DriverManager.setLoginTimeout(loginTimeout);
    }
  }
}
