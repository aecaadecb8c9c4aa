package dev.sparkjdbc.jdbc.statement;

import dev.sparkjdbc.jdbc.errors.SqlErrors;
import dev.sparkjdbc.jdbc.errors.SqlState;
import dev.sparkjdbc.proto.Expression;
import dev.sparkjdbc.types.TextValues;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.JDBCType;
import java.sql.Ref;
import java.sql.RowId;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Struct;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Calendar;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code setObject(i, x, targetSqlType)}: the value converted on the client to the JDBC type asked
 * for, by JDBC 4.3's table B-5 of the conversions setObject performs. The pairs the table allows
 * convert here (a number for a FLOAT target becomes a floating-point literal, whatever its digits;
 * a string for a DATE target is read in the JDBC escape format {@code yyyy-[m]m-[d]d}); a pair it
 * does not allow is SQLSTATE 22018; a target with no Spark counterpart (REF, ROWID, DATALINK…) is
 * 0A000. The table is the data below, one line per kind of Java value.
 */
final class TargetConversions {
  /** The kinds of Java value B-5 has a row for. */
  private enum Source {
    TEXT,
    NUMBER,
    BOOLEAN,
    BYTES,
    BIG_INTEGER,
    SQL_DATE,
    SQL_TIME,
    SQL_TIMESTAMP,
    ARRAY,
    BLOB,
    CLOB,
    NCLOB,
    STRUCT,
    REF,
    URL,
    ROW_ID,
    SQL_XML,
    CALENDAR,
    UTIL_DATE,
    LOCAL_DATE,
    LOCAL_TIME,
    LOCAL_DATE_TIME,
    OFFSET_TIME,
    OFFSET_DATE_TIME,
    OTHER
  }

  private static final Set<JDBCType> INTEGRAL =
      EnumSet.of(JDBCType.TINYINT, JDBCType.SMALLINT, JDBCType.INTEGER, JDBCType.BIGINT);
  private static final Set<JDBCType> FLOATING =
      EnumSet.of(JDBCType.REAL, JDBCType.FLOAT, JDBCType.DOUBLE);
  private static final Set<JDBCType> EXACT = EnumSet.of(JDBCType.DECIMAL, JDBCType.NUMERIC);
  private static final Set<JDBCType> BOOL = EnumSet.of(JDBCType.BIT, JDBCType.BOOLEAN);
  private static final Set<JDBCType> CHARS =
      EnumSet.of(
          JDBCType.CHAR,
          JDBCType.VARCHAR,
          JDBCType.LONGVARCHAR,
          JDBCType.NCHAR,
          JDBCType.NVARCHAR,
          JDBCType.LONGNVARCHAR);
  private static final Set<JDBCType> BINS =
      EnumSet.of(JDBCType.BINARY, JDBCType.VARBINARY, JDBCType.LONGVARBINARY);

  /**
   * Every target the value's own type answers for: the value goes as {@code setObject(x)} would
   * send it.
   */
  private static final Set<JDBCType> VALUE_DECIDES =
      EnumSet.of(JDBCType.JAVA_OBJECT, JDBCType.OTHER, JDBCType.NULL);

  /** Table B-5: the targets each kind of value converts to (beside {@link #VALUE_DECIDES}). */
  private static final Map<Source, Set<JDBCType>> ALLOWED = new EnumMap<>(Source.class);

