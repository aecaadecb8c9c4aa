package dev.sparkjdbc.tck.faults;

import static dev.sparkjdbc.tck.faults.BadInput.answerOrSqlException;
import static dev.sparkjdbc.tck.faults.BadInput.escape;
import static dev.sparkjdbc.tck.faults.BadInput.excerpt;
import static dev.sparkjdbc.tck.faults.BadInput.messageProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import dev.sparkjdbc.tck.harness.TestSchemas;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile SQL: 10 MB statements and parameters, and unpaired UTF-16 surrogates in SQL text,
 * parameters, identifiers and metadata patterns. Each runs correctly or fails with an {@link
 * SQLException} with a message a person can act on: no other exception, no hang, no silently
 * changed text, and the connection stays usable. The other bad-input tests are listed in {@link
 * BadInput}.
 */
@ExtendWith(SparkConnectServerExtension.class)
class HostileSqlTest {
  private static final int MB10 = 10 * 1024 * 1024;
  private static final String[] LONE_SURROGATES = {
    "\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\uDC00\uD800", "x\uD83D"
  };

  /** Holds a table whose column names contain a supplementary character (an emoji). */
  private static String schema;

  @BeforeAll
  static void setUp(SparkConnectServer server) throws SQLException {
    schema = "bad_input_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    try (Connection c = DriverManager.getConnection(server.url());
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
      // Spark's session catalog allows only letters, digits and _ in table names; columns may
      // have any name
      s.execute(
          "CREATE TABLE "
              + schema
              + ".tbl_emoji (`c_\uD83D\uDE00` INT, `ü\uD83D\uDE00x` "
              + "STRING) USING parquet");
    }
  }

  @AfterAll
  static void tearDown(SparkConnectServer server) {
    TestSchemas.dropQuietly(server.url(), schema);
  }

  // =======================================================================================
  // Huge statements

  @Test
  void tenMegabyteStringLiteralInAStatement(SparkConnectServer server) {
    String sql = "SELECT length('" + "x".repeat(MB10) + "') AS n";
    assertThat(queryLong(server, s -> s.executeQuery(sql))).isEqualTo(MB10);
  }

  @Test
  void tenMegabyteCommentInAStatement(SparkConnectServer server) {
    String sql = "SELECT 42 AS n /* " + "*".repeat(MB10) + " */";
    assertThat(queryLong(server, s -> s.executeQuery(sql))).isEqualTo(42);
    String lineComments = "-- " + "c".repeat(MB10) + "\nSELECT 43 AS n";
    assertThat(queryLong(server, s -> s.executeQuery(lineComments))).isEqualTo(43);
  }

  @Test
  void tenMegabyteParameterAndPreparedStatement(SparkConnectServer server) {
    assertTimeoutPreemptively(
        Duration.ofSeconds(90),
        () -> {
          try (Connection c = DriverManager.getConnection(server.url())) {
            try (PreparedStatement ps = c.prepareStatement("SELECT length(?) AS n")) {
              ps.setString(1, "é".repeat(MB10));
              try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(MB10);
              }
            }
            try (PreparedStatement ps =
                c.prepareStatement("SELECT ? AS p, length('" + "y".repeat(MB10) + "') AS n")) {
              ps.setInt(1, 7);
              try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(7);
                assertThat(rs.getLong(2)).isEqualTo(MB10);
              }
            }
          }
        });
  }

  /**
   * 10 MB that Spark rejects at once (garbage: a syntax error) or runs (a query behind 10 MB of
   * blanks): an SQLException with a message or the right answer; the connection stays usable.
   */
  @Test
  void tenMegabyteGarbageFailsCleanly(SparkConnectServer server) {
    assertTimeoutPreemptively(
        Duration.ofSeconds(90),
        () -> {
          try (Connection c = DriverManager.getConnection(server.url());
              Statement s = c.createStatement()) {
            for (String sql :
                List.of(
                    "x".repeat(MB10),
                    "SELECT " + "'".repeat(MB10 - 1),
                    "SELECT 1 FROM " + "`".repeat(MB10),
                    "{".repeat(MB10),
                    ";".repeat(MB10))) {
              try (ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                  rs.getObject(1);
                }
              } catch (SQLException e) {
                assertThat(messageProblem(excerpt(sql), e)).isNull();
              }
            }
            try (ResultSet rs = s.executeQuery(" ".repeat(MB10) + "SELECT 5 AS n")) {
              assertThat(rs.next()).isTrue();
              assertThat(rs.getInt(1)).isEqualTo(5);
            }
          }
        });
  }

  /**
   * 10 MB of nesting or of a flat operator chain costs Spark's own parser and planner minutes and
   * gigabytes (measured: a 2.6-million-term sum or a 3.5-million-value IN list ran a 2 GB server
   * out of heap), so those are not sent to the shared server. With translation_mode=strict the
   * driver itself refuses them, at once and with an SQLException: a statement too long to
   * translate.
   */
  @Test
  void tenMegabyteNestingIsRefusedInStrictModeWithoutTheServer(SparkConnectServer server) {
    List<String> statements =
        List.of(
            "SELECT " + "(".repeat(MB10 / 2) + "1" + ")".repeat(MB10 / 2),
            "SELECT 1" + " + 1".repeat(MB10 / 4),
            "SELECT 1 FROM range(1) WHERE id IN (" + "1, ".repeat(MB10 / 3) + "1)",
            "SELECT " + "abs(".repeat(MB10 / 5) + "1" + ")".repeat(MB10 / 5),
            "WITH " + "c AS (SELECT 1), ".repeat(MB10 / 18) + "d AS (SELECT 1) SELECT * FROM d");
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> {
          try (Connection c =
                  DriverManager.getConnection(server.url() + "/;translation_mode=strict");
              Statement s = c.createStatement()) {
            for (String sql : statements) {
              long started = System.nanoTime();
              try {
                s.executeQuery(sql).close();
                throw new AssertionError("strict mode ran " + excerpt(sql));
              } catch (SQLException e) {
                assertThat(messageProblem(excerpt(sql), e)).isNull();
                assertThat(e.getMessage()).containsIgnoringCase("translat");
              }
              try {
                c.prepareStatement(sql).close();
                throw new AssertionError("strict mode prepared " + excerpt(sql));
              } catch (SQLException e) {
                assertThat(messageProblem(excerpt(sql), e)).isNull();
              }
              assertThat(Duration.ofNanos(System.nanoTime() - started))
                  .as("refused without the server: %s", excerpt(sql))
                  .isLessThan(Duration.ofSeconds(10));
            }
            try (ResultSet rs = s.executeQuery("SELECT 1")) {
              assertThat(rs.next()).isTrue();
            }
          }
        });
  }

  private interface Query {
    ResultSet run(Statement s) throws SQLException;
  }

  private static long queryLong(SparkConnectServer server, Query query) {
    return assertTimeoutPreemptively(
        Duration.ofSeconds(90),
        () -> {
          try (Connection c = DriverManager.getConnection(server.url());
              Statement s = c.createStatement();
              ResultSet rs = query.run(s)) {
            assertThat(rs.next()).isTrue();
            return rs.getLong(1);
          }
        });
  }

  // =======================================================================================
  // Unpaired UTF-16 surrogates: no UTF-8 encoding exists, so sending them would silently turn
  // them into '?'. An SQLException must say so instead.

  @Test
  void loneSurrogatesInSqlTextAreRefused(SparkConnectServer server) throws SQLException {
    List<String> failures = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(server.url());
        Statement s = c.createStatement()) {
      for (String lone : LONE_SURROGATES) {
        for (String sql :
            List.of(
                "SELECT '" + lone + "' AS v",
                "SELECT 1 AS `a" + lone + "`",
                "SELECT 1 -- " + lone,
                "SELECT * FROM " + schema + ".`t" + lone + "`",
                "CREATE TABLE " + schema + ".`t" + lone + "` (a INT) USING parquet")) {
          expectSurrogateRefusal(
              failures, "Statement.execute(" + escape(sql) + ")", () -> s.execute(sql));
          expectSurrogateRefusal(
              failures,
              "prepareStatement(" + escape(sql) + ")",
              () -> c.prepareStatement(sql).execute());
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT 1")) {
        assertThat(rs.next()).isTrue();
      }
    }
    assertThat(failures).as("SQL with unpaired surrogates").isEmpty();
  }

  @Test
  void loneSurrogatesInParametersAreRefused(SparkConnectServer server) throws SQLException {
    List<String> failures = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(server.url());
        PreparedStatement ps = c.prepareStatement("SELECT ? AS v")) {
      for (String lone : LONE_SURROGATES) {
        String v = "a" + lone + "b";
        Map<String, BadInput.Attempt> setters = new LinkedHashMap<>();
        setters.put("setString", () -> ps.setString(1, v));
        setters.put("setNString", () -> ps.setNString(1, v));
        setters.put("setObject(String)", () -> ps.setObject(1, v));
        setters.put("setObject(String, VARCHAR)", () -> ps.setObject(1, v, Types.VARCHAR));
        setters.put("setObject(Character)", () -> ps.setObject(1, lone.charAt(lone.length() - 1)));
        setters.put("setCharacterStream", () -> ps.setCharacterStream(1, new StringReader(v)));
        setters.put("setClob(Reader)", () -> ps.setClob(1, new StringReader(v)));
        setters.put(
            "setArray(createArrayOf)",
            () -> ps.setArray(1, c.createArrayOf("string", new Object[] {"ok", v})));
        for (Map.Entry<String, BadInput.Attempt> e : setters.entrySet()) {
          expectSurrogateRefusal(
              failures,
              e.getKey() + "(" + escape(v) + ")",
              () -> {
                e.getValue().run();
                return ps.executeQuery();
              });
        }
      }
      // still usable, and a valid surrogate pair is no problem
      ps.setString(1, "ok \uD83D\uDE00");
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("ok \uD83D\uDE00");
      }
    }
    assertThat(failures).as("parameters with unpaired surrogates").isEmpty();
  }

  /**
   * Metadata patterns and names with unpaired surrogates: no name on the server can match, so an
   * empty result or an SQLException; never another exception. Identifiers with valid supplementary
   * characters (an emoji in a column name) are found by exact name and by pattern.
   */
  @Test
  void surrogatesInIdentifiersAndMetadataPatterns(SparkConnectServer server) throws SQLException {
    List<String> failures = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(server.url())) {
      DatabaseMetaData md = c.getMetaData();
      for (String lone : LONE_SURROGATES) {
        Map<String, Callable<ResultSet>> calls = new LinkedHashMap<>();
        calls.put("getTables(schema pattern)", () -> md.getTables(null, lone + "%", "%", null));
        calls.put("getTables(table)", () -> md.getTables(null, schema, "tbl_emoji" + lone, null));
        calls.put("getTables(table pattern)", () -> md.getTables(null, schema, "%" + lone, null));
        calls.put("getColumns", () -> md.getColumns(null, schema, "%", "c_" + lone));
        calls.put(
            "getColumns(half an emoji)",
            () -> md.getColumns(null, schema, "tbl_emoji", "c_" + lone.charAt(0)));
        calls.put("getSchemas", () -> md.getSchemas(null, lone));
        calls.put("getSchemas(catalog)", () -> md.getSchemas(lone, null));
        calls.put("getFunctions", () -> md.getFunctions(null, null, lone + "%"));
        calls.put("getPrimaryKeys", () -> md.getPrimaryKeys(null, lone, lone));
        for (Map.Entry<String, Callable<ResultSet>> e : calls.entrySet()) {
          String what = e.getKey() + " with " + escape(lone);
          answerOrSqlException(
              failures,
              what,
              () -> {
                try (ResultSet rs = e.getValue().call()) {
                  if (rs.next()) {
                    failures.add(what + ": matched " + rs.getString(3));
                  }
                }
              });
        }
        for (Map.Entry<String, BadInput.Attempt> e :
            Map.<String, BadInput.Attempt>of(
                    "setSchema", () -> c.setSchema("s" + lone),
                    "setCatalog", () -> c.setCatalog("c" + lone),
                    "nativeSQL", () -> c.nativeSQL("SELECT '" + lone + "'"))
                .entrySet()) {
          answerOrSqlException(failures, e.getKey() + " with " + escape(lone), e.getValue());
        }
      }
      // a supplementary character is two chars but one character of a name
      Map<String, List<String>> columnPatterns = new LinkedHashMap<>();
      columnPatterns.put("c_\uD83D\uDE00", List.of("c_\uD83D\uDE00")); // '_' is a wildcard too
      columnPatterns.put("c\\_\uD83D\uDE00", List.of("c_\uD83D\uDE00"));
      columnPatterns.put("%\uD83D\uDE00", List.of("c_\uD83D\uDE00"));
      columnPatterns.put("c__", List.of("c_\uD83D\uDE00"));
      columnPatterns.put("c___", List.of());
      columnPatterns.put("ü\uD83D\uDE00_", List.of("ü\uD83D\uDE00x"));
      columnPatterns.put("%\uD83D\uDE00%", List.of("c_\uD83D\uDE00", "ü\uD83D\uDE00x"));
      columnPatterns.put("\uD83D%", List.of()); // half a character matches nothing
      for (Map.Entry<String, List<String>> e : columnPatterns.entrySet()) {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = md.getColumns(null, schema, "tbl_emoji", e.getKey())) {
          while (rs.next()) {
            names.add(rs.getString("COLUMN_NAME"));
          }
        }
        if (!names.equals(e.getValue())) {
          failures.add(
              "getColumns(column pattern "
                  + escape(e.getKey())
                  + ") found "
                  + names.stream().map(BadInput::escape).toList()
                  + ", expected "
                  + e.getValue().stream().map(BadInput::escape).toList());
        }
      }
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT `c_\uD83D\uDE00` FROM " + schema + ".tbl_emoji")) {
        assertThat(rs.getMetaData().getColumnLabel(1)).isEqualTo("c_\uD83D\uDE00");
        assertThat(rs.next()).isFalse();
      }
    }
    assertThat(failures).as("identifiers and patterns with surrogates").isEmpty();
  }

  private static void expectSurrogateRefusal(List<String> failures, String what, Callable<?> call) {
    try {
      Object result = call.call();
      String shown = String.valueOf(result);
      if (result instanceof ResultSet rs) {
        shown = rs.next() ? "a row with " + escape(rs.getString(1)) : "an empty result";
        rs.close();
      }
      failures.add(what + ": no SQLException, answered " + shown);
    } catch (SQLException e) {
      String m = e.getMessage() == null ? "" : e.getMessage();
      if (!m.toLowerCase(Locale.ROOT).contains("surrogate")) {
        failures.add(
            what
                + ": an SQLException that does not mention the unpaired surrogate: "
                + e
                + " (SQLSTATE "
                + e.getSQLState()
                + ")");
      }
    } catch (Throwable t) {
      failures.add(what + ": threw " + ConcurrencyTest.stack(t));
    }
  }
}
