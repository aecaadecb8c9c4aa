package dev.sparkjdbc.jdbc.errors;

import java.sql.SQLException;
import java.sql.Wrapper;

/**
 * {@code java.sql.Wrapper} for the driver's classes, which wrap nothing but themselves: {@code
 * unwrap} returns this object for an interface or class it is an instance of, and refuses anything
 * else with an SQLException.
 */
public interface SelfWrapper extends Wrapper {
  @Override
  default <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface != null && iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw new SQLException(
        getClass().getSimpleName()
            + " is not a wrapper for "
            + (iface == null ? "null" : iface.getName()),
        SqlState.GENERAL);
  }

  @Override
  default boolean isWrapperFor(Class<?> iface) {
    return iface != null && iface.isInstance(this);
  }
}
