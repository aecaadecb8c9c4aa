package dev.sparkjdbc.tck.datasource;

import static dev.sparkjdbc.tck.datasource.DataSourceTest.STREAMING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparkjdbc.jdbc.SparkConnectConnectionPoolDataSource;
import dev.sparkjdbc.jdbc.SparkConnectStatementInfo;
import dev.sparkjdbc.tck.harness.ServerOperations;
import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.ConnectionEvent;
import javax.sql.ConnectionEventListener;
import javax.sql.ConnectionPoolDataSource;
import javax.sql.PooledConnection;
import javax.sql.StatementEvent;
import javax.sql.StatementEventListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link SparkConnectConnectionPoolDataSource} used as an app server's pool uses it: one physical
 * connection per {@link PooledConnection}, logical connections handed out one at a time, and the
 * events the pool relies on.
 */
@ExtendWith(SparkConnectServerExtension.class)
class PooledConnectionTest {
  private ConnectionPoolDataSource dataSource;
  private final Events events = new Events();

  /** Records every event a pool would hear. */
  static final class Events implements ConnectionEventListener, StatementEventListener {
    final List<ConnectionEvent> closed = new CopyOnWriteArrayList<>();
    final List<ConnectionEvent> errors = new CopyOnWriteArrayList<>();
    final List<StatementEvent> statementsClosed = new CopyOnWriteArrayList<>();
    final List<StatementEvent> statementErrors = new CopyOnWriteArrayList<>();

    @Override
    public void connectionClosed(ConnectionEvent event) {
      closed.add(event);
    }

    @Override
    public void connectionErrorOccurred(ConnectionEvent event) {
      errors.add(event);
    }

    @Override
    public void statementClosed(StatementEvent event) {
      statementsClosed.add(event);
    }

    @Override
    public void statementErrorOccurred(StatementEvent event) {
      statementErrors.add(event);
    }
  }

  @BeforeEach
  void setUp(SparkConnectServer server) {
    SparkConnectConnectionPoolDataSource ds = new SparkConnectConnectionPoolDataSource();
    ds.setUrl(server.url());
    dataSource = ds;
  }

  private PooledConnection pooled() throws SQLException {
    PooledConnection pc = dataSource.getPooledConnection();
    pc.addConnectionEventListener(events);
    pc.addStatementEventListener(events);
    return pc;
  }

  /** The server session that ran the statement's last operation (its result set still open). */
  private static String sessionOf(SparkConnectServer server, Statement s) throws SQLException {
    String operation = s.unwrap(SparkConnectStatementInfo.class).lastOperationId().orElseThrow();
    return server.operations().list().stream()
        .filter(o -> o.operationId().equals(operation))
        .map(ServerOperations.Operation::sessionId)
        .findFirst()
        .orElseThrow();
  }

