package dev.sparkjdbc.jdbc.result.accessor;

import java.math.BigDecimal;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TinyIntVector;
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

    /** Bytes per value: 8, 4, 2 or 1 (0 for another vector: read through Arrow). */
    private final int width;

    OfVector(BaseIntVector vector, String typeName) {
      super(vector, null, typeName);
      this.vector = vector;
      this.width =
          vector instanceof BigIntVector
              ? Long.BYTES
              : vector instanceof IntVector
                  ? Integer.BYTES
                  : vector instanceof SmallIntVector
                      ? Short.BYTES
                      : vector instanceof TinyIntVector ? Byte.BYTES : 0;
    }

    @Override
    public long getLong(int row) {
      long address = dataAddress;
      if (address == 0) {
        return vector.getValueAsLong(row);
      }
      return switch (width) {
        case Long.BYTES -> MemoryUtil.getLong(address + (long) row * Long.BYTES);
        case Integer.BYTES -> MemoryUtil.getInt(address + (long) row * Integer.BYTES);
        case Short.BYTES -> MemoryUtil.getShort(address + (long) row * Short.BYTES);
        case Byte.BYTES -> MemoryUtil.getByte(address + row);
        default -> vector.getValueAsLong(row);
      };
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
