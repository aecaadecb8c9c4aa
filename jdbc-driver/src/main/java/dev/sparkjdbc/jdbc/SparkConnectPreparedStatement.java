package dev.sparkjdbc.jdbc;

import dev.sparkjdbc.jdbc.errors.SqlErrors;
import dev.sparkjdbc.jdbc.errors.SqlState;
import dev.sparkjdbc.jdbc.result.SparkConnectResultSetMetaData;
import dev.sparkjdbc.jdbc.statement.LobContents;
import dev.sparkjdbc.jdbc.statement.ParameterLiterals;
import dev.sparkjdbc.jdbc.statement.Plans;
import dev.sparkjdbc.jdbc.statement.SparkConnectParameterMetaData;
import dev.sparkjdbc.jdbc.statement.SqlText;
import dev.sparkjdbc.jdbc.statement.SqlTextRelation;
import dev.sparkjdbc.plan.PlanFeature;
import dev.sparkjdbc.plan.PreparedQuery;
import dev.sparkjdbc.plan.SqlStatement;
import dev.sparkjdbc.plan.SqlTranslationException;
import dev.sparkjdbc.plan.Translation;
import dev.sparkjdbc.proto.DataType;
import dev.sparkjdbc.proto.Expression;
import dev.sparkjdbc.proto.Relation;
import dev.sparkjdbc.types.ColumnType;
import dev.sparkjdbc.types.SparkType;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.BatchUpdateException;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.JDBCType;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;
import java.util.Optional;

/**
 * A statement parsed and translated once; each execution binds the current parameter values into
 * the plan as typed literals. Statements that go to Spark as text carry the values as Spark's named
 * parameters. A value is never spliced into SQL text.
 */
