package dev.sparkjdbc.jdbc.metadata;

import dev.sparkjdbc.proto.DataType;
import dev.sparkjdbc.types.ColumnType;
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
  private record Entry(DataType type, String prefix, String suffix, String createParams) {}

  private static final List<Entry> TYPES =
      List.of(
          entry(
              DataType.newBuilder().setBoolean(DataType.Boolean.getDefaultInstance()),
              null,
              null,
              null),
          entry(DataType.newBuilder().setByte(DataType.Byte.getDefaultInstance()), null, "Y", null),
          entry(
              DataType.newBuilder().setShort(DataType.Short.getDefaultInstance()), null, "S", null),
          entry(
              DataType.newBuilder().setInteger(DataType.Integer.getDefaultInstance()),
              null,
              null,
              null),
          entry(DataType.newBuilder().setLong(DataType.Long.getDefaultInstance()), null, "L", null),
          entry(
              DataType.newBuilder().setFloat(DataType.Float.getDefaultInstance()), null, "F", null),
          entry(
              DataType.newBuilder().setDouble(DataType.Double.getDefaultInstance()),
              null,
              "D",
              null),
          entry(
              DataType.newBuilder()
                  .setDecimal(DataType.Decimal.newBuilder().setPrecision(38).setScale(0)),
              null,
              "BD",
              "precision,scale"),
          entry(
              DataType.newBuilder().setChar(DataType.Char.newBuilder().setLength(255)),
              "'",
              "'",
              "length"),
          entry(
              DataType.newBuilder().setVarChar(DataType.VarChar.newBuilder().setLength(65535)),
              "'",
              "'",
              "length"),
          entry(
              DataType.newBuilder().setString(DataType.String.getDefaultInstance()),
              "'",
              "'",
              null),
          entry(
              DataType.newBuilder().setBinary(DataType.Binary.getDefaultInstance()),
              "X'",
              "'",
              null),
          entry(
              DataType.newBuilder().setDate(DataType.Date.getDefaultInstance()),
              "DATE '",
              "'",
              null),
          entry(
              DataType.newBuilder().setTimestamp(DataType.Timestamp.getDefaultInstance()),
              "TIMESTAMP '",
              "'",
              null),
          entry(
              DataType.newBuilder().setTimestampNtz(DataType.TimestampNTZ.getDefaultInstance()),
              "TIMESTAMP_NTZ '",
              "'",
              null),
          entry(
              DataType.newBuilder()
                  .setYearMonthInterval(
                      DataType.YearMonthInterval.newBuilder().setStartField(0).setEndField(1)),
              "INTERVAL '",
              "' YEAR TO MONTH",
              null),
          entry(
              DataType.newBuilder()
                  .setDayTimeInterval(
                      DataType.DayTimeInterval.newBuilder().setStartField(0).setEndField(3)),
              "INTERVAL '",
              "' DAY TO SECOND",
              null),
          entry(
              DataType.newBuilder()
                  .setArray(
                      DataType.Array.newBuilder()
                          .setElementType(
                              DataType.newBuilder()
                                  .setString(DataType.String.getDefaultInstance()))),
              null,
              null,
              "element type"),
          entry(
              DataType.newBuilder()
                  .setMap(
                      DataType.Map.newBuilder()
                          .setKeyType(
                              DataType.newBuilder().setString(DataType.String.getDefaultInstance()))
                          .setValueType(
                              DataType.newBuilder()
                                  .setString(DataType.String.getDefaultInstance()))),
              null,
              null,
              "key type,value type"),
          entry(
              DataType.newBuilder().setStruct(DataType.Struct.getDefaultInstance()),
              null,
              null,
              "fields"),
          entry(
              DataType.newBuilder().setVariant(DataType.Variant.getDefaultInstance()),
              null,
              null,
              null),
          entry(
              DataType.newBuilder().setNull(DataType.NULL.getDefaultInstance()), null, null, null));

  private TypeInfo() {}

  private static Entry entry(DataType.Builder type, String prefix, String suffix, String params) {
    return new Entry(type.build(), prefix, suffix, params);
  }

  /** Rows in the specification's order: by DATA_TYPE, then the closest mapping first. */
  static List<Object[]> rows() {
    List<Object[]> rows = new ArrayList<>();
    for (Entry e : TYPES) {
      ColumnType t = ColumnType.of(e.type());
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
