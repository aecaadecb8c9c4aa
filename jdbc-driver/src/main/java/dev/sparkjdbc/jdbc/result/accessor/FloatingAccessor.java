package dev.sparkjdbc.jdbc.result.accessor;

import dev.sparkjdbc.jdbc.errors.SqlErrors;
import java.math.BigDecimal;
import java.sql.SQLException;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.FloatingPointVector;

/** FLOAT (JDBC REAL) and DOUBLE. */
final class FloatingAccessor extends ColumnAccessor {
  private final FloatingPointVector vector;
  private final boolean isFloat;

  FloatingAccessor(FloatingPointVector vector) {
    super((FieldVector) vector);
    this.vector = vector;
    this.isFloat = vector instanceof Float4Vector;
  }

  @Override
  public Object getObject(int row) {
    double v = vector.getValueAsDouble(row);
    return isFloat ? (Object) (float) v : (Object) v;
  }

  @Override
  public String getString(int row) {
    double v = vector.getValueAsDouble(row);
    return isFloat ? Float.toString((float) v) : Double.toString(v);
  }

  @Override
  public boolean getBoolean(int row) {
    return vector.getValueAsDouble(row) != 0;
  }

  @Override
  public double getDouble(int row) {
    return vector.getValueAsDouble(row);
  }

  @Override
  public long getLong(int row) throws SQLException {
    double v = vector.getValueAsDouble(row);
    // (long) would silently saturate; a value that does not fit is an error, as the spec wants.
    if (Double.isNaN(v) || v >= 0x1p63 || v < -0x1p63) {
      throw SqlErrors.outOfRange(v, "long");
    }
    return (long) v;
  }

  @Override
  public BigDecimal getBigDecimal(int row) throws SQLException {
    double v = vector.getValueAsDouble(row);
    if (!Double.isFinite(v)) {
      throw SqlErrors.outOfRange(v, "BigDecimal");
    }
    return isFloat ? new BigDecimal(Float.toString((float) v)) : BigDecimal.valueOf(v);
  }

  @Override
  String typeName() {
    return isFloat ? "FLOAT" : "DOUBLE";
  }
}
