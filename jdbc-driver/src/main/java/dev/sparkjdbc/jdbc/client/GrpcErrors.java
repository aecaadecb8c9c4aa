package dev.sparkjdbc.jdbc.client;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.ErrorInfo;
import dev.sparkjdbc.jdbc.errors.SqlErrors;
import dev.sparkjdbc.jdbc.errors.SqlState;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Turns failed gRPC calls into the {@code SQLException} a JDBC user expects: Spark's error details
 * (error class, SQLSTATE, message) when the server sent them, a TLS problem explained as what to
 * fix, else a state chosen from the gRPC status.
 */
final class GrpcErrors {
  private static final String ERROR_INFO_TYPE = "type.googleapis.com/google.rpc.ErrorInfo";

  /**
   * Spark's error classes for "this session is gone": expired or released (CLOSED), unknown to a
   * call that must not create it (NOT_FOUND), or held by a server that restarted since (CHANGED).
   * Spark gives them SQLSTATE HY000, which pools do not treat as a lost connection.
   */
  private static final Set<String> SESSION_ENDED =
      Set.of(
          "INVALID_HANDLE.SESSION_CLOSED",
          "INVALID_HANDLE.SESSION_NOT_FOUND",
          "INVALID_HANDLE.SESSION_CHANGED");

  private GrpcErrors() {}

  /**
   * Maps a failed gRPC call; {@code where} names the server, for the message. {@code established}
   * says whether the server had answered on this connection before: an unreachable server is then a
   * broken link (08S01), else a failure to connect (08001).
   */
  static SQLException of(StatusRuntimeException e, String where, boolean established) {
    SQLException tls = TransportSecurity.describeFailure(e, where);
    if (tls != null) {
      return tls;
    }
    ErrorInfo info = errorInfo(e);
    Status status = e.getStatus();
    String serverMessage = status.getDescription() == null ? "" : status.getDescription().strip();
    if (info != null && endsSession(info)) {
      String errorClass = info.getMetadataOrDefault("errorClass", "");
      return SqlErrors.sessionEnded(serverMessage.isEmpty() ? errorClass : serverMessage, e);
    }
    if (info != null && info.getMetadataMap().containsKey("sqlState")) {
      String sqlState = info.getMetadataOrDefault("sqlState", SqlState.GENERAL);
      String errorClass = info.getMetadataOrDefault("errorClass", "");
      String message = serverMessage.isEmpty() ? errorClass : serverMessage;
      return SqlErrors.forState(message, sqlState, e);
    }
    return switch (status.getCode()) {
      case UNAVAILABLE ->
          established
              ? new SQLTransientConnectionException(
                  "Lost the link to the Spark Connect server at " + where + ": " + describe(status),
                  SqlState.COMMUNICATION_LINK_FAILURE,
                  e)
              : new SQLTransientConnectionException(
                  "Spark Connect server unreachable at " + where + ": " + describe(status),
                  SqlState.CONNECTION_FAILURE,
                  e);
      case UNAUTHENTICATED, PERMISSION_DENIED ->
          new SQLInvalidAuthorizationSpecException(
              "Spark Connect server at "
                  + where
                  + " refused the credentials: "
                  + describe(status)
                  + " (set the 'token' property, or the password of user 'token')",
              SqlState.INVALID_AUTHORIZATION,
              e);
      case DEADLINE_EXCEEDED ->
          new SQLTimeoutException(
              "No answer from the Spark Connect server at " + where + " in time",
              SqlState.TIMEOUT,
              e);
      case CANCELLED -> new SQLException("The operation was cancelled", SqlState.CANCELLED, e);
      case RESOURCE_EXHAUSTED ->
          new SQLException(
              describe(status) + " (raise the grpc_max_message_size connection property)",
              SqlState.TOO_LARGE,
              e);
      case UNIMPLEMENTED ->
          new SQLFeatureNotSupportedException(
              "The server does not support this request: " + describe(status),
              SqlState.NOT_SUPPORTED,
              e);
      default ->
          SqlErrors.forState(
              serverMessage.isEmpty() ? describe(status) : serverMessage, SqlState.GENERAL, e);
    };
  }

  /** True when the server said this connection's session is gone: the connection is over. */
  static boolean endsSession(StatusRuntimeException e) {
    ErrorInfo info = errorInfo(e);
    return info != null && endsSession(info);
  }

  private static boolean endsSession(ErrorInfo info) {
    return SESSION_ENDED.contains(info.getMetadataOrDefault("errorClass", ""));
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

  /**
   * The status and, when gRPC's description is generic ("io exception"), what the transport said:
   * "Connection refused", "No route to host" tell a person what to fix.
   */
  private static String describe(Status status) {
    String d = status.getDescription();
    String text = status.getCode() + (d == null || d.isEmpty() ? "" : ": " + d);
    Throwable cause = status.getCause();
    String why = cause == null ? null : cause.getMessage();
    return why == null || why.isBlank() || text.contains(why) ? text : text + " (" + why + ")";
  }
}
