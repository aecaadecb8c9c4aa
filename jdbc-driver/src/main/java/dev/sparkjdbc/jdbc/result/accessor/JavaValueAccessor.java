package dev.sparkjdbc.jdbc.result.accessor;

import dev.sparkjdbc.jdbc.errors.SqlErrors;
import dev.sparkjdbc.jdbc.errors.SqlState;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;

/**
 * Values the driver holds as Java objects. Conversions follow the value's class, by the same rules
 * the Arrow accessors apply to the corresponding Spark type.
 */
public final class JavaValueAccessor extends ColumnAccessor {
  private final List<Object[]> rows;
  private final int column;
  private final String typeName;

  public JavaValueAccessor(List<Object[]> rows, int column, String typeName) {
    super(null);
    this.rows = rows;
    this.column = column;
    this.typeName = typeName;
  }

  private Object value(int row) {
    return rows.get(row)[column];
  }

  @Override
  public boolean isNull(int row) {
    return value(row) == null;
  }

  /** SMALLINT and TINYINT values are Integers, as the JDBC type mapping (and the metadata) says. */
  @Override
  public Object getObject(int row) {
    Object v = value(row);
    return v instanceof Short || v instanceof Byte ? Integer.valueOf(((Number) v).intValue()) : v;
  }

  @Override
  public boolean getBoolean(int row) throws SQLException {
    Object v = value(row);
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof Number || v instanceof String) {
      return getBigDecimal(row).signum() != 0;
    }
    throw refuse("boolean");
  }

  @Override
  public long getLong(int row) throws SQLException {
    Object v = value(row);
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    return truncatedLong(getBigDecimal(row));
  }

  @Override
  public double getDouble(int row) throws SQLException {
    Object v = value(row);
    if (v instanceof Number n && !(v instanceof BigDecimal)) {
      return n.doubleValue();
    }
    return getBigDecimal(row).doubleValue();
  }

  @Override
  public BigDecimal getBigDecimal(int row) throws SQLException {
    Object v = value(row);
    if (v instanceof BigDecimal d) {
      return d;
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (!Double.isFinite(d)) {
        throw SqlErrors.outOfRange(d, "BigDecimal");
      }
      return BigDecimal.valueOf(d);
    }
    if (v instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    if (v instanceof Number n) {
      return BigDecimal.valueOf(n.longValue());
    }
    if (v instanceof Boolean b) {
      return b ? BigDecimal.ONE : BigDecimal.ZERO;
    }
    if (v instanceof String s) {
      try {
        return new BigDecimal(s.trim());
      } catch (NumberFormatException e) {
        throw new java.sql.SQLDataException(
            "Cannot convert the string '" + s + "' to a number", SqlState.INVALID_CAST);
      }
    }
    throw refuse("a number");
  }

  @Override
  public byte[] getBytes(int row) throws SQLException {
    if (value(row) instanceof byte[] b) {
      return b.clone();
    }
    throw refuse("byte[]");
  }

  @Override
  public Date getDate(int row, Calendar calendar) throws SQLException {
    Object v = value(row);
    if (v instanceof Date d) {
      return d;
    }
    if (v instanceof Timestamp t) {
      return TemporalConversions.date(t.toLocalDateTime().toLocalDate(), calendar);
    }
    if (v instanceof LocalDate d) {
      return TemporalConversions.date(d, calendar);
    }
    throw refuse("java.sql.Date");
  }

  @Override
  public Time getTime(int row, Calendar calendar) throws SQLException {
    Object v = value(row);
    if (v instanceof Time t) {
      return t;
    }
    if (v instanceof Timestamp t) {
      return TemporalConversions.time(t.toLocalDateTime().toLocalTime(), calendar);
    }
    throw refuse("java.sql.Time");
  }

  @Override
  public Timestamp getTimestamp(int row, Calendar calendar) throws SQLException {
    Object v = value(row);
    if (v instanceof Timestamp t) {
      return t;
    }
    if (v instanceof Date d) {
      return TemporalConversions.timestamp(d.toLocalDate().atStartOfDay(), calendar);
    }
    throw refuse("java.sql.Timestamp");
  }

  @Override
  String typeName() {
    return typeName.toUpperCase(Locale.ROOT);
  }
}
