package dev.sparkjdbc.jdbc.result;

import dev.sparkjdbc.jdbc.errors.SelfWrapper;
import dev.sparkjdbc.jdbc.errors.SqlErrors;
import dev.sparkjdbc.jdbc.errors.SqlState;
import dev.sparkjdbc.jdbc.result.accessor.ColumnAccessor;
import dev.sparkjdbc.jdbc.result.accessor.FieldSizeLimit;
import dev.sparkjdbc.types.ColumnType;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Arrays;
import java.util.Calendar;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A forward-only cursor over Arrow batches that arrive from the server as it is read. It holds one
 * decoded batch at a time; every getter checks the position and null-ness once, then delegates to
 * the column's {@link ColumnAccessor}.
 */
public final class SparkConnectResultSet extends ReadOnlyForwardResultSet implements SelfWrapper {
  private final ResultOwner statement;
  private final RowSource rows;

  /** Releases the rows once: on close, at the last row, or when dropped unclosed. */
  private final ResultRelease release;

  private final long maxRows;
  private final ColumnAccessor[] accessors;
  private final ColumnType[] types;
  private Map<String, Integer> columnIndex;
  private int row = -1;
  private long rowNumber;
  private boolean afterLast;
  private boolean wasNull;
  private int fetchSize;
  private volatile boolean closed;

  /** {@code statement} is null for result sets no statement produced (metadata, array elements). */
  public SparkConnectResultSet(ResultOwner statement, RowSource rows, long maxRows) {
    this(statement, rows, maxRows, 0);
  }

  /**
   * {@code maxFieldSize}: Statement.setMaxFieldSize, the bytes a character or binary value may have
   * (0: any).
   */
  public SparkConnectResultSet(
      ResultOwner statement, RowSource rows, long maxRows, int maxFieldSize) {
    this.statement = statement;
    this.rows = rows;
    this.release = ResultRelease.register(this, rows);
    if (statement != null) {
      statement.resultOpened(release);
    }
    this.maxRows = maxRows;
    this.types = rows.types();
    this.accessors = rows.accessors().clone();
    for (int i = 0; i < accessors.length; i++) {
      switch (types[i].jdbcType()) {
        case Types.CHAR, Types.VARCHAR, Types.BINARY, Types.VARBINARY ->
            accessors[i] = FieldSizeLimit.of(accessors[i], maxFieldSize);
        default -> {}
      }
    }
  }

  @Override
  public boolean next() throws SQLException {
    checkOpen();
    if (afterLast) {
      return false;
    }
    if (maxRows > 0 && rowNumber >= maxRows) {
      finish();
      return false;
    }
    if (!rows.next()) {
      finish();
      return false;
    }
    row = rows.row();
    rowNumber++;
    return true;
  }

  /** After the last row: the server operation is no longer needed. */
  private void finish() {
    afterLast = true;
    row = -1;
    release.close();
    if (statement != null) {
      statement.resultSetExhausted(this);
    }
  }

  @Override
  void checkOpen() throws SQLException {
    if (closed) {
      throw SqlErrors.closed("result set");
    }
  }

  /** Checks the cursor and the index, records null-ness; false when the value is SQL NULL. */
  private boolean present(int column) throws SQLException {
    checkOpen();
    SqlErrors.checkIndex(column, accessors.length, "Column", "result");
    if (row < 0 || afterLast) {
      throw new SQLException(
          afterLast
              ? "The cursor is after the last row"
              : "The cursor is before the first row: call next() first",
          SqlState.INVALID_CURSOR_STATE);
    }
    wasNull = accessors[column - 1].isNull(row);
    return !wasNull;
  }

  private ColumnAccessor at(int column) {
    return accessors[column - 1];
  }

  @Override
  public boolean wasNull() throws SQLException {
    checkOpen();
    return wasNull;
  }

  @Override
  public String getString(int i) throws SQLException {
    return present(i) ? at(i).getString(row) : null;
  }

  @Override
  public boolean getBoolean(int i) throws SQLException {
    return present(i) && at(i).getBoolean(row);
  }

  @Override
  public byte getByte(int i) throws SQLException {
    return present(i) ? at(i).getByte(row) : 0;
  }

  @Override
  public short getShort(int i) throws SQLException {
    return present(i) ? at(i).getShort(row) : 0;
  }

