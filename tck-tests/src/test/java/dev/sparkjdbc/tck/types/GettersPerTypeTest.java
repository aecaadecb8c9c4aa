package dev.sparkjdbc.tck.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sparkjdbc.tck.harness.ServerFeatures;
import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Spark type read with the getters JDBC defines for it, on a row with a value and a row with
 * NULL. Expected classes are the ones docs/types.md promises; expected values come from the SQL
 * literal or from the server's own casts in the same row.
 */
@Tag("smoke") // also run against older servers: docs/compatibility.md
@ExtendWith(SparkConnectServerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GettersPerTypeTest {
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

  /** One column type: a value expression, and what docs/types.md says about the column. */
  record TypeCase(String expression, int jdbcType, String typeName, String className) {
    @Override
    public String toString() {
      return expression;
    }
  }

  static Stream<TypeCase> types() {
    return Stream.of(
        new TypeCase("true", Types.BOOLEAN, "BOOLEAN", "java.lang.Boolean"),
        new TypeCase("CAST(-7 AS TINYINT)", Types.TINYINT, "TINYINT", "java.lang.Integer"),
        new TypeCase("CAST(-300 AS SMALLINT)", Types.SMALLINT, "SMALLINT", "java.lang.Integer"),
        new TypeCase("CAST(70000 AS INT)", Types.INTEGER, "INT", "java.lang.Integer"),
        new TypeCase("CAST(3000000000 AS BIGINT)", Types.BIGINT, "BIGINT", "java.lang.Long"),
        new TypeCase("CAST('1.5' AS FLOAT)", Types.REAL, "FLOAT", "java.lang.Float"),
        new TypeCase("CAST('-2.25' AS DOUBLE)", Types.DOUBLE, "DOUBLE", "java.lang.Double"),
        new TypeCase(
            "CAST('12.3400' AS DECIMAL(38,10))", Types.DECIMAL, "DECIMAL", "java.math.BigDecimal"),
        new TypeCase("'text 😀'", Types.VARCHAR, "STRING", "java.lang.String"),
        new TypeCase("X'CAFEBABE'", Types.VARBINARY, "BINARY", "[B"),
        new TypeCase("DATE '2024-02-29'", Types.DATE, "DATE", "java.sql.Date"),
        new TypeCase(
            "TIMESTAMP '2024-02-29 13:45:30.123456'",
            Types.TIMESTAMP,
            "TIMESTAMP",
            "java.sql.Timestamp"),
        new TypeCase(
            "TIMESTAMP_NTZ '2024-02-29 13:45:30.123456'",
            Types.TIMESTAMP,
            "TIMESTAMP_NTZ",
            "java.sql.Timestamp"),
        new TypeCase("TIME '13:45:30.123456'", Types.TIME, "TIME", "java.sql.Time"),
        new TypeCase(
            "INTERVAL '1-2' YEAR TO MONTH",
            Types.OTHER,
            "INTERVAL YEAR TO MONTH",
            "java.time.Period"),
        new TypeCase(
            "INTERVAL '1 02:03:04.5' DAY TO SECOND",
            Types.OTHER,
            "INTERVAL DAY TO SECOND",
            "java.time.Duration"),
        new TypeCase(
            "make_interval(1, 2, 0, 3, 4, 5, 6.5)", Types.OTHER, "INTERVAL", "java.lang.String"),
        new TypeCase("array(1, NULL, 3)", Types.ARRAY, "ARRAY", "java.sql.Array"),
        new TypeCase("map('a', 1, 'b', NULL)", Types.JAVA_OBJECT, "MAP", "java.util.Map"),
        new TypeCase("named_struct('a', 1, 'b', 'x')", Types.STRUCT, "STRUCT", "java.sql.Struct"),
        new TypeCase("parse_json('{\"a\":[1,2]}')", Types.OTHER, "VARIANT", "java.lang.String"));
  }

  private Connection connection;
  private Statement statement;
  private boolean timeType;

  @BeforeAll
  void connect(SparkConnectServer server) throws SQLException {
    connection = DriverManager.getConnection(server.url());
    statement = connection.createStatement();
    // bin/server turns Spark 4.2's TIME on; Spark 4.0 has none
    timeType = ServerFeatures.timeType(statement);
  }

  @AfterAll
  void disconnect() throws SQLException {
    connection.close();
  }

  /** Row 1 holds the value, row 2 NULL of the same type. */
  private ResultSet valueThenNull(String expression) throws SQLException {
    return statement.executeQuery(
        "SELECT v FROM (SELECT 1 AS k, "
            + expression
            + " AS v UNION ALL SELECT 2 AS k, NULL AS v) t ORDER BY k");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void metadataAndGetObjectClassFollowTheTypeMapping(TypeCase t) throws Exception {
    assumeTrue(timeType || t.jdbcType() != Types.TIME, "the server has no TIME type");
    try (ResultSet rs = valueThenNull(t.expression())) {
      ResultSetMetaData meta = rs.getMetaData();
      assertThat(meta.getColumnType(1)).as("getColumnType").isEqualTo(t.jdbcType());
      assertThat(meta.getColumnTypeName(1)).as("getColumnTypeName").isEqualTo(t.typeName());
      assertThat(meta.getColumnClassName(1)).as("getColumnClassName").isEqualTo(t.className());
      Class<?> documented = Class.forName(meta.getColumnClassName(1));

      assertThat(rs.next()).isTrue();
      Object value = rs.getObject(1);
      assertThat(rs.wasNull()).as("wasNull on a value").isFalse();
      assertThat(value).as("getObject").isNotNull();
      if (documented.isInterface()) {
        assertThat(value).as("getObject class").isInstanceOf(documented);
      } else {
        assertThat(value.getClass())
            .as("getObject class = getColumnClassName")
            .isEqualTo(documented);
      }
      Object asDocumented = rs.getObject(1, documented);
      assertThat(asDocumented)
          .as("getObject(i, %s)", documented.getName())
          .isInstanceOf(documented);
      assertThat(rs.getString(1)).as("getString").isNotNull();
      assertThat(rs.wasNull()).isFalse();

      assertThat(rs.next()).isTrue();
      assertThat(rs.getObject(1)).as("getObject on NULL").isNull();
      assertThat(rs.wasNull()).as("wasNull after getObject").isTrue();
      assertThat(rs.getString(1)).as("getString on NULL").isNull();
      assertThat(rs.wasNull()).as("wasNull after getString").isTrue();
      assertThat(rs.getObject(1, documented)).as("getObject(i, class) on NULL").isNull();
      assertThat(rs.wasNull()).isTrue();
      assertThat(rs.getObject(1, String.class)).as("getObject(i, String) on NULL").isNull();
      assertThat(rs.wasNull()).isTrue();
      assertThat(rs.next()).isFalse();
    }
  }

  @Test
  void voidColumnIsAlwaysNull() throws SQLException {
    try (ResultSet rs = statement.executeQuery("SELECT NULL AS v")) {
      assertThat(rs.getMetaData().getColumnType(1)).isEqualTo(Types.NULL);
      assertThat(rs.getMetaData().getColumnTypeName(1)).isEqualTo("VOID");
      assertThat(rs.getMetaData().getColumnClassName(1)).isEqualTo("java.lang.Object");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getObject(1)).isNull();
      assertThat(rs.wasNull()).isTrue();
      assertThat(rs.getString(1)).isNull();
      assertThat(rs.getInt(1)).isZero();
      assertThat(rs.wasNull()).isTrue();
    }
  }

  @Test
  void primitiveGettersOnNullReturnZeroAndSetWasNull() throws SQLException {
    try (ResultSet rs =
        statement.executeQuery(
            "SELECT CAST(NULL AS BOOLEAN), "
                + "CAST(NULL AS TINYINT), CAST(NULL AS SMALLINT), CAST(NULL AS INT), "
                + "CAST(NULL AS BIGINT), CAST(NULL AS FLOAT), CAST(NULL AS DOUBLE), "
                + "CAST(NULL AS DECIMAL(38,2)), CAST(NULL AS BINARY), CAST(NULL AS DATE), "
                + "CAST(NULL AS TIMESTAMP), CAST(NULL AS TIMESTAMP_NTZ)")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getBoolean(1)).isFalse();
      assertThat(rs.wasNull()).isTrue();
      assertThat(rs.getByte(2)).isZero();
      assertThat(rs.wasNull()).isTrue();
      assertThat(rs.getShort(3)).isZero();
      assertThat(rs.wasNull()).isTrue();
      assertThat(rs.getInt(4)).isZero();
      assertThat(rs.wasNull()).isTrue();
      assertThat(rs.getLong(5)).isZero();
      assertThat(rs.wasNull()).isTrue();
      assertThat(rs.getFloat(6)).isZero();
      assertThat(rs.wasNull()).isTrue();
      assertThat(rs.getDouble(7)).isZero();
      assertThat(rs.wasNull()).isTrue();
      assertThat(rs.getBigDecimal(8)).isNull();
      assertThat(rs.wasNull()).isTrue();
      assertThat(rs.getObject(8, BigDecimal.class)).isNull();
      assertThat(rs.getObject(4, Integer.class)).isNull();
      assertThat(rs.getBytes(9)).isNull();
      assertThat(rs.getBinaryStream(9)).isNull();
      assertThat(rs.wasNull()).isTrue();
      assertThat(rs.getDate(10)).isNull();
      assertThat(rs.getDate(10, calendar(TOKYO))).isNull();
      assertThat(rs.getObject(10, LocalDate.class)).isNull();
      assertThat(rs.wasNull()).isTrue();
      assertThat(rs.getTimestamp(11)).isNull();
      assertThat(rs.getTimestamp(11, calendar(TOKYO))).isNull();
      assertThat(rs.getObject(11, Instant.class)).isNull();
      assertThat(rs.getObject(11, OffsetDateTime.class)).isNull();
      assertThat(rs.getObject(12, LocalDateTime.class)).isNull();
      assertThat(rs.wasNull()).isTrue();
    }
  }

  // ----- numeric getters across numeric types: expected values are the server's casts -----

  static Stream<String> numericSources() {
    return Stream.of(
        "true",
        "false",
        "CAST(-128 AS TINYINT)",
        "CAST(127 AS TINYINT)",
        "CAST(-32768 AS SMALLINT)",
        "CAST(32767 AS SMALLINT)",
        "CAST(-129 AS SMALLINT)",
        "CAST(-2147483648 AS INT)",
        "CAST(2147483647 AS INT)",
        "CAST(300 AS INT)",
        "CAST(40000 AS INT)",
        "CAST(-9223372036854775808 AS BIGINT)",
        "CAST(9223372036854775807 AS BIGINT)",
        "CAST(3000000000 AS BIGINT)",
        "CAST(-3000000000 AS BIGINT)",
        "CAST('1.5' AS FLOAT)",
        "CAST('-2.9' AS FLOAT)",
        "CAST('NaN' AS FLOAT)",
        "CAST('Infinity' AS FLOAT)",
        "CAST('-Infinity' AS FLOAT)",
        "CAST('3e9' AS FLOAT)",
        "CAST('1e-45' AS FLOAT)",
        "CAST('0.1' AS FLOAT)",
        "CAST('2.9' AS DOUBLE)",
        "CAST('-2.9' AS DOUBLE)",
        "CAST('127.99' AS DOUBLE)",
        "CAST('NaN' AS DOUBLE)",
        "CAST('Infinity' AS DOUBLE)",
        "CAST('-Infinity' AS DOUBLE)",
        "CAST('9.3e18' AS DOUBLE)",
        "CAST('-9.223372036854775808E18' AS DOUBLE)",
        "CAST('1e300' AS DOUBLE)",
        "CAST('4.9E-324' AS DOUBLE)",
        "CAST('100000000000000000000' AS DECIMAL(38,0))",
        "CAST('99999999999999999999999999999999999999' AS DECIMAL(38,0))",
        "CAST('128.9' AS DECIMAL(5,1))",
        "CAST('-128.9' AS DECIMAL(5,1))",
        "CAST('0.99999999999999999999999999999999999999' AS DECIMAL(38,38))",
        "CAST('9223372036854775807.99' AS DECIMAL(21,2))",
        "CAST('-9223372036854775808.99' AS DECIMAL(21,2))",
        "CAST('9223372036854775808' AS DECIMAL(19,0))");
  }

  /**
   * getByte/getShort/getInt/getLong/getBoolean equal Spark's {@code try_cast} to the matching type
   * (a fraction truncates toward zero); where Spark's cast overflows (try_cast is NULL), the getter
   * throws SQLDataException with SQLState 22003. getDouble equals Spark's cast to DOUBLE; getFloat
   * equals the cast to FLOAT unless that overflows a finite value to infinity, which is 22003.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("numericSources")
  void numericGettersAgreeWithSparkCastsAndRefuseOverflow(String expression) throws SQLException {
    String sql =
        "SELECT x, try_cast(x AS TINYINT), try_cast(x AS SMALLINT), try_cast(x AS INT),"
            + " try_cast(x AS BIGINT), try_cast(x AS DOUBLE), try_cast(x AS FLOAT),"
            + " try_cast(x AS BOOLEAN), typeof(x), CAST(x AS STRING)"
            + " FROM (SELECT "
            + expression
            + " AS x) t";
    try (ResultSet rs = statement.executeQuery(sql)) {
      assertThat(rs.next()).isTrue();
      String[] names = {"getByte", "getShort", "getInt", "getLong"};
      boolean decimal = rs.getString(9).startsWith("decimal");
      for (int target = 0; target < 4; target++) {
        long expected = rs.getLong(2 + target);
        boolean overflows = rs.wasNull();
        if (decimal) {
          // Spark's own CAST of a decimal wider than 18 digits to an integral type goes through
          // double, e.g. CAST(0.999…(38 nines) AS TINYINT) is 1; the documented rule is
          // truncation toward zero of the exact value, which the server's text gives.
          BigDecimal whole = new BigDecimal(rs.getString(10)).setScale(0, RoundingMode.DOWN);
          BigDecimal[] range = {
            BigDecimal.valueOf(Byte.MIN_VALUE),
            BigDecimal.valueOf(Byte.MAX_VALUE),
            BigDecimal.valueOf(Short.MIN_VALUE),
            BigDecimal.valueOf(Short.MAX_VALUE),
            BigDecimal.valueOf(Integer.MIN_VALUE),
            BigDecimal.valueOf(Integer.MAX_VALUE),
            BigDecimal.valueOf(Long.MIN_VALUE),
            BigDecimal.valueOf(Long.MAX_VALUE)
          };
          overflows =
              whole.compareTo(range[2 * target]) < 0 || whole.compareTo(range[2 * target + 1]) > 0;
          expected = overflows ? 0 : whole.longValueExact();
        }
        int t = target;
        if (overflows) {
          assertThatThrownBy(() -> integral(rs, t))
              .as("%s on %s (Spark's cast overflows)", names[t], expression)
              .isInstanceOf(SQLDataException.class)
              .extracting(e -> ((SQLException) e).getSQLState())
              .isEqualTo("22003");
          Class<?> boxed = List.of(Byte.class, Short.class, Integer.class, Long.class).get(t);
          assertThatThrownBy(() -> rs.getObject(1, boxed))
              .as("getObject(%s) on %s", boxed.getSimpleName(), expression)
              .isInstanceOf(SQLDataException.class)
              .extracting(e -> ((SQLException) e).getSQLState())
              .isEqualTo("22003");
        } else {
          assertThat(integral(rs, t)).as("%s on %s", names[t], expression).isEqualTo(expected);
        }
      }
      Double expectedDouble = rs.getDouble(6);
      assertThat(Double.valueOf(rs.getDouble(1)))
          .as("getDouble on %s", expression)
          .isEqualTo(expectedDouble);
      assertThat(rs.getObject(1, Double.class))
          .as("getObject(Double) on %s", expression)
          .isEqualTo(expectedDouble);
      Float expectedFloat = rs.getFloat(7);
      if (expectedFloat.isInfinite() && Double.isFinite(expectedDouble)) {
        assertThatThrownBy(() -> rs.getFloat(1))
            .as("getFloat on %s", expression)
            .isInstanceOf(SQLDataException.class)
            .extracting(e -> ((SQLException) e).getSQLState())
            .isEqualTo("22003");
      } else {
        assertThat(Float.valueOf(rs.getFloat(1)))
            .as("getFloat on %s", expression)
            .isEqualTo(expectedFloat);
      }
      boolean expectedBoolean = rs.getBoolean(8);
      if (!rs.wasNull()) {
        assertThat(rs.getBoolean(1)).as("getBoolean on %s", expression).isEqualTo(expectedBoolean);
      }
    }
  }

  private static long integral(ResultSet rs, int target) throws SQLException {
    return switch (target) {
      case 0 -> rs.getByte(1);
      case 1 -> rs.getShort(1);
      case 2 -> rs.getInt(1);
      default -> rs.getLong(1);
    };
  }

  /** The overflow cases the issue names, spelled out. */
  static Stream<Arguments> namedOverflows() {
    return Stream.of(
        Arguments.of("CAST(3000000000 AS BIGINT)", "getInt"),
        Arguments.of("CAST(300 AS INT)", "getByte"),
        Arguments.of("CAST('100000000000000000000' AS DECIMAL(38,0))", "getLong"),
        Arguments.of("CAST('NaN' AS DOUBLE)", "getLong"),
        Arguments.of("CAST('NaN' AS DOUBLE)", "getInt"),
        Arguments.of("CAST('Infinity' AS DOUBLE)", "getLong"),
        Arguments.of("CAST('1e300' AS DOUBLE)", "getFloat"),
        Arguments.of("'3000000000'", "getInt"),
        Arguments.of("'300'", "getByte"),
        Arguments.of("'99999999999999999999'", "getLong"));
  }

  @ParameterizedTest(name = "{1} on {0}")
  @MethodSource("namedOverflows")
  void overflowIsSqlDataException22003(String expression, String getter) throws SQLException {
    try (ResultSet rs = statement.executeQuery("SELECT " + expression)) {
      assertThat(rs.next()).isTrue();
      assertThatThrownBy(
              () -> {
                switch (getter) {
                  case "getByte" -> rs.getByte(1);
                  case "getInt" -> rs.getInt(1);
                  case "getLong" -> rs.getLong(1);
                  case "getFloat" -> rs.getFloat(1);
                  default -> throw new IllegalArgumentException(getter);
                }
              })
          .isInstanceOf(SQLDataException.class)
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("22003");
    }
  }

  @Test
  void numericStringsConvertAndGarbageIsADataError() throws SQLException {
    try (ResultSet rs =
        statement.executeQuery(
            "SELECT '42', ' -7 ', '12.7', 'abc', '-9223372036854775808', '1.5e3'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(42);
      assertThat(rs.getObject(1, Integer.class)).isEqualTo(42);
      assertThat(rs.getLong(2)).isEqualTo(-7L);
      assertThat(rs.getLong(3)).isEqualTo(12L);
      assertThat(rs.getBigDecimal(3)).isEqualTo(new BigDecimal("12.7"));
      assertThat(rs.getDouble(3)).isEqualTo(12.7d);
      assertThatThrownBy(() -> rs.getInt(4)).isInstanceOf(SQLDataException.class);
      assertThatThrownBy(() -> rs.getBigDecimal(4)).isInstanceOf(SQLDataException.class);
      assertThat(rs.getLong(5)).isEqualTo(Long.MIN_VALUE);
      assertThat(rs.getDouble(6)).isEqualTo(1500d);
    }
  }

  @Test
  void boxedGetObjectForIntegralTypes() throws SQLException {
    try (ResultSet rs =
        statement.executeQuery(
            "SELECT CAST(-7 AS TINYINT), "
                + "CAST(-300 AS SMALLINT), CAST(70000 AS INT), CAST(3000000000 AS BIGINT), true")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getObject(1)).isEqualTo(-7);
      assertThat(rs.getObject(1, Byte.class)).isEqualTo((byte) -7);
      assertThat(rs.getObject(1, Short.class)).isEqualTo((short) -7);
      assertThat(rs.getObject(2)).isEqualTo(-300);
      assertThat(rs.getObject(2, Short.class)).isEqualTo((short) -300);
      assertThat(rs.getObject(2, Long.class)).isEqualTo(-300L);
      assertThat(rs.getObject(3)).isEqualTo(70000);
      assertThat(rs.getObject(3, Integer.class)).isEqualTo(70000);
      assertThat(rs.getObject(3, BigDecimal.class)).isEqualTo(new BigDecimal("70000"));
      assertThat(rs.getObject(3, String.class)).isEqualTo("70000");
      assertThat(rs.getObject(4)).isEqualTo(3_000_000_000L);
      assertThat(rs.getObject(4, Long.class)).isEqualTo(3_000_000_000L);
      assertThat(rs.getObject(4, Double.class)).isEqualTo(3e9d);
      assertThat(rs.getObject(5, Boolean.class)).isTrue();
      assertThat(rs.getObject(5, Integer.class)).isEqualTo(1);
    }
  }

  // ----- decimals -----

  static Stream<String> decimals() {
    return Stream.of(
        "99999999999999999999999999999999999999",
        "-99999999999999999999999999999999999999",
        "0.99999999999999999999999999999999999999",
        "-0.00000000000000000000000000000000000001",
        "1234567890123456789012345678.0123456789",
        "123.4500",
        "0.00",
        "-0.0000001000");
  }

  /** getBigDecimal is exact, scale included, for decimal(38, x) at its edges. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("decimals")
  void getBigDecimalIsExact(String literal) throws SQLException {
    BigDecimal expected = new BigDecimal(literal);
    int precision = Math.max(expected.precision(), expected.scale());
    String type = "DECIMAL(" + Math.max(precision, 1) + "," + expected.scale() + ")";
    String type38 = "DECIMAL(38," + expected.scale() + ")";
    try (ResultSet rs =
        statement.executeQuery(
            "SELECT CAST('"
                + literal
                + "' AS "
                + type
                + "), "
                + "CAST('"
                + literal
                + "' AS "
                + type38
                + ")")) {
      assertThat(rs.next()).isTrue();
      for (int column = 1; column <= 2; column++) {
        assertThat(rs.getBigDecimal(column)).as("getBigDecimal").isEqualTo(expected);
        assertThat(rs.getObject(column)).as("getObject").isEqualTo(expected);
        assertThat(rs.getObject(column, BigDecimal.class)).isEqualTo(expected);
        assertThat(rs.getString(column)).as("getString").isEqualTo(expected.toPlainString());
      }
      assertThat(rs.getMetaData().getScale(2)).isEqualTo(expected.scale());
      assertThat(rs.getMetaData().getPrecision(2)).isEqualTo(38);
    }
  }

  @Test
  void floatingGetBigDecimalAndObjects() throws SQLException {
    try (ResultSet rs =
        statement.executeQuery(
            "SELECT CAST('1.5' AS FLOAT), CAST('-2.25' AS DOUBLE), CAST('NaN' AS DOUBLE)")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getBigDecimal(1)).isEqualByComparingTo("1.5");
      assertThat(rs.getObject(1, Float.class)).isEqualTo(1.5f);
      assertThat(rs.getBigDecimal(2)).isEqualByComparingTo("-2.25");
      assertThat(rs.getObject(2)).isEqualTo(-2.25d);
      assertThat((Double) rs.getObject(3)).isNaN();
      assertThatThrownBy(() -> rs.getBigDecimal(3))
          .isInstanceOf(SQLDataException.class)
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("22003");
    }
  }

  // ----- binary -----

  @Test
  void getBytesOnBinary() throws Exception {
    byte[] expected = {(byte) 0xCA, (byte) 0xFE, 0x00, (byte) 0xBA, (byte) 0xBE, (byte) 0xFF};
    try (ResultSet rs = statement.executeQuery("SELECT X'CAFE00BABEFF', X''")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getBytes(1)).containsExactly(expected);
      assertThat((byte[]) rs.getObject(1)).containsExactly(expected);
      assertThat(rs.getObject(1, byte[].class)).containsExactly(expected);
      try (InputStream in = rs.getBinaryStream(1)) {
        assertThat(in.readAllBytes()).containsExactly(expected);
      }
      assertThat(rs.getBytes(2)).isEmpty();
      assertThat(rs.wasNull()).isFalse();
    }
  }

  // ----- dates and times, with and without a Calendar -----

  @Test
  void dateGetters() throws SQLException {
    LocalDate literal = LocalDate.of(2024, 2, 29);
    try (ResultSet rs =
        statement.executeQuery(
            "SELECT DATE '2024-02-29', DATE '0001-01-01', DATE '9999-12-31', DATE '1582-10-10'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getDate(1)).isEqualTo(Date.valueOf(literal));
      assertThat(rs.getDate(1).toLocalDate()).isEqualTo(literal);
      for (ZoneId zone : List.of(TOKYO, LOS_ANGELES)) {
        long midnight = literal.atStartOfDay(zone).toInstant().toEpochMilli();
        assertThat(rs.getDate(1, calendar(zone)).getTime())
            .as("getDate(cal %s)", zone)
            .isEqualTo(midnight);
        assertThat(rs.getTimestamp(1, calendar(zone)).getTime())
            .as("getTimestamp(cal %s)", zone)
            .isEqualTo(midnight);
      }
      assertThat(rs.getTimestamp(1)).isEqualTo(Timestamp.valueOf(literal.atStartOfDay()));
      assertThat(rs.getObject(1, LocalDate.class)).isEqualTo(literal);
      assertThat(rs.getObject(1, LocalDateTime.class)).isEqualTo(literal.atStartOfDay());
      assertThat(rs.getObject(1, Date.class)).isEqualTo(Date.valueOf(literal));
      assertThat(rs.getObject(1, String.class)).isEqualTo("2024-02-29");
      assertThat(rs.getObject(2, LocalDate.class)).isEqualTo(LocalDate.of(1, 1, 1));
      assertThat(rs.getDate(2).toLocalDate()).isEqualTo(LocalDate.of(1, 1, 1));
      assertThat(rs.getObject(3, LocalDate.class)).isEqualTo(LocalDate.of(9999, 12, 31));
      assertThat(rs.getDate(3).toLocalDate()).isEqualTo(LocalDate.of(9999, 12, 31));
      // Spark's dates are proleptic Gregorian, like java.time (java.sql.Date is not).
      assertThat(rs.getObject(4, LocalDate.class)).isEqualTo(LocalDate.of(1582, 10, 10));
    }
  }

  @Test
  void timestampNtzGetters() throws SQLException {
    LocalDateTime literal = LocalDateTime.of(2024, 2, 29, 13, 45, 30, 123_456_000);
    try (ResultSet rs =
        statement.executeQuery("SELECT TIMESTAMP_NTZ '2024-02-29 13:45:30.123456' AS v")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getTimestamp(1)).isEqualTo(Timestamp.valueOf(literal));
      assertThat(rs.getTimestamp(1).getNanos()).isEqualTo(123_456_000);
      assertThat(rs.getObject(1)).isEqualTo(Timestamp.valueOf(literal));
      assertThat(rs.getObject(1, LocalDateTime.class)).isEqualTo(literal);
      assertThat(rs.getObject(1, LocalDate.class)).isEqualTo(literal.toLocalDate());
      assertThat(rs.getObject(1, LocalTime.class)).isEqualTo(literal.toLocalTime());
      assertThat(rs.getObject(1, Timestamp.class)).isEqualTo(Timestamp.valueOf(literal));
      assertThat(rs.getDate(1)).isEqualTo(Date.valueOf(literal.toLocalDate()));
      for (ZoneId zone : List.of(TOKYO, LOS_ANGELES)) {
        Timestamp ts = rs.getTimestamp(1, calendar(zone));
        assertThat(ts.toInstant())
            .as("getTimestamp(cal %s)", zone)
            .isEqualTo(literal.atZone(zone).toInstant());
        assertThat(ts.getNanos()).isEqualTo(123_456_000);
        assertThat(rs.getDate(1, calendar(zone)).getTime())
            .as("getDate(cal %s)", zone)
            .isEqualTo(literal.toLocalDate().atStartOfDay(zone).toInstant().toEpochMilli());
        assertThat(rs.getTime(1, calendar(zone)).getTime())
            .as("getTime(cal %s)", zone)
            .isEqualTo(
                literal
                    .toLocalTime()
                    .atDate(LocalDate.EPOCH)
                    .atZone(zone)
                    .toInstant()
                    .toEpochMilli());
      }
    }
  }

  @Test
  void timestampGettersInTheSessionZone() throws SQLException {
    LocalDateTime literal = LocalDateTime.of(2024, 2, 29, 13, 45, 30, 123_456_000);
    try (ResultSet rs =
        statement.executeQuery(
            "SELECT TIMESTAMP '2024-02-29 13:45:30.123456', current_timezone()")) {
      assertThat(rs.next()).isTrue();
      ZoneId session = ZoneId.of(rs.getString(2));
      Instant instant = literal.atZone(session).toInstant();
      assertThat(rs.getTimestamp(1).toInstant()).isEqualTo(instant);
      assertThat(rs.getTimestamp(1).getNanos()).isEqualTo(123_456_000);
      assertThat(((Timestamp) rs.getObject(1)).toInstant()).isEqualTo(instant);
      // An instant needs no calendar: the Calendar's zone does not move it.
      for (ZoneId zone : List.of(TOKYO, LOS_ANGELES)) {
        assertThat(rs.getTimestamp(1, calendar(zone)).toInstant())
            .as("getTimestamp(cal %s)", zone)
            .isEqualTo(instant);
      }
      assertThat(rs.getObject(1, Instant.class)).isEqualTo(instant);
      assertThat(rs.getObject(1, OffsetDateTime.class))
          .isEqualTo(instant.atZone(session).toOffsetDateTime());
      assertThat(rs.getObject(1, LocalDateTime.class)).isEqualTo(literal);
      assertThat(rs.getObject(1, LocalDate.class)).isEqualTo(literal.toLocalDate());
      assertThat(rs.getObject(1, LocalTime.class)).isEqualTo(literal.toLocalTime());
      assertThat(rs.getString(1)).isEqualTo("2024-02-29 13:45:30.123456");
    }
  }

  @Test
  void timeGetters() throws SQLException {
    assumeTrue(timeType, "the server has no TIME type");
    LocalTime literal = LocalTime.of(13, 45, 30, 123_456_000);
    try (ResultSet rs = statement.executeQuery("SELECT TIME '13:45:30.123456'")) {
      assertThat(rs.next()).isTrue();
      long millisOfDay = literal.toNanoOfDay() / 1_000_000;
      long jvmMidnight =
          LocalDate.EPOCH.atStartOfDay(ZoneId.systemDefault()).toInstant().toEpochMilli();
      assertThat(rs.getTime(1).getTime()).as("getTime()").isEqualTo(jvmMidnight + millisOfDay);
      assertThat(rs.getTime(1).toLocalTime()).isEqualTo(literal.withNano(0));
      for (ZoneId zone : List.of(TOKYO, LOS_ANGELES)) {
        long midnight = LocalDate.EPOCH.atStartOfDay(zone).toInstant().toEpochMilli();
        assertThat(rs.getTime(1, calendar(zone)).getTime())
            .as("getTime(cal %s)", zone)
            .isEqualTo(midnight + millisOfDay);
      }
      assertThat(rs.getObject(1, Time.class).getTime()).isEqualTo(jvmMidnight + millisOfDay);
      assertThat(rs.getString(1)).isEqualTo("13:45:30.123456");
      assertThat(rs.getObject(1, LocalTime.class))
          .as("getObject(LocalTime) keeps the fraction")
          .isEqualTo(literal);
    }
  }

  // ----- intervals, variants -----

  @Test
  void intervalsAsJavaTime() throws SQLException {
    try (ResultSet rs =
        statement.executeQuery(
            "SELECT INTERVAL '1-2' YEAR TO MONTH, INTERVAL '-1-2' YEAR TO MONTH, INTERVAL '14'"
                + " MONTH, INTERVAL '1 02:03:04.5' DAY TO SECOND, INTERVAL '-1 02:03:04.000001' DAY"
                + " TO SECOND, INTERVAL '3' HOUR, make_interval(1, 2, 0, 3, 4, 5, 6.5),"
                + " CAST(make_interval(1, 2, 0, 3, 4, 5, 6.5) AS STRING)")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getObject(1)).isEqualTo(Period.of(1, 2, 0));
      assertThat(rs.getObject(1, Period.class)).isEqualTo(Period.of(1, 2, 0));
      assertThat(rs.getObject(2)).isEqualTo(Period.of(-1, -2, 0));
      assertThat(((Period) rs.getObject(3)).toTotalMonths()).isEqualTo(14);
      Duration d = Duration.ofDays(1).plusHours(2).plusMinutes(3).plusSeconds(4).plusMillis(500);
      assertThat(rs.getObject(4)).isEqualTo(d);
      assertThat(rs.getObject(4, Duration.class)).isEqualTo(d);
      assertThat(rs.getObject(5))
          .isEqualTo(
              Duration.ofDays(1)
                  .plusHours(2)
                  .plusMinutes(3)
                  .plusSeconds(4)
                  .plusNanos(1000)
                  .negated());
      assertThat(rs.getObject(6)).isEqualTo(Duration.ofHours(3));
      assertThat(rs.getObject(7)).isEqualTo(rs.getString(8));
      assertThat(rs.getObject(7, String.class)).isEqualTo(rs.getString(8));
    }
  }

  @Test
  void variantGetObjectIsItsJson() throws SQLException {
    try (ResultSet rs =
        statement.executeQuery(
            "SELECT v, CAST(v AS STRING) FROM (SELECT "
                + "parse_json('{\"a\":[1,2.5,null],\"b\":\"x\"}') AS v) t")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getObject(1)).isEqualTo(rs.getString(2));
      assertThat(rs.getObject(1, String.class)).isEqualTo(rs.getString(2));
    }
  }

  /** A JSON null inside a VARIANT column: Spark's CAST gives SQL NULL; wasNull must agree. */
  @Test
  void variantJsonNullIsConsistentWithWasNull() throws SQLException {
    try (ResultSet rs =
        statement.executeQuery(
            "SELECT v, CAST(v AS STRING) FROM (SELECT " + "parse_json('null') AS v) t")) {
      assertThat(rs.next()).isTrue();
      String cast = rs.getString(2);
      boolean castIsNull = rs.wasNull();
      Object object = rs.getObject(1);
      boolean objectWasNull = rs.wasNull();
      assertThat(object == null)
          .as("getObject is null iff Spark's CAST is NULL")
          .isEqualTo(castIsNull);
      assertThat(objectWasNull)
          .as("wasNull agrees with getObject returning %s", object)
          .isEqualTo(object == null);
      String string = rs.getString(1);
      assertThat(rs.wasNull())
          .as("wasNull agrees with getString returning %s", string)
          .isEqualTo(string == null);
      assertThat(string).isEqualTo(cast);
    }
  }

  private static Calendar calendar(ZoneId zone) {
    return Calendar.getInstance(TimeZone.getTimeZone(zone));
  }
}
