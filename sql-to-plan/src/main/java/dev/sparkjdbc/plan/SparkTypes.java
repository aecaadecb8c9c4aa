package dev.sparkjdbc.plan;

import dev.sparkjdbc.types.SparkType;
import dev.sparkjdbc.types.SparkTypeNames;
import java.sql.JDBCType;
import java.util.Locale;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.SqlUserDefinedTypeNameSpec;

/**
 * Type names in CAST and {@code {fn CONVERT}} as the type strings Spark parses, from the type table
 * ({@link SparkType}).
 */
final class SparkTypes {
  private SparkTypes() {}

  /**
   * {@code {fn CONVERT(x, SQL_VARCHAR)}}: a JDBC type name of appendix D ({@code SQL_} prefix
   * optional, ODBC's {@code W…} for the national character types) as the Spark type the type table
   * chooses for it, e.g. DECIMAL(38,18). TIME has no Spark type that holds only a time of day.
   */
  static String jdbcConvertType(SqlNode type) {
    String name = type.toString().toUpperCase(Locale.ROOT).replace("SQL_", "");
    String jdbcName = name.startsWith("W") ? "N" + name.substring(1) : name;
    try {
      JDBCType jdbc = JDBCType.valueOf(jdbcName);
      if (jdbc != JDBCType.TIME && !SparkType.valueDecides(jdbc.getVendorTypeNumber())) {
        return SparkType.forJdbc(jdbc.getVendorTypeNumber())
            .map(SparkTypeNames::sqlName)
            .orElseThrow();
      }
    } catch (IllegalArgumentException unknownOrWithoutSparkType) {
      // refused below
    }
    throw UnsupportedSqlException.of("{fn CONVERT} to " + name, type);
  }

  static String typeString(SqlDataTypeSpec spec) {
    SqlTypeNameSpec name = spec.getTypeNameSpec();
    String base = name.getTypeName().getSimple().toUpperCase(Locale.ROOT);
    SparkType spark = SparkTypeNames.forSqlName(base).orElse(null);
    if (spark == null
        || !(name instanceof SqlBasicTypeNameSpec || name instanceof SqlUserDefinedTypeNameSpec)) {
      throw UnsupportedSqlException.of("CAST to type " + base, spec);
    }
    if (name instanceof SqlBasicTypeNameSpec basic) {
      int precision = basic.getPrecision();
      int scale = basic.getScale();
      boolean hasPrecision = precision >= 0;
      switch (spark) {
        case DECIMAL:
          // Spark's own meaning of a bare DECIMAL in SQL text: DECIMAL(10,0)
          return hasPrecision ? "DECIMAL(" + precision + "," + Math.max(scale, 0) + ")" : "DECIMAL";
        case CHAR:
        case VARCHAR:
          // Spark's own parser casts to CHAR(n)/VARCHAR(n) as to STRING; so do we.
          return "STRING";
        case TIME:
          return hasPrecision ? "TIME(" + precision + ")" : "TIME";
        default:
          return sparkSpelling(base, spark);
      }
    }
    return sparkSpelling(base, spark);
  }

  /**
   * The name to send: the type's own, except TIMESTAMP_LTZ, which differs from TIMESTAMP when the
   * session's {@code spark.sql.timestampType} is TIMESTAMP_NTZ.
   */
  private static String sparkSpelling(String written, SparkType spark) {
    return written.equals("TIMESTAMP_LTZ") ? written : spark.sqlName();
  }
}
