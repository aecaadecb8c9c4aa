package dev.sparkjdbc.jdbc.pool;

import dev.sparkjdbc.jdbc.errors.SqlErrors;
import dev.sparkjdbc.jdbc.errors.SqlState;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A logical connection of a {@link SparkConnectPooledConnection}: a {@link Connection} proxy that
 * forwards to the physical connection until it is closed. Its {@code close()} closes the statements
 * made through it and tells the pooled connection, leaving the physical connection open; any other
 * call after that fails with SQLSTATE 08003. Statements and metadata it hands out are proxies too
 * ({@link PooledConnectionChild}), so that their {@code getConnection()} returns this logical
 * connection and never the physical one.
 *
 * <p>A dynamic proxy rather than a class that spells out the ~170 methods of Connection, Statement,
 * PreparedStatement and DatabaseMetaData: every call but a handful is a plain forward, and a
 * forward cannot be forgotten when JDBC grows. {@code ResultSet}s are the driver's own (no per-row
 * proxy cost): {@code ResultSet.getStatement()} returns the physical statement.
 */
final class PooledConnectionHandle implements InvocationHandler {
  private final SparkConnectPooledConnection owner;
  private final Connection physical;
  private final Connection proxy;
  private final Set<PooledConnectionChild> statements = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closed = new AtomicBoolean();

  PooledConnectionHandle(SparkConnectPooledConnection owner, Connection physical) {
    this.owner = owner;
    this.physical = physical;
    this.proxy =
        (Connection)
            Proxy.newProxyInstance(
                PooledConnectionHandle.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                this);
  }

  Connection proxy() {
    return proxy;
  }

  SparkConnectPooledConnection owner() {
    return owner;
  }

  @Override
  public Object invoke(Object self, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return objectMethod(method, args);
    }
    switch (method.getName()) {
      case "close":
        close();
        return null;
      case "isClosed":
        return closed.get() || physical.isClosed();
      case "isValid":
        if (closed.get() && (Integer) args[0] >= 0) {
          return false;
        }
        break;
      case "abort":
        abort((Executor) args[0]);
        return null;
      case "unwrap":
        return iface(args) != null && iface(args).isInstance(proxy)
            ? proxy
            : physical.unwrap(iface(args));
      case "isWrapperFor":
        return iface(args) != null
            && (iface(args).isInstance(proxy) || physical.isWrapperFor(iface(args)));
      default:
        if (closed.get()) {
          throw closedError(method);
        }
    }
    Object result;
    try {
      result = method.invoke(physical, args);
    } catch (InvocationTargetException e) {
      throw failed(e.getCause());
    }
    if (result instanceof Statement statement) {
      PooledConnectionChild child =
          new PooledConnectionChild(this, statement, method.getReturnType());
      statements.add(child);
      return child.proxy();
    }
    if (result instanceof DatabaseMetaData metaData) {
      return new PooledConnectionChild(this, metaData, DatabaseMetaData.class).proxy();
    }
    return result;
  }

  private static Class<?> iface(Object[] args) {
    return (Class<?>) args[0];
  }

  /** Reports an error of SQLSTATE class 08 (the physical connection is unusable) to the pool. */
  Throwable failed(Throwable error) {
    if (error instanceof SQLException e && isFatal(e)) {
      owner.fatalError(e);
    }
    return error;
  }

  static boolean isFatal(SQLException e) {
    return e.getSQLState() != null && e.getSQLState().startsWith("08");
  }

  /** 08003, as the method may throw it (setClientInfo only declares SQLClientInfoException). */
  private static SQLException closedError(Method method) {
    SQLException closed = SqlErrors.closed("connection");
    for (Class<?> declared : method.getExceptionTypes()) {
      if (declared.isInstance(closed)) {
        return closed;
      }
    }
    return new SQLClientInfoException(closed.getMessage(), closed.getSQLState(), Map.of());
  }

  private Object objectMethod(Method method, Object[] args) {
    return switch (method.getName()) {
      case "equals" -> proxy == args[0];
      case "hashCode" -> System.identityHashCode(proxy);
      default -> "Logical connection" + (closed.get() ? " (closed)" : "") + " of " + physical;
    };
  }

  /** By the application: closes its statements, then connectionClosed. */
  private void close() {
    if (closed.compareAndSet(false, true)) {
      closeStatements();
      owner.handleClosed(this);
    }
  }

  /** By the pool (a newer handle, or the pooled connection closed): no event. */
  void invalidate() {
    if (closed.compareAndSet(false, true)) {
      closeStatements();
    }
  }

  /** Ends the physical connection too (JDBC abort); the pool hears of it as a fatal error. */
  private void abort(Executor executor) throws SQLException {
    if (executor == null) {
      throw new SQLException("abort needs an executor", SqlState.INVALID_ARGUMENT);
    }
    if (closed.compareAndSet(false, true)) {
      physical.abort(executor);
      owner.handleAborted(this);
    }
  }

  private void closeStatements() {
    for (PooledConnectionChild statement : statements) {
      statement.closeWithConnection();
    }
    statements.clear();
  }

  void statementClosed(PooledConnectionChild statement) {
    statements.remove(statement);
  }
}
