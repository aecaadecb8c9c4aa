package dev.sparkjdbc.types;

import static dev.sparkjdbc.types.Width.U;

import dev.sparkjdbc.proto.DataType;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.JDBCType;
import java.sql.Struct;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Period;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The type table: every Spark type, with the JDBC type a column of it reports, the class {@code
 * getObject} returns, its fixed precision and display size, and which JDBC types become it when the
 * driver must choose a Spark type for a JDBC one ({@code setNull}, {@code setObject} with a target
 * type, {@code {fn CONVERT}}). Result-set metadata ({@link ColumnType}), {@code getTypeInfo},
 * parameter binding and the translator all read this one table; docs/types.md shows it and is
 * checked against it.
 *
 * <p>Where a JDBC type carries no precision (DECIMAL, NUMERIC), the Spark type it becomes is {@code
 * DECIMAL(38,18)}: the widest precision, with room for a fraction. That holds for every JDBC path
 * (parameters, target types, {@code {fn CONVERT}}). A SQL {@code CAST(x AS DECIMAL)} in the
 * statement's text keeps Spark's own meaning, {@code DECIMAL(10,0)}: SQL text means what Spark
 * says.
 */
public enum SparkType {
  NULL(DataType.KindCase.NULL, "VOID", JDBCType.NULL, Object.class, 0, 4, false),
  BOOLEAN(DataType.KindCase.BOOLEAN, "BOOLEAN", JDBCType.BOOLEAN, Boolean.class, 1, 5, false),
  TINYINT(DataType.KindCase.BYTE, "TINYINT", JDBCType.TINYINT, Integer.class, 3, 4, true),
  SMALLINT(DataType.KindCase.SHORT, "SMALLINT", JDBCType.SMALLINT, Integer.class, 5, 6, true),
  INT(DataType.KindCase.INTEGER, "INT", JDBCType.INTEGER, Integer.class, 10, 11, true),
  BIGINT(DataType.KindCase.LONG, "BIGINT", JDBCType.BIGINT, Long.class, 19, 20, true),
  FLOAT(DataType.KindCase.FLOAT, "FLOAT", JDBCType.REAL, Float.class, 7, 15, true),
  DOUBLE(DataType.KindCase.DOUBLE, "DOUBLE", JDBCType.DOUBLE, Double.class, 15, 24, true),
  /** Precision and scale come with each column: these are the widest. */
  DECIMAL(DataType.KindCase.DECIMAL, "DECIMAL", JDBCType.DECIMAL, BigDecimal.class, 38, 40, true),
  STRING(DataType.KindCase.STRING, "STRING", JDBCType.VARCHAR, String.class, U, U, false),
  /** The length comes with each column; 255 is what getTypeInfo offers. */
  CHAR(DataType.KindCase.CHAR, "CHAR", JDBCType.CHAR, String.class, 255, 255, false),
  /** The length comes with each column; 65535 is what getTypeInfo offers. */
  VARCHAR(
      DataType.KindCase.VAR_CHAR, "VARCHAR", JDBCType.VARCHAR, String.class, 65535, 65535, false),
  BINARY(DataType.KindCase.BINARY, "BINARY", JDBCType.VARBINARY, byte[].class, U, U, false),
  DATE(DataType.KindCase.DATE, "DATE", JDBCType.DATE, Date.class, 10, 10, false),
  /** yyyy-mm-dd hh:mm:ss.ffffff: Spark keeps microseconds. */
  TIMESTAMP(
      DataType.KindCase.TIMESTAMP, "TIMESTAMP", JDBCType.TIMESTAMP, Timestamp.class, 26, 26, false),
  TIMESTAMP_NTZ(
      DataType.KindCase.TIMESTAMP_NTZ,
      "TIMESTAMP_NTZ",
      JDBCType.TIMESTAMP,
      Timestamp.class,
      26,
      26,
      false),
  /** hh:mm:ss.ffffff; the fraction digits come with each column (6 when unsaid). */
  TIME(DataType.KindCase.TIME, "TIME", JDBCType.TIME, Time.class, 15, 15, false),
  YEAR_MONTH_INTERVAL(
      DataType.KindCase.YEAR_MONTH_INTERVAL,
      "INTERVAL YEAR TO MONTH",
      JDBCType.OTHER,
      Period.class,
      0,
      U,
      false),
  DAY_TIME_INTERVAL(
      DataType.KindCase.DAY_TIME_INTERVAL,
      "INTERVAL DAY TO SECOND",
      JDBCType.OTHER,
      Duration.class,
      0,
      U,
      false),
  /** Spark's legacy interval: getObject gives Spark's own text for it. */
  CALENDAR_INTERVAL(
      DataType.KindCase.CALENDAR_INTERVAL, "INTERVAL", JDBCType.OTHER, String.class, 0, U, false),
  ARRAY(DataType.KindCase.ARRAY, "ARRAY", JDBCType.ARRAY, Array.class, 0, U, false),
  MAP(DataType.KindCase.MAP, "MAP", JDBCType.JAVA_OBJECT, Map.class, 0, U, false),
  STRUCT(DataType.KindCase.STRUCT, "STRUCT", JDBCType.STRUCT, Struct.class, 0, U, false),
  /** getObject gives the JSON text Spark's CAST(v AS STRING) gives. */
  VARIANT(DataType.KindCase.VARIANT, "VARIANT", JDBCType.OTHER, String.class, 0, U, false);

