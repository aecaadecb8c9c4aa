package dev.sparkjdbc.jdbc.client;

import com.google.protobuf.ByteString;
import dev.sparkjdbc.proto.DataType;
import java.sql.SQLException;

/** Where a result set's Arrow IPC chunks come from: a live execution or an inline relation. */
public interface ArrowBatchSource extends AutoCloseable {
  /** The next chunk of Arrow IPC stream bytes, or null at the end of the result. */
  ArrowChunk nextChunk() throws SQLException;

  /** Spark's schema of the result, when the server sent it before the data; else null. */
  default DataType sparkSchema() {
    return null;
  }

  /** Throws if the result was stopped from outside (cancel, timeout); checked on every row. */
  default void checkStopped() throws SQLException {}

  @Override
  void close();

  /**
   * Closes for a result set the application dropped without closing it (the driver's Cleaner runs
   * this): as {@link #close}, but nothing here may wait for the server.
   */
  default void abandon() {
    close();
  }

  /** A result the server sent inline (e.g. SHOW TABLES): one chunk, already in memory. */
  static ArrowBatchSource inline(ByteString data) {
    return new ArrowBatchSource() {
      private ByteString pending = data;

      @Override
      public ArrowChunk nextChunk() {
        ByteString next = pending;
        pending = null;
        return next == null ? null : new ArrowChunk(next.toByteArray(), -1);
      }

      @Override
      public void close() {
        pending = null;
      }
    };
  }
}
