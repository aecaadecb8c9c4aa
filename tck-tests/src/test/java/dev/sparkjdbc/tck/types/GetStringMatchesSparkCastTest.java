package dev.sparkjdbc.tck.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sparkjdbc.tck.harness.ServerFeatures;
import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code getString} on a column of any type equals Spark's own {@code CAST(x AS STRING)}, which the
 * server computes in the same row: {@code SELECT v, CAST(v AS STRING) FROM (SELECT <expr>)}. The
 * expected text never comes from the driver.
 */
@ExtendWith(SparkConnectServerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GetStringMatchesSparkCastTest {

  /** Every Spark type, at its edges. */
  static Stream<String> corpus() {
    return Stream.of(
        // boolean
        "true",
        "false",
        // integral types at min/max
        "CAST(-128 AS TINYINT)",
        "CAST(127 AS TINYINT)",
        "CAST(-32768 AS SMALLINT)",
        "CAST(32767 AS SMALLINT)",
        "CAST(-2147483648 AS INT)",
        "CAST(2147483647 AS INT)",
        "CAST(-9223372036854775808 AS BIGINT)",
        "CAST(9223372036854775807 AS BIGINT)",
        // float
        "CAST('Infinity' AS FLOAT)",
        "CAST('-Infinity' AS FLOAT)",
        "CAST('NaN' AS FLOAT)",
        "CAST('-0.0' AS FLOAT)",
        "CAST('1e-45' AS FLOAT)",
        "CAST('3.4028235E38' AS FLOAT)",
        "CAST('1.0E10' AS FLOAT)",
        "CAST('0.1' AS FLOAT)",
        "CAST(123456789 AS FLOAT)",
        "CAST('1.0E-5' AS FLOAT)",
        "CAST(1234567 AS FLOAT)",
        // double
        "CAST('Infinity' AS DOUBLE)",
        "CAST('-Infinity' AS DOUBLE)",
        "CAST('NaN' AS DOUBLE)",
        "CAST('-0.0' AS DOUBLE)",
        "CAST('4.9E-324' AS DOUBLE)",
        "CAST('1.7976931348623157E308' AS DOUBLE)",
        "CAST('1.0E10' AS DOUBLE)",
        "CAST('0.1' AS DOUBLE) + CAST('0.2' AS DOUBLE)",
        "CAST('1.0E7' AS DOUBLE)",
        "CAST('1.0E-3' AS DOUBLE)",
        "CAST('123456789012.5' AS DOUBLE)",
        // decimal
        "CAST('99999999999999999999999999999999999999' AS DECIMAL(38,0))",
        "CAST('-99999999999999999999999999999999999999' AS DECIMAL(38,0))",
        "CAST('0.99999999999999999999999999999999999999' AS DECIMAL(38,38))",
        "CAST('-0.00000000000000000000000000000000000001' AS DECIMAL(38,38))",
        "CAST('123.4500' AS DECIMAL(7,4))",
        "123.4500",
        "CAST(0 AS DECIMAL(10,2))",
        "CAST('0.0000001' AS DECIMAL(20,10))",
        "CAST('1234567890123456789012345678.0123456789' AS DECIMAL(38,10))",
        // strings
        "''",
        "'hello'",
        "'héllo, wörld'",
        "'😀'",
        "'𝄞 clef 😀 end'",
        "'中文字符'",
        "concat('line1', chr(10), 'line2', chr(13), chr(10))",
        "concat('tab', chr(9), 'x')",
        "'say \"hi\"'",
        "concat('it', chr(39), 's')",
        "'  padded  '",
        "CAST('ab' AS CHAR(5))",
        "CAST('ab' AS VARCHAR(5))",
        // binary
        "X'414243'",
        "X''",
        "X'FF00FE'",
        "X'C328'",
        "X'F09F9880'",
        "unhex('E282AC')",
        // dates
        "DATE '0001-01-01'",
        "DATE '9999-12-31'",
        "DATE '1970-01-01'",
        "DATE '2024-02-29'",
        "DATE '1582-10-10'",
        // timestamps (session zone) and timestamp_ntz
        "TIMESTAMP '2024-01-31 10:00:00.123456'",
        "TIMESTAMP '2024-01-31 10:00:00'",
        "TIMESTAMP '2024-01-31 10:00:00.1'",
        "TIMESTAMP '1969-12-31 23:59:59.999999'",
        "TIMESTAMP '0001-01-01 00:00:00'",
        "TIMESTAMP '9999-12-31 23:59:59.999999'",
        "TIMESTAMP '1900-01-01 00:00:00'",
        "TIMESTAMP_NTZ '2024-01-31 10:00:00.123456'",
        "TIMESTAMP_NTZ '0001-01-01 00:00:00'",
        "TIMESTAMP_NTZ '9999-12-31 23:59:59.999999'",
        "TIMESTAMP_NTZ '1969-12-31 23:59:59.5'",
        // time
        "TIME '12:34:56'",
        "TIME '23:59:59.999999'",
        "TIME '00:00:00.5'",
        // ANSI intervals, every field range, positive and negative
        "INTERVAL '5' YEAR",
        "INTERVAL '-5' YEAR",
        "INTERVAL '7' MONTH",
        "INTERVAL '-13' MONTH",
        "INTERVAL '1-2' YEAR TO MONTH",
        "INTERVAL '-1-2' YEAR TO MONTH",
        "INTERVAL '0-0' YEAR TO MONTH",
        "INTERVAL '178956970-7' YEAR TO MONTH",
        "INTERVAL '-178956970-8' YEAR TO MONTH",
        "INTERVAL '3' DAY",
        "INTERVAL '-3' DAY",
        "INTERVAL '4' HOUR",
        "INTERVAL '-25' HOUR",
        "INTERVAL '5' MINUTE",
        "INTERVAL '-61' MINUTE",
        "INTERVAL '6.789' SECOND",
        "INTERVAL '-0.000001' SECOND",
        "INTERVAL '75' SECOND",
        "INTERVAL '1 02' DAY TO HOUR",
        "INTERVAL '-1 02' DAY TO HOUR",
        "INTERVAL '1 02:03' DAY TO MINUTE",
        "INTERVAL '1 02:03:04.5' DAY TO SECOND",
        "INTERVAL '-1 02:03:04.123456' DAY TO SECOND",
        "INTERVAL '0 00:00:00' DAY TO SECOND",
        "INTERVAL '106751991 04:00:54.775807' DAY TO SECOND",
        "INTERVAL '02:03' HOUR TO MINUTE",
        "INTERVAL '-02:03:04' HOUR TO SECOND",
        "INTERVAL '03:04.5' MINUTE TO SECOND",
        "INTERVAL '-03:04' MINUTE TO SECOND",
        // calendar intervals
        "make_interval(1, 2, 3, 4, 5, 6, 7.5)",
        "make_interval(0, 0, 0, 0, 0, 0, 0)",
        "make_interval(-1, 0, 0, -2, 0, 0, -0.000001)",
        "make_interval(0, 0, 0, 0, 25, 61, 1.5)",
        "make_interval(0, 14, 0, 0, -1, -2, -3.25)",
        // arrays
        "array()",
        "array(1, NULL, 3)",
        "array(array(1, 2), array(), NULL)",
        "array('a', NULL, '', 'b,c')",
        "array(CAST('1.5' AS DOUBLE), CAST('NaN' AS DOUBLE))",
        "array(DATE '2024-01-01', NULL)",
        "array(TIMESTAMP '2024-01-01 00:00:00.5')",
        "array(X'414243')",
        "array(INTERVAL '1' DAY)",
        "array(CAST('1.50' AS DECIMAL(5,2)))",
        // maps
        "map('a', 1, 'b', NULL)",
        "map()",
        "map(1, array(1, 2), 2, NULL)",
        "map('k', map('x', 1))",
        "map(DATE '2024-01-01', 'd')",
        // structs
        "named_struct('a', 1, 'b', 'x')",
        "named_struct('a', NULL, 'b', named_struct('c', 2, 'd', NULL))",
        "named_struct('a', array(1, 2), 'm', map('k', 'v'))",
        "named_struct('t', TIMESTAMP '2024-01-01 12:00:00', 'i', INTERVAL '1-1' YEAR TO MONTH)",
        // array of struct of map
        "array(named_struct('m', map('k', 1, 'j', NULL)), NULL)",
        // variants
        "parse_json('{\"a\":1,\"b\":[true,null,\"x\"]}')",
        "parse_json('[1,2.5,\"s\",{}]')",
        "parse_json('\"top-level string\"')",
        "parse_json('42')",
        "parse_json('-1.5e10')",
        "parse_json('true')",
        "parse_json('false')",
        "parse_json('null')",
        "parse_json('12345678901234567890')",
        "parse_json('3.14')",
        "parse_json('\"😀\"')",
        "parse_json('{\"nested\":{\"k\":\"v\"},\"e\":[]}')",
        "parse_json('\"a string longer than sixty-four bytes, so not a short string in the"
            + " encoding\"')",
        "CAST(DATE '2024-01-01' AS VARIANT)",
        "CAST(TIMESTAMP '2024-01-01 12:00:00.5' AS VARIANT)",
        "CAST(TIMESTAMP_NTZ '2024-01-01 12:00:00' AS VARIANT)",
        "CAST(CAST('1.5' AS DOUBLE) AS VARIANT)",
        "CAST(CAST('1.5' AS FLOAT) AS VARIANT)",
        "CAST(CAST('12.50' AS DECIMAL(6,2)) AS VARIANT)",
        "CAST(X'41' AS VARIANT)",
        "CAST(array(1, NULL) AS VARIANT)",
        // NULL of a type, and of no type
        "CAST(NULL AS INT)",
        "NULL");
  }

  /** The temporal part of the corpus, read again in sessions whose zone is not UTC. */
  static Stream<String> zonedCorpus() {
    return corpus()
        .filter(e -> e.contains("TIMESTAMP") || e.contains("DATE"))
        .flatMap(e -> Stream.of("America/Los_Angeles", "Asia/Kolkata").map(z -> z + " | " + e));
  }

  /** Spark 4.2 refuses the TIME type (UNSUPPORTED_TIME_TYPE) unless this flag is set. */
  private String url;

  private Connection connection;
  private Statement statement;
  private boolean timeType;

  @BeforeAll
  void connect(SparkConnectServer server) throws SQLException {
    url = server.url();
    connection = DriverManager.getConnection(server.url());
    statement = connection.createStatement();
    // bin/server turns Spark 4.2's TIME on; Spark 4.0 has none
    timeType = ServerFeatures.timeType(statement);
  }

  /** TIME values are tested only where the server has the type. */
  private void assumeSupported(String expression) {
    assumeTrue(timeType || !expression.startsWith("TIME '"), "the server has no TIME type");
  }

  @AfterAll
  void disconnect() throws SQLException {
    connection.close();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void getStringEqualsSparksCastToString(String expression) throws SQLException {
    assumeSupported(expression);
    assertGetStringMatchesCast(statement, expression);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("zonedCorpus")
  void getStringEqualsSparksCastToStringInANonUtcSession(String zoneAndExpression)
      throws SQLException {
    String zone = zoneAndExpression.substring(0, zoneAndExpression.indexOf(" | "));
    String expression = zoneAndExpression.substring(zone.length() + 3);
    try (Connection zoned = DriverManager.getConnection(url);
        Statement s = zoned.createStatement()) {
      s.execute("SET spark.sql.session.timeZone=" + zone);
      assertGetStringMatchesCast(s, expression);
    }
  }

  static void assertGetStringMatchesCast(Statement statement, String expression)
      throws SQLException {
    String sql = "SELECT v, CAST(v AS STRING) AS s FROM (SELECT " + expression + " AS v) t";
    try (ResultSet rs = statement.executeQuery(sql)) {
      assertThat(rs.next()).as(sql).isTrue();
      String expected = rs.getString(2);
      boolean expectedNull = rs.wasNull();
      String actual = rs.getString(1);
      assertThat(rs.wasNull())
          .as("wasNull after getString of %s", expression)
          .isEqualTo(expectedNull);
      assertThat(actual)
          .as(
              "getString of %s (type %s) vs Spark's CAST(… AS STRING)",
              expression, rs.getMetaData().getColumnTypeName(1))
          .isEqualTo(expected);
      assertThat(rs.next()).isFalse();
    }
  }

  /** A sanity check of the corpus itself: it covers every type named in docs/types.md. */
  @org.junit.jupiter.api.Test
  void corpusCoversEveryTypeOfTheMapping() throws SQLException {
    Set<String> seen = new TreeSet<>();
    for (String expression : corpus().toList()) {
      if (!timeType && expression.startsWith("TIME '")) {
        seen.add("TIME"); // covered where the server has the type
        continue;
      }
      try (ResultSet rs = statement.executeQuery("SELECT " + expression + " AS v")) {
        String name = rs.getMetaData().getColumnTypeName(1);
        seen.add(name.startsWith("INTERVAL ") ? "INTERVAL (ANSI)" : name);
      }
    }
    assertThat(seen)
        .containsAll(
            List.of(
                "BOOLEAN",
                "TINYINT",
                "SMALLINT",
                "INT",
                "BIGINT",
                "FLOAT",
                "DOUBLE",
                "DECIMAL",
                "STRING",
                "BINARY",
                "DATE",
                "TIMESTAMP",
                "TIMESTAMP_NTZ",
                "TIME",
                "INTERVAL (ANSI)",
                "INTERVAL",
                "ARRAY",
                "MAP",
                "STRUCT",
                "VARIANT",
                "VOID"));
  }
}
