package dev.sparkjdbc.tck.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every function that getNumeric/String/System/TimeDateFunctions lists works as a JDBC escape
 * {@code {fn NAME(...)}}: the arguments are those of the JDBC 4.3 specification's appendix D.
 */
@Tag("smoke") // also run against older servers: docs/compatibility.md
@ExtendWith(SparkConnectServerExtension.class)
class EscapeFunctionListsTest {
  private static final String D = "{d '2024-01-02'}";
  private static final String TS = "{ts '2024-01-02 03:04:05'}";

  /** Sample arguments per function of the JDBC specification's appendix D. */
  private static final Map<String, String> ARGUMENTS =
      Map.ofEntries(
          Map.entry("ABS", "-1"),
          Map.entry("ACOS", "1"),
          Map.entry("ASIN", "0"),
          Map.entry("ATAN", "0"),
          Map.entry("ATAN2", "1, 1"),
          Map.entry("CEILING", "1.5"),
          Map.entry("COS", "0"),
          Map.entry("COT", "1"),
          Map.entry("DEGREES", "1"),
          Map.entry("EXP", "0"),
          Map.entry("FLOOR", "1.5"),
          Map.entry("LOG", "1"),
          Map.entry("LOG10", "10"),
          Map.entry("MOD", "5, 3"),
          Map.entry("PI", ""),
          Map.entry("POWER", "2, 3"),
          Map.entry("RADIANS", "180"),
          Map.entry("RAND", "1"),
          Map.entry("ROUND", "1.5, 0"),
          Map.entry("SIGN", "-2"),
          Map.entry("SIN", "0"),
          Map.entry("SQRT", "4"),
          Map.entry("TAN", "0"),
          Map.entry("TRUNCATE", "1.5, 0"),
          Map.entry("ASCII", "'a'"),
          Map.entry("CHAR", "65"),
          Map.entry("CHAR_LENGTH", "'ab'"),
          Map.entry("CHARACTER_LENGTH", "'ab'"),
          Map.entry("CONCAT", "'a', 'b'"),
          Map.entry("DIFFERENCE", "'a', 'b'"),
          Map.entry("INSERT", "'abc', 1, 1, 'x'"),
          Map.entry("LCASE", "'A'"),
          Map.entry("LEFT", "'abc', 1"),
          Map.entry("LENGTH", "'abc'"),
          Map.entry("LOCATE", "'b', 'abc'"),
          Map.entry("LTRIM", "' a'"),
          Map.entry("OCTET_LENGTH", "'ab'"),
          Map.entry("POSITION", "'b' IN 'abc'"),
          Map.entry("REPEAT", "'a', 2"),
          Map.entry("REPLACE", "'abc', 'b', 'x'"),
          Map.entry("RIGHT", "'abc', 1"),
          Map.entry("RTRIM", "'a '"),
          Map.entry("SOUNDEX", "'a'"),
          Map.entry("SPACE", "2"),
          Map.entry("SUBSTRING", "'abc', 1, 1"),
          Map.entry("UCASE", "'a'"),
          Map.entry("DATABASE", ""),
          Map.entry("IFNULL", "NULL, 1"),
          Map.entry("USER", ""),
          Map.entry("CURRENT_DATE", ""),
          Map.entry("CURRENT_TIME", ""),
          Map.entry("CURRENT_TIMESTAMP", ""),
          Map.entry("CURDATE", ""),
          Map.entry("CURTIME", ""),
          Map.entry("DAYNAME", D),
          Map.entry("DAYOFMONTH", D),
          Map.entry("DAYOFWEEK", D),
          Map.entry("DAYOFYEAR", D),
          Map.entry("EXTRACT", "YEAR FROM " + D),
          Map.entry("HOUR", TS),
          Map.entry("MINUTE", TS),
          Map.entry("MONTH", D),
          Map.entry("MONTHNAME", D),
          Map.entry("NOW", ""),
          Map.entry("QUARTER", D),
          Map.entry("SECOND", TS),
          Map.entry("TIMESTAMPADD", "SQL_TSI_DAY, 1, " + TS),
          Map.entry("TIMESTAMPDIFF", "SQL_TSI_DAY, " + TS + ", " + TS),
          Map.entry("WEEK", D),
          Map.entry("YEAR", D));

  @Test
  void everyListedFunctionRunsAsAnEscape(SparkConnectServer server) throws SQLException {
    try (Connection c = DriverManager.getConnection(server.url())) {
      DatabaseMetaData md = c.getMetaData();
      List<String> listed = new ArrayList<>();
      for (String list :
          List.of(
              md.getNumericFunctions(),
              md.getStringFunctions(),
              md.getSystemFunctions(),
              md.getTimeDateFunctions())) {
        for (String name : list.split(",")) {
          if (!name.isBlank()) {
            listed.add(name.trim());
          }
        }
      }
      assertThat(listed).contains("ABS", "UCASE", "IFNULL", "CURDATE");
      assertThat(ARGUMENTS.keySet()).as("functions of appendix D").containsAll(listed);
      List<String> failures = new ArrayList<>();
      try (Statement s = c.createStatement()) {
        for (String name : listed) {
          String sql = "SELECT {fn " + name + "(" + ARGUMENTS.get(name) + ")}";
          try (ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
          } catch (SQLException e) {
            failures.add(sql + " -> " + e.getMessage().lines().findFirst().orElse(""));
          }
        }
      }
      assertThat(failures).as("listed functions that fail as escapes").isEmpty();
    }
  }
}
