package dev.sparkjdbc.types;

import dev.sparkjdbc.proto.DataType;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spark's names of its types, both ways: a {@link DataType} as Spark's SQL writes it ({@code INT},
 * {@code DECIMAL(10,2)}, {@code ARRAY<STRING>}), and the names its catalog prints ({@code integer},
 * {@code decimal(10,2)}, {@code array}, {@code interval day to second}) as data types, for catalog
 * listings. The catalog's nested types keep their kind only ({@code array}, {@code map}, {@code
 * struct}): the listing does not spell out their element types on one line.
 */
public final class SparkTypeNames {
  /**
   * The type names Spark's SQL reads in a CAST, and the type each stands for (the names Calcite
   * also parses: BYTE, SHORT and LONG reach the translator as user-defined type names).
   */
  private static final Map<String, SparkType> SQL_NAMES =
      Map.ofEntries(
          Map.entry("BOOLEAN", SparkType.BOOLEAN),
          Map.entry("TINYINT", SparkType.TINYINT),
          Map.entry("SMALLINT", SparkType.SMALLINT),
          Map.entry("INT", SparkType.INT),
          Map.entry("INTEGER", SparkType.INT),
          Map.entry("BIGINT", SparkType.BIGINT),
          Map.entry("REAL", SparkType.FLOAT),
          // Spark reads FLOAT as single precision, unlike JDBC's FLOAT
          Map.entry("FLOAT", SparkType.FLOAT),
          Map.entry("DOUBLE", SparkType.DOUBLE),
          Map.entry("DECIMAL", SparkType.DECIMAL),
          Map.entry("NUMERIC", SparkType.DECIMAL),
          Map.entry("CHAR", SparkType.CHAR),
          Map.entry("VARCHAR", SparkType.VARCHAR),
          Map.entry("STRING", SparkType.STRING),
          Map.entry("BINARY", SparkType.BINARY),
          Map.entry("VARBINARY", SparkType.BINARY),
          Map.entry("DATE", SparkType.DATE),
          Map.entry("TIME", SparkType.TIME),
          Map.entry("TIMESTAMP", SparkType.TIMESTAMP),
          Map.entry("TIMESTAMP_LTZ", SparkType.TIMESTAMP),
          Map.entry("TIMESTAMP_NTZ", SparkType.TIMESTAMP_NTZ),
          // Spark's other spellings
          Map.entry("BYTE", SparkType.TINYINT),
          Map.entry("SHORT", SparkType.SMALLINT),
          Map.entry("LONG", SparkType.BIGINT),
          Map.entry("DEC", SparkType.DECIMAL),
          Map.entry("VARIANT", SparkType.VARIANT));

  private static final Pattern DECIMAL = Pattern.compile("decimal\\((\\d+),\\s*(\\d+)\\)");
  private static final Pattern LENGTH = Pattern.compile("(char|varchar)\\((\\d+)\\)");
  private static final String[] DAY_TIME = {"day", "hour", "minute", "second"};
  private static final String[] YEAR_MONTH = {"year", "month"};

  private SparkTypeNames() {}

  /** The type a SQL type name stands for in Spark's CAST ({@code INTEGER} is INT), if any. */
  public static Optional<SparkType> forSqlName(String name) {
    return Optional.ofNullable(SQL_NAMES.get(name.toUpperCase(Locale.ROOT)));
  }

