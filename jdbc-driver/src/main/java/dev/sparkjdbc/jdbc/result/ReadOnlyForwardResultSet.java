package dev.sparkjdbc.jdbc.result;

import dev.sparkjdbc.jdbc.errors.SqlState;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;

/**
 * The part of {@code ResultSet} a read-only, forward-only cursor answers the same way every time:
 * every updater and every scrolling move refuses, as the JDBC specification requires for {@code
 * CONCUR_READ_ONLY} and {@code TYPE_FORWARD_ONLY} result sets.
 */
abstract class ReadOnlyForwardResultSet implements ResultSet {
  /** Checks the result set is open; closed result sets refuse before anything else. */
  abstract void checkOpen() throws SQLException;

  private SQLException readOnly() throws SQLException {
    checkOpen();
    return new java.sql.SQLFeatureNotSupportedException(
        "Result sets of Spark are read-only (CONCUR_READ_ONLY): change data with SQL statements",
        SqlState.NOT_SUPPORTED);
  }

  private SQLException forwardOnly(String move) throws SQLException {
    checkOpen();
    return new SQLException(
        move + "() needs a scrollable result set; this one is TYPE_FORWARD_ONLY",
        SqlState.INVALID_CURSOR_STATE);
  }

  @Override
  public final void updateNull(int a) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBoolean(int a, boolean x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateByte(int a, byte x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateShort(int a, short x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateInt(int a, int x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateLong(int a, long x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateFloat(int a, float x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateDouble(int a, double x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBigDecimal(int a, BigDecimal x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateString(int a, String x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBytes(int a, byte[] x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateDate(int a, Date x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateTime(int a, Time x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateTimestamp(int a, Timestamp x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateAsciiStream(int a, InputStream x, int l) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBinaryStream(int a, InputStream x, int l) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateCharacterStream(int a, Reader x, int l) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateObject(int a, Object x, int s) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateObject(int a, Object x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateObject(int a, Object x, SQLType t, int s) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateObject(String a, Object x, SQLType t, int s) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateObject(int a, Object x, SQLType t) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateObject(String a, Object x, SQLType t) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateNull(String a) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBoolean(String a, boolean x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateByte(String a, byte x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateShort(String a, short x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateInt(String a, int x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateLong(String a, long x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateFloat(String a, float x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateDouble(String a, double x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBigDecimal(String a, BigDecimal x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateString(String a, String x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBytes(String a, byte[] x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateDate(String a, Date x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateTime(String a, Time x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateTimestamp(String a, Timestamp x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateAsciiStream(String a, InputStream x, int l) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBinaryStream(String a, InputStream x, int l) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateCharacterStream(String a, Reader x, int l) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateObject(String a, Object x, int s) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateObject(String a, Object x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void insertRow() throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateRow() throws SQLException {
    throw readOnly();
  }

  @Override
  public final void deleteRow() throws SQLException {
    throw readOnly();
  }

  @Override
  public final void refreshRow() throws SQLException {
    throw readOnly();
  }

  @Override
  public final void cancelRowUpdates() throws SQLException {
    throw readOnly();
  }

  @Override
  public final void moveToInsertRow() throws SQLException {
    throw readOnly();
  }

  @Override
  public final void moveToCurrentRow() throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateRef(int a, Ref x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateRef(String a, Ref x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBlob(int a, Blob x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBlob(String a, Blob x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateClob(int a, Clob x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateClob(String a, Clob x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateArray(int a, Array x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateArray(String a, Array x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateRowId(int a, RowId x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateRowId(String a, RowId x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateNString(int a, String x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateNString(String a, String x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateNClob(int a, NClob x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateNClob(String a, NClob x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateSQLXML(int a, SQLXML x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateSQLXML(String a, SQLXML x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateNCharacterStream(int a, Reader x, long l) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateNCharacterStream(String a, Reader x, long l) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateAsciiStream(int a, InputStream x, long l) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBinaryStream(int a, InputStream x, long l) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateCharacterStream(int a, Reader x, long l) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateAsciiStream(String a, InputStream x, long l) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBinaryStream(String a, InputStream x, long l) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateCharacterStream(String a, Reader x, long l) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBlob(int a, InputStream x, long l) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBlob(String a, InputStream x, long l) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateClob(int a, Reader x, long l) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateClob(String a, Reader x, long l) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateNClob(int a, Reader x, long l) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateNClob(String a, Reader x, long l) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateNCharacterStream(int a, Reader x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateNCharacterStream(String a, Reader x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateAsciiStream(int a, InputStream x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBinaryStream(int a, InputStream x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateCharacterStream(int a, Reader x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateAsciiStream(String a, InputStream x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBinaryStream(String a, InputStream x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateCharacterStream(String a, Reader x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBlob(int a, InputStream x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBlob(String a, InputStream x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateClob(int a, Reader x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateClob(String a, Reader x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateNClob(int a, Reader x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateNClob(String a, Reader x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final boolean previous() throws SQLException {
    throw forwardOnly("previous");
  }

  @Override
  public final boolean first() throws SQLException {
    throw forwardOnly("first");
  }

  @Override
  public final boolean last() throws SQLException {
    throw forwardOnly("last");
  }

  @Override
  public final void beforeFirst() throws SQLException {
    throw forwardOnly("beforeFirst");
  }

  @Override
  public final void afterLast() throws SQLException {
    throw forwardOnly("afterLast");
  }

  @Override
  public final boolean absolute(int row) throws SQLException {
    throw forwardOnly("absolute");
  }

  @Override
  public final boolean relative(int rows) throws SQLException {
    throw forwardOnly("relative");
  }

  @Override
  public final boolean rowUpdated() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public final boolean rowInserted() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public final boolean rowDeleted() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public final int getType() throws SQLException {
    checkOpen();
    return TYPE_FORWARD_ONLY;
  }

  @Override
  public final int getConcurrency() throws SQLException {
    checkOpen();
    return CONCUR_READ_ONLY;
  }

  @Override
  public final void setFetchDirection(int direction) throws SQLException {
    checkOpen();
    if (direction != FETCH_FORWARD) {
      throw new SQLException(
          "A forward-only result set only fetches forward", SqlState.INVALID_ARGUMENT);
    }
  }

  @Override
  public final int getFetchDirection() throws SQLException {
    checkOpen();
    return FETCH_FORWARD;
  }
}
