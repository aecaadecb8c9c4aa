package dev.sparkjdbc.jdbc;

import java.math.BigDecimal;
import org.apache.arrow.vector.BitVector;

final class BooleanAccessor extends ColumnAccessor {
  private final BitVector vector;

  BooleanAccessor(BitVector vector) {
    super(vector);
    this.vector = vector;
  }

  @Override
  Object getObject(int row) {
    return getBoolean(row);
  }

  @Override
  String getString(int row) {
    return getBoolean(row) ? "true" : "false";
  }

  @Override
  boolean getBoolean(int row) {
    return vector.get(row) != 0;
  }

  @Override
  long getLong(int row) {
    return vector.get(row);
  }

  @Override
  double getDouble(int row) {
    return vector.get(row);
  }

  @Override
  BigDecimal getBigDecimal(int row) {
    return getBoolean(row) ? BigDecimal.ONE : BigDecimal.ZERO;
  }

  @Override
  String typeName() {
    return "BOOLEAN";
  }
}
