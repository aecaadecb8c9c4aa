package dev.sparkjdbc.jdbc.pool;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A statement ({@code Statement}, {@code PreparedStatement}) or {@code DatabaseMetaData} made
 * through a logical connection ({@link PooledConnectionHandle}): a proxy that forwards every call,
 * except that {@code getConnection()} returns the logical connection, a fatal error (SQLSTATE class
 * 08) reaches the pool, and closing a {@code PreparedStatement} is a statement event.
 */
final class PooledConnectionChild implements InvocationHandler {
  private static final Logger LOG = Logger.getLogger(PooledConnectionChild.class.getName());

  private final PooledConnectionHandle connection;
  private final Object target;
  private final Object proxy;
  private final AtomicBoolean closeReported = new AtomicBoolean();

  PooledConnectionChild(PooledConnectionHandle connection, Object target, Class<?> type) {
    this.connection = connection;
    this.target = target;
    this.proxy =
        Proxy.newProxyInstance(
            PooledConnectionChild.class.getClassLoader(), new Class<?>[] {type}, this);
  }

  Object proxy() {
    return proxy;
  }

  @Override
  public Object invoke(Object self, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return switch (method.getName()) {
        case "equals" -> proxy == args[0];
        case "hashCode" -> System.identityHashCode(proxy);
        default -> target.toString();
      };
    }
    boolean wrapper = method.getName().equals("unwrap") || method.getName().equals("isWrapperFor");
    if (wrapper && args[0] != null && ((Class<?>) args[0]).isInstance(proxy)) {
      return method.getName().equals("unwrap") ? proxy : Boolean.TRUE;
    }
    Object result;
    try {
      result = method.invoke(target, args);
    } catch (InvocationTargetException e) {
      Throwable error = connection.failed(e.getCause());
      if (proxy instanceof PreparedStatement statement
          && error instanceof SQLException sql
          && PooledConnectionHandle.isFatal(sql)) {
        connection.owner().statementErrorOccurred(statement, sql);
      }
      throw error;
    }
    switch (method.getName()) {
      case "getConnection":
        return connection.proxy(); // after the target's own check that it is open
      case "close":
        closed();
        return null;
      default:
        return result;
    }
  }

  /** Its logical connection closed: the statement closes with it. */
  void closeWithConnection() {
    try {
      ((Statement) target).close();
    } catch (SQLException e) {
      LOG.log(Level.FINE, "Closing a statement of a closed logical connection failed", e);
    }
    closed();
  }

  private void closed() {
    connection.statementClosed(this);
    if (proxy instanceof PreparedStatement statement && closeReported.compareAndSet(false, true)) {
      connection.owner().statementClosed(statement);
    }
  }
}