final class SparkConnectPreparedStatement extends SparkConnectStatement
    implements PreparedStatement {
  private final PreparedQuery query;
  private final Expression[] parameters;
  private final List<Expression[]> batch = new ArrayList<>();

  SparkConnectPreparedStatement(SparkConnectConnection connection, String sql) throws SQLException {
    super(connection, false);
    SqlText.requireSql(sql);
    try {
      this.query = connection.translator().prepare(sql);
    } catch (SqlTranslationException e) {
      throw strictRefusal(e);
    }
    this.parameters = new Expression[query.parameterCount()];
  }

  /** The current parameter values, every one set, as this connection's server reads them. */
  private List<Expression> boundValues() throws SQLException {
    checkOpen();
    for (int i = 0; i < parameters.length; i++) {
      if (parameters[i] == null) {
        throw new SQLException(
            "Parameter "
                + (i + 1)
                + " of "
                + parameters.length
                + " has no value: set it before executing",
            SqlState.PARAMETER_NOT_SET);
      }
    }
    return valuesForServer(parameters);
  }

  private Translation bound(List<Expression> values) throws SQLException {
    try {
      return recordTranslation(query.sql(), query.bind(values));
    } catch (SqlTranslationException e) {
      throw strictRefusal(e);
    }
  }

  /**
   * Parameter values as the server reads them: a server that does not read {@code
   * Literal.data_type} (see {@link dev.sparkjdbc.jdbc.client.ServerCapabilities}) turns NULL
   * elements of an array literal into 0, '' or false, so there an array holding NULLs goes as a
   * call of Spark's {@code array} function instead (docs/compatibility.md).
   */
  private List<Expression> valuesForServer(Expression[] values) throws SQLException {
    List<Expression> list = Arrays.asList(values);
    if (list.stream().noneMatch(ParameterLiterals::hasNullElement)
        || connection().capabilities().understands(PlanFeature.LITERAL_DATA_TYPE)) {
      return list;
    }
    return list.stream().map(ParameterLiterals::arrayAsCall).toList();
  }

  @Override
  public boolean execute() throws SQLException {
    checkOpen();
    closeResults();
    boolean outermost = beginExecution();
    try {
      List<Expression> values = boundValues();
      return execute(query.sql(), bound(values), query.expand(values));
    } finally {
      endExecution(outermost);
    }
  }

  @Override
  public ResultSet executeQuery() throws SQLException {
    checkOpen();
    refuseUpdate(query.sql());
    if (!execute()) {
      throw SqlErrors.wrongStatementKind("The statement produced no result set; use executeUpdate");
    }
    return getResultSet();
  }

  @Override
  public int executeUpdate() throws SQLException {
    return (int) Math.min(Integer.MAX_VALUE, executeLargeUpdate());
  }

  @Override
  public long executeLargeUpdate() throws SQLException {
    checkOpen();
    refuseQuery(query.sql());
    return updateCountWithoutRows(execute());
  }

  private void set(int index, Expression value) throws SQLException {
    checkOpen();
    SqlErrors.checkIndex(index, parameters.length, "Parameter", "statement");
    parameters[index - 1] = value;
  }

  @Override
  public void clearParameters() throws SQLException {
    checkOpen();
    Arrays.fill(parameters, null);
  }

  @Override
  public void setNull(int i, int sqlType) throws SQLException {
    checkOpen();
    set(i, ParameterLiterals.nullOf(sqlType));
  }

  @Override
  public void setNull(int i, int sqlType, String typeName) throws SQLException {
    setNull(i, sqlType);
  }

  @Override
  public void setBoolean(int i, boolean x) throws SQLException {
    set(i, ParameterLiterals.bool(x));
  }

  @Override
  public void setByte(int i, byte x) throws SQLException {
    set(i, ParameterLiterals.tinyint(x));
  }

  @Override
  public void setShort(int i, short x) throws SQLException {
    set(i, ParameterLiterals.smallint(x));
  }

  @Override
  public void setInt(int i, int x) throws SQLException {
    set(i, ParameterLiterals.integer(x));
  }

  @Override
  public void setLong(int i, long x) throws SQLException {
    set(i, ParameterLiterals.bigint(x));
  }

  @Override
  public void setFloat(int i, float x) throws SQLException {
    set(i, ParameterLiterals.real(x));
  }

  @Override
  public void setDouble(int i, double x) throws SQLException {
    set(i, ParameterLiterals.doublePrecision(x));
  }

  @Override
  public void setBigDecimal(int i, BigDecimal x) throws SQLException {
    set(i, ParameterLiterals.decimal(x));
  }

  @Override
  public void setString(int i, String x) throws SQLException {
    set(i, ParameterLiterals.string(x));
  }

  @Override
  public void setNString(int i, String x) throws SQLException {
    setString(i, x);
  }

  @Override
  public void setBytes(int i, byte[] x) throws SQLException {
    set(i, ParameterLiterals.binary(x));
  }

  @Override
  public void setDate(int i, Date x) throws SQLException {
    setDate(i, x, null);
  }

  /** The date the value shows in the calendar's zone (or the JVM's). */
  @Override
  public void setDate(int i, Date x, Calendar cal) throws SQLException {
    if (x == null) {
      setNull(i, Types.DATE);
      return;
    }
    // java.sql.Date.toInstant() throws UnsupportedOperationException: go through the millis
    LocalDate date =
        cal == null
            ? x.toLocalDate()
            : Instant.ofEpochMilli(x.getTime()).atZone(cal.getTimeZone().toZoneId()).toLocalDate();
    set(i, ParameterLiterals.date(date));
  }

  @Override
  public void setTime(int i, Time x) throws SQLException {
    setTime(i, x, null);
  }

  @Override
  public void setTime(int i, Time x, Calendar cal) throws SQLException {
    if (x == null) {
      setNull(i, Types.TIME);
      return;
    }
    LocalTime time =
        cal == null
            ? x.toLocalTime()
            : Instant.ofEpochMilli(x.getTime()).atZone(cal.getTimeZone().toZoneId()).toLocalTime();
    set(i, ParameterLiterals.time(time));
  }

  @Override
  public void setTimestamp(int i, Timestamp x) throws SQLException {
    setTimestamp(i, x, null);
  }

  @Override
  public void setTimestamp(int i, Timestamp x, Calendar cal) throws SQLException {
    set(
        i,
        x == null
            ? ParameterLiterals.nullOf(Types.TIMESTAMP)
            : ParameterLiterals.timestamp(x, cal));
  }

  @Override
  public void setObject(int i, Object x) throws SQLException {
    checkOpen();
    set(i, ParameterLiterals.object(x));
  }

  @Override
  public void setObject(int i, Object x, int targetSqlType) throws SQLException {
    checkOpen();
    if (x == null) {
      setNull(i, targetSqlType);
      return;
    }
    set(i, ParameterLiterals.forTarget(x, targetSqlType));
  }

  @Override
  public void setObject(int i, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
    checkOpen();
    if (x == null) {
      setNull(i, targetSqlType);
      return;
    }
    set(i, ParameterLiterals.forTarget(x, targetSqlType, scaleOrLength));
  }

  /** A {@code JDBCType} is its {@code java.sql.Types} number; other SQLTypes are vendors'. */
  @Override
  public void setObject(int i, Object x, SQLType targetSqlType) throws SQLException {
    setObject(i, x, typeNumber(targetSqlType));
  }

  @Override
  public void setObject(int i, Object x, SQLType targetSqlType, int scaleOrLength)
      throws SQLException {
    setObject(i, x, typeNumber(targetSqlType), scaleOrLength);
  }

  private int typeNumber(SQLType type) throws SQLException {
    checkOpen();
    if (type instanceof JDBCType jdbc) {
      return jdbc.getVendorTypeNumber();
    }
    throw SqlErrors.unsupported(
        "setObject with the SQLType "
            + (type == null ? "null" : type.getVendor() + " " + type.getName()));
  }

  @Override
  public void setArray(int i, Array x) throws SQLException {
    setObject(i, x);
  }

  @Override
  public void setAsciiStream(int i, InputStream x, int length) throws SQLException {
    setAsciiStream(i, x, (long) length);
  }

  @Override
  public void setAsciiStream(int i, InputStream x, long length) throws SQLException {
    setString(
        i,
        x == null
            ? null
            : new String(ParameterLiterals.read(x, length), StandardCharsets.US_ASCII));
  }

  @Override
  public void setAsciiStream(int i, InputStream x) throws SQLException {
    setAsciiStream(i, x, -1L);
  }

  @Override
  @Deprecated
  public void setUnicodeStream(int i, InputStream x, int length) throws SQLException {
    setString(
        i,
        x == null
            ? null
            : new String(ParameterLiterals.read(x, length), StandardCharsets.UTF_16BE));
  }

  @Override
  public void setBinaryStream(int i, InputStream x, int length) throws SQLException {
    setBinaryStream(i, x, (long) length);
  }

  @Override
  public void setBinaryStream(int i, InputStream x, long length) throws SQLException {
    setBytes(i, x == null ? null : ParameterLiterals.read(x, length));
  }

  @Override
  public void setBinaryStream(int i, InputStream x) throws SQLException {
    setBinaryStream(i, x, -1L);
  }

  @Override
  public void setCharacterStream(int i, Reader x, int length) throws SQLException {
    setCharacterStream(i, x, (long) length);
  }

  @Override
  public void setCharacterStream(int i, Reader x, long length) throws SQLException {
    setString(i, x == null ? null : ParameterLiterals.read(x, length));
  }

  @Override
  public void setCharacterStream(int i, Reader x) throws SQLException {
    setCharacterStream(i, x, -1L);
  }

  @Override
  public void setNCharacterStream(int i, Reader x, long length) throws SQLException {
    setCharacterStream(i, x, length);
  }

  @Override
  public void setNCharacterStream(int i, Reader x) throws SQLException {
    setCharacterStream(i, x);
  }

  @Override
  public void setClob(int i, Reader x, long length) throws SQLException {
    setCharacterStream(i, x, length);
  }

  @Override
  public void setClob(int i, Reader x) throws SQLException {
    setCharacterStream(i, x);
  }

  @Override
  public void setNClob(int i, Reader x, long length) throws SQLException {
    setCharacterStream(i, x, length);
  }

  @Override
  public void setNClob(int i, Reader x) throws SQLException {
    setCharacterStream(i, x);
  }

  @Override
  public void setBlob(int i, InputStream x, long length) throws SQLException {
    setBinaryStream(i, x, length);
  }

  @Override
  public void setBlob(int i, InputStream x) throws SQLException {
    setBinaryStream(i, x);
  }

  @Override
  public void setClob(int i, Clob x) throws SQLException {
    setString(i, x == null ? null : LobContents.text(x));
  }

  @Override
  public void setNClob(int i, NClob x) throws SQLException {
    setClob(i, x);
  }

  @Override
  public void setBlob(int i, Blob x) throws SQLException {
    setBytes(i, x == null ? null : LobContents.bytes(x));
  }

  @Override
  public void setURL(int i, URL x) throws SQLException {
    setString(i, x == null ? null : x.toString());
  }

  @Override
  public void setRef(int i, Ref x) throws SQLException {
    checkOpen();
    throw SqlErrors.unsupported("REF parameters (Spark has no REF type)");
  }

  @Override
  public void setRowId(int i, RowId x) throws SQLException {
    checkOpen();
    throw SqlErrors.unsupported("ROWID parameters (Spark has no row ids)");
  }

  @Override
  public void setSQLXML(int i, SQLXML x) throws SQLException {
    setString(i, x == null ? null : x.getString());
  }

  /**
   * The result's columns before execution, from Spark's analysis of the plan (AnalyzePlan); unset
   * parameters count as NULL. Null for statements that return no rows.
   */
  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    checkOpen();
    Expression[] values = parameters.clone();
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        values[i] = ParameterLiterals.nullOf(SparkType.NULL.defaultType());
      }
    }
    Translation t;
    try {
      t = forServer(query.bind(valuesForServer(values)));
    } catch (SqlTranslationException e) {
      throw strictRefusal(e);
    }
    Relation relation;
    if (t.isTranslated() && t.explainMode().isEmpty()) {
      relation = t.relation().orElseThrow();
    } else if (t.isQuery() || SqlText.isQuery(query.sql())) {
      relation = SqlTextRelation.of(query.sql(), query.expand(valuesForServer(values)), quoting());
    } else {
      return null;
    }
    DataType schema = connection().client().schema(Plans.query(relation));
    List<DataType.StructField> fields = schema.getStruct().getFieldsList();
    String[] labels = new String[fields.size()];
    ColumnType[] types = new ColumnType[fields.size()];
    boolean[] nullable = new boolean[fields.size()];
    for (int i = 0; i < fields.size(); i++) {
      labels[i] = fields.get(i).getName();
      types[i] = ColumnType.of(fields.get(i).getDataType());
      nullable[i] = fields.get(i).getNullable();
    }
    return new SparkConnectResultSetMetaData(labels, types, nullable);
  }

  @Override
  public ParameterMetaData getParameterMetaData() throws SQLException {
    checkOpen();
    return new SparkConnectParameterMetaData(parameters.clone());
  }

  @Override
  public void addBatch() throws SQLException {
    bound(boundValues()); // every parameter must be set, as for an execution
    batch.add(parameters.clone());
  }

  @Override
  public void clearBatch() throws SQLException {
    checkOpen();
    batch.clear();
  }

  /**
   * {@code INSERT INTO t VALUES (?, …)}: the whole batch is one append of an inline relation
   * holding every row's values as typed literals, one round trip, and every entry counts one row.
   * Other statements run once per parameter set, each entry with its statement's update count
   * ({@code SUCCESS_NO_INFO} where Spark does not say it). A failure stops the batch; the
   * exception's counts are those of the entries before it.
   */
  @Override
  public long[] executeLargeBatch() throws SQLException {
    checkOpen();
    List<Expression[]> rows = new ArrayList<>(batch);
    batch.clear();
    long[] counts = new long[rows.size()];
    if (rows.isEmpty()) {
      return counts;
    }
    Optional<String> table = SqlStatement.of(query.sql(), quoting()).insertMarkersTable();
    int r = 0;
    try {
      if (table.isPresent() && parameters.length > 0) {
        appendRows(table.get(), rows);
        Arrays.fill(counts, 1); // one row per entry
        return counts;
      }
      for (; r < rows.size(); r++) {
        System.arraycopy(rows.get(r), 0, parameters, 0, parameters.length);
        if (execute()) {
          throw SqlErrors.batchReturnedRows(
              "Batch entry " + r + " returned rows", Arrays.copyOf(toInts(counts), r));
        }
        counts[r] = batchCount();
      }
      return counts;
    } catch (BatchUpdateException e) {
      throw e;
    } catch (SQLException e) {
      throw SqlErrors.batchFailed(e, Arrays.copyOf(counts, r));
    }
  }

  /** One append of every row, as the server reads their values. */
  private void appendRows(String table, List<Expression[]> rows) throws SQLException {
    List<List<Expression>> values = new ArrayList<>(rows.size());
    for (Expression[] row : rows) {
      values.add(valuesForServer(row));
    }
    runToCompletion(Plans.appendRows(table, values), rows.size());
  }

  /**
   * No effect: a prepared statement's escapes were rewritten when it was prepared (JDBC 4.3 {@code
   * Statement.setEscapeProcessing}: disabling it for a PreparedStatement has no effect).
   */
  @Override
  public void setEscapeProcessing(boolean enable) throws SQLException {
    checkOpen();
  }

  // The SQL-taking methods of Statement are not for a PreparedStatement (JDBC spec).

  @Override
  public boolean execute(String sql) throws SQLException {
    throw sqlArgument();
  }

  @Override
  public ResultSet executeQuery(String sql) throws SQLException {
    throw sqlArgument();
  }

  @Override
  public int executeUpdate(String sql) throws SQLException {
    throw sqlArgument();
  }

  @Override
  public long executeLargeUpdate(String sql) throws SQLException {
    throw sqlArgument();
  }

  @Override
  public void addBatch(String sql) throws SQLException {
    throw sqlArgument();
  }

  @Override
  public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
    throw sqlArgument();
  }

  @Override
  public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
    throw sqlArgument();
  }

  @Override
  public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
    throw sqlArgument();
  }

  private SQLException sqlArgument() throws SQLException {
    checkOpen();
    return new SQLException(
        "A PreparedStatement executes its own SQL: call execute(), "
            + "executeQuery() or executeUpdate() without an argument",
        SqlState.GENERAL);
  }
}
