package dev.sparkjdbc.types;

import dev.sparkjdbc.proto.DataType;
import java.sql.Types;

/**
 * What {@code ResultSetMetaData} says about a column of a Spark type: the JDBC type, the type name,
 * precision, scale, display size, signedness and the class {@code getObject} returns. This is the
 * driver's type mapping table; {@code docs/types.md} is checked against it.
 */
public record ColumnType(
    int jdbcType,
    String typeName,
    int precision,
    int scale,
    int displaySize,
    boolean signed,
    String className) {

  private static final int UNBOUNDED = Integer.MAX_VALUE;

  public static ColumnType of(DataType t) {
    return switch (t.getKindCase()) {
      case BOOLEAN -> new ColumnType(Types.BOOLEAN, "BOOLEAN", 1, 0, 5, false, "java.lang.Boolean");
      case BYTE -> integral(Types.TINYINT, "TINYINT", 3, "java.lang.Integer");
      case SHORT -> integral(Types.SMALLINT, "SMALLINT", 5, "java.lang.Integer");
      case INTEGER -> integral(Types.INTEGER, "INT", 10, "java.lang.Integer");
      case LONG -> integral(Types.BIGINT, "BIGINT", 19, "java.lang.Long");
      case FLOAT -> new ColumnType(Types.REAL, "FLOAT", 7, 0, 15, true, "java.lang.Float");
      case DOUBLE -> new ColumnType(Types.DOUBLE, "DOUBLE", 15, 0, 24, true, "java.lang.Double");
      case DECIMAL -> {
        int p = SparkTypeNames.precision(t);
        int s = SparkTypeNames.scale(t);
        // digits, a sign, and a decimal point when there is a fraction
        yield new ColumnType(
            Types.DECIMAL, "DECIMAL", p, s, p + (s > 0 ? 2 : 1), true, "java.math.BigDecimal");
      }
      case STRING -> text(Types.VARCHAR, "STRING", UNBOUNDED);
      case CHAR -> text(Types.CHAR, "CHAR", t.getChar().getLength());
      case VAR_CHAR -> text(Types.VARCHAR, "VARCHAR", t.getVarChar().getLength());
      case BINARY ->
          new ColumnType(Types.VARBINARY, "BINARY", UNBOUNDED, 0, UNBOUNDED, false, "[B");
      case DATE -> new ColumnType(Types.DATE, "DATE", 10, 0, 10, false, "java.sql.Date");
      case TIMESTAMP -> timestamp("TIMESTAMP");
      case TIMESTAMP_NTZ -> timestamp("TIMESTAMP_NTZ");
      case TIME -> {
        int p = t.getTime().hasPrecision() ? t.getTime().getPrecision() : 6;
        int width = 8 + (p > 0 ? p + 1 : 0);
        yield new ColumnType(Types.TIME, "TIME", width, p, width, false, "java.sql.Time");
      }
      case YEAR_MONTH_INTERVAL -> other(SparkTypeNames.sqlName(t), "java.time.Period");
      case DAY_TIME_INTERVAL -> other(SparkTypeNames.sqlName(t), "java.time.Duration");
      case CALENDAR_INTERVAL -> other("INTERVAL", "java.lang.String");
      case ARRAY -> nested(Types.ARRAY, "ARRAY", "java.sql.Array");
      case MAP -> nested(Types.JAVA_OBJECT, "MAP", "java.util.Map");
      case STRUCT -> nested(Types.STRUCT, "STRUCT", "java.sql.Struct");
      case VARIANT -> other("VARIANT", "java.lang.String");
      case NULL -> new ColumnType(Types.NULL, "VOID", 0, 0, 4, false, "java.lang.Object");
      case UDT ->
          t.getUdt().hasSqlType() ? of(t.getUdt().getSqlType()) : other("UDT", "java.lang.Object");
      default -> other(SparkTypeNames.sqlName(t), "java.lang.Object");
    };
  }

  private static ColumnType integral(int jdbcType, String name, int precision, String cls) {
    return new ColumnType(jdbcType, name, precision, 0, precision + 1, true, cls);
  }

  private static ColumnType text(int jdbcType, String name, int length) {
    return new ColumnType(jdbcType, name, length, 0, length, false, "java.lang.String");
  }

  /** Spark shows microseconds: yyyy-mm-dd hh:mm:ss.ffffff. */
  private static ColumnType timestamp(String name) {
    return new ColumnType(Types.TIMESTAMP, name, 26, 6, 26, false, "java.sql.Timestamp");
  }

  private static ColumnType nested(int jdbcType, String name, String cls) {
    return new ColumnType(jdbcType, name, 0, 0, UNBOUNDED, false, cls);
  }

  private static ColumnType other(String name, String cls) {
    return new ColumnType(Types.OTHER, name, 0, 0, UNBOUNDED, false, cls);
  }
}
