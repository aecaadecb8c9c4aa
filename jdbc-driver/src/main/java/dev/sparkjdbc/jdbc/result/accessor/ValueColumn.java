package dev.sparkjdbc.jdbc.result.accessor;

import java.util.List;

/**
 * A column of values the driver holds as Java objects, read by row index: a column of metadata
 * rows, or the elements of an array. The values are those the Arrow accessors' {@code getObject}
 * gives for the column's type (an Integer for INT, a {@code java.sql.Date} for DATE, …), so that an
 * accessor over them answers every getter as the Arrow accessor of that type does.
 */
@FunctionalInterface
public interface ValueColumn {
  /** The value at {@code row}; null for SQL NULL. */
  Object get(int row);

  /** Column {@code column} of {@code rows}. */
  static ValueColumn of(List<Object[]> rows, int column) {
    return row -> rows.get(row)[column];
  }

  static ValueColumn of(Object[] values) {
    return row -> values[row];
  }
}
