package dev.sparkjdbc.jdbc.client;

import java.sql.SQLException;

/** The chunks of one server operation, which any thread may stop. */
public interface OperationSource extends ArrowBatchSource {
  /** The server's id of the operation. */
  String operationId();

  /**
   * Stops the operation from any thread: the reader gets {@code reason}, and the server is told to
   * interrupt and forget it. False if the result was already complete.
   */
  boolean stop(SQLException reason);
}
