package dev.sparkjdbc.tck.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkjdbc.jdbc.SparkConnectStatementInfo;
import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Statements whose plans use elements only newer Spark Connect servers understand give the same
 * columns and rows as the same SQL sent as text, on whatever server the suite runs against: the
 * driver asks the server what it understands and sends such statements as text where it must
 * (docs/compatibility.md). Nothing here depends on the server's version string.
 */
@Tag("smoke")
@ExtendWith(SparkConnectServerExtension.class)
class ServerCapabilitiesTest {
  private static final String IN_SUBQUERY =
      "SELECT x FROM (VALUES (1), (2), (3)) AS t(x) WHERE x IN (SELECT 2) ORDER BY x";
  private static final String TYPED_INTERVALS =
      "SELECT DATE '2024-01-31' + INTERVAL '3' DAY AS d,"
          + " INTERVAL '2' YEAR AS y, INTERVAL '90' MINUTE AS m";

  /** The columns (label and type) and rows of {@code sql}, as text. */
  private static List<String> read(Statement s, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData meta = rs.getMetaData();
      StringBuilder header = new StringBuilder();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        header
            .append(meta.getColumnLabel(i))
            .append(' ')
            .append(meta.getColumnTypeName(i))
            .append(';');
      }
      out.add(header.toString());
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          row.append(rs.getString(i)).append(';');
        }
        out.add(row.toString());
      }
    }
    return out;
  }

  private static void assertSameAsText(SparkConnectServer server, String sql) throws SQLException {
    try (Connection translated = DriverManager.getConnection(server.url());
        Connection text = DriverManager.getConnection(server.url() + "/;translation_mode=text");
        Statement t = translated.createStatement();
        Statement x = text.createStatement()) {
      List<String> expected = read(x, sql);
      assertThat(read(t, sql)).as(sql).isEqualTo(expected);
      // Translated where the server understands the plan; otherwise text, saying why.
      SparkConnectStatementInfo info = t.unwrap(SparkConnectStatementInfo.class);
      if (!info.lastStatementTranslated()) {
        assertThat(info.lastFallbackReason())
            .get()
            .asString()
            .contains("the server does not understand");
      }
      // The capability is learned once: a second run takes the same path with the same result.
      assertThat(read(t, sql)).isEqualTo(expected);
    }
  }

  @Test
  void inSubqueryGivesTheRowsOfTheText(SparkConnectServer server) throws SQLException {
    assertSameAsText(server, IN_SUBQUERY);
  }

  @Test
  void intervalLiteralsKeepTheirFieldsAndSoTheirArithmetic(SparkConnectServer server)
      throws SQLException {
    assertSameAsText(server, TYPED_INTERVALS);
    try (Connection c = DriverManager.getConnection(server.url());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(TYPED_INTERVALS)) {
      assertThat(rs.getMetaData().getColumnTypeName(1)).as("DATE + INTERVAL DAY").isEqualTo("DATE");
      assertThat(rs.getMetaData().getColumnTypeName(2)).isEqualTo("INTERVAL YEAR");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("2024-02-03");
    }
  }

  @Test
  void preparedStatementsWithNewerPlanElementsBindTheirParameters(SparkConnectServer server)
      throws SQLException {
    try (Connection c = DriverManager.getConnection(server.url());
        PreparedStatement p =
            c.prepareStatement(
                "SELECT x, DATE '2024-01-31' + INTERVAL '1' DAY AS d FROM (VALUES (1), (2), (3)) AS"
                    + " t(x) WHERE x IN (SELECT ?) ORDER BY x")) {
      p.setInt(1, 3);
      assertThat(p.getMetaData().getColumnTypeName(2)).isEqualTo("DATE");
      try (ResultSet rs = p.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(3);
        assertThat(rs.getString(2)).isEqualTo("2024-02-01");
        assertThat(rs.next()).isFalse();
      }
    }
  }

  @Test
  void arrayParametersAreTypedOnEveryServer(SparkConnectServer server) throws SQLException {
    try (Connection c = DriverManager.getConnection(server.url());
        PreparedStatement p = c.prepareStatement("SELECT ? AS a")) {
      Array array = c.createArrayOf("BIGINT", new Object[] {1L, null, 3L});
      p.setArray(1, array);
      try (ResultSet rs = p.executeQuery()) {
        assertThat(rs.getMetaData().getColumnTypeName(1)).isEqualTo("ARRAY");
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("[1, null, 3]");
      }
    }
  }
}
