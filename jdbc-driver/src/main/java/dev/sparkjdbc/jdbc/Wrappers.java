package dev.sparkjdbc.jdbc;

import java.sql.SQLException;

/** {@code java.sql.Wrapper} for classes that wrap nothing but themselves. */
final class Wrappers {
  private Wrappers() {}

  static <T> T unwrap(Object self, Class<T> iface) throws SQLException {
    if (iface != null && iface.isInstance(self)) {
      return iface.cast(self);
    }
    throw new SQLException(
        self.getClass().getSimpleName()
            + " is not a wrapper for "
            + (iface == null ? "null" : iface.getName()),
        SqlErrors.GENERAL);
  }
}
