package dev.sparkjdbc.jdbc.result;

import dev.sparkjdbc.jdbc.result.accessor.ColumnAccessor;
import dev.sparkjdbc.types.ColumnType;
import java.sql.SQLException;

/**
 * The rows under a result set: Arrow batches streamed from the server, or values the driver holds
 * itself (metadata, array elements). Columns and their accessors are fixed once the source knows
 * them; accessors read the current row by index.
 */
public abstract class RowSource implements AutoCloseable {
  private String[] labels = new String[0];
  private ColumnType[] types = new ColumnType[0];
  private boolean[] nullable = new boolean[0];
  private ColumnAccessor[] accessors = new ColumnAccessor[0];

  /** Sets the columns, once they are known. */
  final void columns(
      String[] labels, ColumnType[] types, boolean[] nullable, ColumnAccessor[] accessors) {
    this.labels = labels;
    this.types = types;
    this.nullable = nullable;
    this.accessors = accessors;
  }

  public final String[] labels() {
    return labels;
  }

  public final ColumnType[] types() {
    return types;
  }

  /** Per column: may it hold NULL? */
  public final boolean[] nullable() {
    return nullable;
  }

  public final ColumnAccessor[] accessors() {
    return accessors;
  }

  /** Moves to the next row; false when there is none. */
  public abstract boolean next() throws SQLException;

  /** The index accessors read the current row at. */
  public abstract int row();

  /** True when a row follows the current one; may read ahead, never moves the cursor. */
  public abstract boolean hasNext() throws SQLException;

  /** Releases what the rows hold (server operation, Arrow memory). Idempotent. */
  @Override
  public abstract void close();

  /**
   * True when the rows hold something outside this JVM's heap (a server operation, Arrow memory),
   * so that a result set dropped unclosed must have them released.
   */
  public boolean holdsResources() {
    return false;
  }

  /**
   * As {@link #close}, for rows whose result set the application dropped without closing it: the
   * driver's Cleaner thread runs this, so nothing may wait for the server.
   */
  public void abandon() {
    close();
  }
}
