package dev.sparkjdbc.tck.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sparkjdbc.tck.harness.ServerFeatures;
import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.MalformedURLException;
import java.net.URL;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Calendar;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code ResultSet} getter (by index) on a column of every Spark type. The allowed pairs are
 * JDBC 4.3's table B-6 plus the driver's documented additions (getString on every type, the
 * integral getters on ANSI intervals (months, microseconds), getObject(i, Class) for java.time
 * classes, getURL on character columns):
 *
 * <ul>
 *   <li>an allowed pair returns (a value that cannot be read as the target, such as getInt on
 *       'abc', is a data exception, SQLSTATE class 22; a value beyond the target's range 22003);
 *   <li>a pair B-6 does not allow is an SQLException with SQLSTATE 22018 or 0A000, never another
 *       exception.
 * </ul>
 *
 * Expected values for a few readings of each column are stated with the column.
 */
@ExtendWith(SparkConnectServerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GetterConversionsTest {
  /** The column types of table B-6, as Spark's types fall into them. */
  enum Family {
    BOOLEAN,
    NUMERIC,
    CHARACTER,
    BINARY,
    DATE,
    TIME,
    TIMESTAMP,
    ARRAY,
    /** INTERVAL YEAR TO MONTH: the integral getters give months. */
    YEAR_MONTH,
    /** INTERVAL DAY TO SECOND: the integral getters give microseconds. */
    DAY_TIME,
    /** MAP, STRUCT, VARIANT, calendar INTERVAL: getString and getObject only. */
    OTHER
  }

  /** What a getter reads the value as; text columns must hold such a value for it to succeed. */
  enum Reading {
    ANY,
    TEXT,
    INTEGRAL,
    FLOAT,
    DOUBLE,
    DECIMAL,
    BOOLEAN,
    BYTES,
    DATE,
    TIME,
    TIMESTAMP,
    ARRAY,
    URL,
    CHAR_STREAM,
    BYTE_STREAM
  }

  @FunctionalInterface
  interface Read {
    Object get(ResultSet rs) throws SQLException;
  }

  private static final Set<Family> ALL = EnumSet.allOf(Family.class);
  private static final Set<Family> NUMBERS =
      EnumSet.of(Family.BOOLEAN, Family.NUMERIC, Family.CHARACTER);

  /** The integral getters: numbers, and the count of months or microseconds of an interval. */
  private static final Set<Family> LONGS =
      EnumSet.of(
          Family.BOOLEAN, Family.NUMERIC, Family.CHARACTER, Family.YEAR_MONTH, Family.DAY_TIME);

  private static final Set<Family> BINARY = EnumSet.of(Family.BINARY);
  private static final Set<Family> DATES =
      EnumSet.of(Family.CHARACTER, Family.DATE, Family.TIMESTAMP);
  private static final Set<Family> TIMES =
      EnumSet.of(Family.CHARACTER, Family.TIME, Family.TIMESTAMP);
  private static final Set<Family> TIMESTAMPS =
      EnumSet.of(Family.CHARACTER, Family.DATE, Family.TIME, Family.TIMESTAMP);
  private static final Set<Family> STREAMS = EnumSet.of(Family.CHARACTER, Family.BINARY);
  private static final Set<Family> NONE = EnumSet.noneOf(Family.class);

  private static final Calendar TOKYO =
      Calendar.getInstance(TimeZone.getTimeZone("Asia/Tokyo"), Locale.ROOT);

  /**
   * Every getter by index. {@code checked}: its answer is compared with the column's expected value
   * for its reading (false where the answer depends on more than the value: a calendar, a scale).
   */
  enum Getter {
    GET_STRING("getString", Reading.TEXT, ALL, true, rs -> rs.getString(1)),
    GET_NSTRING("getNString", Reading.TEXT, ALL, true, rs -> rs.getNString(1)),
    GET_OBJECT("getObject", Reading.ANY, ALL, false, rs -> rs.getObject(1)),
    GET_OBJECT_MAP("getObject(i, {})", Reading.ANY, ALL, false, rs -> rs.getObject(1, Map.of())),
    GET_OBJECT_STRING(
        "getObject(i, String)", Reading.TEXT, ALL, true, rs -> rs.getObject(1, String.class)),
    GET_BOOLEAN("getBoolean", Reading.BOOLEAN, NUMBERS, true, rs -> rs.getBoolean(1)),
    GET_OBJECT_BOOLEAN(
        "getObject(i, Boolean)",
        Reading.BOOLEAN,
        NUMBERS,
        true,
        rs -> rs.getObject(1, Boolean.class)),
    GET_BYTE("getByte", Reading.INTEGRAL, LONGS, true, rs -> rs.getByte(1)),
    GET_SHORT("getShort", Reading.INTEGRAL, LONGS, true, rs -> rs.getShort(1)),
    GET_INT("getInt", Reading.INTEGRAL, LONGS, true, rs -> rs.getInt(1)),
    GET_OBJECT_INTEGER(
        "getObject(i, Integer)",
        Reading.INTEGRAL,
        LONGS,
        true,
        rs -> rs.getObject(1, Integer.class)),
    GET_LONG("getLong", Reading.INTEGRAL, LONGS, true, rs -> rs.getLong(1)),
    GET_FLOAT("getFloat", Reading.FLOAT, NUMBERS, true, rs -> rs.getFloat(1)),
    GET_DOUBLE("getDouble", Reading.DOUBLE, NUMBERS, true, rs -> rs.getDouble(1)),
    GET_OBJECT_DOUBLE(
        "getObject(i, Double)", Reading.DOUBLE, NUMBERS, true, rs -> rs.getObject(1, Double.class)),
    GET_BIG_DECIMAL("getBigDecimal", Reading.DECIMAL, NUMBERS, true, rs -> rs.getBigDecimal(1)),
    @SuppressWarnings("deprecation")
    GET_BIG_DECIMAL_SCALE(
        "getBigDecimal(i, 2)", Reading.DECIMAL, NUMBERS, false, rs -> rs.getBigDecimal(1, 2)),
    GET_OBJECT_BIG_DECIMAL(
        "getObject(i, BigDecimal)",
        Reading.DECIMAL,
        NUMBERS,
        true,
        rs -> rs.getObject(1, BigDecimal.class)),
    GET_BYTES("getBytes", Reading.BYTES, BINARY, true, rs -> rs.getBytes(1)),
    GET_OBJECT_BYTES(
        "getObject(i, byte[])", Reading.BYTES, BINARY, true, rs -> rs.getObject(1, byte[].class)),
    GET_BINARY_STREAM(
        "getBinaryStream", Reading.BYTE_STREAM, BINARY, true, rs -> bytes(rs.getBinaryStream(1))),
    GET_DATE("getDate", Reading.DATE, DATES, true, rs -> rs.getDate(1)),
    GET_DATE_CALENDAR("getDate(i, cal)", Reading.DATE, DATES, false, rs -> rs.getDate(1, TOKYO)),
    GET_OBJECT_DATE(
        "getObject(i, Date)", Reading.DATE, DATES, true, rs -> rs.getObject(1, Date.class)),
    GET_OBJECT_LOCAL_DATE(
        "getObject(i, LocalDate)",
        Reading.DATE,
        DATES,
        true,
        rs -> rs.getObject(1, LocalDate.class)),
    GET_TIME("getTime", Reading.TIME, TIMES, true, rs -> rs.getTime(1)),
    GET_TIME_CALENDAR("getTime(i, cal)", Reading.TIME, TIMES, false, rs -> rs.getTime(1, TOKYO)),
    GET_OBJECT_TIME(
        "getObject(i, Time)", Reading.TIME, TIMES, true, rs -> rs.getObject(1, Time.class)),
    GET_OBJECT_LOCAL_TIME(
        "getObject(i, LocalTime)",
        Reading.TIME,
        TIMES,
        true,
        rs -> rs.getObject(1, LocalTime.class)),
    GET_TIMESTAMP("getTimestamp", Reading.TIMESTAMP, TIMESTAMPS, true, rs -> rs.getTimestamp(1)),
    GET_TIMESTAMP_CALENDAR(
        "getTimestamp(i, cal)",
        Reading.TIMESTAMP,
        TIMESTAMPS,
        false,
        rs -> rs.getTimestamp(1, TOKYO)),
    GET_OBJECT_TIMESTAMP(
        "getObject(i, Timestamp)",
        Reading.TIMESTAMP,
        TIMESTAMPS,
        true,
        rs -> rs.getObject(1, Timestamp.class)),
    GET_OBJECT_LOCAL_DATE_TIME(
        "getObject(i, LocalDateTime)",
        Reading.TIMESTAMP,
        TIMESTAMPS,
        true,
        rs -> rs.getObject(1, LocalDateTime.class)),
    GET_ASCII_STREAM(
        "getAsciiStream", Reading.BYTE_STREAM, STREAMS, false, rs -> bytes(rs.getAsciiStream(1))),
    @SuppressWarnings("deprecation")
    GET_UNICODE_STREAM(
        "getUnicodeStream",
        Reading.BYTE_STREAM,
        STREAMS,
        false,
        rs -> bytes(rs.getUnicodeStream(1))),
    GET_CHARACTER_STREAM(
        "getCharacterStream",
        Reading.CHAR_STREAM,
        STREAMS,
        true,
        rs -> text(rs.getCharacterStream(1))),
    GET_NCHARACTER_STREAM(
        "getNCharacterStream",
        Reading.CHAR_STREAM,
        STREAMS,
        true,
        rs -> text(rs.getNCharacterStream(1))),
    GET_ARRAY("getArray", Reading.ARRAY, EnumSet.of(Family.ARRAY), true, rs -> rs.getArray(1)),
    GET_URL("getURL", Reading.URL, EnumSet.of(Family.CHARACTER), true, rs -> rs.getURL(1)),
    GET_BLOB("getBlob", Reading.ANY, NONE, false, rs -> rs.getBlob(1)),
    GET_CLOB("getClob", Reading.ANY, NONE, false, rs -> rs.getClob(1)),
    GET_NCLOB("getNClob", Reading.ANY, NONE, false, rs -> rs.getNClob(1)),
    GET_REF("getRef", Reading.ANY, NONE, false, rs -> rs.getRef(1)),
    GET_ROW_ID("getRowId", Reading.ANY, NONE, false, rs -> rs.getRowId(1)),
    GET_SQLXML("getSQLXML", Reading.ANY, NONE, false, rs -> rs.getSQLXML(1));

    final String label;
    final Reading reading;
    final Set<Family> allowed;
    final boolean checked;
    final Read read;

    Getter(String label, Reading reading, Set<Family> allowed, boolean checked, Read read) {
      this.label = label;
      this.reading = reading;
      this.allowed = allowed;
      this.checked = checked;
      this.read = read;
    }

    /** The inclusive range of an integral getter. */
    long min() {
      return switch (this) {
        case GET_BYTE -> Byte.MIN_VALUE;
        case GET_SHORT -> Short.MIN_VALUE;
        case GET_INT, GET_OBJECT_INTEGER -> Integer.MIN_VALUE;
        default -> Long.MIN_VALUE;
      };
    }

    long max() {
      return switch (this) {
        case GET_BYTE -> Byte.MAX_VALUE;
        case GET_SHORT -> Short.MAX_VALUE;
        case GET_INT, GET_OBJECT_INTEGER -> Integer.MAX_VALUE;
        default -> Long.MAX_VALUE;
      };
    }

    @Override
    public String toString() {
      return label;
    }
  }

  private static byte[] bytes(InputStream in) throws SQLException {
    if (in == null) {
      return null;
    }
    try (in) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new AssertionError("reading the stream", e);
    }
  }

  private static String text(Reader in) throws SQLException {
    if (in == null) {
      return null;
    }
    try (in) {
      StringWriter w = new StringWriter();
      in.transferTo(w);
      return w.toString();
    } catch (IOException e) {
      throw new AssertionError("reading the stream", e);
    }
  }

  /**
   * A column: its expression, its B-6 family, and what the checked readings must give (by reading;
   * for numeric readings {@code number} is the value, range-checked per getter).
   */
  record Column(
      String expression,
      Family family,
      BigDecimal number,
      String text,
      Map<Reading, Object> values) {
    @Override
    public String toString() {
      return expression;
    }
  }

  private static Column column(String expression, Family family, String number, Object... values) {
    Map<Reading, Object> map = new HashMap<>();
    for (int i = 0; i < values.length; i += 2) {
      map.put((Reading) values[i], values[i + 1]);
    }
    return new Column(
        expression, family, number == null ? null : new BigDecimal(number), null, map);
  }

  /** A character column holding {@code text}, which getString returns as it is. */
  private static Column text(String value) {
    return new Column(
        "'" + value + "'",
        Family.CHARACTER,
        null,
        value,
        Map.of(Reading.TEXT, value, Reading.CHAR_STREAM, value));
  }

  /** A character column of another expression, holding {@code text} (getString not checked). */
  private static Column text(String expression, String text) {
    return new Column(expression, Family.CHARACTER, null, text, Map.of());
  }

  static List<Column> columns() {
    LocalDateTime ntz = LocalDateTime.of(2024, 2, 29, 13, 45, 30, 123_456_000);
    return List.of(
        column("true", Family.BOOLEAN, "1", Reading.TEXT, "true"),
        column("false", Family.BOOLEAN, "0", Reading.TEXT, "false"),
        column("CAST(-7 AS TINYINT)", Family.NUMERIC, "-7", Reading.TEXT, "-7"),
        column("CAST(-300 AS SMALLINT)", Family.NUMERIC, "-300", Reading.TEXT, "-300"),
        column("CAST(70000 AS INT)", Family.NUMERIC, "70000", Reading.TEXT, "70000"),
        column(
            "CAST(3000000000 AS BIGINT)", Family.NUMERIC, "3000000000", Reading.TEXT, "3000000000"),
        column("CAST('1.5' AS FLOAT)", Family.NUMERIC, "1.5", Reading.TEXT, "1.5"),
        column("CAST('-2.25' AS DOUBLE)", Family.NUMERIC, "-2.25", Reading.TEXT, "-2.25"),
        column("CAST('1e10' AS DOUBLE)", Family.NUMERIC, "1e10", Reading.TEXT, "1.0E10"),
        column(
            "CAST('12.3400' AS DECIMAL(38,10))",
            Family.NUMERIC,
            "12.34",
            Reading.TEXT,
            "12.3400000000"),
        text("text 😀"),
        text("CAST('ab' AS CHAR(5))", "ab"),
        text("CAST('ab' AS VARCHAR(5))", "ab"),
        text("42"),
        text(" -7.9 "),
        text("300"),
        text("true"),
        text("1"),
        text("2024-02-29"),
        text("13:45:30"),
        text("2024-02-29 13:45:30.123"),
        text("https://example.com/a?b=1"),
        column(
            "X'CAFEBABE'",
            Family.BINARY,
            null,
            Reading.BYTES,
            new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE},
            Reading.BYTE_STREAM,
            new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE}),
        column(
            "DATE '2024-02-29'",
            Family.DATE,
            null,
            Reading.TEXT,
            "2024-02-29",
            Reading.DATE,
            LocalDate.of(2024, 2, 29),
            Reading.TIMESTAMP,
            LocalDateTime.of(2024, 2, 29, 0, 0)),
        column(
            "TIMESTAMP '2024-02-29 13:45:30.123456'",
            Family.TIMESTAMP,
            null,
            Reading.TEXT,
            "2024-02-29 13:45:30.123456"),
        column(
            "TIMESTAMP_NTZ '2024-02-29 13:45:30.123456'",
            Family.TIMESTAMP,
            null,
            Reading.TEXT,
            "2024-02-29 13:45:30.123456",
            Reading.DATE,
            ntz.toLocalDate(),
            Reading.TIME,
            ntz.toLocalTime().truncatedTo(ChronoUnit.SECONDS),
            Reading.TIMESTAMP,
            ntz),
        column(
            "TIME '13:45:30.123456'",
            Family.TIME,
            null,
            Reading.TEXT,
            "13:45:30.123456",
            Reading.TIME,
            LocalTime.of(13, 45, 30)),
        column(
            "INTERVAL '1-2' YEAR TO MONTH",
            Family.YEAR_MONTH,
            "14",
            Reading.TEXT,
            "INTERVAL '1-2' YEAR TO MONTH"),
        column(
            "INTERVAL '1 02:03:04.5' DAY TO SECOND",
            Family.DAY_TIME,
            "93784500000",
            Reading.TEXT,
            "INTERVAL '1 02:03:04.5' DAY TO SECOND"),
        column("make_interval(1, 2, 0, 3, 4, 5, 6.5)", Family.OTHER, null),
        column(
            "array(1, NULL, 3)",
            Family.ARRAY,
            null,
            Reading.TEXT,
            "[1, null, 3]",
            Reading.ARRAY,
            Arrays.asList(1, null, 3)),
        column("map('a', 1, 'b', NULL)", Family.OTHER, null, Reading.TEXT, "{a -> 1, b -> null}"),
        column("named_struct('a', 1, 'b', 'x')", Family.OTHER, null, Reading.TEXT, "{1, x}"),
        column("parse_json('{\"a\":[1,2]}')", Family.OTHER, null, Reading.TEXT, "{\"a\":[1,2]}"));
  }

  static Stream<Arguments> pairs() {
    return columns().stream()
        .flatMap(c -> Arrays.stream(Getter.values()).map(g -> Arguments.of(c, g)));
  }

  // =====================================================================================
  // Expected outcomes

  enum Outcome {
    /** Returns; the value is checked when the column states one for the reading. */
    VALUE,
    /** SQLException, SQLSTATE 22018 or 0A000: B-6 has no such pair. */
    REFUSED,
    /** SQLException with SQLSTATE 22003: beyond the getter's range. */
    OUT_OF_RANGE,
    /** SQLException with a data exception SQLSTATE (class 22): the text is no such value. */
    NOT_SUCH_VALUE,
    /**
     * Either a value or a data exception: text in another date/time format than the getter's (a
     * date's text for getTime), where the rules say nothing.
     */
    EITHER
  }

  private static final Pattern DATE_TEXT = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}");
  private static final Pattern TIME_TEXT = Pattern.compile("\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?");
  private static final Pattern TIMESTAMP_TEXT =
      Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2} \\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?");

  static Outcome expected(Column c, Getter g) {
    if (!g.allowed.contains(c.family())) {
      return Outcome.REFUSED;
    }
    if (c.family() == Family.CHARACTER) {
      return fromText(c.text(), g);
    }
    if (c.number() != null) {
      return inRange(c.number(), g);
    }
    return Outcome.VALUE;
  }

  private static Outcome inRange(BigDecimal v, Getter g) {
    return switch (g.reading) {
      case INTEGRAL -> {
        BigDecimal whole = v.setScale(0, RoundingMode.DOWN);
        yield whole.compareTo(BigDecimal.valueOf(g.min())) < 0
                || whole.compareTo(BigDecimal.valueOf(g.max())) > 0
            ? Outcome.OUT_OF_RANGE
            : Outcome.VALUE;
      }
      case FLOAT -> Float.isInfinite(v.floatValue()) ? Outcome.OUT_OF_RANGE : Outcome.VALUE;
      default -> Outcome.VALUE;
    };
  }

  private static Outcome fromText(String text, Getter g) {
    String t = text.trim();
    switch (g.reading) {
      case INTEGRAL, FLOAT, DOUBLE, DECIMAL, BOOLEAN -> {
        if (g.reading == Reading.BOOLEAN) {
          return textBoolean(t) == null ? Outcome.NOT_SUCH_VALUE : Outcome.VALUE;
        }
        BigDecimal v = textNumber(t);
        return v == null ? Outcome.NOT_SUCH_VALUE : inRange(v, g);
      }
      case DATE, TIME, TIMESTAMP -> {
        Pattern own =
            g.reading == Reading.DATE
                ? DATE_TEXT
                : g.reading == Reading.TIME ? TIME_TEXT : TIMESTAMP_TEXT;
        if (own.matcher(t).matches()) {
          return Outcome.VALUE;
        }
        boolean otherFormat =
            DATE_TEXT.matcher(t).matches()
                || TIME_TEXT.matcher(t).matches()
                || TIMESTAMP_TEXT.matcher(t).matches();
        return otherFormat ? Outcome.EITHER : Outcome.NOT_SUCH_VALUE;
      }
      case URL -> {
        try {
          new URL(t);
          return Outcome.VALUE;
        } catch (MalformedURLException e) {
          return Outcome.NOT_SUCH_VALUE;
        }
      }
      default -> {
        return Outcome.VALUE;
      }
    }
  }

  private static BigDecimal textNumber(String t) {
    try {
      return new BigDecimal(t);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Boolean textBoolean(String t) {
    return switch (t.toLowerCase(Locale.ROOT)) {
      case "true", "t", "yes", "y", "1" -> true;
      case "false", "f", "no", "n", "0" -> false;
      default -> null;
    };
  }

  /** What a checked reading of the column must give, or null when the column states nothing. */
  private static Object expectedValue(Column c, Getter g) {
    String text = c.text();
    BigDecimal number =
        c.number() != null
            ? c.number()
            : c.family() == Family.CHARACTER && text != null ? textNumber(text.trim()) : null;
    return switch (g.reading) {
      case INTEGRAL -> number == null ? null : number.setScale(0, RoundingMode.DOWN).longValue();
      case FLOAT -> number == null ? null : number.floatValue();
      case DOUBLE -> number == null ? null : number.doubleValue();
      case DECIMAL -> number;
      case BOOLEAN ->
          c.number() != null
              ? (Object) (c.number().signum() != 0)
              : text == null ? null : textBoolean(text.trim());
      case DATE ->
          c.family() == Family.CHARACTER && text != null && DATE_TEXT.matcher(text).matches()
              ? Date.valueOf(text).toLocalDate()
              : c.values().get(Reading.DATE);
      case TIME ->
          c.family() == Family.CHARACTER && text != null && TIME_TEXT.matcher(text).matches()
              ? LocalTime.parse(text).truncatedTo(ChronoUnit.SECONDS)
              : c.values().get(Reading.TIME);
      case TIMESTAMP ->
          c.family() == Family.CHARACTER && text != null && TIMESTAMP_TEXT.matcher(text).matches()
              ? Timestamp.valueOf(text).toLocalDateTime()
              : c.values().get(Reading.TIMESTAMP);
      case URL -> text;
      default -> c.values().get(g.reading);
    };
  }

  /** The answer of a getter in the form {@link #expectedValue} states it. */
  private static Object comparable(Getter g, Object answer) throws SQLException {
    if (answer == null) {
      return null;
    }
    return switch (g.reading) {
      case INTEGRAL -> ((Number) answer).longValue();
      case DECIMAL -> answer;
      case DATE -> answer instanceof Date d ? d.toLocalDate() : answer;
      case TIME ->
          answer instanceof Time t
              ? t.toLocalTime()
              : ((LocalTime) answer).truncatedTo(ChronoUnit.SECONDS);
      case TIMESTAMP -> answer instanceof Timestamp t ? t.toLocalDateTime() : answer;
      case ARRAY -> Arrays.asList((Object[]) ((Array) answer).getArray());
      case URL -> answer.toString();
      default -> answer;
    };
  }

  // =====================================================================================
  // The test

  private Connection connection;
  private Statement statement;
  private boolean timeType;

  @BeforeAll
  void connect(SparkConnectServer server) throws SQLException {
    connection = DriverManager.getConnection(server.url());
    statement = connection.createStatement();
    timeType = ServerFeatures.timeType(statement);
  }

  @AfterAll
  void disconnect() throws SQLException {
    connection.close();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("pairs")
  void getterOnSparkType(Column column, Getter getter) throws Exception {
    assumeTrue(timeType || column.family() != Family.TIME, "the server has no TIME type");
    Outcome outcome = expected(column, getter);
    try (ResultSet rs = statement.executeQuery("SELECT " + column.expression() + " AS v")) {
      assertThat(rs.next()).isTrue();
      Object answer;
      try {
        answer = getter.read.get(rs);
      } catch (SQLException e) {
        String state = String.valueOf(e.getSQLState());
        switch (outcome) {
          case REFUSED ->
              assertThat(state)
                  .as("%s on %s: SQLSTATE of %s", getter, column, e)
                  .isIn("22018", "0A000");
          case OUT_OF_RANGE ->
              assertThat(state)
                  .as("%s on %s: SQLSTATE of %s", getter, column, e)
                  .isEqualTo("22003");
          case NOT_SUCH_VALUE, EITHER ->
              assertThat(state)
                  .as("%s on %s: a data exception (class 22), got %s", getter, column, e)
                  .startsWith("22");
          case VALUE -> fail("%s on %s: expected a value, but it threw %s", getter, column, e);
        }
        return;
      } catch (RuntimeException e) {
        throw new AssertionError(getter + " on " + column + ": threw a RuntimeException", e);
      }
      switch (outcome) {
        case REFUSED ->
            fail(
                "%s on %s: B-6 has no such pair (SQLSTATE 22018 or 0A000 expected), but it returned"
                    + " %s",
                getter, column, show(answer));
        case OUT_OF_RANGE ->
            fail(
                "%s on %s: out of range (22003 expected), but it returned %s",
                getter, column, show(answer));
        case NOT_SUCH_VALUE ->
            fail(
                "%s on %s: not such a value (a data exception expected), but it returned %s",
                getter, column, show(answer));
        default -> {}
      }
      assertThat(answer).as("%s on %s", getter, column).isNotNull();
      assertThat(rs.wasNull()).as("wasNull after %s", getter).isFalse();
      Object want =
          getter.checked && outcome == Outcome.VALUE ? expectedValue(column, getter) : null;
      if (want != null) {
        Object got = comparable(getter, answer);
        if (want instanceof BigDecimal d) {
          assertThat((BigDecimal) got).as("%s on %s", getter, column).isEqualByComparingTo(d);
        } else if (want instanceof byte[] b) {
          assertThat((byte[]) got).as("%s on %s", getter, column).containsExactly(b);
        } else {
          assertThat(got).as("%s on %s", getter, column).isEqualTo(want);
        }
      }
    }
  }

  private static String show(Object answer) {
    return answer instanceof byte[] b ? Arrays.toString(b) : String.valueOf(answer);
  }
}
