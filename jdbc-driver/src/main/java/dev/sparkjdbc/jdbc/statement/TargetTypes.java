package dev.sparkjdbc.jdbc.statement;

import dev.sparkjdbc.jdbc.errors.SqlErrors;
import dev.sparkjdbc.proto.DataType;
import dev.sparkjdbc.types.SparkType;
import java.sql.JDBCType;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The Spark type a JDBC type code stands for in {@code setNull(i, sqlType)} and {@code setObject(i,
 * x, targetSqlType)}, as the type table ({@link SparkType}) says: DECIMAL is DECIMAL(38,18), FLOAT
 * is DOUBLE, TIME is its text. Codes with no Spark counterpart (REF, ROWID, DATALINK, …, or no
 * {@code java.sql.Types} constant) are refused with 0A000, in both calls alike.
 */
public final class TargetTypes {
  private TargetTypes() {}

  /** The Spark type, or empty where the value's own type stands (OTHER, JAVA_OBJECT, ARRAY, …). */
  public static Optional<DataType> of(int sqlType) throws SQLException {
    try {
      return SparkType.forJdbc(sqlType);
    } catch (IllegalArgumentException e) {
      throw SqlErrors.unsupported(
          "The JDBC type "
              + name(sqlType)
              + " as a parameter type (Spark has no such type: "
              + e.getMessage()
              + ")");
    }
  }

  private static String name(int sqlType) {
    try {
      return JDBCType.valueOf(sqlType).getName();
    } catch (IllegalArgumentException e) {
      return String.valueOf(sqlType);
    }
  }
}