  static {
    allow(Source.TEXT, INTEGRAL, FLOATING, EXACT, BOOL, CHARS, BINS, dateTime());
    allow(Source.NUMBER, INTEGRAL, FLOATING, EXACT, BOOL, CHARS);
    allow(Source.BOOLEAN, INTEGRAL, FLOATING, EXACT, BOOL, CHARS);
    allow(Source.BYTES, BINS);
    allow(Source.BIG_INTEGER, EnumSet.of(JDBCType.BIGINT), CHARS);
    allow(Source.SQL_DATE, CHARS, EnumSet.of(JDBCType.DATE, JDBCType.TIMESTAMP));
    allow(Source.SQL_TIME, CHARS, EnumSet.of(JDBCType.TIME, JDBCType.TIMESTAMP));
    allow(Source.SQL_TIMESTAMP, CHARS, dateTime());
    allow(Source.ARRAY, EnumSet.of(JDBCType.ARRAY));
    allow(Source.BLOB, EnumSet.of(JDBCType.BLOB));
    allow(Source.CLOB, EnumSet.of(JDBCType.CLOB));
    allow(Source.NCLOB, EnumSet.of(JDBCType.NCLOB));
    allow(Source.STRUCT, EnumSet.of(JDBCType.STRUCT));
    allow(Source.REF, EnumSet.of(JDBCType.REF));
    allow(Source.URL, EnumSet.of(JDBCType.DATALINK));
    allow(Source.ROW_ID, EnumSet.of(JDBCType.ROWID));
    allow(Source.SQL_XML, EnumSet.of(JDBCType.SQLXML));
    allow(Source.CALENDAR, CHARS, dateTime());
    allow(Source.UTIL_DATE, CHARS, dateTime());
    allow(Source.LOCAL_DATE, CHARS, EnumSet.of(JDBCType.DATE));
    allow(Source.LOCAL_TIME, CHARS, EnumSet.of(JDBCType.TIME));
    allow(Source.LOCAL_DATE_TIME, CHARS, dateTime());
    allow(Source.OFFSET_TIME, CHARS, EnumSet.of(JDBCType.TIME_WITH_TIMEZONE));
    allow(
        Source.OFFSET_DATE_TIME,
        CHARS,
        EnumSet.of(JDBCType.TIME_WITH_TIMEZONE, JDBCType.TIMESTAMP_WITH_TIMEZONE),
        // beyond B-5: an instant for Spark's TIMESTAMP, which is one
        EnumSet.of(JDBCType.TIMESTAMP));
    allow(Source.OTHER, EnumSet.noneOf(JDBCType.class));
  }

  /** JDBC's escape format for timestamps: {@code yyyy-mm-dd hh:mm:ss[.f…]}. */
  private static final DateTimeFormatter TIMESTAMP_TEXT =
      new DateTimeFormatterBuilder()
          .appendPattern("uuuu-MM-dd HH:mm:ss")
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .toFormatter();

  /** Text for a DATE target: {@code yyyy-[m]m-[d]d} and nothing else. */
  private static final DateTimeFormatter DATE_TEXT =
      DateTimeFormatter.ofPattern("uuuu-M-d").withResolverStyle(ResolverStyle.STRICT);

  /** Text for a TIME target: {@code hh:mm:ss[.f…]}. */
  private static final DateTimeFormatter TIME_TEXT_FORMAT =
      new DateTimeFormatterBuilder()
          .appendPattern("HH:mm:ss")
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
          .optionalEnd()
          .toFormatter()
          .withResolverStyle(ResolverStyle.STRICT);

  /** Text for a TIMESTAMP target: {@code yyyy-[m]m-[d]d hh:mm:ss[.f…]}. */
  private static final DateTimeFormatter TIMESTAMP_TEXT_FORMAT =
      new DateTimeFormatterBuilder()
          .appendPattern("uuuu-M-d HH:mm:ss")
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
          .optionalEnd()
          .toFormatter()
          .withResolverStyle(ResolverStyle.STRICT);

  private TargetConversions() {}

  private static Set<JDBCType> dateTime() {
    return EnumSet.of(JDBCType.DATE, JDBCType.TIME, JDBCType.TIMESTAMP);
  }

  @SafeVarargs
  private static void allow(Source source, Set<JDBCType>... targets) {
    Set<JDBCType> all = EnumSet.noneOf(JDBCType.class);
    for (Set<JDBCType> t : targets) {
      all.addAll(t);
    }
    ALLOWED.put(source, all);
  }

  /** True when B-5 (or the few additions above) lets {@code x} convert to {@code target}. */
  static boolean allowed(Object x, JDBCType target) {
    return VALUE_DECIDES.contains(target) || ALLOWED.get(source(x)).contains(target);
  }

  /**
   * {@code setObject(x, DECIMAL or NUMERIC, scale)}: the value as an exact number with that many
   * fraction digits, rounded half up.
   */
  static Expression convert(Object x, int targetSqlType, int scale) throws SQLException {
    JDBCType target = jdbcType(targetSqlType);
    if (!EXACT.contains(target) || !ALLOWED.get(source(x)).contains(target)) {
      return convert(x, targetSqlType);
    }
    if (scale < 0 || scale > 38) {
      throw new SQLDataException(
          "Scale " + scale + " is outside 0 to 38, the scales of a Spark DECIMAL",
          SqlState.DATA_OUT_OF_RANGE);
    }
    BigDecimal v = exact(x);
    long integerDigits = integerDigits(v);
    if (integerDigits > 38) {
      throw SqlErrors.outOfRange(v, "a Spark DECIMAL (38 digits)");
    }
    if (integerDigits < -scale) {
      // below half a unit of the last place: 0, without rescaling a tiny value digit by digit
      return ParameterLiterals.decimal(BigDecimal.ZERO.setScale(scale));
    }
    return ParameterLiterals.decimal(v.setScale(scale, RoundingMode.HALF_UP));
  }

