package dev.sparkjdbc.tck.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparkjdbc.jdbc.SparkConnectStatementInfo;
import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The {@code {fn RAND([seed])}} escape in a translated statement: with a literal seed or none it is
 * Spark's {@code rand}; a column as the seed, which Spark's rand cannot take, is refused with 0A000
 * and a message that says why.
 */
@ExtendWith(SparkConnectServerExtension.class)
class JdbcRandEscapeTest {
  /** A relation the translator handles (range() would send the statement as text). */
  private static final String FROM = " FROM (VALUES (1), (2)) AS t(id)";

  private Connection connection;

  @BeforeEach
  void connect(SparkConnectServer server) throws SQLException {
    connection = DriverManager.getConnection(server.url());
  }

  @AfterEach
  void disconnect() throws SQLException {
    connection.close();
  }

  private static List<Double> column(Statement s, String sql) throws SQLException {
    List<Double> values = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      assertThat(rs.getMetaData().getColumnType(1)).isEqualTo(Types.DOUBLE);
      while (rs.next()) {
        values.add(rs.getDouble(1));
        assertThat(rs.wasNull()).isFalse();
      }
    }
    assertThat(s.unwrap(SparkConnectStatementInfo.class).lastStatementTranslated())
        .as("translated: %s", sql)
        .isTrue();
    return values;
  }

  @Test
  void literalSeedIsSparksSeededRand() throws SQLException {
    try (Statement s = connection.createStatement()) {
      List<Double> escaped = column(s, "SELECT {fn RAND(5)} AS r" + FROM);
      assertThat(escaped)
          .hasSize(2)
          .allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0).isNotEqualTo(1.0));
      assertThat(column(s, "SELECT {fn RAND(5)} AS r" + FROM))
          .as("same seed, same values")
          .isEqualTo(escaped);
      assertThat(column(s, "SELECT rand(5) AS r" + FROM)).as("Spark's rand(5)").isEqualTo(escaped);
      assertThat(column(s, "SELECT {fn rand(-7)} AS r" + FROM)).hasSize(2);
    }
  }

  @Test
  void noSeed() throws SQLException {
    try (Statement s = connection.createStatement()) {
      assertThat(column(s, "SELECT {fn RAND()} AS r" + FROM))
          .hasSize(2)
          .allSatisfy(v -> assertThat(v).isGreaterThanOrEqualTo(0.0).isLessThan(1.0));
    }
  }

  @Test
  void literalSeedInAPreparedStatement() throws SQLException {
    try (PreparedStatement p =
        connection.prepareStatement("SELECT {fn RAND(5)} AS r, id" + FROM + " WHERE id >= ?")) {
      p.setInt(1, 1);
      try (ResultSet rs = p.executeQuery()) {
        int rows = 0;
        while (rs.next()) {
          assertThat(rs.getDouble(1)).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
          rows++;
        }
        assertThat(rows).isEqualTo(2);
      }
    }
  }

  @Test
  void columnSeedIsRefusedWithTheReason() throws SQLException {
    try (Statement s = connection.createStatement()) {
      for (String sql :
          List.of(
              "SELECT {fn RAND(id)} AS r" + FROM,
              "SELECT {fn RAND(id + 1)} AS r" + FROM,
              "SELECT id" + FROM + " WHERE {fn RAND(id)} < 2")) {
        assertThatThrownBy(() -> s.executeQuery(sql).close())
            .as(sql)
            .isInstanceOf(SQLFeatureNotSupportedException.class)
            .satisfies(
                e -> {
                  assertThat(((SQLException) e).getSQLState()).isEqualTo("0A000");
                  assertThat(e.getMessage().toLowerCase(java.util.Locale.ROOT))
                      .contains("rand")
                      .contains("literal");
                });
      }
      // the statement is unharmed
      assertThat(column(s, "SELECT {fn RAND(1)} AS r" + FROM)).hasSize(2);
    }
    try (PreparedStatement p = connection.prepareStatement("SELECT {fn RAND(id)} AS r" + FROM)) {
      assertThatThrownBy(() -> p.executeQuery().close())
          .isInstanceOf(SQLFeatureNotSupportedException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("0A000"));
    } catch (SQLFeatureNotSupportedException refusedWhenPrepared) {
      assertThat(refusedWhenPrepared.getSQLState()).isEqualTo("0A000");
      assertThat(refusedWhenPrepared.getMessage().toLowerCase(java.util.Locale.ROOT))
          .contains("literal");
    }
  }
}
