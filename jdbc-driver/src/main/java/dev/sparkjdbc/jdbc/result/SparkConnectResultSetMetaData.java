package dev.sparkjdbc.jdbc.result;

import dev.sparkjdbc.jdbc.errors.SelfWrapper;
import dev.sparkjdbc.jdbc.errors.SqlErrors;
import dev.sparkjdbc.types.ColumnType;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Column facts from the Arrow schema the server sent; available before the first row. A snapshot
 * that holds no server resource: it keeps answering, with the same values, after its result set,
 * statement and connection are closed (tools read column labels after closing the cursor).
 */
public final class SparkConnectResultSetMetaData implements SelfWrapper, ResultSetMetaData {
  private final String[] labels;
  private final ColumnType[] types;
  private final boolean[] nullable;

  public SparkConnectResultSetMetaData(String[] labels, ColumnType[] types, boolean[] nullable) {
    this.labels = labels;
    this.types = types;
    this.nullable = nullable;
  }

  private ColumnType type(int column) throws SQLException {
    check(column);
    return types[column - 1];
  }

  private void check(int column) throws SQLException {
    SqlErrors.checkIndex(column, types.length, "Column", "result");
  }

  @Override
  public int getColumnCount() {
    return types.length;
  }

  @Override
  public boolean isAutoIncrement(int column) throws SQLException {
    check(column);
    return false;
  }

  @Override
  public boolean isCaseSensitive(int column) throws SQLException {
    return type(column).jdbcType() == Types.VARCHAR;
  }

  @Override
  public boolean isSearchable(int column) throws SQLException {
    check(column);
    return true;
  }

  @Override
  public boolean isCurrency(int column) throws SQLException {
    check(column);
    return false;
  }

  @Override
  public int isNullable(int column) throws SQLException {
    check(column);
    return nullable[column - 1] ? columnNullable : columnNoNulls;
  }

  @Override
  public boolean isSigned(int column) throws SQLException {
    return type(column).signed();
  }

  @Override
  public int getColumnDisplaySize(int column) throws SQLException {
    return type(column).displaySize();
  }

  @Override
  public String getColumnLabel(int column) throws SQLException {
    check(column);
    return labels[column - 1];
  }

  @Override
  public String getColumnName(int column) throws SQLException {
    return getColumnLabel(column);
  }

  @Override
  public String getSchemaName(int column) throws SQLException {
    check(column);
    return "";
  }

  @Override
  public int getPrecision(int column) throws SQLException {
    return type(column).precision();
  }

  @Override
  public int getScale(int column) throws SQLException {
    return type(column).scale();
  }

  @Override
  public String getTableName(int column) throws SQLException {
    check(column);
    return "";
  }

  @Override
  public String getCatalogName(int column) throws SQLException {
    check(column);
    return "";
  }

  @Override
  public int getColumnType(int column) throws SQLException {
    return type(column).jdbcType();
  }

  @Override
  public String getColumnTypeName(int column) throws SQLException {
    return type(column).typeName();
  }

  @Override
  public boolean isReadOnly(int column) throws SQLException {
    check(column);
    return true;
  }

  @Override
  public boolean isWritable(int column) throws SQLException {
    check(column);
    return false;
  }

  @Override
  public boolean isDefinitelyWritable(int column) throws SQLException {
    check(column);
    return false;
  }

  @Override
  public String getColumnClassName(int column) throws SQLException {
    return type(column).className();
  }
}
