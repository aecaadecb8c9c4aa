package dev.sparkjdbc.jdbc.errors;

import java.sql.BatchUpdateException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLNonTransientException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.util.Locale;

/**
 * Turns gRPC failures and Spark's error details into the {@code SQLException} subclass a JDBC user
 * expects, keeping the server's SQLSTATE, error class and message.
 */
public final class SqlErrors {

  private SqlErrors() {}

  /** Chooses the JDBC 4 exception subclass by SQLSTATE class. */
  public static SQLException forState(String message, String sqlState, Throwable cause) {
    String cls = sqlState.length() >= 2 ? sqlState.substring(0, 2) : "";
    return switch (cls) {
      case "08" -> new SQLNonTransientConnectionException(message, sqlState, cause);
      case "0A" -> new SQLFeatureNotSupportedException(message, sqlState, cause);
      case "22" -> new SQLDataException(message, sqlState, cause);
      case "23" -> new SQLIntegrityConstraintViolationException(message, sqlState, cause);
      case "28" -> new SQLInvalidAuthorizationSpecException(message, sqlState, cause);
      case "40" -> new SQLTransactionRollbackException(message, sqlState, cause);
      case "42" -> new SQLSyntaxErrorException(message, sqlState, cause);
      default ->
          SqlState.TIMEOUT.equals(sqlState)
              ? new SQLTimeoutException(message, sqlState, cause)
              : new SQLException(message, sqlState, cause);
    };
  }

  public static SQLException invalidUrl(String url, String problem, String expected) {
    return new SQLNonTransientConnectionException(
        "Invalid Spark Connect URL '" + url + "': " + problem + " (expected " + expected + ")",
        SqlState.CONNECTION_FAILURE);
  }

  public static SQLException invalidProperty(String key, String shownValue, String problem) {
    return new SQLNonTransientConnectionException(
        "Invalid value " + shownValue + " for connection property '" + key + "': " + problem,
        SqlState.CONNECTION_FAILURE);
  }

  /** Statement.cancel(): JDBC's "operation canceled" state. */
  public static SQLException cancelled() {
    return new SQLException("The statement was cancelled (Statement.cancel())", SqlState.CANCELLED);
  }

  /** The waiting thread was interrupted (Thread.interrupt): treated as a cancel. */
  public static SQLException interrupted() {
    return new SQLException(
        "The thread waiting for the server was interrupted; the statement " + "was stopped",
        SqlState.CANCELLED);
  }

  public static SQLNonTransientConnectionException aborted() {
    return new SQLNonTransientConnectionException(
        "The connection was aborted (Connection.abort())", SqlState.CONNECTION_CLOSED);
  }

  public static SQLTimeoutException queryTimedOut(int seconds) {
    return new SQLTimeoutException(
        "The statement waited for the server longer than its query "
            + "timeout of "
            + seconds
            + " s and was stopped on the server",
        SqlState.TIMEOUT);
  }

  public static SQLNonTransientConnectionException networkTimedOut(String where, long millis) {
    return new SQLNonTransientConnectionException(
        "No answer from the Spark Connect server at "
            + where
            + " within the network timeout of "
            + millis
            + " ms; the connection is closed",
        SqlState.CONNECTION_BROKEN);
  }

  /**
   * The same error again, for a later call: a fresh exception (with this thread's stack) of the
   * same kind, message and SQLSTATE, caused by the first.
   */
  public static SQLException again(SQLException first) {
    return forState(
        first.getMessage(),
        first.getSQLState() == null ? SqlState.GENERAL : first.getSQLState(),
        first);
  }

  /**
   * The server no longer knows this connection's session (it expired, was released, or the server
   * restarted): the connection is over, and pools evict it on the 08 class.
   */
  public static SQLNonTransientConnectionException sessionEnded(
      String serverMessage, Throwable cause) {
    return new SQLNonTransientConnectionException(
        "connection closed because the server ended its session: " + serverMessage,
        SqlState.CONNECTION_CLOSED,
        cause);
  }

  public static SQLException closed(String what) {
    return new SQLNonTransientException(
        "This " + what + " is closed",
        what.equals("connection") ? SqlState.CONNECTION_CLOSED : SqlState.GENERAL);
  }

  public static SQLDataException outOfRange(Object value, String target) {
    return new SQLDataException(
        "Value " + value + " is out of range for " + target, SqlState.DATA_OUT_OF_RANGE);
  }

  public static SQLDataException cannotConvert(String from, String to) {
    return new SQLDataException(
        "Cannot convert a " + from + " value to " + to, SqlState.INVALID_CAST);
  }

  public static SQLFeatureNotSupportedException unsupported(String what) {
    return new SQLFeatureNotSupportedException(
        what + " is not supported by this driver", SqlState.NOT_SUPPORTED);
  }

  /**
   * A 1-based column or parameter index outside {@code 1..count}: {@code checkIndex("Column", i, n,
   * "the result has", "column(s)")}.
   */
  public static void checkIndex(int index, int count, String what, String owner)
      throws SQLException {
    if (index < 1 || index > count) {
      throw new SQLException(
          what
              + " index "
              + index
              + " is out of range: the "
              + owner
              + " has "
              + count
              + " "
              + what.toLowerCase(Locale.ROOT)
              + "(s)",
          SqlState.INVALID_INDEX);
    }
  }

  /** Spark has no positioned UPDATE/DELETE, so neither statements nor results name cursors. */
  public static SQLFeatureNotSupportedException noNamedCursors() {
    return new SQLFeatureNotSupportedException(
        "Spark has no named cursors (positioned UPDATE/DELETE)", SqlState.NOT_SUPPORTED);
  }

  /** A call that cannot run this kind of statement (executeUpdate with a query, and so on). */
  public static SQLException wrongStatementKind(String message) {
    return new SQLException(message, SqlState.WRONG_STATEMENT_KIND);
  }

  /** A batch entry returned rows; {@code counts} are the entries that ran before it. */
  public static BatchUpdateException batchReturnedRows(String message, int[] counts) {
    return new java.sql.BatchUpdateException(message, SqlState.BATCH_RETURNED_ROWS, counts);
  }

  /** A batch entry failed; {@code counts} are those of the entries before it. */
  public static java.sql.BatchUpdateException batchFailed(SQLException cause, long[] counts) {
    return new java.sql.BatchUpdateException(
        cause.getMessage(), cause.getSQLState(), cause.getErrorCode(), counts, cause);
  }

  /** A parameter value the driver cannot bind. */
  public static SQLException badParameter(String message, Throwable cause) {
    return new SQLException(message, SqlState.INVALID_PARAMETER_VALUE, cause);
  }

  /** A date or time beyond what Spark's type holds. */
  public static SQLDataException datetimeOutOfRange(Object value, String sparkType) {
    return new SQLDataException(
        "The value " + value + " is outside the range of Spark's " + sparkType,
        SqlState.DATETIME_OUT_OF_RANGE);
  }
}
