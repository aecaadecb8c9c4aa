package dev.sparkjdbc.jdbc.statement;

import java.sql.Types;

/** {@code setObject(i, x, targetSqlType)}: the Spark type the value is cast to on the server. */
public final class TargetTypes {
  private TargetTypes() {}

  /** The Spark type string, or null when the value's own type is kept. */
  public static String cast(int sqlType) throws java.sql.SQLException {
    return switch (sqlType) {
      case Types.BOOLEAN, Types.BIT -> "BOOLEAN";
      case Types.TINYINT -> "TINYINT";
      case Types.SMALLINT -> "SMALLINT";
      case Types.INTEGER -> "INT";
      case Types.BIGINT -> "BIGINT";
      case Types.REAL -> "FLOAT";
      case Types.FLOAT, Types.DOUBLE -> "DOUBLE";
      case Types.DECIMAL, Types.NUMERIC -> "DECIMAL(38,18)";
      case Types.CHAR,
          Types.VARCHAR,
          Types.LONGVARCHAR,
          Types.NCHAR,
          Types.NVARCHAR,
          Types.LONGNVARCHAR,
          Types.CLOB,
          Types.NCLOB ->
          "STRING";
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> "BINARY";
      case Types.DATE -> "DATE";
      case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> "TIMESTAMP";
      case Types.OTHER, Types.JAVA_OBJECT, Types.ARRAY, Types.TIME, Types.NULL -> null;
      default ->
          throw new java.sql.SQLFeatureNotSupportedException(
              "setObject to java.sql.Types " + sqlType + " has no Spark counterpart", "0A000");
    };
  }
}