  /**
   * Which Spark type a JDBC type becomes when the driver chooses ({@code setNull}, {@code
   * setObject} with a target type, {@code {fn CONVERT}}). JDBC types that are absent have no Spark
   * counterpart, except those in {@link #VALUE_DECIDES}.
   */
  private static final Map<JDBCType, SparkType> FROM_JDBC = new EnumMap<>(JDBCType.class);

  /**
   * JDBC types that name no particular type: the value's own type stands (a typed NULL of them is
   * Spark's untyped NULL). An ARRAY's element type and a STRUCT's fields come with the value.
   */
  private static final List<JDBCType> VALUE_DECIDES =
      List.of(JDBCType.NULL, JDBCType.OTHER, JDBCType.JAVA_OBJECT, JDBCType.ARRAY, JDBCType.STRUCT);

  static {
    from(BOOLEAN, JDBCType.BOOLEAN, JDBCType.BIT);
    from(TINYINT, JDBCType.TINYINT);
    from(SMALLINT, JDBCType.SMALLINT);
    from(INT, JDBCType.INTEGER);
    from(BIGINT, JDBCType.BIGINT);
    from(FLOAT, JDBCType.REAL);
    // JDBC's FLOAT is double precision (JDBC 4.3 B.1); Spark's FLOAT is single.
    from(DOUBLE, JDBCType.FLOAT, JDBCType.DOUBLE);
    from(DECIMAL, JDBCType.DECIMAL, JDBCType.NUMERIC);
    from(
        STRING,
        JDBCType.CHAR,
        JDBCType.VARCHAR,
        JDBCType.LONGVARCHAR,
        JDBCType.NCHAR,
        JDBCType.NVARCHAR,
        JDBCType.LONGNVARCHAR,
        JDBCType.CLOB,
        JDBCType.NCLOB,
        JDBCType.SQLXML);
    from(BINARY, JDBCType.BINARY, JDBCType.VARBINARY, JDBCType.LONGVARBINARY, JDBCType.BLOB);
    from(DATE, JDBCType.DATE);
    from(TIMESTAMP, JDBCType.TIMESTAMP, JDBCType.TIMESTAMP_WITH_TIMEZONE);
    // Spark 4.2 keeps TIME behind spark.sql.timeType.enabled: a time of day goes as its text,
    // which Spark casts wherever a TIME or TIMESTAMP is wanted.
    from(STRING, JDBCType.TIME);
  }

  private final DataType.KindCase kind;
  private final String sqlName;
  private final JDBCType jdbcType;
  private final Class<?> javaClass;
  private final int precision;
  private final int displaySize;
  private final boolean signed;

  SparkType(
      DataType.KindCase kind,
      String sqlName,
      JDBCType jdbcType,
      Class<?> javaClass,
      int precision,
      int displaySize,
      boolean signed) {
    this.kind = kind;
    this.sqlName = sqlName;
    this.jdbcType = jdbcType;
    this.javaClass = javaClass;
    this.precision = precision;
    this.displaySize = displaySize;
    this.signed = signed;
  }

  private static void from(SparkType spark, JDBCType... jdbcTypes) {
    for (JDBCType jdbc : jdbcTypes) {
      FROM_JDBC.put(jdbc, spark);
    }
  }

