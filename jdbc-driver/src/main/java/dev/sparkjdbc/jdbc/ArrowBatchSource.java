package dev.sparkjdbc.jdbc;

import com.google.protobuf.ByteString;
import java.sql.SQLException;

/** Where a result set's Arrow IPC chunks come from: a live execution or an inline relation. */
interface ArrowBatchSource extends AutoCloseable {
  /** The next chunk of Arrow IPC stream bytes, or null at the end of the result. */
  ByteString nextArrowData() throws SQLException;

  @Override
  void close();

  /** A result the server sent inline (e.g. SHOW TABLES): one chunk, already in memory. */
  static ArrowBatchSource inline(ByteString data) {
    return new ArrowBatchSource() {
      private ByteString pending = data;

      @Override
      public ByteString nextArrowData() {
        ByteString next = pending;
        pending = null;
        return next;
      }

      @Override
      public void close() {
        pending = null;
      }
    };
  }
}
