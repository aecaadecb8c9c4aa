package dev.sparkjdbc.jdbc.result.accessor;

import dev.sparkjdbc.jdbc.errors.SqlErrors;
import dev.sparkjdbc.jdbc.errors.SqlState;
import dev.sparkjdbc.proto.DataType;
import dev.sparkjdbc.types.ColumnType;
import dev.sparkjdbc.types.SparkTypeNames;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * An ARRAY value: its elements as the classes {@code getObject} gives for the element type (nested
 * arrays are {@code SparkArray}s, maps {@code Map}s, structs {@code Struct}s).
 */
public final class SparkArray implements Array {
  private final DataType elementType;
  private final ColumnType element;
  private final DetachedRows detachedRows;
  private Object[] values;

  public SparkArray(DataType elementType, Object[] values, DetachedRows detachedRows) {
    this.elementType = elementType;
    this.detachedRows = detachedRows;
    this.element = ColumnType.of(elementType);
    this.values = values;
  }

  private Object[] values() throws SQLException {
    if (values == null) {
      throw new SQLException("This Array was freed", SqlState.GENERAL);
    }
    return values;
  }

  /** The elements themselves, for accessors that read them; not a copy. */
  Object[] elements() throws SQLException {
    return values();
  }

  @Override
  public String getBaseTypeName() throws SQLException {
    values();
    return SparkTypeNames.sqlName(elementType);
  }

  @Override
  public int getBaseType() throws SQLException {
    values();
    return element.jdbcType();
  }

  @Override
  public Object getArray() throws SQLException {
    return values().clone();
  }

  @Override
  public Object getArray(Map<String, Class<?>> map) throws SQLException {
    checkMap(map);
    return getArray();
  }

  /** {@code index} is 1-based, as everywhere in JDBC. */
  @Override
  public Object getArray(long index, int count) throws SQLException {
    int from = slice(index, count);
    return Arrays.copyOfRange(values(), from, from + count);
  }

  @Override
  public Object getArray(long index, int count, Map<String, Class<?>> map) throws SQLException {
    checkMap(map);
    return getArray(index, count);
  }

  /** Rows of (INDEX, VALUE), INDEX counting from 1, as the specification lays them out. */
  @Override
  public ResultSet getResultSet() throws SQLException {
    return getResultSet(1, values().length);
  }

  @Override
  public ResultSet getResultSet(Map<String, Class<?>> map) throws SQLException {
    checkMap(map);
    return getResultSet();
  }

  @Override
  public ResultSet getResultSet(long index, int count) throws SQLException {
    int from = slice(index, count);
    List<Object[]> rows = new ArrayList<>(count);
    for (int i = from; i < from + count; i++) {
      rows.add(new Object[] {i + 1, values[i]});
    }
    DataType indexType =
        DataType.newBuilder().setInteger(DataType.Integer.getDefaultInstance()).build();
    return detachedRows.resultSet(
        new String[] {"INDEX", "VALUE"}, new DataType[] {indexType, elementType}, rows);
  }

  @Override
  public ResultSet getResultSet(long index, int count, Map<String, Class<?>> map)
      throws SQLException {
    checkMap(map);
    return getResultSet(index, count);
  }

  private int slice(long index, int count) throws SQLException {
    int length = values().length;
    if (index < 1 || count < 0 || index - 1 + count > length) {
      throw new SQLException(
          "Elements "
              + index
              + " to "
              + (index - 1 + count)
              + " are outside this array of "
              + length,
          SqlState.ARRAY_INDEX_OUT_OF_RANGE);
    }
    return (int) (index - 1);
  }

  private static void checkMap(Map<String, Class<?>> map) throws SQLException {
    if (map != null && !map.isEmpty()) {
      throw SqlErrors.unsupported("Custom type maps");
    }
  }

  @Override
  public void free() {
    values = null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SparkArray a && Arrays.deepEquals(values, a.values);
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(values);
  }

  @Override
  public String toString() {
    return Arrays.deepToString(values);
  }
}
