package dev.sparkjdbc.jdbc;

import java.math.BigDecimal;
import java.sql.SQLException;
import org.apache.arrow.vector.DecimalVector;

final class DecimalAccessor extends ColumnAccessor {
  private final DecimalVector vector;

  DecimalAccessor(DecimalVector vector) {
    super(vector);
    this.vector = vector;
  }

  @Override
  Object getObject(int row) {
    return vector.getObject(row);
  }

  @Override
  String getString(int row) {
    return vector.getObject(row).toPlainString();
  }

  @Override
  boolean getBoolean(int row) {
    return vector.getObject(row).signum() != 0;
  }

  @Override
  long getLong(int row) throws SQLException {
    return truncatedLong(vector.getObject(row));
  }

  @Override
  double getDouble(int row) {
    return vector.getObject(row).doubleValue();
  }

  @Override
  BigDecimal getBigDecimal(int row) {
    return vector.getObject(row);
  }

  @Override
  String typeName() {
    return "DECIMAL";
  }
}
