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

/**
 * Turns failed gRPC calls into the {@code SQLException} a JDBC user expects: Spark's error details
 * (error class, SQLSTATE, message) when the server sent them, a TLS problem explained as what to
 * fix, else a state chosen from the gRPC status.
 */
final class GrpcErrors {
  private static final String ERROR_INFO_TYPE = "type.googleapis.com/google.rpc.ErrorInfo";

  private GrpcErrors() {}

  /** Maps a failed gRPC call; {@code where} names the server, for the message. */
  static SQLException of(StatusRuntimeException e, String where) {
    SQLException tls = TransportSecurity.describeFailure(e, where);
    if (tls != null) {
      return tls;
    }
    ErrorInfo info = errorInfo(e);
    Status status = e.getStatus();
    String serverMessage = status.getDescription() == null ? "" : status.getDescription().strip();
    if (info != null && info.getMetadataMap().containsKey("sqlState")) {
      String sqlState = info.getMetadataOrDefault("sqlState", SqlState.GENERAL);
      String errorClass = info.getMetadataOrDefault("errorClass", "");
      String message = serverMessage.isEmpty() ? errorClass : serverMessage;
      return SqlErrors.forState(message, sqlState, e);
    }
    return switch (status.getCode()) {
      case UNAVAILABLE ->
          new SQLTransientConnectionException(
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
}