  /** The row of a Spark type; a UDT is its SQL type's row, an unknown kind has none. */
  public static Optional<SparkType> of(DataType type) {
    if (type.hasUdt() && type.getUdt().hasSqlType()) {
      return of(type.getUdt().getSqlType());
    }
    for (SparkType t : values()) {
      if (t.kind == type.getKindCase()) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /**
   * The Spark type a JDBC type code becomes, as a data type ({@code DECIMAL(38,18)} for DECIMAL);
   * empty where the value's own type stands ({@link #valueDecides}).
   *
   * @throws IllegalArgumentException when the code is no JDBC type with a Spark counterpart (REF,
   *     ROWID, DATALINK, DISTINCT, REF_CURSOR, TIME_WITH_TIMEZONE, or no {@code java.sql.Types}
   *     constant at all); the message names it
   */
  public static Optional<DataType> forJdbc(int jdbcTypeCode) {
    JDBCType jdbc = jdbcType(jdbcTypeCode);
    if (VALUE_DECIDES.contains(jdbc)) {
      return Optional.empty();
    }
    SparkType spark = FROM_JDBC.get(jdbc);
    if (spark == null) {
      throw new IllegalArgumentException(
          "JDBC type " + jdbc.getName() + " has no Spark counterpart");
    }
    return Optional.of(spark.defaultType());
  }

  /** True for the JDBC types that leave the Spark type to the value (OTHER, JAVA_OBJECT, …). */
  public static boolean valueDecides(int jdbcTypeCode) {
    JDBCType jdbc = jdbcType(jdbcTypeCode);
    return VALUE_DECIDES.contains(jdbc);
  }

  private static JDBCType jdbcType(int code) {
    try {
      return JDBCType.valueOf(code);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("" + code + " is no java.sql.Types constant", e);
    }
  }

  /**
   * The data type a JDBC use without parameters means: DECIMAL(38,18), CHAR(255), VARCHAR(65535),
   * TIME(6), the widest intervals, nested types of STRING.
   */
  public DataType defaultType() {
    DataType.Builder b = DataType.newBuilder();
    DataType string = DataType.newBuilder().setString(DataType.String.getDefaultInstance()).build();
    return switch (this) {
      case NULL -> b.setNull(DataType.NULL.getDefaultInstance()).build();
      case BOOLEAN -> b.setBoolean(DataType.Boolean.getDefaultInstance()).build();
      case TINYINT -> b.setByte(DataType.Byte.getDefaultInstance()).build();
      case SMALLINT -> b.setShort(DataType.Short.getDefaultInstance()).build();
      case INT -> b.setInteger(DataType.Integer.getDefaultInstance()).build();
      case BIGINT -> b.setLong(DataType.Long.getDefaultInstance()).build();
      case FLOAT -> b.setFloat(DataType.Float.getDefaultInstance()).build();
      case DOUBLE -> b.setDouble(DataType.Double.getDefaultInstance()).build();
      case DECIMAL ->
          b.setDecimal(DataType.Decimal.newBuilder().setPrecision(38).setScale(18)).build();
      case STRING -> string;
      case CHAR -> b.setChar(DataType.Char.newBuilder().setLength(precision)).build();
      case VARCHAR -> b.setVarChar(DataType.VarChar.newBuilder().setLength(precision)).build();
      case BINARY -> b.setBinary(DataType.Binary.getDefaultInstance()).build();
      case DATE -> b.setDate(DataType.Date.getDefaultInstance()).build();
      case TIMESTAMP -> b.setTimestamp(DataType.Timestamp.getDefaultInstance()).build();
      case TIMESTAMP_NTZ -> b.setTimestampNtz(DataType.TimestampNTZ.getDefaultInstance()).build();
      case TIME -> b.setTime(DataType.Time.newBuilder().setPrecision(6)).build();
      case YEAR_MONTH_INTERVAL ->
          b.setYearMonthInterval(
                  DataType.YearMonthInterval.newBuilder().setStartField(0).setEndField(1))
              .build();
      case DAY_TIME_INTERVAL ->
          b.setDayTimeInterval(
                  DataType.DayTimeInterval.newBuilder().setStartField(0).setEndField(3))
              .build();
      case CALENDAR_INTERVAL ->
          b.setCalendarInterval(DataType.CalendarInterval.getDefaultInstance()).build();
      case ARRAY -> b.setArray(DataType.Array.newBuilder().setElementType(string)).build();
      case MAP ->
          b.setMap(DataType.Map.newBuilder().setKeyType(string).setValueType(string)).build();
      case STRUCT -> b.setStruct(DataType.Struct.getDefaultInstance()).build();
      case VARIANT -> b.setVariant(DataType.Variant.getDefaultInstance()).build();
    };
  }

  public DataType.KindCase kind() {
    return kind;
  }

  /** The name Spark's SQL gives the type, without parameters: {@code INT}, {@code DECIMAL}. */
  public String sqlName() {
    return sqlName;
  }

  /** The JDBC type a column of this type reports. */
  public JDBCType jdbcType() {
    return jdbcType;
  }

  /** The class {@code getObject} returns for a value of this type. */
  public Class<?> javaClass() {
    return javaClass;
  }

  /** Digits (numbers), characters (text, dates, times) or 0 where no size applies. */
  public int precision() {
    return precision;
  }

  /** Characters needed to show any value, by JDBC's definition. */
  public int displaySize() {
    return displaySize;
  }

  public boolean signed() {
    return signed;
  }

  /** True for the types whose values compare as numbers (NUM_PREC_RADIX 10). */
  public boolean numeric() {
    return switch (this) {
      case TINYINT, SMALLINT, INT, BIGINT, FLOAT, DOUBLE, DECIMAL -> true;
      default -> false;
    };
  }
}
