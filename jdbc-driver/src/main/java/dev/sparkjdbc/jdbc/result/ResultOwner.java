package dev.sparkjdbc.jdbc.result;

import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The statement behind a result set, as the result set needs it: what {@code getStatement()}
 * returns, and whom to tell when the rows are read to the end or the result set closes (so that the
 * statement can let its server operation go).
 */
public interface ResultOwner {
  /** What {@code ResultSet.getStatement()} returns: null for the driver's own statements. */
  Statement visibleStatement();

  /**
   * A result set of this statement opened; {@code release} frees its rows if the connection closes
   * while neither the application nor the driver's Cleaner has yet.
   */
  default void resultOpened(ResultRelease release) {}

  /** The last row was read. */
  void resultSetExhausted(ResultSet resultSet);

  /** The result set was closed. */
  void resultSetClosed(ResultSet resultSet);
}