  /**
   * Digits left of the point (negative for a value below 0.1), from precision and scale alone:
   * 1E+1000000000 must not make us compute ten to the billionth power.
   */
  private static long integerDigits(BigDecimal v) {
    return v.signum() == 0 ? 0 : (long) v.precision() - v.scale();
  }

  /** {@code x}, not null, converted to {@code targetSqlType}. */
  static Expression convert(Object x, int targetSqlType) throws SQLException {
    JDBCType target = jdbcType(targetSqlType);
    if (VALUE_DECIDES.contains(target)) {
      return ParameterLiterals.object(x);
    }
    if (!ALLOWED.get(source(x)).contains(target)) {
      throw SqlErrors.cannotConvert(
          "Java " + x.getClass().getName(), "the JDBC type " + target.getName());
    }
    if (INTEGRAL.contains(target)) {
      return integral(exact(x), target);
    }
    if (FLOATING.contains(target)) {
      double d = floating(x);
      if (target != JDBCType.REAL) {
        return ParameterLiterals.doublePrecision(d);
      }
      if (Double.isFinite(d) && Math.abs(d) > Float.MAX_VALUE) {
        throw SqlErrors.outOfRange(d, "REAL");
      }
      return ParameterLiterals.real((float) d);
    }
    if (EXACT.contains(target)) {
      return ParameterLiterals.decimal(exact(x));
    }
    if (BOOL.contains(target)) {
      return ParameterLiterals.bool(bool(x));
    }
    if (CHARS.contains(target)) {
      return ParameterLiterals.string(text(x));
    }
    if (BINS.contains(target)) {
      return ParameterLiterals.binary(
          x instanceof byte[] b ? b : x.toString().getBytes(StandardCharsets.UTF_8));
    }
    return switch (target) {
      case DATE -> ParameterLiterals.date(localDateTime(x, DATE_TEXT).toLocalDate());
      case TIME -> ParameterLiterals.time(localDateTime(x, TIME_TEXT_FORMAT).toLocalTime());
      case TIMESTAMP, TIMESTAMP_WITH_TIMEZONE -> ParameterLiterals.instant(instant(x));
      case ARRAY -> ParameterLiterals.object(x);
      case BLOB -> ParameterLiterals.binary(LobContents.bytes((Blob) x));
      case CLOB, NCLOB -> ParameterLiterals.string(LobContents.text((Clob) x));
      case SQLXML -> ParameterLiterals.string(((SQLXML) x).getString());
      default ->
          throw SqlErrors.unsupported(
              "setObject to the JDBC type " + target.getName() + " (Spark has no such type)");
    };
  }

  private static JDBCType jdbcType(int code) throws SQLException {
    try {
      return JDBCType.valueOf(code);
    } catch (IllegalArgumentException e) {
      throw SqlErrors.unsupported("setObject to java.sql.Types " + code + " (no such JDBC type)");
    }
  }

  private static Source source(Object x) {
    if (x instanceof String || x instanceof Character) {
      return Source.TEXT;
    } else if (x instanceof Boolean) {
      return Source.BOOLEAN;
    } else if (x instanceof BigInteger) {
      return Source.BIG_INTEGER;
    } else if (x instanceof BigDecimal
        || x instanceof Byte
        || x instanceof Short
        || x instanceof Integer
        || x instanceof Long
        || x instanceof Float
        || x instanceof Double) {
      return Source.NUMBER;
    } else if (x instanceof byte[]) {
      return Source.BYTES;
    } else if (x instanceof Date) {
      return Source.SQL_DATE;
    } else if (x instanceof Time) {
      return Source.SQL_TIME;
    } else if (x instanceof Timestamp) {
      return Source.SQL_TIMESTAMP;
    } else if (x instanceof java.util.Date) {
      return Source.UTIL_DATE;
    } else if (x instanceof Calendar) {
      return Source.CALENDAR;
    } else if (x instanceof LocalDate) {
      return Source.LOCAL_DATE;
    } else if (x instanceof LocalTime) {
      return Source.LOCAL_TIME;
    } else if (x instanceof LocalDateTime) {
      return Source.LOCAL_DATE_TIME;
    } else if (x instanceof OffsetTime) {
      return Source.OFFSET_TIME;
    } else if (x instanceof OffsetDateTime || x instanceof ZonedDateTime || x instanceof Instant) {
      return Source.OFFSET_DATE_TIME;
    } else if (x instanceof Array) {
      return Source.ARRAY;
    } else if (x instanceof Blob) {
      return Source.BLOB;
    } else if (x instanceof java.sql.NClob) {
      return Source.NCLOB;
    } else if (x instanceof Clob) {
      return Source.CLOB;
    } else if (x instanceof Struct) {
      return Source.STRUCT;
    } else if (x instanceof Ref) {
      return Source.REF;
    } else if (x instanceof URL) {
      return Source.URL;
    } else if (x instanceof RowId) {
      return Source.ROW_ID;
    } else if (x instanceof SQLXML) {
      return Source.SQL_XML;
    }
    return Source.OTHER;
  }