  /**
   * Never throws: text it does not know (or numbers beyond an int, such as a user's {@code
   * decimal(99999999999,1)}) become an unparsed type, which the server judges.
   */
  public static DataType parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    DataType.Builder b = DataType.newBuilder();
    Matcher m = DECIMAL.matcher(t);
    if (m.matches() && fitsInt(m.group(1)) && fitsInt(m.group(2))) {
      return b.setDecimal(
              DataType.Decimal.newBuilder()
                  .setPrecision(Integer.parseInt(m.group(1)))
                  .setScale(Integer.parseInt(m.group(2))))
          .build();
    }
    m = LENGTH.matcher(t);
    if (m.matches() && fitsInt(m.group(2))) {
      int n = Integer.parseInt(m.group(2));
      return m.group(1).equals("char")
          ? b.setChar(DataType.Char.newBuilder().setLength(n)).build()
          : b.setVarChar(DataType.VarChar.newBuilder().setLength(n)).build();
    }
    if (t.startsWith("interval")) {
      return interval(t.substring("interval".length()).trim(), b);
    }
    String base = t.contains("<") ? t.substring(0, t.indexOf('<')) : t;
    switch (base) {
      case "boolean" -> b.setBoolean(DataType.Boolean.getDefaultInstance());
      case "byte", "tinyint" -> b.setByte(DataType.Byte.getDefaultInstance());
      case "short", "smallint" -> b.setShort(DataType.Short.getDefaultInstance());
      case "integer", "int" -> b.setInteger(DataType.Integer.getDefaultInstance());
      case "long", "bigint" -> b.setLong(DataType.Long.getDefaultInstance());
      case "float", "real" -> b.setFloat(DataType.Float.getDefaultInstance());
      case "double" -> b.setDouble(DataType.Double.getDefaultInstance());
      case "decimal" -> b.setDecimal(DataType.Decimal.newBuilder().setPrecision(10).setScale(0));
      case "string" -> b.setString(DataType.String.getDefaultInstance());
      case "binary" -> b.setBinary(DataType.Binary.getDefaultInstance());
      case "date" -> b.setDate(DataType.Date.getDefaultInstance());
      case "timestamp", "timestamp_ltz" -> b.setTimestamp(DataType.Timestamp.getDefaultInstance());
      case "timestamp_ntz" -> b.setTimestampNtz(DataType.TimestampNTZ.getDefaultInstance());
      case "void", "null" -> b.setNull(DataType.NULL.getDefaultInstance());
      case "variant" -> b.setVariant(DataType.Variant.getDefaultInstance());
      case "array" -> b.setArray(DataType.Array.newBuilder().setElementType(unknown()));
      case "map" ->
          b.setMap(DataType.Map.newBuilder().setKeyType(unknown()).setValueType(unknown()));
      case "struct" -> b.setStruct(DataType.Struct.getDefaultInstance());
      default -> {
        if (base.startsWith("time")) {
          b.setTime(DataType.Time.newBuilder().setPrecision(6));
        } else {
          b.setUnparsed(DataType.Unparsed.newBuilder().setDataTypeString(t));
        }
      }
    }
    return b.build();
  }

  private static boolean fitsInt(String digits) {
    return digits.length() < 10 || (digits.length() == 10 && digits.compareTo("2147483647") <= 0);
  }

  private static DataType unknown() {
    return DataType.newBuilder()
        .setUnparsed(DataType.Unparsed.newBuilder().setDataTypeString("?"))
        .build();
  }

  private static DataType interval(String fields, DataType.Builder b) {
    if (fields.isEmpty()) {
      return b.setCalendarInterval(DataType.CalendarInterval.getDefaultInstance()).build();
    }
    String[] parts = fields.split("\\s+to\\s+");
    int ym = index(YEAR_MONTH, parts[0]);
    if (ym >= 0) {
      int end = parts.length > 1 ? index(YEAR_MONTH, parts[1]) : ym;
      return b.setYearMonthInterval(
              DataType.YearMonthInterval.newBuilder()
                  .setStartField(ym)
                  .setEndField(Math.max(end, ym)))
          .build(); // an unknown end field: -1 is no field
    }
    int start = Math.max(index(DAY_TIME, parts[0]), 0);
    int end = parts.length > 1 ? index(DAY_TIME, parts[1]) : start;
    return b.setDayTimeInterval(
            DataType.DayTimeInterval.newBuilder()
                .setStartField(start)
                .setEndField(Math.max(end, start)))
        .build();
  }

  private static int index(String[] names, String name) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name.trim())) {
        return i;
      }
    }
    return -1;
  }

  /** Spark's SQL name of a type: {@code INT}, {@code DECIMAL(10,2)}, {@code ARRAY<STRING>}. */
  public static String sqlName(DataType t) {
    return switch (t.getKindCase()) {
      case DECIMAL -> "DECIMAL(" + precision(t) + "," + scale(t) + ")";
      case CHAR -> "CHAR(" + t.getChar().getLength() + ")";
      case VAR_CHAR -> "VARCHAR(" + t.getVarChar().getLength() + ")";
      case TIME -> "TIME(" + (t.getTime().hasPrecision() ? t.getTime().getPrecision() : 6) + ")";
      case YEAR_MONTH_INTERVAL ->
          intervalName(
              t.getYearMonthInterval().getStartField(),
              t.getYearMonthInterval().getEndField(),
              YEAR_MONTH_FIELDS);
      case DAY_TIME_INTERVAL ->
          intervalName(
              t.getDayTimeInterval().getStartField(),
              t.getDayTimeInterval().getEndField(),
              DAY_TIME_FIELDS);
      case ARRAY -> "ARRAY<" + sqlName(t.getArray().getElementType()) + ">";
      case MAP ->
          "MAP<"
              + sqlName(t.getMap().getKeyType())
              + ", "
              + sqlName(t.getMap().getValueType())
              + ">";
      case STRUCT -> {
        StringBuilder s = new StringBuilder("STRUCT<");
        for (int i = 0; i < t.getStruct().getFieldsCount(); i++) {
          DataType.StructField f = t.getStruct().getFields(i);
          s.append(i > 0 ? ", " : "")
              .append(f.getName())
              .append(": ")
              .append(sqlName(f.getDataType()));
        }
        yield s.append('>').toString();
      }
      case UDT -> t.getUdt().hasSqlType() ? sqlName(t.getUdt().getSqlType()) : "UDT";
      case UNPARSED -> t.getUnparsed().getDataTypeString().toUpperCase(Locale.ROOT);
      default -> SparkType.of(t).map(SparkType::sqlName).orElse(t.getKindCase().name());
    };
  }

  public static final String[] YEAR_MONTH_FIELDS = {"YEAR", "MONTH"};
  public static final String[] DAY_TIME_FIELDS = {"DAY", "HOUR", "MINUTE", "SECOND"};

  private static String intervalName(int start, int end, String[] fields) {
    return start == end
        ? "INTERVAL " + fields[start]
        : "INTERVAL " + fields[start] + " TO " + fields[end];
  }

  public static int precision(DataType t) {
    return t.getDecimal().hasPrecision() ? t.getDecimal().getPrecision() : 10;
  }

  public static int scale(DataType t) {
    return t.getDecimal().hasScale() ? t.getDecimal().getScale() : 0;
  }
}
