package dev.sparkjdbc.jdbc;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
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
import java.sql.SQLTransientConnectionException;

/**
 * Turns gRPC failures and Spark's error details into the {@code SQLException} subclass a JDBC user
 * expects, keeping the server's SQLSTATE, error class and message.
 */
final class SqlErrors {
  static final String CONNECTION_FAILURE = "08001";
  static final String CONNECTION_BROKEN = "08006";
  static final String CONNECTION_CLOSED = "08003";
  static final String INVALID_STATE = "24000";
  static final String INVALID_ARGUMENT = "HY024";
  static final String CANCELLED = "HY008";
  static final String TIMEOUT = "HYT00";
  static final String GENERAL = "HY000";
  static final String DATA_OUT_OF_RANGE = "22003";
  static final String INVALID_CAST = "22018";
  static final String NO_SUCH_COLUMN = "42S22";
  private static final String ERROR_INFO_TYPE = "type.googleapis.com/google.rpc.ErrorInfo";

  private SqlErrors() {}

  /** Maps a failed gRPC call; {@code what} says what we were doing, for the message. */
  static SQLException fromGrpc(StatusRuntimeException e, String where) {
    SQLException tls = TransportSecurity.describeFailure(e, where);
    if (tls != null) {
      return tls;
    }
    ErrorInfo info = errorInfo(e);
    Status status = e.getStatus();
    String serverMessage = status.getDescription() == null ? "" : status.getDescription().strip();
    if (info != null && info.getMetadataMap().containsKey("sqlState")) {
      String sqlState = info.getMetadataOrDefault("sqlState", GENERAL);
      String errorClass = info.getMetadataOrDefault("errorClass", "");
      String message = serverMessage.isEmpty() ? errorClass : serverMessage;
      return forState(message, sqlState, e);
    }
    return switch (status.getCode()) {
      case UNAVAILABLE ->
          new SQLTransientConnectionException(
              "Spark Connect server unreachable at " + where + ": " + describe(status),
              CONNECTION_FAILURE,
              e);
      case UNAUTHENTICATED, PERMISSION_DENIED ->
          new SQLInvalidAuthorizationSpecException(
              "Spark Connect server at "
                  + where
                  + " refused the credentials: "
                  + describe(status)
                  + " (set the 'token' property, or the password of user 'token')",
              "28000",
              e);
      case DEADLINE_EXCEEDED ->
          new SQLTimeoutException(
              "No answer from the Spark Connect server at " + where + " in time", TIMEOUT, e);
      case CANCELLED -> new SQLException("The operation was cancelled", CANCELLED, e);
      case RESOURCE_EXHAUSTED ->
          new SQLException(
              describe(status) + " (raise the grpc_max_message_size connection property)",
              "54000",
              e);
      case UNIMPLEMENTED ->
          new SQLFeatureNotSupportedException(
              "The server does not support this request: " + describe(status), "0A000", e);
      default -> forState(serverMessage.isEmpty() ? describe(status) : serverMessage, GENERAL, e);
    };
  }

  /** Chooses the JDBC 4 exception subclass by SQLSTATE class. */
  static SQLException forState(String message, String sqlState, Throwable cause) {
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
          "HYT00".equals(sqlState)
              ? new SQLTimeoutException(message, sqlState, cause)
              : new SQLException(message, sqlState, cause);
    };
  }

  private static ErrorInfo errorInfo(StatusRuntimeException e) {
    com.google.rpc.Status details = StatusProto.fromThrowable(e);
    if (details == null) {
      return null;
    }
    for (Any any : details.getDetailsList()) {
      if (ERROR_INFO_TYPE.equals(any.getTypeUrl())) {
        try {
          return any.unpack(ErrorInfo.class);
        } catch (InvalidProtocolBufferException ignored) {
          return null;
        }
      }
    }
    return null;
  }

  private static String describe(Status status) {
    String d = status.getDescription();
    return status.getCode() + (d == null || d.isEmpty() ? "" : ": " + d);
  }

  static SQLException invalidUrl(String url, String problem) {
    return new SQLNonTransientConnectionException(
        "Invalid Spark Connect URL '"
            + url
            + "': "
            + problem
            + " (expected "
            + ConnectionConfig.URL_PREFIX
            + "host[:port][/;key=value;...])",
        CONNECTION_FAILURE);
  }

  static SQLException invalidProperty(String key, String shownValue, String problem) {
    return new SQLNonTransientConnectionException(
        "Invalid value " + shownValue + " for connection property '" + key + "': " + problem,
        CONNECTION_FAILURE);
  }

  /** Statement.cancel(): JDBC's "operation canceled" state. */
  static SQLException cancelled() {
    return new SQLException("The statement was cancelled (Statement.cancel())", CANCELLED);
  }

  /** The waiting thread was interrupted (Thread.interrupt): treated as a cancel. */
  static SQLException interrupted() {
    return new SQLException(
        "The thread waiting for the server was interrupted; the statement " + "was stopped",
        CANCELLED);
  }

  static SQLNonTransientConnectionException aborted() {
    return new SQLNonTransientConnectionException(
        "The connection was aborted (Connection.abort())", CONNECTION_CLOSED);
  }

  static SQLTimeoutException queryTimedOut(int seconds) {
    return new SQLTimeoutException(
        "The statement waited for the server longer than its query "
            + "timeout of "
            + seconds
            + " s and was stopped on the server",
        TIMEOUT);
  }

  static SQLNonTransientConnectionException networkTimedOut(String where, long millis) {
    return new SQLNonTransientConnectionException(
        "No answer from the Spark Connect server at "
            + where
            + " within the network timeout of "
            + millis
            + " ms; the connection is closed",
        CONNECTION_BROKEN);
  }

  /**
   * The same error again, for a later call: a fresh exception (with this thread's stack) of the
   * same kind, message and SQLSTATE, caused by the first.
   */
  static SQLException again(SQLException first) {
    return forState(
        first.getMessage(), first.getSQLState() == null ? GENERAL : first.getSQLState(), first);
  }

  static SQLException closed(String what) {
    return new SQLNonTransientException(
        "This " + what + " is closed", what.equals("connection") ? CONNECTION_CLOSED : GENERAL);
  }

  static SQLDataException outOfRange(Object value, String target) {
    return new SQLDataException(
        "Value " + value + " is out of range for " + target, DATA_OUT_OF_RANGE);
  }

  static SQLDataException cannotConvert(String from, String to) {
    return new SQLDataException("Cannot convert a " + from + " value to " + to, INVALID_CAST);
  }

  static SQLFeatureNotSupportedException unsupported(String what) {
    return new SQLFeatureNotSupportedException(what + " is not supported by this driver", "0A000");
  }
}
