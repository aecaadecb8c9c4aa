package dev.sparkjdbc.jdbc.result.accessor;

import dev.sparkjdbc.jdbc.errors.SqlErrors;
import java.math.BigDecimal;
import java.sql.SQLException;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.FloatingPointVector;
import org.apache.arrow.vector.ValueVector;

/** FLOAT (JDBC REAL) and DOUBLE. */
abstract class FloatingAccessor extends ColumnAccessor {
  private final boolean isFloat;

  FloatingAccessor(ValueVector vector, ValueColumn values, boolean isFloat) {
    super(vector, values);
    this.isFloat = isFloat;
  }

  @Override
  public abstract double getDouble(int row);

  @Override
  public Object getObject(int row) {
    double v = getDouble(row);
    return isFloat ? (Object) (float) v : (Object) v;
  }

  @Override
  public String getString(int row) {
    double v = getDouble(row);
    return isFloat ? Float.toString((float) v) : Double.toString(v);
  }

  @Override
  public boolean getBoolean(int row) {
    return getDouble(row) != 0;
  }

  @Override
  public long getLong(int row) throws SQLException {
    double v = getDouble(row);
    // (long) would silently saturate; a value that does not fit is an error, as the spec wants.
    if (Double.isNaN(v) || v >= 0x1p63 || v < -0x1p63) {
      throw SqlErrors.outOfRange(v, "long");
    }
    return (long) v;
  }

  @Override
  public BigDecimal getBigDecimal(int row) throws SQLException {
    double v = getDouble(row);
    if (!Double.isFinite(v)) {
      throw SqlErrors.outOfRange(v, "BigDecimal");
    }
    return isFloat ? new BigDecimal(Float.toString((float) v)) : BigDecimal.valueOf(v);
  }

  @Override
  String typeName() {
    return isFloat ? "FLOAT" : "DOUBLE";
  }

  static final class OfVector extends FloatingAccessor {
    private final FloatingPointVector vector;

    /** Bytes per value: 4 or 8 (0 for another vector: read through Arrow). */
    private final int width;

    OfVector(FloatingPointVector vector, boolean isFloat) {
      super(vector, null, isFloat);
      this.vector = vector;
      this.width =
          vector instanceof Float4Vector
              ? Float.BYTES
              : vector instanceof Float8Vector ? Double.BYTES : 0;
    }

    /** Unchecked where {@code batchLoaded} allowed it. */
    @Override
    public double getDouble(int row) {
      long address = dataAddress;
      if (address != 0 && width == Double.BYTES) {
        return Double.longBitsToDouble(MemoryUtil.getLong(address + (long) row * Double.BYTES));
      }
      if (address != 0 && width == Float.BYTES) {
        return Float.intBitsToFloat(MemoryUtil.getInt(address + (long) row * Float.BYTES));
      }
      return vector.getValueAsDouble(row);
    }
  }

  static final class OfValues extends FloatingAccessor {

    OfValues(ValueColumn values, boolean isFloat) {
      super(null, values, isFloat);
    }

    @Override
    public double getDouble(int row) {
      return ((Number) value(row)).doubleValue();
    }
  }
}
