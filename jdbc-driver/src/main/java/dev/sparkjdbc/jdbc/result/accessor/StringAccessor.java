package dev.sparkjdbc.jdbc.result.accessor;

import dev.sparkjdbc.jdbc.errors.SqlState;
import dev.sparkjdbc.types.TextValues;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Calendar;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VariableWidthFieldVector;

/** STRING, CHAR and VARCHAR: the spec lets every getter parse character data. */
abstract class StringAccessor extends ColumnAccessor {
  StringAccessor(ValueVector vector, ValueColumn values) {
    super(vector, values);
  }

  @Override
  public abstract String getString(int row);

  @Override
  public Object getObject(int row) {
    return getString(row);
  }

  @Override
  public boolean getBoolean(int row) throws SQLException {
    String v = getString(row);
    Boolean b = TextValues.parseBoolean(v);
    if (b == null) {
      throw parseError(v.trim(), "boolean");
    }
    return b;
  }

  @Override
  public long getLong(int row) throws SQLException {
    String v = getString(row).trim();
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      try {
        return truncatedLong(new BigDecimal(v));
      } catch (NumberFormatException notNumber) {
        throw parseError(v, "long");
      }
    }
  }

  @Override
  public double getDouble(int row) throws SQLException {
    String v = getString(row).trim();
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw parseError(v, "double");
    }
  }

  @Override
  public BigDecimal getBigDecimal(int row) throws SQLException {
    String v = getString(row).trim();
    try {
      return new BigDecimal(v);
    } catch (NumberFormatException e) {
      throw parseError(v, "BigDecimal");
    }
  }

  @Override
  public Date getDate(int row, Calendar calendar) throws SQLException {
    String v = getString(row).trim();
    try {
      return TemporalConversions.date(LocalDate.parse(v), calendar);
    } catch (DateTimeParseException e) {
      throw parseError(v, "java.sql.Date (expected yyyy-mm-dd)");
    }
  }

  @Override
  public Time getTime(int row, Calendar calendar) throws SQLException {
    String v = getString(row).trim();
    try {
      return TemporalConversions.time(LocalTime.parse(v), calendar);
    } catch (DateTimeParseException e) {
      throw parseError(v, "java.sql.Time (expected hh:mm:ss)");
    }
  }

  @Override
  public Timestamp getTimestamp(int row, Calendar calendar) throws SQLException {
    String v = getString(row).trim();
    try {
      return TemporalConversions.timestamp(Timestamp.valueOf(v).toLocalDateTime(), calendar);
    } catch (IllegalArgumentException e) {
      throw parseError(v, "java.sql.Timestamp (expected yyyy-mm-dd hh:mm:ss[.f...])");
    }
  }

  private SQLException parseError(String value, String target) {
    String shown = value.length() > 50 ? value.substring(0, 50) + "..." : value;
    return new java.sql.SQLDataException(
        "Cannot convert the string '" + shown + "' to " + target, SqlState.INVALID_CAST);
  }

  @Override
  String typeName() {
    return "STRING";
  }

  static final class OfVector extends StringAccessor {
    private final VariableWidthFieldVector vector;

    /** The same vector when its offsets are 32-bit (Spark's STRING), else null. */
    private final BaseVariableWidthVector offsets;

    private byte[] scratch = new byte[64];

    OfVector(VariableWidthFieldVector vector) {
      super(vector, null);
      this.vector = vector;
      this.offsets = vector instanceof BaseVariableWidthVector v ? v : null;
    }

    @Override
    public String getString(int row) {
      if (offsets == null) {
        return new String(vector.get(row), StandardCharsets.UTF_8);
      }
      // The bytes go through one reused array: the String is the only allocation per value.
      long address = dataAddress; // the offsets, unchecked where batchLoaded allowed it
      int start;
      int length;
      if (address != 0) {
        long at = address + (long) row * BaseVariableWidthVector.OFFSET_WIDTH;
        start = MemoryUtil.getInt(at);
        length = MemoryUtil.getInt(at + BaseVariableWidthVector.OFFSET_WIDTH) - start;
      } else {
        start = offsets.getStartOffset(row);
        length = offsets.getEndOffset(row) - start;
      }
      if (scratch.length < length) {
        scratch = new byte[Math.max(length, 2 * scratch.length)];
      }
      // Checked: the offsets come from the server, so only Arrow's bounds check keeps a wrong one
      // from reading outside the buffer.
      offsets.getDataBuffer().getBytes(start, scratch, 0, length);
      return new String(scratch, 0, length, StandardCharsets.UTF_8);
    }
  }

  static final class OfValues extends StringAccessor {

    OfValues(ValueColumn values) {
      super(null, values);
    }

    @Override
    public String getString(int row) {
      return (String) value(row);
    }
  }
}
