package dev.sparkjdbc.jdbc.result;

import dev.sparkjdbc.jdbc.result.accessor.ColumnAccessor;
import dev.sparkjdbc.jdbc.result.accessor.JavaValueAccessor;
import dev.sparkjdbc.types.ColumnType;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.List;

/** Rows the driver holds itself (array elements, catalog listings), read like server rows. */
public final class JavaRows implements RowSource {
  private final String[] labels;
  private final ColumnType[] types;
  private final boolean[] nullable;
  private final ColumnAccessor[] accessors;
  private final List<Object[]> rows;
  private int row = -1;

  /** A result set of these rows that no statement produced (metadata, array elements). */
  public static ResultSet resultSet(String[] labels, ColumnType[] types, List<Object[]> rows) {
    return new SparkConnectResultSet(null, new JavaRows(labels, types, rows), 0);
  }

  public JavaRows(String[] labels, ColumnType[] types, List<Object[]> rows) {
    this.labels = labels;
    this.types = types;
    this.rows = rows;
    this.nullable = new boolean[labels.length];
    Arrays.fill(nullable, true);
    this.accessors = new ColumnAccessor[labels.length];
    for (int i = 0; i < labels.length; i++) {
      accessors[i] = new JavaValueAccessor(rows, i, types[i].typeName());
    }
  }

  @Override
  public String[] labels() {
    return labels;
  }

  @Override
  public ColumnType[] types() {
    return types;
  }

  @Override
  public boolean[] nullable() {
    return nullable;
  }

  @Override
  public ColumnAccessor[] accessors() {
    return accessors;
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