  @Override
  public int getInt(int i) throws SQLException {
    return present(i) ? at(i).getInt(row) : 0;
  }

  @Override
  public long getLong(int i) throws SQLException {
    return present(i) ? at(i).getLong(row) : 0;
  }

  @Override
  public float getFloat(int i) throws SQLException {
    return present(i) ? at(i).getFloat(row) : 0;
  }

  @Override
  public double getDouble(int i) throws SQLException {
    return present(i) ? at(i).getDouble(row) : 0;
  }

  @Override
  public BigDecimal getBigDecimal(int i) throws SQLException {
    return present(i) ? at(i).getBigDecimal(row) : null;
  }

  @Override
  @Deprecated
  public BigDecimal getBigDecimal(int i, int scale) throws SQLException {
    BigDecimal v = getBigDecimal(i);
    return v == null ? null : v.setScale(scale, RoundingMode.HALF_UP);
  }

  @Override
  public byte[] getBytes(int i) throws SQLException {
    return present(i) ? at(i).getBytes(row) : null;
  }

  @Override
  public Date getDate(int i) throws SQLException {
    return getDate(i, null);
  }

  @Override
  public Date getDate(int i, Calendar cal) throws SQLException {
    return present(i) ? at(i).getDate(row, cal) : null;
  }

  @Override
  public Time getTime(int i) throws SQLException {
    return getTime(i, null);
  }

  @Override
  public Time getTime(int i, Calendar cal) throws SQLException {
    return present(i) ? at(i).getTime(row, cal) : null;
  }

  @Override
  public Timestamp getTimestamp(int i) throws SQLException {
    return getTimestamp(i, null);
  }

  @Override
  public Timestamp getTimestamp(int i, Calendar cal) throws SQLException {
    return present(i) ? at(i).getTimestamp(row, cal) : null;
  }

  @Override
  public Object getObject(int i) throws SQLException {
    return present(i) ? at(i).getObject(row) : null;
  }

  @Override
  public Object getObject(int i, Map<String, Class<?>> map) throws SQLException {
    if (map != null && !map.isEmpty()) {
      throw SqlErrors.unsupported("Custom type maps");
    }
    return getObject(i);
  }

  @Override
  public <T> T getObject(int i, Class<T> type) throws SQLException {
    if (type == null) {
      throw new SQLException("getObject needs a target class", SqlState.INVALID_ARGUMENT);
    }
    if (!present(i)) {
      return null;
    }
    Object value = at(i).getObject(row, type);
    if (type.isPrimitive()) {
      throw new SQLException(
          "getObject needs a class, not the primitive " + type, SqlState.INVALID_ARGUMENT);
    }
    return type.cast(value);
  }

  @Override
  public InputStream getAsciiStream(int i) throws SQLException {
    requireCharacterOrBinary(i, "an ASCII stream");
    String s = getString(i);
    return s == null ? null : new ByteArrayInputStream(s.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  @Deprecated
  public InputStream getUnicodeStream(int i) throws SQLException {
    requireCharacterOrBinary(i, "a Unicode stream");
    String s = getString(i);
    return s == null ? null : new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_16BE));
  }

  @Override
  public InputStream getBinaryStream(int i) throws SQLException {
    byte[] b = getBytes(i);
    return b == null ? null : new ByteArrayInputStream(b);
  }

  @Override
  public Reader getCharacterStream(int i) throws SQLException {
    requireCharacterOrBinary(i, "a character stream");
    String s = getString(i);
    return s == null ? null : new StringReader(s);
  }

  @Override
  public String getNString(int i) throws SQLException {
    return getString(i);
  }

  @Override
  public Reader getNCharacterStream(int i) throws SQLException {
    return getCharacterStream(i);
  }

  @Override
  public URL getURL(int i) throws SQLException {
    requireCharacterOrBinary(i, "a URL"); // Spark has no DATALINK: a URL is text
    String s = getString(i);
    if (s == null) {
      return null;
    }
    try {
      return URI.create(s.trim()).toURL();
    } catch (IllegalArgumentException | MalformedURLException e) {
      throw new java.sql.SQLDataException("Not a URL: " + s, SqlState.INVALID_CAST, e);
    }
  }

  @Override
  public Ref getRef(int i) throws SQLException {
    throw unsupportedType(i, "Ref");
  }

