package dev.sparkjdbc.jdbc;

import java.math.BigDecimal;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;

/** TINYINT, SMALLINT, INT and BIGINT. */
final class IntegralAccessor extends ColumnAccessor {
  private final BaseIntVector vector;
  private final boolean isLong;
  private final String typeName;

  IntegralAccessor(BaseIntVector vector, String typeName) {
    super((FieldVector) vector);
    this.vector = vector;
    this.isLong = vector instanceof BigIntVector;
    this.typeName = typeName;
  }

  @Override
  Object getObject(int row) {
    long v = vector.getValueAsLong(row);
    // JDBC maps TINYINT, SMALLINT and INTEGER to Integer, BIGINT to Long.
    return isLong ? (Object) v : (Object) (int) v;
  }

  @Override
  String getString(int row) {
    return Long.toString(vector.getValueAsLong(row));
  }

  @Override
  boolean getBoolean(int row) {
    return vector.getValueAsLong(row) != 0;
  }

  @Override
  long getLong(int row) {
    return vector.getValueAsLong(row);
  }

  @Override
  double getDouble(int row) {
    return vector.getValueAsLong(row);
  }

  @Override
  BigDecimal getBigDecimal(int row) {
    return BigDecimal.valueOf(vector.getValueAsLong(row));
  }

  @Override
  String typeName() {
    return typeName;
  }
}
