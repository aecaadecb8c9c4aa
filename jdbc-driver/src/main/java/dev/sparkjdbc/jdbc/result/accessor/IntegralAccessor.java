package dev.sparkjdbc.jdbc.result.accessor;

import java.math.BigDecimal;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.ValueVector;

/** TINYINT, SMALLINT, INT and BIGINT. */
abstract class IntegralAccessor extends ColumnAccessor {
  private final String typeName;
  private final boolean isLong;

  IntegralAccessor(ValueVector vector, ValueColumn values, String typeName) {
    super(vector, values);
    this.typeName = typeName;
    this.isLong = typeName.equals("BIGINT");
  }

  @Override
  public abstract long getLong(int row);

  @Override
  public Object getObject(int row) {
    long v = getLong(row);
    // JDBC maps TINYINT, SMALLINT and INTEGER to Integer, BIGINT to Long.
    return isLong ? (Object) v : (Object) (int) v;
  }

  @Override
  public String getString(int row) {
    return Long.toString(getLong(row));
  }

  @Override
  public boolean getBoolean(int row) {
    return getLong(row) != 0;
  }

  @Override
  public double getDouble(int row) {
    return getLong(row);
  }

  @Override
  public BigDecimal getBigDecimal(int row) {
    return BigDecimal.valueOf(getLong(row));
  }

  @Override
  String typeName() {
    return typeName;
  }

  static final class OfVector extends IntegralAccessor {
    private final BaseIntVector vector;

    OfVector(BaseIntVector vector, String typeName) {
      super(vector, null, typeName);
      this.vector = vector;
    }

    @Override
    public long getLong(int row) {
      return vector.getValueAsLong(row);
    }
  }

  static final class OfValues extends IntegralAccessor {

    OfValues(ValueColumn values, String typeName) {
      super(null, values, typeName);
    }

    @Override
    public long getLong(int row) {
      return ((Number) value(row)).longValue();
    }
  }
}