  @Override
  public Blob getBlob(int i) throws SQLException {
    throw unsupportedType(i, "Blob");
  }

  @Override
  public Clob getClob(int i) throws SQLException {
    throw unsupportedType(i, "Clob");
  }

  @Override
  public NClob getNClob(int i) throws SQLException {
    throw unsupportedType(i, "NClob");
  }

  @Override
  public Array getArray(int i) throws SQLException {
    return present(i) ? (Array) at(i).getObject(row, Array.class) : null;
  }

  @Override
  public RowId getRowId(int i) throws SQLException {
    throw unsupportedType(i, "RowId");
  }

  @Override
  public SQLXML getSQLXML(int i) throws SQLException {
    throw unsupportedType(i, "SQLXML");
  }

  /**
   * Streams (and URLs) read character and binary columns only, as JDBC's table B-6 says; other
   * columns give their text through getString.
   */
  private void requireCharacterOrBinary(int i, String target) throws SQLException {
    checkOpen();
    SqlErrors.checkIndex(i, accessors.length, "Column", "result");
    switch (types[i - 1].jdbcType()) {
      case Types.CHAR, Types.VARCHAR, Types.BINARY, Types.VARBINARY -> {}
      default -> throw SqlErrors.cannotConvert(types[i - 1].typeName(), target);
    }
  }

  private SQLException unsupportedType(int i, String target) throws SQLException {
    present(i);
    return SqlErrors.cannotConvert(types[i - 1].typeName(), target);
  }

  // ----- by label: one line each, through findColumn -----

  @Override
  public String getString(String label) throws SQLException {
    return getString(findColumn(label));
  }

  @Override
  public boolean getBoolean(String label) throws SQLException {
    return getBoolean(findColumn(label));
  }

  @Override
  public byte getByte(String label) throws SQLException {
    return getByte(findColumn(label));
  }

  @Override
  public short getShort(String label) throws SQLException {
    return getShort(findColumn(label));
  }

  @Override
  public int getInt(String label) throws SQLException {
    return getInt(findColumn(label));
  }

  @Override
  public long getLong(String label) throws SQLException {
    return getLong(findColumn(label));
  }

  @Override
  public float getFloat(String label) throws SQLException {
    return getFloat(findColumn(label));
  }

  @Override
  public double getDouble(String label) throws SQLException {
    return getDouble(findColumn(label));
  }

  @Override
  @Deprecated
  public BigDecimal getBigDecimal(String label, int scale) throws SQLException {
    return getBigDecimal(findColumn(label), scale);
  }

  @Override
  public BigDecimal getBigDecimal(String label) throws SQLException {
    return getBigDecimal(findColumn(label));
  }

  @Override
  public byte[] getBytes(String label) throws SQLException {
    return getBytes(findColumn(label));
  }

  @Override
  public Date getDate(String label) throws SQLException {
    return getDate(findColumn(label));
  }

  @Override
  public Date getDate(String label, Calendar cal) throws SQLException {
    return getDate(findColumn(label), cal);
  }

  @Override
  public Time getTime(String label) throws SQLException {
    return getTime(findColumn(label));
  }

  @Override
  public Time getTime(String label, Calendar cal) throws SQLException {
    return getTime(findColumn(label), cal);
  }

  @Override
  public Timestamp getTimestamp(String label) throws SQLException {
    return getTimestamp(findColumn(label));
  }

  @Override
  public Timestamp getTimestamp(String label, Calendar cal) throws SQLException {
    return getTimestamp(findColumn(label), cal);
  }

  @Override
  public InputStream getAsciiStream(String label) throws SQLException {
    return getAsciiStream(findColumn(label));
  }

  @Override
  @Deprecated
  public InputStream getUnicodeStream(String label) throws SQLException {
    return getUnicodeStream(findColumn(label));
  }

  @Override
  public InputStream getBinaryStream(String label) throws SQLException {
    return getBinaryStream(findColumn(label));
  }

  @Override
  public Object getObject(String label) throws SQLException {
    return getObject(findColumn(label));
  }

  @Override
  public Object getObject(String label, Map<String, Class<?>> map) throws SQLException {
    return getObject(findColumn(label), map);
  }

  @Override
  public <T> T getObject(String label, Class<T> type) throws SQLException {
    return getObject(findColumn(label), type);
  }

