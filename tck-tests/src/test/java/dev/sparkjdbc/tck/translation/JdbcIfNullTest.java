package dev.sparkjdbc.tck.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code {fn IFNULL(e, v)}} has JDBC's meaning: when e is null the answer is v converted to e's
 * type, and the column keeps e's type. Spark's own ifnull would look for a common type instead,
 * which for a string e and a number v casts the strings to numbers and fails on the first one.
 */
@Tag("smoke") // also run against older servers: docs/compatibility.md
@ExtendWith(SparkConnectServerExtension.class)
class JdbcIfNullTest {

  @Test
  void aNumberReplacingANullStringBecomesTextAndTheStringsStayAsTheyAre(SparkConnectServer server)
      throws SQLException {
    try (Connection c = DriverManager.getConnection(server.url());
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT {fn IFNULL(s, 100)} AS r FROM (VALUES (1, 'abc'), (2, NULL)) AS t(k, s)"
                    + " ORDER BY k")) {
      assertThat(rs.getMetaData().getColumnType(1)).isEqualTo(Types.VARCHAR);
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("abc");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("100");
      assertThat(rs.next()).isFalse();
    }
  }

  @Test
  void textReplacingANullNumberBecomesThatNumberType(SparkConnectServer server)
      throws SQLException {
    try (Connection c = DriverManager.getConnection(server.url());
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT {fn IFNULL(i, '7')} AS i, {fn IFNULL(d, '7.125')} AS d,"
                    + " {fn IFNULL(day, '2024-01-02')} AS day FROM (VALUES"
                    + " (CAST(1 AS INT), CAST(1.5 AS DECIMAL(10,2)), DATE'2020-01-01'),"
                    + " (CAST(NULL AS INT), CAST(NULL AS DECIMAL(10,2)), CAST(NULL AS DATE)))"
                    + " AS t(i, d, day) ORDER BY i NULLS LAST")) {
      assertThat(rs.getMetaData().getColumnType(1)).isEqualTo(Types.INTEGER);
      assertThat(rs.getMetaData().getColumnType(2)).isEqualTo(Types.DECIMAL);
      assertThat(rs.getMetaData().getScale(2)).isEqualTo(2);
      assertThat(rs.getMetaData().getColumnType(3)).isEqualTo(Types.DATE);
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(1);
      assertThat(rs.getBigDecimal(2)).isEqualByComparingTo("1.50");
      assertThat(rs.getObject(3, LocalDate.class)).isEqualTo(LocalDate.of(2020, 1, 1));
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(7);
      // 7.125 to DECIMAL(10,2) rounds half up, as CAST does
      assertThat(rs.getBigDecimal(2)).isEqualTo(new BigDecimal("7.13"));
      assertThat(rs.getObject(3, LocalDate.class)).isEqualTo(LocalDate.of(2024, 1, 2));
    }
  }

  @Test
  void anUntypedNullKeepsTheReplacementsType(SparkConnectServer server) throws SQLException {
    try (Connection c = DriverManager.getConnection(server.url());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT {fn IFNULL(NULL, 'dflt')}, {fn IFNULL(NULL, 7)}")) {
      assertThat(rs.getMetaData().getColumnType(1)).isEqualTo(Types.VARCHAR);
      assertThat(rs.getMetaData().getColumnType(2)).isEqualTo(Types.INTEGER);
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("dflt");
      assertThat(rs.getInt(2)).isEqualTo(7);
    }
  }

  @Test
  void aParameterIsConvertedLikeALiteral(SparkConnectServer server) throws SQLException {
    try (Connection c = DriverManager.getConnection(server.url());
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT {fn IFNULL(s, ?)} FROM (VALUES (CAST(NULL AS STRING))) AS t(s)")) {
      ps.setInt(1, 42);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("42");
      }
    }
  }

  @Test
  void aValueThatCannotTakeTheTypeFailsWithSparksConversionError(SparkConnectServer server)
      throws SQLException {
    try (Connection c = DriverManager.getConnection(server.url());
        Statement s = c.createStatement()) {
      assertThatThrownBy(
              () -> {
                try (ResultSet rs =
                    s.executeQuery(
                        "SELECT {fn IFNULL(i, 'abc')} FROM (VALUES (CAST(NULL AS INT))) AS t(i)")) {
                  rs.next();
                }
              })
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("abc")
          .hasMessageContaining("INT");
    }
  }
}
