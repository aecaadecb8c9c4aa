package dev.sparkjdbc.plan;

import java.util.Locale;
import java.util.Map;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.SqlUserDefinedTypeNameSpec;

/** SQL type names in CAST as the type strings Spark parses (INTEGER → INT, REAL → FLOAT, …). */
final class SparkTypes {
  private static final Map<String, String> NAMES =
      Map.ofEntries(
          Map.entry("INTEGER", "INT"),
          Map.entry("INT", "INT"),
          Map.entry("TINYINT", "TINYINT"),
          Map.entry("SMALLINT", "SMALLINT"),
          Map.entry("BIGINT", "BIGINT"),
          Map.entry("REAL", "FLOAT"),
          Map.entry("FLOAT", "FLOAT"), // Spark reads FLOAT as single precision; so do we
          Map.entry("DOUBLE", "DOUBLE"),
          Map.entry("DECIMAL", "DECIMAL"),
          Map.entry("NUMERIC", "DECIMAL"),
          Map.entry("BOOLEAN", "BOOLEAN"),
          Map.entry("CHAR", "CHAR"),
          Map.entry("VARCHAR", "VARCHAR"),
          Map.entry("STRING", "STRING"),
          Map.entry("BINARY", "BINARY"),
          Map.entry("VARBINARY", "BINARY"),
          Map.entry("DATE", "DATE"),
          Map.entry("TIME", "TIME"),
          Map.entry("TIMESTAMP", "TIMESTAMP"),
          Map.entry("TIMESTAMP_NTZ", "TIMESTAMP_NTZ"),
          Map.entry("TIMESTAMP_LTZ", "TIMESTAMP_LTZ"));

  private SparkTypes() {}

  /** {@code {fn CONVERT(x, SQL_VARCHAR)}}: the JDBC type names of appendix D as Spark types. */
  static String jdbcConvertType(org.apache.calcite.sql.SqlNode type) {
    String name = type.toString().toUpperCase(Locale.ROOT).replace("SQL_", "");
    return switch (name) {
      case "CHAR", "VARCHAR", "LONGVARCHAR", "WCHAR", "WVARCHAR", "WLONGVARCHAR" -> "STRING";
      case "BINARY", "VARBINARY", "LONGVARBINARY" -> "BINARY";
      case "BIT", "BOOLEAN" -> "BOOLEAN";
      case "TINYINT" -> "TINYINT";
      case "SMALLINT" -> "SMALLINT";
      case "INTEGER" -> "INT";
      case "BIGINT" -> "BIGINT";
      case "REAL" -> "FLOAT";
      case "FLOAT", "DOUBLE" -> "DOUBLE";
      case "DECIMAL", "NUMERIC" -> "DECIMAL";
      case "DATE" -> "DATE";
      case "TIMESTAMP" -> "TIMESTAMP";
      default -> throw UnsupportedSqlException.of("{fn CONVERT} to " + name, type);
    };
  }

  static String typeString(SqlDataTypeSpec spec) {
    SqlTypeNameSpec name = spec.getTypeNameSpec();
    String base = name.getTypeName().getSimple().toUpperCase(Locale.ROOT);
    String spark = NAMES.get(base);
    if (spark == null
        || !(name instanceof SqlBasicTypeNameSpec || name instanceof SqlUserDefinedTypeNameSpec)) {
      throw UnsupportedSqlException.of("CAST to type " + base, spec);
    }
    if (name instanceof SqlBasicTypeNameSpec basic) {
      int precision = basic.getPrecision();
      int scale = basic.getScale();
      boolean hasPrecision = precision >= 0;
      switch (spark) {
        case "DECIMAL":
          return hasPrecision ? "DECIMAL(" + precision + "," + Math.max(scale, 0) + ")" : "DECIMAL";
        case "CHAR":
        case "VARCHAR":
          // Spark's own parser casts to CHAR(n)/VARCHAR(n) as to STRING; so do we.
          return "STRING";
        case "TIME":
          return hasPrecision ? "TIME(" + precision + ")" : "TIME";
        default:
          return spark;
      }
    }
    return spark;
  }
}