  @Override
  public Reader getCharacterStream(String label) throws SQLException {
    return getCharacterStream(findColumn(label));
  }

  @Override
  public Ref getRef(String label) throws SQLException {
    return getRef(findColumn(label));
  }

  @Override
  public Blob getBlob(String label) throws SQLException {
    return getBlob(findColumn(label));
  }

  @Override
  public Clob getClob(String label) throws SQLException {
    return getClob(findColumn(label));
  }

  @Override
  public Array getArray(String label) throws SQLException {
    return getArray(findColumn(label));
  }

  @Override
  public URL getURL(String label) throws SQLException {
    return getURL(findColumn(label));
  }

  @Override
  public RowId getRowId(String label) throws SQLException {
    return getRowId(findColumn(label));
  }

  @Override
  public NClob getNClob(String label) throws SQLException {
    return getNClob(findColumn(label));
  }

  @Override
  public SQLXML getSQLXML(String label) throws SQLException {
    return getSQLXML(findColumn(label));
  }

  @Override
  public String getNString(String label) throws SQLException {
    return getNString(findColumn(label));
  }

  @Override
  public Reader getNCharacterStream(String label) throws SQLException {
    return getNCharacterStream(findColumn(label));
  }

  /** The first column with this label, compared case-insensitively as the spec asks. */
  @Override
  public int findColumn(String label) throws SQLException {
    checkOpen();
    if (label == null) {
      throw new SQLException("Column label must not be null", SqlState.INVALID_ARGUMENT);
    }
    String[] labels = rows.labels();
    if (columnIndex == null) {
      Map<String, Integer> index = new HashMap<>();
      for (int i = labels.length - 1; i >= 0; i--) {
        index.put(labels[i].toLowerCase(Locale.ROOT), i + 1);
      }
      columnIndex = index;
    }
    Integer i = columnIndex.get(label.toLowerCase(Locale.ROOT));
    if (i == null) {
      throw new SQLException(
          "No column named '" + label + "' in this result; columns are " + Arrays.toString(labels),
          SqlState.NO_SUCH_COLUMN);
    }
    return i;
  }

  // ----- cursor state and housekeeping -----

  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    checkOpen();
    return new SparkConnectResultSetMetaData(rows.labels(), types, rows.nullable());
  }

  /** False for a result without rows, as the specification says; may read ahead to know. */
  @Override
  public boolean isBeforeFirst() throws SQLException {
    checkOpen();
    return rowNumber == 0 && !afterLast && rows.hasNext();
  }

  @Override
  public boolean isAfterLast() throws SQLException {
    checkOpen();
    return afterLast && rowNumber > 0;
  }

  @Override
  public boolean isFirst() throws SQLException {
    checkOpen();
    return rowNumber == 1 && !afterLast;
  }

  /** May read ahead to the next non-empty batch; the cursor does not move. */
  @Override
  public boolean isLast() throws SQLException {
    checkOpen();
    if (afterLast || rowNumber == 0) {
      return false;
    }
    return (maxRows > 0 && rowNumber >= maxRows) || !rows.hasNext();
  }

  @Override
  public int getRow() throws SQLException {
    checkOpen();
    return afterLast || rowNumber > Integer.MAX_VALUE ? 0 : (int) rowNumber;
  }

  @Override
  public void setFetchSize(int rows) throws SQLException {
    checkOpen();
    if (rows < 0) {
      throw new SQLException("Fetch size must not be negative", SqlState.INVALID_ARGUMENT);
    }
    fetchSize =
        rows; // a hint: Spark decides batch sizes (spark.sql.execution.arrow.maxRecordsPerBatch)
  }

  @Override
  public int getFetchSize() throws SQLException {
    checkOpen();
    return fetchSize;
  }

  @Override
  public Statement getStatement() throws SQLException {
    checkOpen();
    return statement == null ? null : statement.visibleStatement();
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    checkOpen();
    return null;
  }

  @Override
  public void clearWarnings() throws SQLException {
    checkOpen();
  }

  @Override
  public String getCursorName() throws SQLException {
    checkOpen();
    throw SqlErrors.noNamedCursors();
  }

  @Override
  public int getHoldability() throws SQLException {
    checkOpen();
    return HOLD_CURSORS_OVER_COMMIT;
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    release.close();
    if (statement != null) {
      statement.resultSetClosed(this);
    }
  }
}