  private static String sessionOfAQuery(SparkConnectServer server, Connection c)
      throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(STREAMING)) {
      assertThat(rs.next()).isTrue();
      return sessionOf(server, s);
    }
  }

  @Test
  void closingALogicalConnectionKeepsThePhysicalOneForTheNext(SparkConnectServer server)
      throws SQLException {
    PooledConnection pc = pooled();
    String session;
    try {
      Connection first = pc.getConnection();
      session = sessionOfAQuery(server, first);
      try (Statement s = first.createStatement()) {
        s.execute("CREATE OR REPLACE TEMPORARY VIEW pooled_session_probe AS SELECT 42 AS x");
      }
      first.close();
      assertThat(events.closed).hasSize(1);
      assertThat(events.closed.get(0).getSource()).isSameAs(pc);
      assertThat(first.isClosed()).isTrue();
      assertThat(first.isValid(1)).isFalse();
      assertThatThrownBy(first::createStatement)
          .isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08003"));
      assertThatThrownBy(first::getWarnings)
          .isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08003"));
      first.close(); // a second close is a no-op, and no second event
      assertThat(events.closed).hasSize(1);

      try (Connection second = pc.getConnection()) {
        assertThat(second).isNotSameAs(first);
        assertThat(second.isValid(5)).isTrue();
        assertThat(DataSourceTest.queryOne(second, "SELECT x FROM pooled_session_probe"))
            .as("the temporary view of the first logical connection: same Spark session")
            .isEqualTo("42");
        assertThat(sessionOfAQuery(server, second)).isEqualTo(session);
      }
      assertThat(events.closed).hasSize(2);
      assertThat(events.errors).isEmpty();
    } finally {
      pc.close();
    }
    PooledConnection other = pooled();
    try (Connection c = other.getConnection()) {
      assertThat(sessionOfAQuery(server, c))
          .as("another pooled connection, another session")
          .isNotEqualTo(session);
      assertThatThrownBy(() -> DataSourceTest.queryOne(c, "SELECT x FROM pooled_session_probe"))
          .isInstanceOf(SQLException.class);
    } finally {
      other.close();
    }
  }

  @Test
  void aSecondGetConnectionClosesThePreviousOneAndItsStatementsWithoutAnEvent()
      throws SQLException {
    PooledConnection pc = pooled();
    try {
      Connection first = pc.getConnection();
      Statement statement = first.createStatement();
      ResultSet rs = statement.executeQuery(STREAMING);
      assertThat(rs.next()).isTrue();

      Connection second = pc.getConnection();
      assertThat(first.isClosed()).isTrue();
      assertThat(statement.isClosed()).isTrue();
      assertThat(rs.isClosed()).isTrue();
      assertThatThrownBy(first::createStatement)
          .isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08003"));
      assertThat(events.closed).as("the pool asked for the new one: no event").isEmpty();
      assertThat(DataSourceTest.queryOne(second, "SELECT 2")).isEqualTo("2");
      second.close();
      assertThat(events.closed).hasSize(1);
    } finally {
      pc.close();
    }
  }

  @Test
  void statementsBelongToTheLogicalConnectionAndCloseWithIt() throws SQLException {
    PooledConnection pc = pooled();
    try {
      Connection c = pc.getConnection();
      Statement plain = c.createStatement();
      PreparedStatement first = c.prepareStatement("SELECT ? AS x");
      PreparedStatement second = c.prepareStatement("SELECT ? + 1 AS x");
      assertThat(plain.getConnection()).isSameAs(c);
      assertThat(first.getConnection()).isSameAs(c);
      assertThat(c.getMetaData().getConnection()).isSameAs(c);

      first.setInt(1, 5);
      try (ResultSet rs = first.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(5);
      }
      assertThat(first.unwrap(SparkConnectStatementInfo.class).lastOperationId()).isPresent();
      first.close();
      assertThat(events.statementsClosed)
          .singleElement()
          .satisfies(e -> assertThat(e.getStatement()).isSameAs(first));

      c.close();
      assertThat(plain.isClosed()).isTrue();
      assertThat(second.isClosed()).isTrue();
      assertThat(events.statementsClosed).hasSize(2);
      assertThat(events.statementsClosed.get(1).getStatement()).isSameAs(second);
      assertThat(events.statementErrors).isEmpty();
      assertThat(events.closed).hasSize(1);
    } finally {
      pc.close();
    }
  }

  @Test
  void logicalConnectionIsAWrapperOfItself() throws SQLException {
    PooledConnection pc = pooled();
    try (Connection c = pc.getConnection()) {
      assertThat(c.isWrapperFor(Connection.class)).isTrue();
      assertThat(c.unwrap(Connection.class)).isSameAs(c);
      assertThat(c.isWrapperFor(String.class)).isFalse();
      assertThatThrownBy(() -> c.unwrap(String.class)).isInstanceOf(SQLException.class);
      assertThat(c.isWrapperFor(null)).isFalse();
      assertThatThrownBy(() -> c.unwrap(null)).isInstanceOf(SQLException.class);
      assertThat(c.toString()).startsWith("Logical connection");
      try (Statement s = c.createStatement()) {
        assertThat(s.isWrapperFor(Statement.class)).isTrue();
        assertThat(s.unwrap(Statement.class)).isSameAs(s);
        assertThat(s.isWrapperFor(SparkConnectStatementInfo.class)).isTrue();
        assertThat(s.isWrapperFor(null)).isFalse();
        assertThatThrownBy(() -> s.unwrap(null)).isInstanceOf(SQLException.class);
      }
    } finally {
      pc.close();
    }
  }

  @Test
  void closingThePooledConnectionClosesBothWithoutEvents() throws SQLException {
    PooledConnection pc = pooled();
    Connection c = pc.getConnection();
    pc.close();
    assertThat(c.isClosed()).isTrue();
    assertThatThrownBy(c::createStatement)
        .isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08003"));
    assertThatThrownBy(pc::getConnection)
        .isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08003"));
    c.close();
    pc.close();
    assertThat(events.closed).isEmpty();
    assertThat(events.errors).isEmpty();
  }

  /** Connection.abort on the logical connection ends the physical one: a fatal error. */
  @Test
  void abortIsAFatalErrorForThePool() throws SQLException {
    PooledConnection pc = pooled();
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try {
      Connection c = pc.getConnection();
      c.abort(executor);
      assertThat(c.isClosed()).isTrue();
      assertThat(events.errors)
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.getSource()).isSameAs(pc);
                assertThat(e.getSQLException().getSQLState()).startsWith("08");
              });
      assertThatThrownBy(pc::getConnection)
          .isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08003"));
      assertThat(events.errors).as("reported once").hasSize(1);
      assertThat(events.closed).isEmpty();
    } finally {
      executor.shutdown();
      pc.close();
    }
  }

  /**
   * A real fatal error from the server side: a query silent for longer than the network timeout
   * fails with 08006 and closes the physical connection (JDBC); the pool hears of it once, from the
   * statement's failure, and the prepared statement reports its error.
   */
  @Test
  void networkTimeoutIsAFatalErrorReportedOnce() throws SQLException {
    PooledConnection pc = pooled();
    try {
      Connection c = pc.getConnection();
      c.setNetworkTimeout(Runnable::run, 500);
      PreparedStatement slow =
          c.prepareStatement(
              "SELECT reflect('java.lang.Thread', 'sleep', CAST(5000 AS BIGINT)) AS slept");
      assertThatThrownBy(slow::executeQuery)
          .isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08006"));
      assertThat(events.errors)
          .singleElement()
          .satisfies(e -> assertThat(e.getSQLException().getSQLState()).isEqualTo("08006"));
      assertThat(events.statementErrors)
          .singleElement()
          .satisfies(e -> assertThat(e.getStatement()).isSameAs(slow));
      c.close();
      assertThat(events.closed).hasSize(1);
      assertThat(events.errors).as("reported once").hasSize(1);
      assertThatThrownBy(pc::getConnection)
          .isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08003"));
    } finally {
      pc.close();
    }
  }
}
