package dev.sparkjdbc.jdbc.result.accessor;

import java.math.BigDecimal;
import org.apache.arrow.vector.BitVector;

final class BooleanAccessor extends ColumnAccessor {
  private final BitVector vector;

  BooleanAccessor(BitVector vector) {
    super(vector);
    this.vector = vector;
  }

  @Override
  public Object getObject(int row) {
    return getBoolean(row);
  }

  @Override
  public String getString(int row) {
    return getBoolean(row) ? "true" : "false";
  }

  @Override
  public boolean getBoolean(int row) {
    return vector.get(row) != 0;
  }

  @Override
  public long getLong(int row) {
    return vector.get(row);
  }

  @Override
  public double getDouble(int row) {
    return vector.get(row);
  }

  @Override
  public BigDecimal getBigDecimal(int row) {
    return getBoolean(row) ? BigDecimal.ONE : BigDecimal.ZERO;
  }

  @Override
  String typeName() {
    return "BOOLEAN";
  }
}