  /** A number, boolean or numeric text as an exact value. */
  private static BigDecimal exact(Object x) throws SQLException {
    if (x instanceof BigDecimal d) {
      return d;
    } else if (x instanceof BigInteger i) {
      return new BigDecimal(i);
    } else if (x instanceof Boolean b) {
      return b ? BigDecimal.ONE : BigDecimal.ZERO;
    } else if (x instanceof Float || x instanceof Double) {
      double d = ((Number) x).doubleValue();
      if (!Double.isFinite(d)) {
        throw SqlErrors.outOfRange(d, "an exact number");
      }
      return x instanceof Float f ? new BigDecimal(Float.toString(f)) : BigDecimal.valueOf(d);
    } else if (x instanceof Number n) {
      return BigDecimal.valueOf(n.longValue());
    }
    String text = x.toString().trim();
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw notValid(text, "a number");
    }
  }

  /** The integer part, toward zero, as a literal of the target's width. */
  private static Expression integral(BigDecimal value, JDBCType target) throws SQLException {
    long digits = integerDigits(value);
    if (digits > 20) {
      throw SqlErrors.outOfRange(shortText(value), target.getName());
    }
    BigInteger whole =
        digits <= 0 ? BigInteger.ZERO : value.setScale(0, RoundingMode.DOWN).toBigIntegerExact();
    int bits =
        switch (target) {
          case TINYINT -> 8;
          case SMALLINT -> 16;
          case INTEGER -> 32;
          default -> 64;
        };
    if (whole.bitLength() >= bits) {
      throw SqlErrors.outOfRange(shortText(value), target.getName());
    }
    long v = whole.longValue();
    return switch (target) {
      case TINYINT -> ParameterLiterals.tinyint((byte) v);
      case SMALLINT -> ParameterLiterals.smallint((short) v);
      case INTEGER -> ParameterLiterals.integer((int) v);
      default -> ParameterLiterals.bigint(v);
    };
  }

  private static double floating(Object x) throws SQLException {
    if (x instanceof Number n && !(x instanceof BigDecimal) && !(x instanceof BigInteger)) {
      return n.doubleValue(); // a float or double keeps its NaN and infinities
    } else if (x instanceof Boolean b) {
      return b ? 1 : 0;
    }
    double d;
    if (x instanceof BigDecimal v) {
      d = v.doubleValue();
    } else {
      String text = x.toString().trim();
      try {
        d = Double.parseDouble(text);
      } catch (NumberFormatException e) {
        throw notValid(text, "a floating-point number");
      }
      if (Double.isNaN(d) || text.toLowerCase(java.util.Locale.ROOT).contains("infinity")) {
        return d; // spelled out: NaN, Infinity
      }
    }
    if (Double.isInfinite(d)) {
      throw SqlErrors.outOfRange(shortText(x), "a DOUBLE");
    }
    return d;
  }

  private static boolean bool(Object x) throws SQLException {
    if (x instanceof Boolean b) {
      return b;
    } else if (x instanceof Float || x instanceof Double) {
      return ((Number) x).doubleValue() != 0; // NaN is not zero: true, as Spark's CAST says
    } else if (x instanceof Number) {
      return exact(x).signum() != 0;
    }
    Boolean b = TextValues.parseBoolean(x.toString());
    if (b == null) {
      throw notValid(x.toString(), "a boolean (true, false, t, f, yes, no, y, n, 1, 0)");
    }
    return b;
  }

  /** The value's text: the JDBC escape formats for dates and times, plain digits for decimals. */
  private static String text(Object x) throws SQLException {
    if (x instanceof BigDecimal d) {
      return decimalText(d);
    } else if (x instanceof Time || x instanceof LocalTime) {
      return ParameterLiterals.timeText(localDateTime(x).toLocalTime());
    } else if (x instanceof Date || x instanceof LocalDate) {
      return localDateTime(x).toLocalDate().toString();
    } else if (x instanceof java.util.Date || x instanceof Calendar || x instanceof LocalDateTime) {
      return TIMESTAMP_TEXT.format(localDateTime(x));
    }
    return x.toString();
  }

  /**
   * A decimal's plain digits, as Spark's CAST(decimal AS STRING) writes them; scientific notation
   * only where plain digits would run past a thousand zeros (1E+1000000000).
   */
  static String decimalText(BigDecimal d) {
    return Math.abs((long) d.scale()) > 1000 ? d.toString() : d.toPlainString();
  }

  private static String shortText(Object x) {
    return shorten(x instanceof BigDecimal d ? decimalText(d) : x.toString());
  }

  /** A date-time value, or its text in the JDBC escape format of the target. */
  private static LocalDateTime localDateTime(Object x, DateTimeFormatter textFormat)
      throws SQLException {
    if (x instanceof String || x instanceof Character) {
      String text = x.toString().trim();
      try {
        java.time.temporal.TemporalAccessor t = textFormat.parse(text);
        return textFormat == DATE_TEXT
            ? LocalDate.from(t).atStartOfDay()
            : textFormat == TIME_TEXT_FORMAT
                ? LocalTime.from(t).atDate(LocalDate.EPOCH)
                : LocalDateTime.from(t);
      } catch (java.time.DateTimeException e) {
        throw new SQLDataException(
            "Cannot read '"
                + shorten(text)
                + "' as a "
                + (textFormat == DATE_TEXT
                    ? "DATE: expected the JDBC escape format yyyy-mm-dd"
                    : textFormat == TIME_TEXT_FORMAT
                        ? "TIME: expected the JDBC escape format hh:mm:ss[.f...]"
                        : "TIMESTAMP: expected the JDBC escape format yyyy-mm-dd hh:mm:ss[.f...]"),
            SqlState.INVALID_DATETIME_FORMAT);
      }
    }
    return localDateTime(x);
  }

  /** A date-time value as a wall clock of the JVM's zone (a Calendar's: of its own zone). */
  private static LocalDateTime localDateTime(Object x) throws SQLException {
    if (x instanceof Timestamp t) {
      return t.toLocalDateTime();
    } else if (x instanceof Date d) {
      return d.toLocalDate().atStartOfDay();
    } else if (x instanceof Time t) {
      return t.toLocalTime().atDate(LocalDate.EPOCH);
    } else if (x instanceof java.util.Date d) {
      return LocalDateTime.ofInstant(d.toInstant(), ZoneId.systemDefault());
    } else if (x instanceof Calendar c) {
      return LocalDateTime.ofInstant(c.toInstant(), c.getTimeZone().toZoneId());
    } else if (x instanceof LocalDate d) {
      return d.atStartOfDay();
    } else if (x instanceof LocalTime t) {
      return t.atDate(LocalDate.EPOCH);
    } else if (x instanceof LocalDateTime t) {
      return t;
    }
    throw SqlErrors.cannotConvert("Java " + x.getClass().getName(), "a date or time");
  }

  /** An instant: the value's own, or its wall clock in the JVM's zone (what setTimestamp does). */
  private static Instant instant(Object x) throws SQLException {
    if (x instanceof Timestamp t) {
      return t.toInstant();
    } else if (x instanceof OffsetDateTime t) {
      return t.toInstant();
    } else if (x instanceof ZonedDateTime t) {
      return t.toInstant();
    } else if (x instanceof Instant i) {
      return i;
    } else if (x instanceof Calendar c) {
      return c.toInstant();
    } else if (x instanceof java.util.Date d && !(x instanceof Date) && !(x instanceof Time)) {
      return d.toInstant();
    }
    return localDateTime(x, TIMESTAMP_TEXT_FORMAT).atZone(ZoneId.systemDefault()).toInstant();
  }

  private static SQLException notValid(String text, String what) {
    return new SQLDataException(
        "Cannot read '" + shorten(text) + "' as " + what, SqlState.INVALID_CAST);
  }

  private static String shorten(String text) {
    return text.length() > 50 ? text.substring(0, 50) + "..." : text;
  }
}
