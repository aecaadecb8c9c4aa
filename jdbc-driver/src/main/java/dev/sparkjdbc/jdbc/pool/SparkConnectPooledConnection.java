package dev.sparkjdbc.jdbc.pool;

import dev.sparkjdbc.jdbc.errors.SqlErrors;
import dev.sparkjdbc.jdbc.errors.SqlState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.ConnectionEvent;
import javax.sql.ConnectionEventListener;
import javax.sql.PooledConnection;
import javax.sql.StatementEvent;
import javax.sql.StatementEventListener;

/**
 * One physical connection (one gRPC channel, one Spark session) that a pool hands out as logical
 * connections, one at a time ({@link PooledConnectionHandle}).
 *
 * <ul>
 *   <li>{@link #getConnection()} returns a new logical connection; the previous one, if still open,
 *       is closed without an event (JDBC: a pooled connection has at most one open handle), with
 *       its statements. Every logical connection after the first starts with the warnings cleared;
 *       the Spark session's state (SET options, current catalog and schema, temporary views)
 *       carries over, as a pooled session does.
 *   <li>Closing a logical connection closes the statements made through it, leaves the physical
 *       connection open and notifies {@link ConnectionEventListener#connectionClosed}.
 *   <li>A fatal error notifies {@link ConnectionEventListener#connectionErrorOccurred} once: an
 *       SQLException of SQLSTATE class 08 from a call on the logical connection or a statement made
 *       through it, {@code abort} of the logical connection, or the physical connection found
 *       closed underneath (its network timeout expired) when the logical one closes. The pool
 *       should then close this pooled connection.
 *   <li>{@link #close()} closes the open logical connection (no event) and the physical one.
 *   <li>Statement events: the driver does not pool statements, but tells listeners about {@code
 *       PreparedStatement}s made through a logical connection: {@code statementClosed} when one is
 *       closed (by the application or with its logical connection), {@code statementErrorOccurred}
 *       when a call on one fails with SQLSTATE class 08.
 * </ul>
 */
public final class SparkConnectPooledConnection implements PooledConnection {
  private static final Logger LOG = Logger.getLogger(SparkConnectPooledConnection.class.getName());

  private final Connection physical;
  private final List<ConnectionEventListener> connectionListeners = new CopyOnWriteArrayList<>();
  private final List<StatementEventListener> statementListeners = new CopyOnWriteArrayList<>();
  private final AtomicBoolean errorReported = new AtomicBoolean();
  private final Object lock = new Object();
  private PooledConnectionHandle current; // guarded by lock
  private boolean handedOut; // guarded by lock
  private boolean closed; // guarded by lock

  public SparkConnectPooledConnection(Connection physical) {
    this.physical = physical;
  }

  @Override
  public Connection getConnection() throws SQLException {
    PooledConnectionHandle previous;
    PooledConnectionHandle handle;
    synchronized (lock) {
      if (closed) {
        throw new SQLNonTransientConnectionException(
            "This pooled connection is closed", SqlState.CONNECTION_CLOSED);
      }
      if (physical.isClosed()) {
        handle = null;
        previous = null;
      } else {
        if (handedOut) {
          physical.clearWarnings(); // the warnings of the previous user are not the next one's
        }
        previous = current;
        handle = new PooledConnectionHandle(this, physical);
        current = handle;
        handedOut = true;
      }
    }
    if (handle == null) {
      SQLException dead =
          new SQLNonTransientConnectionException(
              "The physical connection of this pooled connection is closed (aborted, or its network"
                  + " timeout expired); close this pooled connection and open another",
              SqlState.CONNECTION_CLOSED);
      fatalError(dead);
      throw dead;
    }
    if (previous != null) {
      previous.invalidate();
    }
    return handle.proxy();
  }

  /** Closes the open logical connection, without an event, and the physical connection. */
  @Override
  public void close() throws SQLException {
    PooledConnectionHandle last;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      last = current;
      current = null;
    }
    if (last != null) {
      last.invalidate();
    }
    physical.close();
  }

  /** The driver's connections answer isClosed without failing; a failure counts as closed. */
  private boolean physicalClosed() {
    try {
      return physical.isClosed();
    } catch (SQLException e) {
      return true;
    }
  }

  /** The application closed {@code handle}: connectionClosed, after an error if one was due. */
  void handleClosed(PooledConnectionHandle handle) {
    synchronized (lock) {
      if (current != handle) {
        return; // replaced by a newer handle, or this pooled connection was closed
      }
      current = null;
    }
    if (physicalClosed()) {
      fatalError(
          new SQLNonTransientConnectionException(
              "The physical connection was closed while the logical connection was in use (its"
                  + " network timeout expired, or it was aborted)",
              SqlState.CONNECTION_CLOSED));
    }
    ConnectionEvent event = new ConnectionEvent(this);
    notify(connectionListeners, l -> l.connectionClosed(event));
  }

  /** The application aborted {@code handle}, and so the physical connection. */
  void handleAborted(PooledConnectionHandle handle) {
    synchronized (lock) {
      if (current == handle) {
        current = null;
      }
    }
    fatalError(SqlErrors.aborted());
  }

  /** The physical connection is unusable: connectionErrorOccurred, once. */
  void fatalError(SQLException e) {
    if (errorReported.compareAndSet(false, true)) {
      ConnectionEvent event = new ConnectionEvent(this, e);
      notify(connectionListeners, l -> l.connectionErrorOccurred(event));
    }
  }

  void statementClosed(PreparedStatement statement) {
    StatementEvent event = new StatementEvent(this, statement);
    notify(statementListeners, l -> l.statementClosed(event));
  }

  void statementErrorOccurred(PreparedStatement statement, SQLException e) {
    StatementEvent event = new StatementEvent(this, statement, e);
    notify(statementListeners, l -> l.statementErrorOccurred(event));
  }

  /** A listener that throws does not keep the others from hearing. */
  private static <L> void notify(List<L> listeners, Consumer<L> call) {
    for (L listener : listeners) {
      try {
        call.accept(listener);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Pooled connection event listener " + listener + " failed", e);
      }
    }
  }

  @Override
  public void addConnectionEventListener(ConnectionEventListener listener) {
    if (listener != null) {
      connectionListeners.add(listener);
    }
  }

  @Override
  public void removeConnectionEventListener(ConnectionEventListener listener) {
    connectionListeners.remove(listener);
  }

  @Override
  public void addStatementEventListener(StatementEventListener listener) {
    if (listener != null) {
      statementListeners.add(listener);
    }
  }

  @Override
  public void removeStatementEventListener(StatementEventListener listener) {
    statementListeners.remove(listener);
  }

  @Override
  public String toString() {
    return "SparkConnectPooledConnection[" + physical + "]";
  }
}
