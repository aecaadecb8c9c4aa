package dev.sparkjdbc.jdbc.result.accessor;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Calendar;

/**
 * {@code Statement.setMaxFieldSize(n)} on a character or binary column: the text and the bytes the
 * getters return are cut to at most {@code n} bytes, the excess silently discarded, as JDBC
 * specifies. Text is cut between characters, never inside one (its UTF-8 form is what counts).
 * Every other getter reads the whole value.
 */
public final class FieldSizeLimit extends ColumnAccessor {
  private final ColumnAccessor column;
  private final int maxBytes;

  private FieldSizeLimit(ColumnAccessor column, int maxBytes) {
    super(null, row -> null);
    this.column = column;
    this.maxBytes = maxBytes;
  }

  /** {@code column} limited to {@code maxBytes}; as is when there is no limit (0). */
  public static ColumnAccessor of(ColumnAccessor column, int maxBytes) {
    return maxBytes <= 0 ? column : new FieldSizeLimit(column, maxBytes);
  }

  private String cut(String s) {
    if (s == null || s.length() * 3 <= maxBytes) {
      return s; // even at three bytes a character it fits
    }
    int bytes = 0;
    int end = 0;
    while (end < s.length()) {
      int cp = s.codePointAt(end);
      int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (bytes + size > maxBytes) {
        break;
      }
      bytes += size;
      end += Character.charCount(cp);
    }
    return s.substring(0, end);
  }

  private byte[] cut(byte[] b) {
    return b == null || b.length <= maxBytes ? b : Arrays.copyOf(b, maxBytes);
  }

  @Override
  public boolean isNull(int row) {
    return column.isNull(row);
  }

  @Override
  public Object getObject(int row) throws SQLException {
    Object v = column.getObject(row);
    return v instanceof String s ? cut(s) : v instanceof byte[] b ? cut(b) : v;
  }

  @Override
  public Object getObject(int row, Class<?> type) throws SQLException {
    Object v = column.getObject(row, type);
    return v instanceof String s ? cut(s) : v instanceof byte[] b ? cut(b) : v;
  }

  @Override
  public String getString(int row) throws SQLException {
    return cut(column.getString(row));
  }

  @Override
  public byte[] getBytes(int row) throws SQLException {
    return cut(column.getBytes(row));
  }

  @Override
  public boolean getBoolean(int row) throws SQLException {
    return column.getBoolean(row);
  }

  @Override
  public long getLong(int row) throws SQLException {
    return column.getLong(row);
  }

  @Override
  public double getDouble(int row) throws SQLException {
    return column.getDouble(row);
  }

  @Override
  public BigDecimal getBigDecimal(int row) throws SQLException {
    return column.getBigDecimal(row);
  }

  @Override
  public Date getDate(int row, Calendar calendar) throws SQLException {
    return column.getDate(row, calendar);
  }

  @Override
  public Time getTime(int row, Calendar calendar) throws SQLException {
    return column.getTime(row, calendar);
  }

  @Override
  public Timestamp getTimestamp(int row, Calendar calendar) throws SQLException {
    return column.getTimestamp(row, calendar);
  }

  @Override
  String typeName() {
    return column.typeName();
  }
}
