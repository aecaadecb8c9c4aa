package dev.sparkjdbc.jdbc.result.accessor;

import java.math.BigDecimal;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.ValueVector;

/** BOOLEAN: numbers read it as 1 or 0. */
abstract class BooleanAccessor extends ColumnAccessor {
  BooleanAccessor(ValueVector vector, ValueColumn values) {
    super(vector, values);
  }

  @Override
  public abstract boolean getBoolean(int row);

  @Override
  public Object getObject(int row) {
    return getBoolean(row);
  }

  @Override
  public String getString(int row) {
    return getBoolean(row) ? "true" : "false";
  }

  @Override
  public long getLong(int row) {
    return getBoolean(row) ? 1 : 0;
  }

  @Override
  public double getDouble(int row) {
    return getLong(row);
  }

  @Override
  public BigDecimal getBigDecimal(int row) {
    return getBoolean(row) ? BigDecimal.ONE : BigDecimal.ZERO;
  }

  @Override
  String typeName() {
    return "BOOLEAN";
  }

  static final class OfVector extends BooleanAccessor {
    private final BitVector vector;

    OfVector(BitVector vector) {
      super(vector, null);
      this.vector = vector;
    }

    /** Unchecked where {@code batchLoaded} allowed it: one bit per value. */
    @Override
    public boolean getBoolean(int row) {
      long address = dataAddress;
      if (address == 0) {
        return vector.get(row) != 0;
      }
      return ((MemoryUtil.getByte(address + (row >> 3)) >> (row & 7)) & 1) != 0;
    }
  }

  static final class OfValues extends BooleanAccessor {

    OfValues(ValueColumn values) {
      super(null, values);
    }

    @Override
    public boolean getBoolean(int row) {
      return (Boolean) value(row);
    }
  }
}
