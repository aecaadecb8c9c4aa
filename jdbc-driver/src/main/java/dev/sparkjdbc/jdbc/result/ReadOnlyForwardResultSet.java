package dev.sparkjdbc.jdbc.result;

import java.sql.ResultSet;
import java.sql.SQLException;

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
        "0A000");
  }

  private SQLException forwardOnly(String move) throws SQLException {
    checkOpen();
    return new SQLException(
        move + "() needs a scrollable result set; this one is TYPE_FORWARD_ONLY", "24000");
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
  public final void updateBigDecimal(int a, java.math.BigDecimal x) throws SQLException {
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
  public final void updateDate(int a, java.sql.Date x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateTime(int a, java.sql.Time x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateTimestamp(int a, java.sql.Timestamp x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateAsciiStream(int a, java.io.InputStream x, int l) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBinaryStream(int a, java.io.InputStream x, int l) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateCharacterStream(int a, java.io.Reader x, int l) throws SQLException {
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
  public final void updateObject(int a, Object x, java.sql.SQLType t, int s) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateObject(String a, Object x, java.sql.SQLType t, int s)
      throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateObject(int a, Object x, java.sql.SQLType t) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateObject(String a, Object x, java.sql.SQLType t) throws SQLException {
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
  public final void updateBigDecimal(String a, java.math.BigDecimal x) throws SQLException {
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
  public final void updateDate(String a, java.sql.Date x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateTime(String a, java.sql.Time x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateTimestamp(String a, java.sql.Timestamp x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateAsciiStream(String a, java.io.InputStream x, int l) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBinaryStream(String a, java.io.InputStream x, int l) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateCharacterStream(String a, java.io.Reader x, int l) throws SQLException {
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
  public final void updateRef(int a, java.sql.Ref x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateRef(String a, java.sql.Ref x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBlob(int a, java.sql.Blob x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBlob(String a, java.sql.Blob x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateClob(int a, java.sql.Clob x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateClob(String a, java.sql.Clob x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateArray(int a, java.sql.Array x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateArray(String a, java.sql.Array x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateRowId(int a, java.sql.RowId x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateRowId(String a, java.sql.RowId x) throws SQLException {
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
  public final void updateNClob(int a, java.sql.NClob x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateNClob(String a, java.sql.NClob x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateSQLXML(int a, java.sql.SQLXML x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateSQLXML(String a, java.sql.SQLXML x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateNCharacterStream(int a, java.io.Reader x, long l) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateNCharacterStream(String a, java.io.Reader x, long l) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateAsciiStream(int a, java.io.InputStream x, long l) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBinaryStream(int a, java.io.InputStream x, long l) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateCharacterStream(int a, java.io.Reader x, long l) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateAsciiStream(String a, java.io.InputStream x, long l) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBinaryStream(String a, java.io.InputStream x, long l)
      throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateCharacterStream(String a, java.io.Reader x, long l) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBlob(int a, java.io.InputStream x, long l) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBlob(String a, java.io.InputStream x, long l) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateClob(int a, java.io.Reader x, long l) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateClob(String a, java.io.Reader x, long l) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateNClob(int a, java.io.Reader x, long l) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateNClob(String a, java.io.Reader x, long l) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateNCharacterStream(int a, java.io.Reader x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateNCharacterStream(String a, java.io.Reader x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateAsciiStream(int a, java.io.InputStream x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBinaryStream(int a, java.io.InputStream x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateCharacterStream(int a, java.io.Reader x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateAsciiStream(String a, java.io.InputStream x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBinaryStream(String a, java.io.InputStream x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateCharacterStream(String a, java.io.Reader x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBlob(int a, java.io.InputStream x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateBlob(String a, java.io.InputStream x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateClob(int a, java.io.Reader x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateClob(String a, java.io.Reader x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateNClob(int a, java.io.Reader x) throws SQLException {
    throw readOnly();
  }

  @Override
  public final void updateNClob(String a, java.io.Reader x) throws SQLException {
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
      throw new SQLException("A forward-only result set only fetches forward", "HY024");
    }
  }

  @Override
  public final int getFetchDirection() throws SQLException {
    checkOpen();
    return FETCH_FORWARD;
  }
}
