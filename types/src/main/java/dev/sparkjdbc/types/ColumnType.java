package dev.sparkjdbc.types;

import dev.sparkjdbc.proto.DataType;
import java.sql.Types;

/**
 * What {@code ResultSetMetaData} says about a column of a Spark type: the JDBC type, the type name,
 * precision, scale, display size, signedness and the class {@code getObject} returns. The fixed
 * facts come from the type table ({@link SparkType}); the parameters of the column's type (decimal
 * precision and scale, text lengths, fraction digits, interval fields) from the type itself.
 */
public record ColumnType(
    int jdbcType,
    String typeName,
    int precision,
    int scale,
    int displaySize,
    boolean signed,
    String className) {

  public static ColumnType of(DataType t) {
    SparkType row = SparkType.of(t).orElse(null);
    if (row == null) {
      // A type this driver does not know yet: its name, and getObject's Java view.
      return new ColumnType(
          Types.OTHER, SparkTypeNames.sqlName(t), 0, 0, Width.U, false, "java.lang.Object");
    }
    DataType type = t.hasUdt() && t.getUdt().hasSqlType() ? t.getUdt().getSqlType() : t;
    return switch (row) {
      case DECIMAL -> {
        int p = SparkTypeNames.precision(type);
        int s = SparkTypeNames.scale(type);
        // digits, a sign, and a decimal point when there is a fraction
        yield fixed(row, p, s, p + (s > 0 ? 2 : 1));
      }
      case CHAR -> fixed(row, type.getChar().getLength(), 0, type.getChar().getLength());
      case VARCHAR -> fixed(row, type.getVarChar().getLength(), 0, type.getVarChar().getLength());
      case TIMESTAMP, TIMESTAMP_NTZ -> fixed(row, row.precision(), 6, row.displaySize());
      case TIME -> {
        int p = type.getTime().hasPrecision() ? type.getTime().getPrecision() : 6;
        int width = 8 + (p > 0 ? p + 1 : 0); // hh:mm:ss, then a point and the fraction digits
        yield fixed(row, width, p, width);
      }
      case YEAR_MONTH_INTERVAL, DAY_TIME_INTERVAL ->
          new ColumnType(
              row.jdbcType().getVendorTypeNumber(),
              SparkTypeNames.sqlName(type),
              0,
              0,
              row.displaySize(),
              false,
              row.javaClass().getName());
      default -> fixed(row, row.precision(), 0, row.displaySize());
    };
  }

  private static ColumnType fixed(SparkType row, int precision, int scale, int displaySize) {
    return new ColumnType(
        row.jdbcType().getVendorTypeNumber(),
        row.sqlName(),
        precision,
        scale,
        displaySize,
        row.signed(),
        row.javaClass().getName());
  }
}
