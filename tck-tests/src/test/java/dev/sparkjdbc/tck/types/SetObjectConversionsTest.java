package dev.sparkjdbc.tck.types;

import static java.sql.JDBCType.ARRAY;
import static java.sql.JDBCType.BIGINT;
import static java.sql.JDBCType.BINARY;
import static java.sql.JDBCType.BIT;
import static java.sql.JDBCType.BLOB;
import static java.sql.JDBCType.BOOLEAN;
import static java.sql.JDBCType.CHAR;
import static java.sql.JDBCType.CLOB;
import static java.sql.JDBCType.DATALINK;
import static java.sql.JDBCType.DATE;
import static java.sql.JDBCType.DECIMAL;
import static java.sql.JDBCType.DISTINCT;
import static java.sql.JDBCType.DOUBLE;
import static java.sql.JDBCType.FLOAT;
import static java.sql.JDBCType.INTEGER;
import static java.sql.JDBCType.JAVA_OBJECT;
import static java.sql.JDBCType.LONGNVARCHAR;
import static java.sql.JDBCType.LONGVARBINARY;
import static java.sql.JDBCType.LONGVARCHAR;
import static java.sql.JDBCType.NCHAR;
import static java.sql.JDBCType.NULL;
import static java.sql.JDBCType.NUMERIC;
import static java.sql.JDBCType.NVARCHAR;
import static java.sql.JDBCType.OTHER;
import static java.sql.JDBCType.REAL;
import static java.sql.JDBCType.REF;
import static java.sql.JDBCType.REF_CURSOR;
import static java.sql.JDBCType.ROWID;
import static java.sql.JDBCType.SMALLINT;
import static java.sql.JDBCType.SQLXML;
import static java.sql.JDBCType.STRUCT;
import static java.sql.JDBCType.TIME;
import static java.sql.JDBCType.TIMESTAMP;
import static java.sql.JDBCType.TIMESTAMP_WITH_TIMEZONE;
import static java.sql.JDBCType.TIME_WITH_TIMEZONE;
import static java.sql.JDBCType.TINYINT;
import static java.sql.JDBCType.VARBINARY;
import static java.sql.JDBCType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.JDBCType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Struct;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.rowset.serial.SerialBlob;
import javax.sql.rowset.serial.SerialClob;
import javax.xml.transform.Result;
import javax.xml.transform.Source;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code setObject(i, x, targetSqlType)} for every pair of a sample Java value (at least one per
 * row of JDBC 4.3's table B-5, edge values for numbers and strings) and every {@link JDBCType},
 * through both the {@code int} and the {@code SQLType} overloads. The expected outcome of each pair
 * is computed here from the rules alone:
 *
 * <ul>
 *   <li>JAVA_OBJECT, OTHER and NULL: the value's own mapping, exactly what {@code setObject(x)}
 *       gives.
 *   <li>A pair table B-5 does not allow: SQLSTATE 22018.
 *   <li>An allowed pair whose target Spark has no type for (REF, DATALINK, ROWID, STRUCT, DISTINCT,
 *       REF_CURSOR, TIME_WITH_TIMEZONE): 0A000.
 *   <li>An allowed pair: the converted value, read back, and the column type the target implies; a
 *       value that cannot be read as the target is 22018 (22007 for dates and times), a value
 *       beyond the target's range 22003.
 * </ul>
 *
 * Also {@code setObject(x, DECIMAL, scale)} and {@code setNull} with every JDBC type (the Spark
 * types of docs/types.md's "JDBC types as Spark types" table).
 */
@ExtendWith(SparkConnectServerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SetObjectConversionsTest {
  private static final ZoneId JVM_ZONE = ZoneId.systemDefault();

  // =====================================================================================
  // Table B-5, as the rules state it

  /** The rows of table B-5: the kinds of Java value. */
  enum Kind {
    TEXT,
    NUMBER,
    BOOLEAN,
    BYTES,
    BIG_INTEGER,
    SQL_DATE,
    SQL_TIME,
    SQL_TIMESTAMP,
    CALENDAR,
    UTIL_DATE,
    LOCAL_DATE,
    LOCAL_TIME,
    LOCAL_DATE_TIME,
    OFFSET_TIME,
    OFFSET_DATE_TIME,
    ARRAY,
    BLOB,
    CLOB,
    STRUCT,
    REF,
    URL,
    ROW_ID,
    SQL_XML,
    OTHER_CLASS
  }

  static final Set<JDBCType> INTEGRAL = EnumSet.of(TINYINT, SMALLINT, INTEGER, BIGINT);
  static final Set<JDBCType> FLOATING = EnumSet.of(REAL, FLOAT, DOUBLE);
  static final Set<JDBCType> EXACT = EnumSet.of(DECIMAL, NUMERIC);
  static final Set<JDBCType> BOOL = EnumSet.of(BIT, BOOLEAN);
  static final Set<JDBCType> CHARS =
      EnumSet.of(CHAR, VARCHAR, LONGVARCHAR, NCHAR, NVARCHAR, LONGNVARCHAR);
  static final Set<JDBCType> BINS = EnumSet.of(BINARY, VARBINARY, LONGVARBINARY);

  /** Targets for which the value's own mapping decides, as {@code setObject(x)}. */
  static final Set<JDBCType> VALUE_DECIDES = EnumSet.of(JAVA_OBJECT, OTHER, NULL);

  /** Targets Spark has no type for. */
  static final Set<JDBCType> NO_SPARK_TYPE =
      EnumSet.of(REF, DATALINK, ROWID, TIME_WITH_TIMEZONE, STRUCT, DISTINCT, REF_CURSOR);

  static final Map<Kind, Set<JDBCType>> B5 = new EnumMap<>(Kind.class);

  static {
    allow(
        Kind.TEXT, INTEGRAL, FLOATING, EXACT, BOOL, CHARS, BINS, EnumSet.of(DATE, TIME, TIMESTAMP));
    allow(Kind.NUMBER, INTEGRAL, FLOATING, EXACT, BOOL, CHARS);
    allow(Kind.BOOLEAN, INTEGRAL, FLOATING, EXACT, BOOL, CHARS);
    allow(Kind.BYTES, BINS);
    allow(Kind.BIG_INTEGER, EnumSet.of(BIGINT), CHARS);
    allow(Kind.SQL_DATE, CHARS, EnumSet.of(DATE, TIMESTAMP));
    allow(Kind.SQL_TIME, CHARS, EnumSet.of(TIME, TIMESTAMP));
    allow(Kind.SQL_TIMESTAMP, CHARS, EnumSet.of(DATE, TIME, TIMESTAMP));
    allow(Kind.CALENDAR, CHARS, EnumSet.of(DATE, TIME, TIMESTAMP));
    allow(Kind.UTIL_DATE, CHARS, EnumSet.of(DATE, TIME, TIMESTAMP));
    allow(Kind.LOCAL_DATE, CHARS, EnumSet.of(DATE));
    allow(Kind.LOCAL_TIME, CHARS, EnumSet.of(TIME));
    allow(Kind.LOCAL_DATE_TIME, CHARS, EnumSet.of(DATE, TIME, TIMESTAMP));
    allow(Kind.OFFSET_TIME, CHARS, EnumSet.of(TIME_WITH_TIMEZONE));
    // TIMESTAMP: the driver's documented addition (an OffsetDateTime is an instant)
    allow(
        Kind.OFFSET_DATE_TIME,
        CHARS,
        EnumSet.of(TIME_WITH_TIMEZONE, TIMESTAMP_WITH_TIMEZONE, TIMESTAMP));
    allow(Kind.ARRAY, EnumSet.of(ARRAY));
    allow(Kind.BLOB, EnumSet.of(BLOB));
    allow(Kind.CLOB, EnumSet.of(CLOB));
    allow(Kind.STRUCT, EnumSet.of(STRUCT));
    allow(Kind.REF, EnumSet.of(REF));
    allow(Kind.URL, EnumSet.of(DATALINK));
    allow(Kind.ROW_ID, EnumSet.of(ROWID));
    allow(Kind.SQL_XML, EnumSet.of(SQLXML));
    allow(Kind.OTHER_CLASS, EnumSet.of(JAVA_OBJECT));
  }

  @SafeVarargs
  private static void allow(Kind kind, Set<JDBCType>... targets) {
    Set<JDBCType> all = EnumSet.noneOf(JDBCType.class);
    for (Set<JDBCType> t : targets) {
      all.addAll(t);
    }
    B5.put(kind, all);
  }

  // =====================================================================================
  // Samples

  /** One Java value and its row of B-5. */
  record Sample(String label, Kind kind, Object value) {
    @Override
    public String toString() {
      return label;
    }
  }

  private static Sample s(Kind kind, Object value) {
    String shown =
        value instanceof String t
            ? "\"" + t + "\""
            : value instanceof byte[] b ? Arrays.toString(b) : String.valueOf(value);
    String name = value == null ? "null" : value.getClass().getSimpleName();
    return new Sample(name + " " + shown, kind, value);
  }

  static final LocalDateTime WALL_CLOCK = LocalDateTime.of(2024, 2, 29, 13, 45, 30, 250_000_000);

  static List<Sample> samples() {
    Calendar calendar = Calendar.getInstance(TimeZone.getTimeZone(JVM_ZONE), Locale.ROOT);
    calendar.setTimeInMillis(WALL_CLOCK.atZone(JVM_ZONE).toInstant().toEpochMilli());
    return List.of(
        // strings: numbers, booleans, dates and times, garbage
        s(Kind.TEXT, "42"),
        s(Kind.TEXT, " -7 "),
        s(Kind.TEXT, "12.5"),
        s(Kind.TEXT, "300"),
        s(Kind.TEXT, "-9223372036854775809"),
        s(Kind.TEXT, "1e400"),
        s(Kind.TEXT, "1e1000000000"),
        s(Kind.TEXT, "-1e-1000000000"),
        s(Kind.TEXT, "abc"),
        s(Kind.TEXT, ""),
        s(Kind.TEXT, "true"),
        s(Kind.TEXT, " Yes "),
        s(Kind.TEXT, "n"),
        s(Kind.TEXT, "0"),
        s(Kind.TEXT, "2024-02-29"),
        s(Kind.TEXT, "13:45:30"),
        s(Kind.TEXT, "13:45:30.5"),
        s(Kind.TEXT, "2024-02-29 13:45:30.123456"),
        s(Kind.TEXT, "2024-13-45"),
        s(Kind.TEXT, "héllo 😀"),
        // exact numbers
        s(Kind.NUMBER, new BigDecimal("0")),
        s(Kind.NUMBER, new BigDecimal("-12.5")),
        s(Kind.NUMBER, new BigDecimal("127.9")),
        s(Kind.NUMBER, new BigDecimal("-128.9")),
        s(Kind.NUMBER, new BigDecimal("128")),
        s(Kind.NUMBER, new BigDecimal("12345678901234567890.123")),
        s(Kind.NUMBER, new BigDecimal("1.4E-45")),
        s(Kind.NUMBER, new BigDecimal("1.0E125")),
        s(Kind.NUMBER, (byte) -128),
        s(Kind.NUMBER, (short) 300),
        s(Kind.NUMBER, 300),
        s(Kind.NUMBER, Integer.MIN_VALUE),
        s(Kind.NUMBER, Long.MAX_VALUE),
        s(Kind.NUMBER, -1L),
        // floating-point numbers
        s(Kind.NUMBER, 1.5f),
        s(Kind.NUMBER, -2.75f),
        s(Kind.NUMBER, Float.NaN),
        s(Kind.NUMBER, 2.9d),
        s(Kind.NUMBER, -2.9d),
        s(Kind.NUMBER, -0.0d),
        s(Kind.NUMBER, 1e300d),
        s(Kind.NUMBER, Double.NaN),
        s(Kind.NUMBER, Double.POSITIVE_INFINITY),
        s(Kind.NUMBER, Double.NEGATIVE_INFINITY),
        s(Kind.BOOLEAN, true),
        s(Kind.BOOLEAN, false),
        s(Kind.BYTES, new byte[] {(byte) 0xCA, (byte) 0xFE, 0x00}),
        s(Kind.BYTES, new byte[0]),
        s(Kind.BIG_INTEGER, BigInteger.valueOf(42)),
        s(Kind.BIG_INTEGER, new BigInteger("12345678901234567890")),
        s(Kind.SQL_DATE, java.sql.Date.valueOf("2024-02-29")),
        s(Kind.SQL_TIME, Time.valueOf("13:45:30")),
        s(Kind.SQL_TIME, Time.valueOf("00:00:00")),
        s(Kind.SQL_TIMESTAMP, Timestamp.valueOf("2024-02-29 13:45:30.123456")),
        s(Kind.SQL_TIMESTAMP, Timestamp.valueOf("1969-12-31 23:59:59")),
        new Sample("Calendar " + WALL_CLOCK + " " + JVM_ZONE, Kind.CALENDAR, calendar),
        new Sample(
            "java.util.Date " + WALL_CLOCK,
            Kind.UTIL_DATE,
            new java.util.Date(WALL_CLOCK.atZone(JVM_ZONE).toInstant().toEpochMilli())),
        s(Kind.LOCAL_DATE, LocalDate.of(2024, 2, 29)),
        s(Kind.LOCAL_TIME, LocalTime.of(13, 45, 30, 123_456_000)),
        s(Kind.LOCAL_TIME, LocalTime.of(13, 45)),
        s(Kind.LOCAL_DATE_TIME, LocalDateTime.of(2024, 2, 29, 13, 45, 30, 123_456_000)),
        s(Kind.LOCAL_DATE_TIME, LocalDateTime.of(2024, 2, 29, 13, 45)),
        s(Kind.OFFSET_TIME, OffsetTime.of(13, 45, 30, 0, ZoneOffset.ofHours(9))),
        s(
            Kind.OFFSET_DATE_TIME,
            OffsetDateTime.of(2024, 2, 29, 13, 45, 30, 500_000_000, ZoneOffset.ofHours(9))),
        s(Kind.ARRAY, new IntArray(1, 2, 3)),
        s(Kind.BLOB, blob(new byte[] {1, 2, 3})),
        s(Kind.BLOB, blob(new byte[0])),
        s(Kind.CLOB, clob("a clob ✓")),
        s(Kind.CLOB, clob("")),
        s(Kind.STRUCT, new OneStruct()),
        s(Kind.REF, new SomeRef()),
        s(Kind.URL, url("https://example.com/x")),
        s(Kind.ROW_ID, new SomeRowId()),
        s(Kind.SQL_XML, new SomeXml("<a>x</a>")),
        s(Kind.OTHER_CLASS, UUID.fromString("123e4567-e89b-12d3-a456-426614174000")),
        s(Kind.OTHER_CLASS, new StringBuilder("sb")),
        // classes B-5 has no row for, converted as the driver documents (docs/types.md): a
        // Character is text, an Instant or a ZonedDateTime an instant like an OffsetDateTime
        s(Kind.TEXT, 'x'),
        s(Kind.OFFSET_DATE_TIME, Instant.parse("2024-02-29T04:45:30Z")),
        s(Kind.OFFSET_DATE_TIME, ZonedDateTime.of(WALL_CLOCK, ZoneId.of("Asia/Tokyo"))));
  }

  static Stream<Arguments> pairs() {
    return samples().stream()
        .flatMap(s -> Arrays.stream(JDBCType.values()).map(t -> Arguments.of(s, t)));
  }

  // =====================================================================================
  // Expected outcomes, computed from the rules

  /** What a pair must give. */
  sealed interface Expected permits Refused, AsSetObject, Converted {}

  /** An SQLException with exactly this SQLSTATE. */
  record Refused(String sqlState) implements Expected {}

  /** Whatever {@code setObject(x)} without a target gives. */
  record AsSetObject() implements Expected {}

  /** A value: the column's JDBC type (null: not checked) and the check of the value read back. */
  record Converted(Integer columnType, String what, ValueCheck check) implements Expected {}

  @FunctionalInterface
  interface ValueCheck {
    void verify(ResultSet rs) throws SQLException;
  }

  /** Thrown while computing an expectation: the pair must fail with this SQLSTATE. */
  private static final class Refusal extends Exception {
    final String sqlState;

    Refusal(String sqlState) {
      super(sqlState, null, false, false);
      this.sqlState = sqlState;
    }
  }

  static Expected expected(Sample sample, JDBCType target) {
    if (VALUE_DECIDES.contains(target)) {
      return new AsSetObject();
    }
    if (!B5.get(sample.kind()).contains(target)) {
      return new Refused("22018");
    }
    if (NO_SPARK_TYPE.contains(target)) {
      return new Refused("0A000");
    }
    try {
      return converted(sample.value(), target);
    } catch (Refusal r) {
      return new Refused(r.sqlState);
    }
  }

  private static Converted converted(Object x, JDBCType target) throws Refusal {
    if (INTEGRAL.contains(target)) {
      long v = integral(x, target);
      return new Converted(
          target.getVendorTypeNumber(),
          "getLong = " + v,
          rs -> assertThat(rs.getLong(1)).as("getLong").isEqualTo(v));
    }
    if (target == REAL) {
      float f = real(x);
      return new Converted(
          Types.REAL,
          "getFloat = " + f,
          rs -> {
            assertThat(rs.getObject(1)).as("getObject").isInstanceOf(Float.class);
            assertThat(Float.compare(rs.getFloat(1), f))
                .as("getFloat %s = %s", rs.getFloat(1), f)
                .isZero();
          });
    }
    if (FLOATING.contains(target)) {
      double d = doublePrecision(x);
      return new Converted(
          Types.DOUBLE,
          "getDouble = " + d,
          rs -> {
            assertThat(rs.getObject(1)).as("getObject").isInstanceOf(Double.class);
            assertThat(Double.compare(rs.getDouble(1), d))
                .as("getDouble %s = %s", rs.getDouble(1), d)
                .isZero();
          });
    }
    if (EXACT.contains(target)) {
      BigDecimal v = exact(x);
      return new Converted(
          Types.DECIMAL,
          "getBigDecimal = " + v,
          rs -> assertThat(rs.getBigDecimal(1)).as("getBigDecimal").isEqualByComparingTo(v));
    }
    if (BOOL.contains(target)) {
      boolean b = bool(x);
      return new Converted(
          Types.BOOLEAN,
          "getBoolean = " + b,
          rs -> {
            assertThat(rs.getObject(1)).as("getObject").isEqualTo(b);
            assertThat(rs.getBoolean(1)).as("getBoolean").isEqualTo(b);
          });
    }
    if (CHARS.contains(target)) {
      return new Converted(Types.VARCHAR, "text", text(x));
    }
    if (BINS.contains(target)) {
      byte[] bytes = x instanceof byte[] b ? b : x.toString().getBytes(StandardCharsets.UTF_8);
      return bytes(bytes);
    }
    if (target == DATE) {
      LocalDate d = localDate(x);
      return new Converted(
          Types.DATE,
          "date " + d,
          rs -> assertThat(rs.getObject(1, LocalDate.class)).as("LocalDate").isEqualTo(d));
    }
    if (target == TIME) {
      LocalTime t = localTime(x);
      // a JDBC TIME goes as its text (Spark's TIME is behind a flag): no column type to check
      return new Converted(null, "time " + t, rs -> assertTimeText(rs.getString(1), t));
    }
    if (target == TIMESTAMP || target == TIMESTAMP_WITH_TIMEZONE) {
      Instant i = instant(x);
      return new Converted(
          Types.TIMESTAMP,
          "instant " + i,
          rs -> assertThat(rs.getTimestamp(1).toInstant()).as("instant").isEqualTo(i));
    }
    if (target == ARRAY) {
      return new Converted(
          Types.ARRAY,
          "[1, 2, 3]",
          rs -> assertThat(rs.getString(1)).as("getString").isEqualTo("[1, 2, 3]"));
    }
    if (target == BLOB) {
      try (InputStream in = ((SerialBlob) x).getBinaryStream()) {
        return bytes(in.readAllBytes());
      } catch (SQLException | IOException e) {
        throw new AssertionError(e);
      }
    }
    if (target == CLOB || target == SQLXML) {
      String v;
      try {
        v = x instanceof SerialClob c ? read(c.getCharacterStream()) : ((SomeXml) x).text;
      } catch (SQLException | IOException e) {
        throw new AssertionError(e);
      }
      return new Converted(
          Types.VARCHAR,
          "\"" + v + "\"",
          rs -> assertThat(rs.getString(1)).as("getString").isEqualTo(v));
    }
    throw new AssertionError("no rule for " + x + " -> " + target);
  }

  private static String read(Reader in) throws IOException {
    try (in) {
      StringWriter w = new StringWriter();
      in.transferTo(w);
      return w.toString();
    }
  }

  private static Converted bytes(byte[] bytes) {
    return new Converted(
        Types.VARBINARY,
        Arrays.toString(bytes),
        rs -> assertThat(rs.getBytes(1)).as("getBytes").containsExactly(bytes));
  }

  /** A number, a boolean (1/0) or numeric text as an exact value; NaN and infinities: 22003. */
  private static BigDecimal exactNumber(Object x) throws Refusal {
    if (x instanceof BigDecimal d) {
      return d;
    } else if (x instanceof BigInteger i) {
      return new BigDecimal(i);
    } else if (x instanceof Boolean b) {
      return b ? BigDecimal.ONE : BigDecimal.ZERO;
    } else if (x instanceof Float f) {
      if (!Float.isFinite(f)) {
        throw new Refusal("22003");
      }
      return new BigDecimal(Float.toString(f));
    } else if (x instanceof Double d) {
      if (!Double.isFinite(d)) {
        throw new Refusal("22003");
      }
      return BigDecimal.valueOf(d);
    } else if (x instanceof Number n) {
      return BigDecimal.valueOf(n.longValue());
    } else if (x instanceof String || x instanceof Character) {
      try {
        return new BigDecimal(x.toString().trim());
      } catch (NumberFormatException e) {
        throw new Refusal("22018");
      }
    }
    throw new AssertionError("not a number: " + x);
  }

  /** The integer part (toward zero), in the target's range or 22003. */
  private static long integral(Object x, JDBCType target) throws Refusal {
    BigDecimal v = exactNumber(x);
    long integerDigits = (long) v.precision() - v.scale();
    if (integerDigits > 20) {
      throw new Refusal("22003");
    }
    BigInteger whole =
        integerDigits <= 0 ? BigInteger.ZERO : v.setScale(0, RoundingMode.DOWN).toBigIntegerExact();
    long min =
        switch (target) {
          case TINYINT -> Byte.MIN_VALUE;
          case SMALLINT -> Short.MIN_VALUE;
          case INTEGER -> Integer.MIN_VALUE;
          default -> Long.MIN_VALUE;
        };
    long max =
        switch (target) {
          case TINYINT -> Byte.MAX_VALUE;
          case SMALLINT -> Short.MAX_VALUE;
          case INTEGER -> Integer.MAX_VALUE;
          default -> Long.MAX_VALUE;
        };
    if (whole.compareTo(BigInteger.valueOf(min)) < 0
        || whole.compareTo(BigInteger.valueOf(max)) > 0) {
      throw new Refusal("22003");
    }
    return whole.longValueExact();
  }

  /** Single precision; a finite value beyond float's range is 22003. */
  private static float real(Object x) throws Refusal {
    if (x instanceof Float f) {
      return f;
    } else if (x instanceof Double d) {
      if (Double.isFinite(d) && Math.abs(d) > Float.MAX_VALUE) {
        throw new Refusal("22003");
      }
      return (float) (double) d;
    }
    float f = exactNumber(x).floatValue();
    if (Float.isInfinite(f)) {
      throw new Refusal("22003");
    }
    return f;
  }

  /** Double precision; a finite value beyond double's range is 22003. */
  private static double doublePrecision(Object x) throws Refusal {
    if (x instanceof Float f) {
      return f;
    } else if (x instanceof Double d) {
      return d;
    }
    double d = exactNumber(x).doubleValue();
    if (Double.isInfinite(d)) {
      throw new Refusal("22003");
    }
    return d;
  }

  /** An exact value that a Spark DECIMAL (38 digits) holds, else 22003. */
  private static BigDecimal exact(Object x) throws Refusal {
    BigDecimal v = exactNumber(x);
    if ((long) v.precision() - v.scale() > 38) {
      throw new Refusal("22003");
    }
    if (v.scale() < 0) {
      v = v.setScale(0);
    }
    if (Math.max(v.precision(), v.scale()) > 38) {
      throw new Refusal("22003");
    }
    return v;
  }

  private static boolean bool(Object x) throws Refusal {
    if (x instanceof Boolean b) {
      return b;
    } else if (x instanceof Float f) {
      return f != 0; // NaN is not zero: true, as Spark's CAST(NaN AS BOOLEAN)
    } else if (x instanceof Double d) {
      return d != 0;
    } else if (x instanceof Number) {
      return exactNumber(x).signum() != 0;
    }
    return switch (x.toString().trim().toLowerCase(Locale.ROOT)) {
      case "true", "t", "yes", "y", "1" -> true;
      case "false", "f", "no", "n", "0" -> false;
      default -> throw new Refusal("22018");
    };
  }

  private static final Pattern DATE_TEXT = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}");
  private static final Pattern TIME_TEXT = Pattern.compile("\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?");
  private static final Pattern TIMESTAMP_TEXT =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?");

  /** The value's text: JDBC escape formats for dates and times, plain digits for BigDecimal. */
  private static ValueCheck text(Object x) {
    if (x instanceof java.sql.Date d) {
      return exactText(d.toLocalDate().toString());
    } else if (x instanceof Time t) {
      return rs -> assertTimeText(rs.getString(1), t.toLocalTime());
    } else if (x instanceof Timestamp t) {
      return rs -> assertTimestampText(rs.getString(1), t.toLocalDateTime());
    } else if (x instanceof Calendar c) {
      LocalDateTime wall = LocalDateTime.ofInstant(c.toInstant(), c.getTimeZone().toZoneId());
      return rs -> assertTimestampText(rs.getString(1), wall);
    } else if (x instanceof java.util.Date d) {
      LocalDateTime wall = LocalDateTime.ofInstant(d.toInstant(), JVM_ZONE);
      return rs -> assertTimestampText(rs.getString(1), wall);
    } else if (x instanceof LocalDate d) {
      return exactText(d.toString());
    } else if (x instanceof LocalTime t) {
      return rs -> assertTimeText(rs.getString(1), t);
    } else if (x instanceof LocalDateTime t) {
      return rs -> assertTimestampText(rs.getString(1), t);
    } else if (x instanceof BigDecimal d) {
      // plain digits, as Spark writes decimals; scientific only past a thousand zeros
      return exactText(Math.abs((long) d.scale()) > 1000 ? d.toString() : d.toPlainString());
    }
    return exactText(x.toString());
  }

  private static ValueCheck exactText(String expected) {
    return rs -> assertThat(rs.getString(1)).as("getString").isEqualTo(expected);
  }

  static void assertTimeText(String text, LocalTime expected) {
    assertThat(text).as("a time in the format hh:mm:ss[.f...]").matches(TIME_TEXT);
    assertThat(LocalTime.parse(text)).as("the time of %s", text).isEqualTo(expected);
  }

  static void assertTimestampText(String text, LocalDateTime expected) {
    assertThat(text)
        .as("a timestamp in the format yyyy-mm-dd hh:mm:ss[.f...]")
        .matches(TIMESTAMP_TEXT);
    assertThat(Timestamp.valueOf(text).toLocalDateTime())
        .as("the timestamp of %s", text)
        .isEqualTo(expected);
  }

  /** Text in {@code yyyy-[m]m-[d]d} only: anything else is 22007. */
  private static LocalDate dateText(String s) throws Refusal {
    String t = s.trim();
    if (!DATE_TEXT.matcher(t).matches()) {
      throw new Refusal("22007");
    }
    try {
      return java.sql.Date.valueOf(t).toLocalDate();
    } catch (IllegalArgumentException e) {
      throw new Refusal("22007");
    }
  }

  /** Text in {@code hh:mm:ss[.f...]} only: anything else is 22007. */
  private static LocalTime timeText(String s) throws Refusal {
    String t = s.trim();
    if (!TIME_TEXT.matcher(t).matches()) {
      throw new Refusal("22007");
    }
    try {
      return LocalTime.parse(t);
    } catch (RuntimeException e) {
      throw new Refusal("22007");
    }
  }

  /** Text in {@code yyyy-[m]m-[d]d hh:mm:ss[.f...]} only: anything else is 22007. */
  private static LocalDateTime timestampText(String s) throws Refusal {
    String t = s.trim();
    if (!t.contains(" ")) {
      throw new Refusal("22007");
    }
    try {
      return Timestamp.valueOf(t).toLocalDateTime();
    } catch (IllegalArgumentException e) {
      throw new Refusal("22007");
    }
  }

  /** The wall clock of a date-time value: the JVM's zone, or a Calendar's own. */
  private static LocalDateTime wallClock(Object x) {
    if (x instanceof Timestamp t) {
      return t.toLocalDateTime();
    } else if (x instanceof Calendar c) {
      return LocalDateTime.ofInstant(c.toInstant(), c.getTimeZone().toZoneId());
    } else if (x instanceof java.util.Date d) {
      return LocalDateTime.ofInstant(d.toInstant(), JVM_ZONE);
    } else if (x instanceof LocalDateTime t) {
      return t;
    }
    throw new AssertionError("no wall clock for " + x);
  }

  private static LocalDate localDate(Object x) throws Refusal {
    if (x instanceof String || x instanceof Character) {
      return dateText(x.toString());
    } else if (x instanceof java.sql.Date d) {
      return d.toLocalDate();
    } else if (x instanceof LocalDate d) {
      return d;
    }
    return wallClock(x).toLocalDate();
  }

  private static LocalTime localTime(Object x) throws Refusal {
    if (x instanceof String || x instanceof Character) {
      return timeText(x.toString());
    } else if (x instanceof Time t) {
      return t.toLocalTime();
    } else if (x instanceof LocalTime t) {
      return t;
    }
    return wallClock(x).toLocalTime();
  }

  /** The instant: the value's own, or its wall clock in the JVM's zone (as setTimestamp). */
  private static Instant instant(Object x) throws Refusal {
    if (x instanceof String || x instanceof Character) {
      return timestampText(x.toString()).atZone(JVM_ZONE).toInstant();
    } else if (x instanceof java.sql.Date d) {
      return d.toLocalDate().atStartOfDay(JVM_ZONE).toInstant();
    } else if (x instanceof Time t) {
      return t.toLocalTime().atDate(LocalDate.EPOCH).atZone(JVM_ZONE).toInstant();
    } else if (x instanceof Timestamp t) {
      return t.toInstant();
    } else if (x instanceof Calendar c) {
      return c.toInstant();
    } else if (x instanceof java.util.Date d) {
      return d.toInstant();
    } else if (x instanceof LocalDateTime t) {
      return t.atZone(JVM_ZONE).toInstant();
    } else if (x instanceof OffsetDateTime t) {
      return t.toInstant();
    } else if (x instanceof ZonedDateTime t) {
      return t.toInstant();
    } else if (x instanceof Instant i) {
      return i;
    }
    throw new AssertionError("no instant for " + x);
  }

  // =====================================================================================
  // The tests

  private Connection connection;
  private PreparedStatement select;

  @BeforeAll
  void connect(SparkConnectServer server) throws SQLException {
    connection = DriverManager.getConnection(server.url());
    select = connection.prepareStatement("SELECT ? AS v");
  }

  @AfterAll
  void disconnect() throws SQLException {
    connection.close();
  }

  @FunctionalInterface
  interface Binder {
    void bind(PreparedStatement p) throws SQLException;
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("pairs")
  void setObjectWithTargetType(Sample sample, JDBCType target) throws Exception {
    Expected expected = expected(sample, target);
    Object x = sample.value();
    verify(
        expected,
        x,
        "setObject(i, " + sample + ", Types." + target + ")",
        p -> p.setObject(1, x, target.getVendorTypeNumber()));
    verify(
        expected,
        x,
        "setObject(i, " + sample + ", JDBCType." + target + ")",
        p -> p.setObject(1, x, target));
  }

  private void verify(Expected expected, Object x, String call, Binder binder) throws SQLException {
    if (expected instanceof AsSetObject) {
      Outcome plain = outcome(p -> p.setObject(1, x));
      Outcome typed = outcome(binder);
      assertThat(typed).as("%s gives what setObject(i, x) gives", call).isEqualTo(plain);
      return;
    }
    if (expected instanceof Refused r) {
      SQLException thrown = null;
      try {
        binder.bind(select);
        try (ResultSet rs = select.executeQuery()) {
          rs.next();
          fail(
              "%s: expected SQLSTATE %s, but it bound and answered %s (%s)",
              call, r.sqlState(), rs.getString(1), rs.getMetaData().getColumnTypeName(1));
        }
      } catch (SQLException e) {
        thrown = e;
      } catch (RuntimeException e) {
        throw new AssertionError(call + ": threw a RuntimeException, not an SQLException", e);
      }
      assertThat(thrown.getSQLState())
          .as("%s: SQLSTATE of %s", call, thrown)
          .isEqualTo(r.sqlState());
      if (r.sqlState().equals("0A000")) {
        assertThat((Throwable) thrown).as(call).isInstanceOf(SQLFeatureNotSupportedException.class);
      }
      return;
    }
    Converted c = (Converted) expected;
    try {
      binder.bind(select);
    } catch (SQLException e) {
      throw new AssertionError(call + ": expected " + c.what() + " but bind threw " + e, e);
    } catch (RuntimeException e) {
      throw new AssertionError(
          call + ": expected " + c.what() + " but threw a RuntimeException: " + e, e);
    }
    try (ResultSet rs = select.executeQuery()) {
      assertThat(rs.next()).isTrue();
      if (c.columnType() != null) {
        assertThat(JDBCType.valueOf(rs.getMetaData().getColumnType(1)))
            .as("%s: column type (%s)", call, rs.getMetaData().getColumnTypeName(1))
            .isEqualTo(JDBCType.valueOf(c.columnType()));
      }
      try {
        c.check().verify(rs);
      } catch (AssertionError e) {
        throw new AssertionError(call + ": expected " + c.what() + ": " + e.getMessage(), e);
      }
      assertThat(rs.next()).isFalse();
    } catch (SQLException e) {
      throw new AssertionError(call + ": expected " + c.what() + " but execution threw " + e, e);
    }
  }

  /** What binding and running gave: an SQLSTATE, or the column's type and text. */
  record Outcome(String sqlState, Integer type, String typeName, String text) {}

  private Outcome outcome(Binder binder) throws SQLException {
    try {
      binder.bind(select);
      try (ResultSet rs = select.executeQuery()) {
        assertThat(rs.next()).isTrue();
        ResultSetMetaData md = rs.getMetaData();
        return new Outcome(null, md.getColumnType(1), md.getColumnTypeName(1), rs.getString(1));
      }
    } catch (SQLException e) {
      return new Outcome(e.getSQLState(), null, null, null);
    }
  }

  // ----- odd values against every target: SQLExceptions only -----

  static Stream<Arguments> oddValues() {
    return SetterFuzzTest.oddValues().stream().map(v -> Arguments.of(SetterFuzzTest.show(v), v));
  }

  /**
   * Values no conversion can hold (a BigDecimal of a billion digits, ten-thousand-digit integers,
   * NaN, dates of year 0 and 1000000, objects with no SQL mapping) set with every target, and with
   * a scale for DECIMAL and NUMERIC: a value or an SQLException with a SQLSTATE, never another
   * exception; the statement works afterwards.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("oddValues")
  void oddValuesGiveValuesOrSqlExceptions(String shown, Object x) throws SQLException {
    List<String> failures = new ArrayList<>();
    for (JDBCType t : JDBCType.values()) {
      tryOdd(
          failures,
          "setObject(" + shown + ", Types." + t + ")",
          p -> p.setObject(1, x, t.getVendorTypeNumber()));
      if (EXACT.contains(t)) {
        tryOdd(
            failures,
            "setObject(" + shown + ", Types." + t + ", 2)",
            p -> p.setObject(1, x, t.getVendorTypeNumber(), 2));
      }
    }
    select.setString(1, "still fine");
    try (ResultSet rs = select.executeQuery()) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("still fine");
    }
    assertThat(failures).isEmpty();
  }

  private void tryOdd(List<String> failures, String call, Binder binder) {
    long start = System.nanoTime();
    String outcome = "a value";
    try {
      binder.bind(select);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          rs.getObject(1);
          rs.getString(1);
        }
      }
    } catch (SQLException e) {
      outcome = SetterFuzzTest.describe(e);
      if (e.getSQLState() == null || e.getSQLState().length() != 5) {
        failures.add(call + ": an SQLException without a SQLSTATE: " + e);
      }
    } catch (RuntimeException | Error e) {
      outcome = SetterFuzzTest.describe(e);
      failures.add(call + ": threw " + outcome);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    if (millis > 5_000) {
      failures.add(call + ": took " + millis + " ms to give " + outcome);
    }
  }

  // ----- the issue's cases, spelled out -----

  @Test
  void bigDecimalOfAnyDigitsBecomesAFloatingPointNumber() throws SQLException {
    select.setObject(1, new BigDecimal("1.4E-45"), Types.FLOAT);
    try (ResultSet rs = select.executeQuery()) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getMetaData().getColumnType(1)).isEqualTo(Types.DOUBLE);
      assertThat(rs.getDouble(1)).isEqualTo(1.4E-45);
    }
    select.setObject(1, new BigDecimal("1.0E125"), Types.DOUBLE);
    try (ResultSet rs = select.executeQuery()) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getMetaData().getColumnType(1)).isEqualTo(Types.DOUBLE);
      assertThat(rs.getDouble(1)).isEqualTo(1.0E125);
    }
    select.setObject(1, new BigDecimal("1.4E-45"), Types.REAL);
    try (ResultSet rs = select.executeQuery()) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getMetaData().getColumnType(1)).isEqualTo(Types.REAL);
      assertThat(rs.getFloat(1)).isEqualTo(Float.MIN_VALUE);
    }
  }

  /**
   * A JDBC TIME goes as its text, which getString gives back as {@code hh:mm:ss[.f...]}: the
   * seconds are there even when they are zero.
   */
  @Test
  void timeTextAlwaysHasSeconds() throws SQLException {
    List<Binder> binders =
        List.of(
            p -> p.setTime(1, Time.valueOf("13:45:00")),
            p -> p.setTime(1, Time.valueOf("00:00:00"), Calendar.getInstance()),
            p -> p.setObject(1, Time.valueOf("13:45:00")),
            p -> p.setObject(1, LocalTime.of(13, 45)),
            p -> p.setObject(1, LocalTime.of(13, 45), Types.TIME),
            p -> p.setObject(1, LocalTime.MIDNIGHT, JDBCType.TIME),
            p -> p.setObject(1, LocalDateTime.of(2024, 2, 29, 13, 45), Types.TIME),
            p -> p.setObject(1, Timestamp.valueOf("2024-02-29 13:45:00"), Types.TIME));
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < binders.size(); i++) {
      binders.get(i).bind(select);
      try (ResultSet rs = select.executeQuery()) {
        assertThat(rs.next()).isTrue();
        String text = rs.getString(1);
        if (!TIME_TEXT.matcher(text).matches()) {
          wrong.add("binding #" + (i + 1) + " gave '" + text + "'");
        }
      }
    }
    assertThat(wrong).as("times read back as hh:mm:ss[.f...]").isEmpty();
  }

  // ----- setObject(x, DECIMAL/NUMERIC, scale) -----

  static Stream<Arguments> scaledDecimals() {
    return Stream.of(
        Arguments.of(new BigDecimal("2.345"), DECIMAL, 2, "2.35"),
        Arguments.of(new BigDecimal("-2.345"), NUMERIC, 2, "-2.35"),
        Arguments.of(new BigDecimal("2.344"), DECIMAL, 2, "2.34"),
        Arguments.of(new BigDecimal("12"), DECIMAL, 3, "12.000"),
        Arguments.of(2.5d, DECIMAL, 0, "3"),
        Arguments.of(-2.5d, NUMERIC, 0, "-3"),
        Arguments.of(1.25f, DECIMAL, 1, "1.3"),
        Arguments.of(7, NUMERIC, 3, "7.000"),
        Arguments.of(Long.MAX_VALUE, DECIMAL, 0, "9223372036854775807"),
        Arguments.of("1.005", DECIMAL, 2, "1.01"),
        Arguments.of(" -0.5 ", DECIMAL, 0, "-1"),
        Arguments.of(true, DECIMAL, 2, "1.00"),
        Arguments.of(
            new BigDecimal("0.00000000000000000000000000000000000000001"),
            DECIMAL,
            38,
            "0.00000000000000000000000000000000000000"));
  }

  @ParameterizedTest(name = "{0} -> {1}({2})")
  @MethodSource("scaledDecimals")
  void setObjectWithDecimalScaleRoundsHalfUp(Object x, JDBCType target, int scale, String expected)
      throws SQLException {
    BigDecimal want = new BigDecimal(expected);
    for (Binder b :
        List.<Binder>of(
            p -> p.setObject(1, x, target.getVendorTypeNumber(), scale),
            p -> p.setObject(1, x, target, scale))) {
      b.bind(select);
      try (ResultSet rs = select.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getMetaData().getColumnType(1)).isEqualTo(Types.DECIMAL);
        assertThat(rs.getMetaData().getScale(1)).as("scale").isEqualTo(scale);
        assertThat(rs.getBigDecimal(1)).as("getBigDecimal, scale included").isEqualTo(want);
      }
    }
  }

  /** The scale argument means nothing to other targets (JDBC: "ignored"). */
  @Test
  void scaleIsIgnoredForOtherTargets() throws SQLException {
    select.setObject(1, "abcdef", Types.VARCHAR, 2);
    try (ResultSet rs = select.executeQuery()) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("abcdef");
    }
    select.setObject(1, "42", Types.INTEGER, 5);
    try (ResultSet rs = select.executeQuery()) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getMetaData().getColumnType(1)).isEqualTo(Types.INTEGER);
      assertThat(rs.getInt(1)).isEqualTo(42);
    }
    select.setObject(1, 2.75d, JDBCType.DOUBLE, 0);
    try (ResultSet rs = select.executeQuery()) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getDouble(1)).isEqualTo(2.75d);
    }
  }

  // ----- setNull with every JDBC type -----

  /**
   * docs/types.md, "JDBC types as Spark types": the Spark type (as getColumnTypeName names it) of a
   * NULL set with each JDBC type; VOID for an untyped NULL; absent: refused with 0A000.
   */
  static final Map<JDBCType, String> SET_NULL_TYPES = new EnumMap<>(JDBCType.class);

  static {
    SET_NULL_TYPES.put(BIT, "BOOLEAN");
    SET_NULL_TYPES.put(TINYINT, "TINYINT");
    SET_NULL_TYPES.put(SMALLINT, "SMALLINT");
    SET_NULL_TYPES.put(INTEGER, "INT");
    SET_NULL_TYPES.put(BIGINT, "BIGINT");
    SET_NULL_TYPES.put(FLOAT, "DOUBLE");
    SET_NULL_TYPES.put(REAL, "FLOAT");
    SET_NULL_TYPES.put(DOUBLE, "DOUBLE");
    SET_NULL_TYPES.put(NUMERIC, "DECIMAL(38,18)");
    SET_NULL_TYPES.put(DECIMAL, "DECIMAL(38,18)");
    SET_NULL_TYPES.put(CHAR, "STRING");
    SET_NULL_TYPES.put(VARCHAR, "STRING");
    SET_NULL_TYPES.put(LONGVARCHAR, "STRING");
    SET_NULL_TYPES.put(DATE, "DATE");
    SET_NULL_TYPES.put(TIME, "STRING");
    SET_NULL_TYPES.put(TIMESTAMP, "TIMESTAMP");
    SET_NULL_TYPES.put(BINARY, "BINARY");
    SET_NULL_TYPES.put(VARBINARY, "BINARY");
    SET_NULL_TYPES.put(LONGVARBINARY, "BINARY");
    SET_NULL_TYPES.put(NULL, "VOID");
    SET_NULL_TYPES.put(OTHER, "VOID");
    SET_NULL_TYPES.put(JAVA_OBJECT, "VOID");
    SET_NULL_TYPES.put(STRUCT, "VOID");
    SET_NULL_TYPES.put(ARRAY, "VOID");
    SET_NULL_TYPES.put(BLOB, "BINARY");
    SET_NULL_TYPES.put(CLOB, "STRING");
    SET_NULL_TYPES.put(BOOLEAN, "BOOLEAN");
    SET_NULL_TYPES.put(NCHAR, "STRING");
    SET_NULL_TYPES.put(NVARCHAR, "STRING");
    SET_NULL_TYPES.put(LONGNVARCHAR, "STRING");
    SET_NULL_TYPES.put(JDBCType.NCLOB, "STRING");
    SET_NULL_TYPES.put(SQLXML, "STRING");
    SET_NULL_TYPES.put(TIMESTAMP_WITH_TIMEZONE, "TIMESTAMP");
  }

  /** What a column of each Spark type reports (docs/types.md, the type table). */
  private static int columnTypeOf(String sparkType) {
    return switch (sparkType) {
      case "BOOLEAN" -> Types.BOOLEAN;
      case "TINYINT" -> Types.TINYINT;
      case "SMALLINT" -> Types.SMALLINT;
      case "INT" -> Types.INTEGER;
      case "BIGINT" -> Types.BIGINT;
      case "FLOAT" -> Types.REAL;
      case "DOUBLE" -> Types.DOUBLE;
      case "DECIMAL(38,18)" -> Types.DECIMAL;
      case "STRING" -> Types.VARCHAR;
      case "DATE" -> Types.DATE;
      case "TIMESTAMP" -> Types.TIMESTAMP;
      case "BINARY" -> Types.VARBINARY;
      case "VOID" -> Types.NULL;
      default -> throw new AssertionError(sparkType);
    };
  }

  static Stream<JDBCType> jdbcTypes() {
    return Arrays.stream(JDBCType.values());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jdbcTypes")
  void setNullWithEveryJdbcType(JDBCType type) throws SQLException {
    String spark = SET_NULL_TYPES.get(type);
    if (spark == null) {
      try {
        select.setNull(1, type.getVendorTypeNumber());
        select.executeQuery().close();
        fail("setNull(i, Types.%s): expected SQLSTATE 0A000, but it ran", type);
      } catch (SQLException e) {
        assertThat(e.getSQLState()).as("SQLSTATE of %s", e).isEqualTo("0A000");
        assertThat((Throwable) e).isInstanceOf(SQLFeatureNotSupportedException.class);
      }
      return;
    }
    select.setNull(1, type.getVendorTypeNumber());
    try (ResultSet rs = select.executeQuery()) {
      assertThat(rs.next()).isTrue();
      ResultSetMetaData md = rs.getMetaData();
      String name = spark.startsWith("DECIMAL") ? "DECIMAL" : spark;
      assertThat(md.getColumnTypeName(1)).as("getColumnTypeName").isEqualTo(name);
      assertThat(md.getColumnType(1)).as("getColumnType").isEqualTo(columnTypeOf(spark));
      if (spark.startsWith("DECIMAL")) {
        assertThat(md.getPrecision(1)).as("precision").isEqualTo(38);
        assertThat(md.getScale(1)).as("scale").isEqualTo(18);
      }
      assertThat(rs.getObject(1)).isNull();
      assertThat(rs.wasNull()).isTrue();
    }
  }

  // =====================================================================================
  // Values of the java.sql interfaces, made here (the JDK has Serial* classes for some)

  static SerialBlob blob(byte[] bytes) {
    try {
      return new SerialBlob(bytes);
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  static SerialClob clob(String text) {
    try {
      return new SerialClob(text.toCharArray());
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  static URL url(String text) {
    try {
      return new URL(text);
    } catch (MalformedURLException e) {
      throw new AssertionError(e);
    }
  }

  /** An ARRAY of INT, as another library's {@code java.sql.Array} would hold one. */
  static final class IntArray implements Array {
    private final Object[] elements;

    IntArray(Object... elements) {
      this.elements = elements;
    }

    @Override
    public String getBaseTypeName() {
      return "INT";
    }

    @Override
    public int getBaseType() {
      return Types.INTEGER;
    }

    @Override
    public Object getArray() {
      return elements.clone();
    }

    @Override
    public Object getArray(Map<String, Class<?>> map) {
      return getArray();
    }

    @Override
    public Object getArray(long index, int count) {
      return Arrays.copyOfRange(elements, (int) index - 1, (int) index - 1 + count);
    }

    @Override
    public Object getArray(long index, int count, Map<String, Class<?>> map) {
      return getArray(index, count);
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public ResultSet getResultSet(Map<String, Class<?>> map) throws SQLException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public ResultSet getResultSet(long index, int count) throws SQLException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public ResultSet getResultSet(long index, int count, Map<String, Class<?>> map)
        throws SQLException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public void free() {}

    @Override
    public String toString() {
      return Arrays.toString(elements);
    }
  }

  /** A STRUCT with one INT attribute. */
  static final class OneStruct implements Struct {
    @Override
    public String getSQLTypeName() {
      return "STRUCT<a: INT>";
    }

    @Override
    public Object[] getAttributes() {
      return new Object[] {1};
    }

    @Override
    public Object[] getAttributes(Map<String, Class<?>> map) {
      return getAttributes();
    }

    @Override
    public String toString() {
      return "Struct{a=1}";
    }
  }

  /** A REF to nothing in particular. */
  static final class SomeRef implements java.sql.Ref {
    @Override
    public String getBaseTypeName() {
      return "INT";
    }

    @Override
    public Object getObject(Map<String, Class<?>> map) {
      return 1;
    }

    @Override
    public Object getObject() {
      return 1;
    }

    @Override
    public void setObject(Object value) {}

    @Override
    public String toString() {
      return "Ref";
    }
  }

  /** A ROWID of three bytes. */
  static final class SomeRowId implements RowId {
    @Override
    public byte[] getBytes() {
      return new byte[] {1, 2, 3};
    }

    @Override
    public String toString() {
      return "RowId[1, 2, 3]";
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof SomeRowId;
    }

    @Override
    public int hashCode() {
      return 1;
    }
  }

  /** An SQLXML document given as text. */
  static final class SomeXml implements java.sql.SQLXML {
    final String text;

    SomeXml(String text) {
      this.text = Objects.requireNonNull(text);
    }

    @Override
    public void free() {}

    @Override
    public InputStream getBinaryStream() {
      return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public OutputStream setBinaryStream() throws SQLException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public Reader getCharacterStream() {
      return new StringReader(text);
    }

    @Override
    public Writer setCharacterStream() throws SQLException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public String getString() {
      return text;
    }

    @Override
    public void setString(String value) throws SQLException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T extends Source> T getSource(Class<T> sourceClass) throws SQLException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T extends Result> T setResult(Class<T> resultClass) throws SQLException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public String toString() {
      return "SQLXML " + text;
    }
  }
}
