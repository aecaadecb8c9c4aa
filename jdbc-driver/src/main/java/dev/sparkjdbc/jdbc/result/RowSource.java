package dev.sparkjdbc.jdbc.result;

import dev.sparkjdbc.jdbc.result.accessor.ColumnAccessor;
import dev.sparkjdbc.types.ColumnType;
import java.sql.SQLException;

/**
 * The rows under a result set: Arrow batches streamed from the server, or values the driver holds
 * itself (metadata, array elements). Columns and their accessors are fixed once the source exists;
 * accessors read the current row by index.
 */
interface RowSource extends AutoCloseable {
  String[] labels();

  ColumnType[] types();

  /** Per column: may it hold NULL? */
  boolean[] nullable();

  ColumnAccessor[] accessors();

  /** Moves to the next row; false when there is none. */
  boolean next() throws SQLException;

  /** The index accessors read the current row at. */
  int row();

  /** True when a row follows the current one; may read ahead, never moves the cursor. */
  boolean hasNext() throws SQLException;

  /** Releases what the rows hold (server operation, Arrow memory). Idempotent. */
  @Override
  void close();
}
