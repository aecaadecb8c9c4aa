package dev.sparkjdbc.jdbc.result.accessor;

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
  public Object getObject(int row) {
    long v = vector.getValueAsLong(row);
    // JDBC maps TINYINT, SMALLINT and INTEGER to Integer, BIGINT to Long.
    return isLong ? (Object) v : (Object) (int) v;
  }

  @Override
  public String getString(int row) {
    return Long.toString(vector.getValueAsLong(row));
  }

  @Override
  public boolean getBoolean(int row) {
    return vector.getValueAsLong(row) != 0;
  }

  @Override
  public long getLong(int row) {
    return vector.getValueAsLong(row);
  }

  @Override
  public double getDouble(int row) {
    return vector.getValueAsLong(row);
  }

  @Override
  public BigDecimal getBigDecimal(int row) {
    return BigDecimal.valueOf(vector.getValueAsLong(row));
  }

  @Override
  String typeName() {
    return typeName;
  }
}
