package dev.sparkjdbc.jdbc.result;

import dev.sparkjdbc.jdbc.result.accessor.ColumnAccessor;
import dev.sparkjdbc.jdbc.result.accessor.ColumnAccessors;
import dev.sparkjdbc.jdbc.result.accessor.ColumnContext;
import dev.sparkjdbc.jdbc.result.accessor.ValueColumn;
import dev.sparkjdbc.proto.DataType;
import dev.sparkjdbc.types.ColumnType;
import java.sql.ResultSet;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/**
 * Rows the driver holds itself (array elements, catalog listings), read like server rows: each
 * column's accessor is the one its Spark type has for server rows, over the Java values.
 */
public final class JavaRows extends RowSource {
  /** For metadata: its columns are text, numbers and booleans, which need no session. */
  private static final ColumnContext DRIVER_ROWS =
      new ColumnContext(ZoneId::systemDefault, JavaRows::resultSet);

  private final List<Object[]> rows;
  private int row = -1;

  /** A result set of these rows that no statement produced (metadata). */
  public static ResultSet resultSet(String[] labels, DataType[] types, List<Object[]> rows) {
    return resultSet(labels, types, rows, DRIVER_ROWS);
  }

  /** A result set of these rows that no statement produced, read in the connection's context. */
  public static ResultSet resultSet(
      String[] labels, DataType[] types, List<Object[]> rows, ColumnContext context) {
    return new SparkConnectResultSet(null, new JavaRows(labels, types, rows, context), 0);
  }

  JavaRows(String[] labels, DataType[] types, List<Object[]> rows, ColumnContext context) {
    this.rows = rows;
    ColumnType[] columnTypes = new ColumnType[types.length];
    boolean[] nullable = new boolean[labels.length];
    Arrays.fill(nullable, true);
    ColumnAccessor[] accessors = new ColumnAccessor[labels.length];
    for (int i = 0; i < labels.length; i++) {
      columnTypes[i] = ColumnType.of(types[i]);
      accessors[i] = ColumnAccessors.forValues(ValueColumn.of(rows, i), types[i], context);
    }
    columns(labels, columnTypes, nullable, accessors);
  }

  @Override
  public boolean next() {
    if (row + 1 >= rows.size()) {
      row = rows.size();
      return false;
    }
    row++;
    return true;
  }

  @Override
  public int row() {
    return row;
  }

  @Override
  public boolean hasNext() {
    return row + 1 < rows.size();
  }

  @Override
  public void close() {
    // nothing held beyond the list
  }
}
