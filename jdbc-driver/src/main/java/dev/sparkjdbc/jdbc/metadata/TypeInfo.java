package dev.sparkjdbc.jdbc.metadata;

import dev.sparkjdbc.types.ColumnType;
import dev.sparkjdbc.types.SparkType;
import java.sql.DatabaseMetaData;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code getTypeInfo}: one row per Spark type, derived from the same mapping as result-set metadata
 * ({@link ColumnType}), so a tool's type list and its column types agree.
 */
final class TypeInfo {
  /** A type a column can be created with, and how its literals are written. */
  private record Entry(SparkType type, String prefix, String suffix, String createParams) {}

  /** TIME (off by default in Spark 4.2) and the legacy INTERVAL are no column types to offer. */
  private static final List<Entry> TYPES =
      List.of(
          new Entry(SparkType.BOOLEAN, null, null, null),
          new Entry(SparkType.TINYINT, null, "Y", null),
          new Entry(SparkType.SMALLINT, null, "S", null),
          new Entry(SparkType.INT, null, null, null),
          new Entry(SparkType.BIGINT, null, "L", null),
          new Entry(SparkType.FLOAT, null, "F", null),
          new Entry(SparkType.DOUBLE, null, "D", null),
          new Entry(SparkType.DECIMAL, null, "BD", "precision,scale"),
          new Entry(SparkType.CHAR, "'", "'", "length"),
          new Entry(SparkType.VARCHAR, "'", "'", "length"),
          new Entry(SparkType.STRING, "'", "'", null),
          new Entry(SparkType.BINARY, "X'", "'", null),
          new Entry(SparkType.DATE, "DATE '", "'", null),
          new Entry(SparkType.TIMESTAMP, "TIMESTAMP '", "'", null),
          new Entry(SparkType.TIMESTAMP_NTZ, "TIMESTAMP_NTZ '", "'", null),
          new Entry(SparkType.YEAR_MONTH_INTERVAL, "INTERVAL '", "' YEAR TO MONTH", null),
          new Entry(SparkType.DAY_TIME_INTERVAL, "INTERVAL '", "' DAY TO SECOND", null),
          new Entry(SparkType.ARRAY, null, null, "element type"),
          new Entry(SparkType.MAP, null, null, "key type,value type"),
          new Entry(SparkType.STRUCT, null, null, "fields"),
          new Entry(SparkType.VARIANT, null, null, null),
          new Entry(SparkType.NULL, null, null, null));

  private TypeInfo() {}

  /** Rows in the specification's order: by DATA_TYPE, then the closest mapping first. */
  static List<Object[]> rows() {
    List<Object[]> rows = new ArrayList<>();
    for (Entry e : TYPES) {
      ColumnType t = ColumnType.of(e.type().defaultType());
      boolean text = t.jdbcType() == Types.VARCHAR || t.jdbcType() == Types.CHAR;
      boolean numeric = radix(t) != null;
      rows.add(
          new Object[] {
            t.typeName(),
            t.jdbcType(),
            t.precision(),
            e.prefix(),
            e.suffix(),
            e.createParams(),
            (short) DatabaseMetaData.typeNullable,
            text,
            (short)
                (t.jdbcType() == Types.ARRAY
                        || t.jdbcType() == Types.STRUCT
                        || t.jdbcType() == Types.JAVA_OBJECT
                    ? DatabaseMetaData.typePredNone
                    : DatabaseMetaData.typeSearchable),
            numeric ? !t.signed() : null,
            false,
            false,
            t.typeName(),
            (short) 0,
            (short) (t.jdbcType() == Types.DECIMAL ? 38 : t.scale()),
            null,
            null,
            radix(t)
          });
    }
    rows.sort(Comparator.comparingInt((Object[] r) -> (Integer) r[1]));
    return rows;
  }

  /** 10 for numeric types, null for the rest (the specification's NUM_PREC_RADIX). */
  static Integer radix(ColumnType t) {
    return switch (t.jdbcType()) {
      case Types.TINYINT,
          Types.SMALLINT,
          Types.INTEGER,
          Types.BIGINT,
          Types.REAL,
          Types.DOUBLE,
          Types.DECIMAL ->
          10;
      default -> null;
    };
  }
}
