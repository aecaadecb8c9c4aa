package dev.sparkjdbc.jdbc.result.accessor;

import java.math.BigDecimal;
import java.nio.ByteOrder;
import java.sql.SQLException;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.ValueVector;

/** DECIMAL(p,s): every getter reads the exact value. */
abstract class DecimalAccessor extends ColumnAccessor {
  DecimalAccessor(ValueVector vector, ValueColumn values) {
    super(vector, values);
  }

  @Override
  public abstract BigDecimal getBigDecimal(int row);

  @Override
  public Object getObject(int row) {
    return getBigDecimal(row);
  }

  @Override
  public String getString(int row) {
    return getBigDecimal(row).toPlainString();
  }

  @Override
  public boolean getBoolean(int row) {
    return getBigDecimal(row).signum() != 0;
  }

  @Override
  public long getLong(int row) throws SQLException {
    return truncatedLong(getBigDecimal(row));
  }

  @Override
  public double getDouble(int row) {
    return getBigDecimal(row).doubleValue();
  }

  @Override
  String typeName() {
    return "DECIMAL";
  }

  static final class OfVector extends DecimalAccessor {
    /** Arrow's values are little-endian; ArrowBuf reads in the platform's order. */
    private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    private final DecimalVector vector;
    private final int scale;

    OfVector(DecimalVector vector) {
      super(vector, null);
      this.vector = vector;
      this.scale = vector.getScale();
    }

    /**
     * The value, built from a long when its 128-bit unscaled value fits one (every DECIMAL of
     * precision up to 18, most others): Arrow's own getter goes through a byte array and a
     * BigInteger for every value.
     */
    @Override
    public BigDecimal getBigDecimal(int row) {
      long index = (long) row * DecimalVector.TYPE_WIDTH;
      long address = dataAddress; // unchecked where batchLoaded allowed it
      long low; // little-endian two's complement, low half first
      long high;
      if (address != 0) {
        low = MemoryUtil.getLong(address + index);
        high = MemoryUtil.getLong(address + index + Long.BYTES);
      } else {
        ArrowBuf values = vector.getDataBuffer();
        low = values.getLong(index);
        high = values.getLong(index + Long.BYTES);
      }
      return LITTLE_ENDIAN && high == (low >> 63)
          ? BigDecimal.valueOf(low, scale)
          : vector.getObject(row);
    }
  }

  static final class OfValues extends DecimalAccessor {

    OfValues(ValueColumn values) {
      super(null, values);
    }

    @Override
    public BigDecimal getBigDecimal(int row) {
      return (BigDecimal) value(row);
    }
  }
}
