package dev.sparkjdbc.tck.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import dev.sparkjdbc.tck.harness.TestSchemas;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * JDBC escapes (JDBC 4.3 §13.4) in every kind of statement: queries that translate and queries that
 * go as text, DML and DDL, plain and prepared statements with {@code ?} markers and batches.
 * Escapes inside strings, comments and quoted names are text in both quoting modes, as is a {@code
 * ?} there; {@code setEscapeProcessing(false)} lets an escape reach Spark, whose parser rejects it.
 * Function escapes use names Spark knows as they are ({@code UCASE}, {@code ABS}…).
 */
@ExtendWith(SparkConnectServerExtension.class)
class JdbcEscapesTest {
  private final List<String> tables = new ArrayList<>();
  private SparkConnectServer server;
  private Connection connection;

  @BeforeEach
  void connect(SparkConnectServer server) throws SQLException {
    this.server = server;
    connection = DriverManager.getConnection(server.url());
  }

  @AfterEach
  void dropAndDisconnect() throws SQLException {
    try (Statement s = connection.createStatement()) {
      for (String table : tables) {
        s.execute("DROP TABLE IF EXISTS " + table);
      }
    } finally {
      connection.close();
    }
  }

  /** A Delta table {@code (d DATE, ts TIMESTAMP, s STRING)}, dropped after the test. */
  private String table() throws SQLException {
    String table = TestSchemas.unique("escapes");
    tables.add(table);
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE TABLE " + table + " (d DATE, ts TIMESTAMP, s STRING)");
    }
    return table;
  }

  /** Every row of a query, columns joined by '|', rows in order. */
  private static List<String> rows(ResultSet rs) throws SQLException {
    List<String> out = new ArrayList<>();
    try (rs) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          row.append(i == 1 ? "" : "|").append(rs.getString(i));
        }
        out.add(row.toString());
      }
    }
    return out;
  }

  private List<String> query(String sql) throws SQLException {
    try (Statement s = connection.createStatement()) {
      return rows(s.executeQuery(sql));
    }
  }

  private void assertRow(String table, String where, LocalDate d, LocalDateTime ts, String s)
      throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT d, ts, s FROM " + table + " WHERE " + where)) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getObject(1, LocalDate.class)).isEqualTo(d);
      assertThat(rs.getObject(2, LocalDateTime.class)).isEqualTo(ts);
      assertThat(rs.getString(3)).isEqualTo(s);
      assertThat(rs.next()).isFalse();
    }
  }

  private static final LocalDate LEAP_DAY = LocalDate.of(2020, 2, 29);
  private static final LocalDateTime LEAP_TS = LocalDateTime.of(2020, 2, 29, 10, 11, 12);

  @Test
  void insertWithEscapesThroughAStatement() throws SQLException {
    String t = table();
    try (Statement s = connection.createStatement()) {
      int count =
          s.executeUpdate(
              "INSERT INTO "
                  + t
                  + " VALUES ({d '2020-02-29'}, {ts '2020-02-29 10:11:12'}, {fn UCASE('abc')})");
      assertThat(count).isEqualTo(1);
    }
    assertRow(t, "TRUE", LEAP_DAY, LEAP_TS, "ABC");
  }

  @Test
  void insertWithEscapesAndMarkersThroughAPreparedStatementAndABatch() throws SQLException {
    String t = table();
    String sql =
        "INSERT INTO "
            + t
            + " VALUES ({d '2020-02-29'}, {ts '2020-02-29 10:11:12'}, {fn UCASE(?)})";
    try (PreparedStatement p = connection.prepareStatement(sql)) {
      assertThat(p.getParameterMetaData().getParameterCount()).isEqualTo(1);
      p.setString(1, "one");
      assertThat(p.executeUpdate()).isEqualTo(1);
      p.setString(1, "two");
      p.addBatch();
      p.setString(1, "three");
      p.addBatch();
      assertThat(p.executeBatch()).containsExactly(1, 1);
    }
    assertRow(t, "s = 'ONE'", LEAP_DAY, LEAP_TS, "ONE");
    assertRow(t, "s = 'TWO'", LEAP_DAY, LEAP_TS, "TWO");
    assertRow(t, "s = 'THREE'", LEAP_DAY, LEAP_TS, "THREE");
  }

  @Test
  void escapesInCreateTableAsSelectUpdateAndDelete() throws SQLException {
    String copy = TestSchemas.unique("escapes_ctas");
    tables.add(copy);
    try (Statement s = connection.createStatement()) {
      s.executeUpdate(
          "CREATE TABLE "
              + copy
              + " AS SELECT {d '2020-02-29'} AS d, {ts '2020-02-29 10:11:12'} AS ts,"
              + " {fn LCASE('MiXeD')} AS s");
      assertRow(copy, "TRUE", LEAP_DAY, LEAP_TS, "mixed");

      assertThat(
              s.executeUpdate(
                  "UPDATE "
                      + copy
                      + " SET s = {fn UCASE(s)}, d = {d '2021-03-01'} WHERE d = {d '2020-02-29'}"))
          .isEqualTo(1);
      assertRow(copy, "TRUE", LocalDate.of(2021, 3, 1), LEAP_TS, "MIXED");

      assertThat(
              s.executeUpdate(
                  "DELETE FROM "
                      + copy
                      + " WHERE ts < {ts '2020-02-29 10:11:13'} AND s LIKE"
                      + " 'M!%%' {escape '!'}"))
          .as("no s starts with M%")
          .isZero();
      assertThat(s.executeUpdate("DELETE FROM " + copy + " WHERE ts < {ts '2020-02-29 10:11:13'}"))
          .isEqualTo(1);
      assertThat(query("SELECT count(*) FROM " + copy)).containsExactly("0");
    }
  }

  @Test
  void escapesInQueriesThatGoAsText() throws SQLException {
    assertThat(query("SELECT {fn ABS(id - 5)}, id DIV 2 FROM range(3)"))
        .containsExactly("5|0", "4|0", "3|1");
    assertThat(query("SELECT {fn UCASE(s)} FROM (SELECT 'it\\'s' AS s)")).containsExactly("IT'S");
    assertThat(query("SELECT id FROM range(20) ORDER BY id {limit 3 offset 5}"))
        .containsExactly("5", "6", "7");
    assertThat(
            query(
                "SELECT a.id, b.id FROM {oj range(3) a LEFT OUTER JOIN range(1) b ON a.id = b.id}"
                    + " ORDER BY a.id"))
        .containsExactly("0|0", "1|null", "2|null");
  }

  @Test
  void aProcedureCallIsNotSupported() throws SQLException {
    try (Statement s = connection.createStatement()) {
      assertThatThrownBy(() -> s.execute("{call p()}"))
          .isInstanceOfSatisfying(
              SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("0A000"));
      assertThatThrownBy(() -> s.execute("{? = call f(1)}"))
          .isInstanceOfSatisfying(
              SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("0A000"));
    }
    assertThatThrownBy(() -> connection.prepareStatement("{ CALL p(?)}"))
        .isInstanceOfSatisfying(
            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("0A000"));
  }

  @Test
  void anUnknownOrUnterminatedEscapeIsASyntaxErrorNamingWhere() throws SQLException {
    try (Statement s = connection.createStatement()) {
      assertThatThrownBy(() -> s.executeQuery("SELECT {x 1}"))
          .isInstanceOfSatisfying(
              SQLException.class,
              e -> {
                assertThat(e.getSQLState()).isEqualTo("42601");
                assertThat(e.getMessage()).contains("column 8");
              });
      assertThatThrownBy(() -> s.executeQuery("SELECT {d '2020-01-01'"))
          .isInstanceOfSatisfying(
              SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42601"));
    }
  }

  @Test
  void withEscapeProcessingOffTheEscapeReachesSpark() throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.setEscapeProcessing(false);
      assertThatThrownBy(() -> s.executeQuery("SELECT {d '2020-01-01'}"))
          .isInstanceOfSatisfying(
              SQLException.class,
              e -> {
                assertThat(e.getSQLState()).isEqualTo("42601");
                // Spark's parser, not the driver's escape rewriter, refused it
                assertThat(e.getMessage()).contains("PARSE_SYNTAX_ERROR");
              });
      s.setEscapeProcessing(true);
      assertThat(rows(s.executeQuery("SELECT {d '2020-01-01'}"))).containsExactly("2020-01-01");
    }
    // a prepared statement's escapes were processed when it was prepared: turning it off after
    // has no effect (JDBC 4.3, Statement.setEscapeProcessing)
    try (PreparedStatement p = connection.prepareStatement("SELECT {d '2020-01-01'}, ?")) {
      p.setEscapeProcessing(false);
      p.setInt(1, 7);
      assertThat(rows(p.executeQuery())).containsExactly("2020-01-01|7");
    }
    assertThat(connection.nativeSQL("SELECT {d '2020-01-01'}, '{d 1}'"))
        .isEqualTo("SELECT DATE '2020-01-01', '{d 1}'");
  }

  @Test
  void escapesInStringsCommentsAndBackQuotedNamesAreText() throws SQLException {
    assertThat(
            query(
                "SELECT '{d 1}', \"{fn f(}\" /* {call p} */, `{oj x}` -- {d '1'}\n"
                    + "FROM (SELECT 3 AS `{oj x}`)"))
        .containsExactly("{d 1}|{fn f(}|3");
  }

  @Test
  void escapesInStringsCommentsAndAnsiQuotedNamesAreText() throws SQLException {
    try (Connection ansi = DriverManager.getConnection(server.url() + "/;quoting=ansi");
        Statement s = ansi.createStatement()) {
      assertThat(ansi.getMetaData().getIdentifierQuoteString()).isEqualTo("\"");
      assertThat(
              rows(
                  s.executeQuery(
                      "SELECT '{d 1}', \"{oj x}\" /* {call p} */ -- {d '1'}\n"
                          + "FROM (SELECT 3 AS \"{oj x}\")")))
          .containsExactly("{d 1}|3");
    }
    assertThat(connection.getMetaData().getIdentifierQuoteString()).isEqualTo("`");
  }

  @Test
  void aMarkerInsideAStringOrACommentIsNoMarker() throws SQLException {
    try (PreparedStatement p =
        connection.prepareStatement(
            "SELECT '?', \"?\", `?` /* ? */, ? -- ?\n FROM (SELECT 1 AS `?`)")) {
      assertThat(p.getParameterMetaData().getParameterCount()).isEqualTo(1);
      p.setInt(1, 9);
      assertThat(rows(p.executeQuery())).containsExactly("?|?|1|9");
    }
    try (Connection ansi = DriverManager.getConnection(server.url() + "/;quoting=ansi");
        PreparedStatement p =
            ansi.prepareStatement("SELECT '?', \"?\" /* ? */, ? -- ?\n FROM (SELECT 1 AS \"?\")")) {
      assertThat(p.getParameterMetaData().getParameterCount()).isEqualTo(1);
      p.setInt(1, 9);
      assertThat(rows(p.executeQuery())).containsExactly("?|1|9");
    }
  }

  /**
   * With ANSI quoting, a {@code "name"} in a statement sent as text reaches Spark as {@code
   * `name`}: Spark itself would read a string there (Delta refuses blanks in column names, so the
   * names here have none).
   */
  @Test
  void ansiNamesInStatementsSentAsText() throws SQLException {
    String table = TestSchemas.unique("ansi");
    tables.add(table);
    try (Connection ansi = DriverManager.getConnection(server.url() + "/;quoting=ansi");
        Statement s = ansi.createStatement()) {
      assertThat(rows(s.executeQuery("SELECT \"id\" FROM range(3) ORDER BY \"id\" DESC")))
          .containsExactly("2", "1", "0");
      s.executeUpdate("CREATE TABLE \"" + table + "\" (\"My_Col\" INT, \"it\"\"s\" STRING)");
      try (PreparedStatement p =
          ansi.prepareStatement("INSERT INTO \"" + table + "\" VALUES (?, ?)")) {
        p.setInt(1, 1);
        p.setString(2, "a");
        p.addBatch();
        p.setInt(1, 2);
        p.setString(2, "b");
        p.addBatch();
        assertThat(p.executeBatch()).containsExactly(1, 1);
      }
      assertThat(
              rows(
                  s.executeQuery(
                      "SELECT \"My_Col\", \"it\"\"s\" FROM \""
                          + table
                          + "\" WHERE \"My_Col\" > 0 ORDER BY 1")))
          .containsExactly("1|a", "2|b");
    }
  }
}
