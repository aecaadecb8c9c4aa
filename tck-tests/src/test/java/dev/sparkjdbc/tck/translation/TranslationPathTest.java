package dev.sparkjdbc.tck.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparkjdbc.jdbc.SparkConnectStatementInfo;
import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Which path a statement takes (translated plan or SQL text) and what each translation mode does,
 * seen through JDBC: SQL that only the translator understands, EXPLAIN of it, strict refusals, and
 * the text mode that sends everything to Spark's own parser.
 */
@Tag("smoke") // also run against older servers: docs/compatibility.md
@ExtendWith(SparkConnectServerExtension.class)
class TranslationPathTest {

  private static Connection connect(SparkConnectServer server, String mode) throws SQLException {
    return DriverManager.getConnection(server.url() + "/;translation_mode=" + mode);
  }

  @Test
  void jdbcEscapesAndAnsiFetchRunThroughTheTranslator(SparkConnectServer server)
      throws SQLException {
    try (Connection c = connect(server, "translate");
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT {fn UCASE('abc')} AS u, {d '2024-01-31'} AS d FROM (VALUES (1), (2), (3))"
                    + " AS t(x) ORDER BY x OFFSET 1 ROWS FETCH FIRST 1 ROWS ONLY")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString("u")).isEqualTo("ABC");
      assertThat(rs.getDate("d").toLocalDate()).hasToString("2024-01-31");
      assertThat(rs.next()).isFalse();
      SparkConnectStatementInfo info = s.unwrap(SparkConnectStatementInfo.class);
      assertThat(info.lastStatementTranslated()).isTrue();
      assertThat(info.lastFallbackReason()).isEmpty();
    }
  }

  @Test
  void commandsGoAsTextAndSayWhy(SparkConnectServer server) throws SQLException {
    try (Connection c = connect(server, "strict");
        Statement s = c.createStatement()) {
      assertThat(s.execute("SHOW NAMESPACES")).isTrue();
      SparkConnectStatementInfo info = s.unwrap(SparkConnectStatementInfo.class);
      assertThat(info.lastStatementTranslated()).isFalse();
      assertThat(info.lastFallbackReason()).isPresent();
    }
  }

  @Test
  void explainOfATranslatedQueryComesFromSpark(SparkConnectServer server) throws SQLException {
    try (Connection c = connect(server, "strict");
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "EXPLAIN SELECT x FROM (VALUES (1), (2)) AS t(x) FETCH FIRST 1 ROWS ONLY")) {
      assertThat(rs.getMetaData().getColumnLabel(1)).isEqualTo("plan");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).contains("== Physical Plan ==").contains("Limit");
    }
  }

  @Test
  void strictModeNamesTheConstructItCannotTranslate(SparkConnectServer server) throws SQLException {
    try (Connection c = connect(server, "strict");
        Statement s = c.createStatement()) {
      assertThatThrownBy(
              () ->
                  s.executeQuery(
                      "SELECT * FROM (VALUES (1)) AS a(x) NATURAL JOIN (VALUES (1)) AS b(x)"))
          .isInstanceOf(SQLFeatureNotSupportedException.class)
          .hasMessageContaining("NATURAL JOIN")
          .hasMessageContaining("line 1");
      try (ResultSet rs = s.executeQuery("SELECT 1")) {
        assertThat(rs.next()).isTrue();
      }
    }
  }

  @Test
  void translateModeSendsWhatItCannotTranslateToSpark(SparkConnectServer server)
      throws SQLException {
    try (Connection c = connect(server, "translate");
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT * FROM (VALUES (1, 'a')) AS a(x, y) NATURAL JOIN (VALUES (1)) AS b(x)")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString("y")).isEqualTo("a");
      assertThat(s.unwrap(SparkConnectStatementInfo.class).lastFallbackReason().orElseThrow())
          .contains("NATURAL JOIN");
    }
  }

  @Test
  void textModeLeavesQueriesToSparksParserButRewritesEscapes(SparkConnectServer server)
      throws SQLException {
    try (Connection c = connect(server, "text");
        Statement s = c.createStatement()) {
      // FETCH FIRST is the translator's, not Spark's
      assertThatThrownBy(() -> s.executeQuery("SELECT 1 FETCH FIRST 1 ROWS ONLY"))
          .isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42601"));
      // JDBC escapes are rewritten into Spark SQL before any statement goes, in text mode too
      try (ResultSet rs = s.executeQuery("SELECT {fn UCASE('abc')}")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("ABC");
      }
    }
  }
}
