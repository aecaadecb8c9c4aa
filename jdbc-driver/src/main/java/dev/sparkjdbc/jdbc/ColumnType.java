package dev.sparkjdbc.jdbc;

import java.sql.Types;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * What {@code ResultSetMetaData} says about a column, derived from the Arrow field Spark sent:
 * JDBC type, Spark type name, precision, scale, display size, signedness and Java class.
 */
record ColumnType(
    int jdbcType,
    String typeName,
    int precision,
    int scale,
    int displaySize,
    boolean signed,
    String className) {

  private static final int UNBOUNDED = Integer.MAX_VALUE;

  static ColumnType of(Field field) {
    ArrowType type = field.getType();
    return switch (type.getTypeID()) {
      case Bool -> new ColumnType(Types.BOOLEAN, "BOOLEAN", 1, 0, 5, false, "java.lang.Boolean");
      case Int -> switch (((ArrowType.Int) type).getBitWidth()) {
        case 8 -> integral(Types.TINYINT, "TINYINT", 3, "java.lang.Integer");
        case 16 -> integral(Types.SMALLINT, "SMALLINT", 5, "java.lang.Integer");
        case 32 -> integral(Types.INTEGER, "INT", 10, "java.lang.Integer");
        default -> integral(Types.BIGINT, "BIGINT", 19, "java.lang.Long");
      };
      case FloatingPoint -> ((ArrowType.FloatingPoint) type).getPrecision()
          == FloatingPointPrecision.SINGLE
          ? new ColumnType(Types.REAL, "FLOAT", 7, 0, 14, true, "java.lang.Float")
          : new ColumnType(Types.DOUBLE, "DOUBLE", 15, 0, 24, true, "java.lang.Double");
      case Decimal -> {
        ArrowType.Decimal d = (ArrowType.Decimal) type;
        // digits, sign and decimal point
        int display = d.getPrecision() + (d.getScale() > 0 ? 2 : 1);
        yield new ColumnType(Types.DECIMAL, "DECIMAL", d.getPrecision(), d.getScale(), display,
            true, "java.math.BigDecimal");
      }
      case Utf8, LargeUtf8, Utf8View -> new ColumnType(Types.VARCHAR, "STRING", UNBOUNDED, 0,
          UNBOUNDED, false, "java.lang.String");
      case Binary, LargeBinary, BinaryView, FixedSizeBinary -> new ColumnType(Types.VARBINARY,
          "BINARY", UNBOUNDED, 0, UNBOUNDED, false, "[B");
      case Date -> new ColumnType(Types.DATE, "DATE", 10, 0, 10, false, "java.sql.Date");
      case Timestamp -> ((ArrowType.Timestamp) type).getTimezone() == null
          ? new ColumnType(Types.TIMESTAMP, "TIMESTAMP_NTZ", 26, 6, 26, false, "java.sql.Timestamp")
          : new ColumnType(Types.TIMESTAMP, "TIMESTAMP", 26, 6, 26, false, "java.sql.Timestamp");
      case Null -> new ColumnType(Types.NULL, "VOID", 0, 0, 4, false, "java.lang.Object");
      case List, LargeList, FixedSizeList, ListView -> other(Types.ARRAY, "ARRAY", "java.util.List");
      case Map -> other(Types.JAVA_OBJECT, "MAP", "java.util.Map");
      case Struct -> other(Types.STRUCT, "STRUCT", "java.util.Map");
      case Time -> other(Types.TIME, "TIME", "java.lang.Object");
      case Interval, Duration -> other(Types.OTHER, "INTERVAL", "java.lang.Object");
      default -> other(Types.OTHER, type.getTypeID().name().toUpperCase(java.util.Locale.ROOT),
          "java.lang.Object");
    };
  }

  private static ColumnType integral(int jdbcType, String name, int precision, String cls) {
    return new ColumnType(jdbcType, name, precision, 0, precision + 1, true, cls);
  }

  private static ColumnType other(int jdbcType, String name, String cls) {
    return new ColumnType(jdbcType, name, 0, 0, UNBOUNDED, false, cls);
  }
}
