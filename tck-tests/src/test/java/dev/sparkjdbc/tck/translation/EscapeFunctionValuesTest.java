package dev.sparkjdbc.tck.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sparkjdbc.plan.JdbcFunctions;
import dev.sparkjdbc.tck.harness.ServerFeatures;
import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.JDBCType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every escape function of JDBC 4.3 appendix D answers what its definition (the ODBC scalar
 * functions the appendix refers to) says, with the JDBC type it implies, both when the driver
 * translates the statement and with {@code translation_mode=text}. Each expected value is worked
 * out here from the definition, mostly with java.time and java.lang.Math, never taken from Spark.
 *
 * <p>The cases are data (function, arguments, expected value, {@code java.sql.Types}); {@link #sql}
 * writes each as {@code {fn NAME(args)}}, which the driver rewrites into the Spark SQL of its
 * function table ({@link JdbcFunctions}) on both paths.
 */
@ExtendWith(SparkConnectServerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EscapeFunctionValuesTest {
  private static final LocalDate MONDAY = LocalDate.of(2024, 2, 5);
  private static final String D = "DATE'2024-02-05'";
  private static final LocalDateTime T = LocalDateTime.of(2024, 1, 31, 3, 4, 5, 250_000_000);
  private static final String TS = "TIMESTAMP'2024-01-31 03:04:05.25'";

  /** A check for values that depend on the moment or the session rather than the arguments. */
  @FunctionalInterface
  interface Check {
    void verify(ResultSet rs, Session session) throws SQLException;
  }

  /** What a check may compare with: facts of the connection, read through JDBC. */
  record Session(String userName, String schema) {}

  /** {@code {fn name(args)}} answers {@code expected} in a column of JDBC type {@code type}. */
  record Case(String name, List<String> args, Object expected, int type) {
    @Override
    public String toString() {
      return "{fn " + name + "(" + String.join(", ", args) + ")} = " + expected;
    }
  }

  private static Case c(String name, String args, Object expected, int type) {
    return new Case(
        name, args.isEmpty() ? List.of() : List.of(args.split("\\s*;\\s*")), expected, type);
  }

  /** Arguments are separated by ';' here, as commas may occur inside one. */
  static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    // Numeric: ABS, CEILING, FLOOR, ROUND and TRUNCATE keep the argument's type (ODBC; CEILING and
    // FLOOR its kind), SIGN is an integer (JDBC: -1, 0, 1), the others SQL_FLOAT, JDBC's DOUBLE.
    cases.add(c("ABS", "-7", 7, Types.INTEGER));
    cases.add(c("ABS", "-2.5", new BigDecimal("2.5"), Types.DECIMAL));
    cases.add(c("ACOS", "0.5", Math.acos(0.5), Types.DOUBLE));
    cases.add(c("ASIN", "0.5", Math.asin(0.5), Types.DOUBLE));
    cases.add(c("ATAN", "1", Math.atan(1), Types.DOUBLE));
    // JDBC: the arctangent of float1 / float2
    cases.add(c("ATAN2", "1; 2", Math.atan2(1, 2), Types.DOUBLE));
    cases.add(c("CEILING", "CAST(-1.5 AS DOUBLE)", -1.0, Types.DOUBLE));
    cases.add(c("CEILING", "1e300", 1e300, Types.DOUBLE));
    cases.add(c("CEILING", "1.2", new BigDecimal("2"), Types.DECIMAL));
    cases.add(c("CEILING", "5", 5, Types.INTEGER));
    cases.add(c("COS", "1", Math.cos(1), Types.DOUBLE));
    cases.add(c("COT", "1", 1 / Math.tan(1), Types.DOUBLE));
    cases.add(c("DEGREES", "1", Math.toDegrees(1), Types.DOUBLE));
    cases.add(c("EXP", "1", Math.exp(1), Types.DOUBLE));
    cases.add(c("FLOOR", "CAST(-1.5 AS DOUBLE)", -2.0, Types.DOUBLE));
    // a FLOAT becomes a DOUBLE (exactly)
    cases.add(c("FLOOR", "CAST(1.5 AS FLOAT)", 1.0, Types.DOUBLE));
    cases.add(c("FLOOR", "CAST(-7 AS BIGINT)", -7L, Types.BIGINT));
    cases.add(c("FLOOR", "-1.2", new BigDecimal("-2"), Types.DECIMAL));
    cases.add(c("LOG", "10", Math.log(10), Types.DOUBLE));
    cases.add(c("LOG10", "1000", 3.0, Types.DOUBLE));
    // the remainder takes the dividend's sign: -7 = 3 * -2 - 1
    cases.add(c("MOD", "-7; 3", -1, Types.INTEGER));
    cases.add(c("PI", "", Math.PI, Types.DOUBLE));
    cases.add(c("POWER", "2; 10", 1024.0, Types.DOUBLE));
    cases.add(c("RADIANS", "180", Math.PI, Types.DOUBLE));
    cases.add(
        c(
            "RAND",
            "5",
            (Check) (rs, s) -> assertThat(rs.getDouble(1)).isBetween(0.0, 0.99999999),
            Types.DOUBLE));
    cases.add(
        c(
            "RAND",
            "",
            (Check) (rs, s) -> assertThat(rs.getDouble(1)).isBetween(0.0, 0.99999999),
            Types.DOUBLE));
    cases.add(c("ROUND", "2.5; 0", new BigDecimal("3"), Types.DECIMAL));
    cases.add(c("ROUND", "1234.5678; -2", new BigDecimal("1200"), Types.DECIMAL));
    cases.add(c("ROUND", "15; -1", 20, Types.INTEGER));
    cases.add(c("SIGN", "-2.5", -1, Types.INTEGER));
    cases.add(c("SIGN", "CAST(0 AS DOUBLE)", 0, Types.INTEGER));
    cases.add(c("SIGN", "7", 1, Types.INTEGER));
    cases.add(c("SIN", "1", Math.sin(1), Types.DOUBLE));
    cases.add(c("SQRT", "2", Math.sqrt(2), Types.DOUBLE));
    cases.add(c("TAN", "1", Math.tan(1), Types.DOUBLE));
    // toward zero, keeping the type: 2.675 has the digits 2.67 before the cut
    cases.add(c("TRUNCATE", "CAST(2.675 AS DOUBLE); 2", 2.67, Types.DOUBLE));
    cases.add(c("TRUNCATE", "CAST(-1.78 AS DOUBLE); 1", -1.7, Types.DOUBLE));
    cases.add(c("TRUNCATE", "1e300; 0", 1e300, Types.DOUBLE));
    cases.add(c("TRUNCATE", "-1.78; 1", new BigDecimal("-1.7"), Types.DECIMAL));
    cases.add(c("TRUNCATE", "1299; -2", 1200, Types.INTEGER));
    cases.add(c("TRUNCATE", "-1299; -2", -1200, Types.INTEGER));

    // String
    cases.add(c("ASCII", "'abc'", (int) 'a', Types.INTEGER));
    cases.add(c("CHAR", "65", "A", Types.VARCHAR));
    cases.add(c("CHAR_LENGTH", "'äbc '", 4, Types.INTEGER));
    cases.add(c("CHARACTER_LENGTH", "'äbc '", 4, Types.INTEGER));
    cases.add(c("CONCAT", "'ab'; 'cd'", "abcd", Types.VARCHAR));
    // SOUNDEX codes S536 and S536 agree in all four places; T230 and C230 in three
    cases.add(c("DIFFERENCE", "'Smithers'; 'Smothers'", 4, Types.INTEGER));
    cases.add(c("DIFFERENCE", "'test'; 'chest'", 3, Types.INTEGER));
    cases.add(c("DIFFERENCE", "'Robert'; 'Lee'", 0, Types.INTEGER)); // R163, L000
    // delete 3 characters at 2 (bcd), insert xy there
    cases.add(c("INSERT", "'abcdef'; 2; 3; 'xy'", "axyef", Types.VARCHAR));
    cases.add(c("LCASE", "'AbC'", "abc", Types.VARCHAR));
    cases.add(c("LEFT", "'abcdef'; 2", "ab", Types.VARCHAR));
    // characters, trailing blanks excluded (leading ones count)
    cases.add(c("LENGTH", "' ab  '", 3, Types.INTEGER));
    cases.add(c("LOCATE", "'b'; 'abcb'", 2, Types.INTEGER));
    cases.add(c("LOCATE", "'b'; 'abcb'; 3", 4, Types.INTEGER));
    cases.add(c("LOCATE", "'z'; 'abc'", 0, Types.INTEGER));
    cases.add(c("LTRIM", "'  a '", "a ", Types.VARCHAR));
    cases.add(
        c(
            "OCTET_LENGTH",
            "'ä'",
            "ä".getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
            Types.INTEGER));
    cases.add(c("POSITION", "'c' IN 'abc'", 3, Types.INTEGER));
    cases.add(c("REPEAT", "'ab'; 3", "ababab", Types.VARCHAR));
    cases.add(c("REPLACE", "'abcabc'; 'b'; 'X'", "aXcaXc", Types.VARCHAR));
    cases.add(c("RIGHT", "'abcdef'; 2", "ef", Types.VARCHAR));
    cases.add(c("RTRIM", "' a  '", " a", Types.VARCHAR));
    cases.add(c("SOUNDEX", "'Robert'", "R163", Types.VARCHAR));
    cases.add(c("SPACE", "3", "   ", Types.VARCHAR));
    cases.add(c("SUBSTRING", "'abcdef'; 2; 3", "bcd", Types.VARCHAR));
    cases.add(c("UCASE", "'aBc'", "ABC", Types.VARCHAR));

    // Time and date
    Check today =
        (rs, s) ->
            assertThat(rs.getObject(1, LocalDate.class))
                .isBetween(LocalDate.now().minusDays(1), LocalDate.now().plusDays(1));
    Check nowTime =
        (rs, s) -> {
          LocalTime t = rs.getObject(1, LocalTime.class);
          long apart = Math.abs(Duration.between(t, LocalTime.now()).toSeconds());
          // the session time zone may differ from ours by whole hours, and midnight may pass
          assertThat(Math.min(apart % 3600, 3600 - apart % 3600)).isLessThan(120);
        };
    Check nowTimestamp =
        (rs, s) ->
            assertThat(Duration.between(rs.getTimestamp(1).toInstant(), Instant.now()).abs())
                .isLessThan(Duration.ofMinutes(2));
    Check wholeSecondNow =
        (rs, s) -> {
          nowTimestamp.verify(rs, s);
          assertThat(rs.getTimestamp(1).getNanos()).isZero();
        };
    cases.add(c("CURDATE", "", today, Types.DATE));
    cases.add(c("CURRENT_DATE", "", today, Types.DATE));
    cases.add(c("CURTIME", "", nowTime, Types.TIME));
    cases.add(c("CURRENT_TIME", "", nowTime, Types.TIME));
    Check wholeSecondTime =
        (rs, s) -> {
          nowTime.verify(rs, s);
          assertThat(rs.getObject(1, LocalTime.class).getNano()).isZero();
        };
    cases.add(c("CURRENT_TIME", "0", wholeSecondTime, Types.TIME));
    cases.add(c("CURRENT_TIMESTAMP", "", nowTimestamp, Types.TIMESTAMP));
    cases.add(c("CURRENT_TIMESTAMP", "0", wholeSecondNow, Types.TIMESTAMP));
    cases.add(c("NOW", "", nowTimestamp, Types.TIMESTAMP));
    cases.add(
        c(
            "DAYNAME",
            D,
            MONDAY.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH),
            Types.VARCHAR));
    cases.add(
        c(
            "MONTHNAME",
            D,
            MONDAY.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH),
            Types.VARCHAR));
    cases.add(c("DAYOFMONTH", D, MONDAY.getDayOfMonth(), Types.INTEGER));
    // 1 = Sunday
    cases.add(c("DAYOFWEEK", D, odbcDayOfWeek(MONDAY), Types.INTEGER));
    cases.add(
        c("DAYOFWEEK", "DATE'2024-02-04'", odbcDayOfWeek(LocalDate.of(2024, 2, 4)), Types.INTEGER));
    cases.add(c("DAYOFYEAR", D, MONDAY.getDayOfYear(), Types.INTEGER));
    cases.add(c("DAYOFYEAR", "DATE'2024-12-31'", 366, Types.INTEGER));
    cases.add(c("EXTRACT", "YEAR FROM " + D, MONDAY.getYear(), Types.INTEGER));
    cases.add(c("EXTRACT", "MONTH FROM " + TS, T.getMonthValue(), Types.INTEGER));
    // SECOND keeps the fraction (ODBC: a scale not below the source's fractional precision)
    cases.add(c("EXTRACT", "SECOND FROM " + TS, new BigDecimal("5.25"), Types.DECIMAL));
    cases.add(c("HOUR", TS, T.getHour(), Types.INTEGER));
    cases.add(c("MINUTE", TS, T.getMinute(), Types.INTEGER));
    cases.add(c("SECOND", TS, T.getSecond(), Types.INTEGER));
    cases.add(c("MONTH", D, MONDAY.getMonthValue(), Types.INTEGER));
    cases.add(c("QUARTER", D, 1, Types.INTEGER));
    cases.add(c("QUARTER", "DATE'2024-10-01'", 4, Types.INTEGER));
    cases.add(c("YEAR", D, MONDAY.getYear(), Types.INTEGER));
    // ISO 8601 weeks: 1 January 2021, a Friday, lies in week 53 of 2020
    cases.add(c("WEEK", D, MONDAY.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), Types.INTEGER));
    cases.add(
        c(
            "WEEK",
            "DATE'2021-01-01'",
            LocalDate.of(2021, 1, 1).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR),
            Types.INTEGER));
    cases.add(c("TIMESTAMPADD", "SQL_TSI_DAY; 1; " + TS, T.plusDays(1), Types.TIMESTAMP));
    cases.add(c("TIMESTAMPADD", "SQL_TSI_MONTH; 1; " + TS, T.plusMonths(1), Types.TIMESTAMP));
    cases.add(c("TIMESTAMPADD", "SQL_TSI_QUARTER; -1; " + TS, T.minusMonths(3), Types.TIMESTAMP));
    cases.add(c("TIMESTAMPADD", "SQL_TSI_WEEK; 2; " + TS, T.plusWeeks(2), Types.TIMESTAMP));
    cases.add(c("TIMESTAMPADD", "SQL_TSI_SECOND; 70; " + TS, T.plusSeconds(70), Types.TIMESTAMP));
    // ODBC: fractional seconds in billionths of a second
    cases.add(
        c(
            "TIMESTAMPADD",
            "SQL_TSI_FRAC_SECOND; 1500000; " + TS,
            T.plusNanos(1_500_000),
            Types.TIMESTAMP));
    // a date counts from its midnight
    cases.add(c("TIMESTAMPADD", "SQL_TSI_HOUR; 5; " + D, MONDAY.atTime(5, 0), Types.TIMESTAMP));
    String later = "TIMESTAMP'2024-03-02 01:00:00'";
    LocalDateTime laterT = LocalDateTime.of(2024, 3, 2, 1, 0);
    cases.add(
        c(
            "TIMESTAMPDIFF",
            "SQL_TSI_DAY; " + TS + "; " + later,
            ChronoUnit.DAYS.between(T, laterT),
            Types.BIGINT));
    cases.add(
        c(
            "TIMESTAMPDIFF",
            "SQL_TSI_HOUR; " + later + "; " + TS,
            ChronoUnit.HOURS.between(laterT, T),
            Types.BIGINT));
    cases.add(
        c(
            "TIMESTAMPDIFF",
            "SQL_TSI_MONTH; " + TS + "; " + later,
            ChronoUnit.MONTHS.between(T, laterT),
            Types.BIGINT));
    cases.add(
        c(
            "TIMESTAMPDIFF",
            "SQL_TSI_WEEK; " + TS + "; " + later,
            ChronoUnit.WEEKS.between(T, laterT),
            Types.BIGINT));
    cases.add(
        c(
            "TIMESTAMPDIFF",
            "SQL_TSI_FRAC_SECOND; " + TS + "; TIMESTAMP'2024-01-31 03:04:06.5'",
            ChronoUnit.NANOS.between(T, T.withSecond(6).withNano(500_000_000)),
            Types.BIGINT));

    // System
    cases.add(
        c(
            "DATABASE",
            "",
            (Check) (rs, s) -> assertThat(rs.getString(1)).isEqualTo(s.schema()),
            Types.VARCHAR));
    cases.add(
        c(
            "USER",
            "",
            (Check) (rs, s) -> assertThat(rs.getString(1)).isEqualTo(s.userName()),
            Types.VARCHAR));
    // the replacement takes the first argument's type
    cases.add(c("IFNULL", "CAST(NULL AS INT); '7'", 7, Types.INTEGER));
    cases.add(c("IFNULL", "'abc'; 7", "abc", Types.VARCHAR));
    cases.add(c("IFNULL", "CAST(NULL AS STRING); 7", "7", Types.VARCHAR));

    // Conversion: the types of the driver's JDBC-to-Spark table (docs/types.md)
    cases.add(c("CONVERT", "'12'; SQL_INTEGER", 12, Types.INTEGER));
    cases.add(c("CONVERT", "3.7; SQL_BIGINT", 3L, Types.BIGINT));
    cases.add(c("CONVERT", "1.5; SQL_VARCHAR", "1.5", Types.VARCHAR));
    cases.add(c("CONVERT", "'1.5'; SQL_DOUBLE", 1.5, Types.DOUBLE));
    cases.add(c("CONVERT", "'1.5'; SQL_FLOAT", 1.5, Types.DOUBLE));
    cases.add(c("CONVERT", "'1.5'; SQL_REAL", 1.5f, Types.REAL));
    cases.add(c("CONVERT", "1; SQL_DECIMAL", new BigDecimal("1"), Types.DECIMAL));
    cases.add(c("CONVERT", "1; SQL_BIT", true, Types.BOOLEAN));
    cases.add(c("CONVERT", "'2024-02-05'; SQL_DATE", MONDAY, Types.DATE));
    cases.add(c("CONVERT", "'2024-01-31 03:04:05.25'; SQL_TIMESTAMP", T, Types.TIMESTAMP));
    cases.add(c("CONVERT", "'10:11:12'; SQL_TIME", LocalTime.of(10, 11, 12), Types.TIME));
    return cases;
  }

  private static int odbcDayOfWeek(LocalDate date) {
    return date.getDayOfWeek() == DayOfWeek.SUNDAY ? 1 : date.getDayOfWeek().getValue() + 1;
  }

  /** The statement for a case: today the table's text, after the rewriter {@code {fn …}}. */
  /** The case as an application writes it: a JDBC escape, rewritten by the driver. */
  private static String sql(Case c) {
    return "SELECT {fn " + c.name() + "(" + String.join(", ", c.args()) + ")} AS v";
  }

  private final Map<String, Statement> statements = new java.util.LinkedHashMap<>();
  private final List<Connection> connections = new ArrayList<>();
  private Session session;
  private boolean timeType;

  @BeforeAll
  void connect(SparkConnectServer server) throws SQLException {
    for (String mode : List.of("", "translation_mode=text")) {
      Connection c =
          DriverManager.getConnection(server.url() + (mode.isEmpty() ? "" : "/;" + mode));
      connections.add(c);
      statements.put(mode.isEmpty() ? "default" : mode, c.createStatement());
    }
    Connection first = connections.get(0);
    session = new Session(first.getMetaData().getUserName(), first.getSchema());
    timeType = ServerFeatures.timeType(statements.get("default"));
  }

  @AfterAll
  void disconnect() throws SQLException {
    for (Connection c : connections) {
      c.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void answersByItsDefinition(Case c) throws SQLException {
    assumeTrue(timeType || c.type() != Types.TIME, "the server has no TIME type");
    String sql = sql(c);
    for (Map.Entry<String, Statement> mode : statements.entrySet()) {
      try (ResultSet rs = mode.getValue().executeQuery(sql)) {
        String as = c + " with " + mode.getKey() + ": " + sql;
        assertThat(JDBCType.valueOf(rs.getMetaData().getColumnType(1)))
            .as(as)
            .isEqualTo(JDBCType.valueOf(c.type()));
        assertThat(rs.next()).as(as).isTrue();
        verify(rs, c.expected(), as);
        assertThat(rs.wasNull()).as(as).isFalse();
        assertThat(rs.next()).as(as).isFalse();
      }
    }
  }

  private void verify(ResultSet rs, Object expected, String as) throws SQLException {
    if (expected instanceof Check check) {
      check.verify(rs, session);
    } else if (expected instanceof Integer i) {
      assertThat(rs.getInt(1)).as(as).isEqualTo(i);
    } else if (expected instanceof Long l) {
      assertThat(rs.getLong(1)).as(as).isEqualTo(l);
    } else if (expected instanceof Double d) {
      assertThat(rs.getDouble(1)).as(as).isCloseTo(d, within(Math.abs(d) * 1e-15));
    } else if (expected instanceof Float f) {
      assertThat(rs.getFloat(1)).as(as).isEqualTo(f);
    } else if (expected instanceof BigDecimal b) {
      assertThat(rs.getBigDecimal(1)).as(as).isEqualByComparingTo(b);
    } else if (expected instanceof Boolean b) {
      assertThat(rs.getBoolean(1)).as(as).isEqualTo(b);
    } else if (expected instanceof String s) {
      assertThat(rs.getString(1)).as(as).isEqualTo(s);
    } else if (expected instanceof LocalDate d) {
      assertThat(rs.getObject(1, LocalDate.class)).as(as).isEqualTo(d);
    } else if (expected instanceof LocalDateTime t) {
      assertThat(rs.getObject(1, LocalDateTime.class)).as(as).isEqualTo(t);
    } else if (expected instanceof LocalTime t) {
      assertThat(rs.getObject(1, LocalTime.class)).as(as).isEqualTo(t);
    } else {
      throw new IllegalArgumentException("no comparison for " + expected);
    }
  }

  /** Every function of the metadata lists, and CONVERT, has a case here. */
  @Test
  void everyFunctionHasACase() {
    List<String> named = cases().stream().map(Case::name).distinct().toList();
    List<String> listed = new ArrayList<>(List.of("CONVERT", "CURTIME", "CURRENT_TIME"));
    for (String list :
        List.of(
            JdbcFunctions.numericFunctions(),
            JdbcFunctions.stringFunctions(),
            JdbcFunctions.timeDateFunctions(),
            JdbcFunctions.systemFunctions())) {
      listed.addAll(List.of(list.split(",")));
    }
    assertThat(named).containsExactlyInAnyOrderElementsOf(listed);
  }
}
