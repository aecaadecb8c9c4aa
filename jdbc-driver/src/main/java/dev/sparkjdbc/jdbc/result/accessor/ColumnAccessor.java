package dev.sparkjdbc.jdbc.result.accessor;

import dev.sparkjdbc.jdbc.errors.SqlErrors;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.ValueVector;

/**
 * Reads one column's values for the {@code ResultSet} getters. One subclass per Arrow vector
 * family, chosen once per column; every getter here refuses with a conversion error, and a subclass
 * overrides exactly the conversions the JDBC specification allows for its type. The narrowing
 * getters ({@code getInt}, {@code getFloat}, …) derive from the widest one and check the range, so
 * overflow is a {@code SQLDataException} (22003) for every type alike.
 *
 * <p>Each family reads its values through one or two abstract methods, implemented twice: over an
 * Arrow vector ({@code OfVector}, the server's rows) and over Java values ({@code OfValues}: rows
 * the driver holds, such as metadata and array elements). Every conversion is written once, in the
 * family, so a value answers alike wherever it comes from.
 *
 * <p>Callers check {@link #isNull} first; getters are only called on non-null values.
 */
public abstract class ColumnAccessor {
  private final ValueVector vector;
  private final ValueColumn values;

  /** Over a vector ({@code values} null) or over Java values ({@code vector} null). */
  ColumnAccessor(ValueVector vector, ValueColumn values) {
    this.vector = vector;
    this.values = values;
  }

  /** The Java value at {@code row}, for accessors over Java values. */
  final Object value(int row) {
    return values.get(row);
  }

  /** True while the loaded batch has no null in this column, so no bitmap read is needed. */
  private boolean noNulls;

  /**
   * The loaded batch's value buffer (for variable-width vectors: its offsets), read without Arrow's
   * per-read checks (bounds, reference count, null); 0 when reads must go through Arrow: nested
   * accessors, accessors over Java values, and buffers shorter than the batch's row count says.
   * Unchecked reads are safe because the result set reads only rows of the current batch (below its
   * row count) of an open result, and {@link #batchLoaded} checked that the buffer holds that many
   * values.
   */
  long dataAddress;

  /** The same for the validity bitmap, read only while the batch has nulls. */
  private long validityAddress;

  /**
   * Called after each batch is loaded into a top-level column's vector. Nested accessors (the
   * elements of an array, the fields of a struct) are never told, and always read through Arrow.
   */
  public void batchLoaded() {
    noNulls = vector != null && vector.getNullCount() == 0;
    dataAddress = 0;
    validityAddress = 0;
    int count = vector == null ? 0 : vector.getValueCount();
    if (count == 0) {
      return;
    }
    long bitmapBytes = (count + 7L) / 8;
    ArrowBuf data = null;
    long needed = -1;
    if (vector instanceof BitVector bits) {
      data = bits.getDataBuffer();
      needed = bitmapBytes;
    } else if (vector instanceof BaseFixedWidthVector fixed) {
      data = fixed.getDataBuffer();
      needed = (long) count * fixed.getTypeWidth();
    } else if (vector instanceof BaseVariableWidthVector variable) {
      data = variable.getOffsetBuffer();
      needed = (count + 1L) * BaseVariableWidthVector.OFFSET_WIDTH;
    }
    if (data == null) {
      return; // other families (lists, structs, maps, …) read through Arrow
    }
    if (data.capacity() >= needed) {
      dataAddress = data.memoryAddress();
    }
    ArrowBuf validity = vector.getValidityBuffer();
    if (!noNulls && validity.capacity() >= bitmapBytes) {
      validityAddress = validity.memoryAddress();
    }
  }

  public boolean isNull(int row) {
    if (noNulls) {
      return false;
    }
    if (validityAddress != 0) {
      return ((MemoryUtil.getByte(validityAddress + (row >> 3)) >> (row & 7)) & 1) == 0;
    }
    return values == null ? vector.isNull(row) : values.get(row) == null;
  }

  /** The value as the class the JDBC specification maps this column type to. */
  public abstract Object getObject(int row) throws SQLException;

  /** {@code getObject(column, Class)}; overridden where a type has a more exact answer. */
  public Object getObject(int row, Class<?> type) throws SQLException {
    return ObjectConversions.convert(this, row, type);
  }

  public String getString(int row) throws SQLException {
    return String.valueOf(getObject(row));
  }

  public boolean getBoolean(int row) throws SQLException {
    throw refuse("boolean");
  }

  public long getLong(int row) throws SQLException {
    throw refuse("long");
  }

  public int getInt(int row) throws SQLException {
    long v = getLong(row);
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw SqlErrors.outOfRange(v, "int");
    }
    return (int) v;
  }

  public short getShort(int row) throws SQLException {
    long v = getLong(row);
    if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) {
      throw SqlErrors.outOfRange(v, "short");
    }
    return (short) v;
  }

  public byte getByte(int row) throws SQLException {
    long v = getLong(row);
    if (v < Byte.MIN_VALUE || v > Byte.MAX_VALUE) {
      throw SqlErrors.outOfRange(v, "byte");
    }
    return (byte) v;
  }

  public double getDouble(int row) throws SQLException {
    throw refuse("double");
  }

  public float getFloat(int row) throws SQLException {
    double v = getDouble(row);
    if (Double.isFinite(v) && Math.abs(v) > Float.MAX_VALUE) {
      throw SqlErrors.outOfRange(v, "float");
    }
    return (float) v;
  }

  public BigDecimal getBigDecimal(int row) throws SQLException {
    throw refuse("BigDecimal");
  }

  public byte[] getBytes(int row) throws SQLException {
    throw refuse("byte[]");
  }

  /** {@code calendar} may be null: the JVM's default time zone then applies. */
  public Date getDate(int row, Calendar calendar) throws SQLException {
    throw refuse("java.sql.Date");
  }

  public Time getTime(int row, Calendar calendar) throws SQLException {
    throw refuse("java.sql.Time");
  }

  public Timestamp getTimestamp(int row, Calendar calendar) throws SQLException {
    throw refuse("java.sql.Timestamp");
  }

  /** Drops the fraction, as a cast to an integral type does; a value beyond long is 22003. */
  static long truncatedLong(BigDecimal v) throws SQLException {
    try {
      return v.setScale(0, RoundingMode.DOWN).longValueExact();
    } catch (ArithmeticException e) {
      throw SqlErrors.outOfRange(v.toPlainString(), "long");
    }
  }

  /** The Spark type name used in conversion errors. */
  abstract String typeName();

  final SQLException refuse(String target) {
    return SqlErrors.cannotConvert(typeName(), target);
  }
}
