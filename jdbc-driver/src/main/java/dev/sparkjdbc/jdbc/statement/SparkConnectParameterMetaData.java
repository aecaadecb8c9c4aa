package dev.sparkjdbc.jdbc.statement;

import dev.sparkjdbc.jdbc.errors.SelfWrapper;
import dev.sparkjdbc.jdbc.errors.SqlErrors;
import dev.sparkjdbc.proto.Expression;
import dev.sparkjdbc.types.ColumnType;
import dev.sparkjdbc.types.LiteralTypes;
import dev.sparkjdbc.types.SparkType;
import java.sql.ParameterMetaData;
import java.sql.SQLException;

/**
 * What is known of a prepared statement's parameters: their number, and the type of each value
 * bound so far (Spark infers parameter types from the values, so an unset parameter has none yet:
 * VARCHAR is reported, the type a JDBC tool binds text as).
 */
public final class SparkConnectParameterMetaData implements SelfWrapper, ParameterMetaData {
  private final Expression[] values;

  public SparkConnectParameterMetaData(Expression[] values) {
    this.values = values;
  }

  private ColumnType type(int param) throws SQLException {
    SqlErrors.checkIndex(param, values.length, "Parameter", "statement");
    Expression v = values[param - 1];
    if (v == null || !v.hasLiteral() || v.getLiteral().hasNull()) {
      return ColumnType.of(SparkType.STRING.defaultType());
    }
    return ColumnType.of(LiteralTypes.of(v.getLiteral()));
  }

  @Override
  public int getParameterCount() {
    return values.length;
  }

  @Override
  public int isNullable(int param) throws SQLException {
    type(param);
    return parameterNullableUnknown;
  }

  @Override
  public boolean isSigned(int param) throws SQLException {
    return type(param).signed();
  }

  @Override
  public int getPrecision(int param) throws SQLException {
    return type(param).precision();
  }

  @Override
  public int getScale(int param) throws SQLException {
    return type(param).scale();
  }

  @Override
  public int getParameterType(int param) throws SQLException {
    return type(param).jdbcType();
  }

  @Override
  public String getParameterTypeName(int param) throws SQLException {
    return type(param).typeName();
  }

  @Override
  public String getParameterClassName(int param) throws SQLException {
    return type(param).className();
  }

  @Override
  public int getParameterMode(int param) throws SQLException {
    type(param);
    return parameterModeIn;
  }
}
