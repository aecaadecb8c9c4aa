package dev.sparkjdbc.tck.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparkjdbc.jdbc.SparkConnectStatementInfo;
import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PreparedStatement: parameters bound as typed values, parsed once, executed many times. */
@Tag("smoke") // also run against older servers: docs/compatibility.md
@ExtendWith(SparkConnectServerExtension.class)
class PreparedStatementTest {
  private Connection connection;

  @BeforeEach
  void connect(SparkConnectServer server) throws SQLException {
    connection = DriverManager.getConnection(server.url());
  }

  @AfterEach
  void disconnect() throws SQLException {
    connection.close();
  }

  private static boolean translated(Statement s) throws SQLException {
    return s.unwrap(SparkConnectStatementInfo.class).lastStatementTranslated();
  }

  @Test
  void everySetterRoundTripsThroughASelect() throws SQLException {
    try (PreparedStatement p =
        connection.prepareStatement("SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?")) {
      p.setBoolean(1, true);
      p.setByte(2, (byte) -7);
      p.setShort(3, (short) 300);
      p.setInt(4, 2_000_000_000);
      p.setLong(5, 9_000_000_000_000L);
      p.setFloat(6, 1.5f);
      p.setDouble(7, 2.25);
      p.setBigDecimal(8, new BigDecimal("12345678901234567890.123456789"));
      p.setString(9, "héllo 😀");
      p.setBytes(10, new byte[] {1, 2, 3});
      p.setDate(11, Date.valueOf("2024-02-29"));
      p.setTimestamp(12, Timestamp.valueOf("2024-01-31 10:11:12.123456"));
      p.setObject(13, LocalDateTime.of(2024, 3, 10, 2, 30));
      p.setNull(14, Types.INTEGER);
      try (ResultSet rs = p.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getBoolean(1)).isTrue();
        assertThat(rs.getByte(2)).isEqualTo((byte) -7);
        assertThat(rs.getShort(3)).isEqualTo((short) 300);
        assertThat(rs.getInt(4)).isEqualTo(2_000_000_000);
        assertThat(rs.getLong(5)).isEqualTo(9_000_000_000_000L);
        assertThat(rs.getFloat(6)).isEqualTo(1.5f);
        assertThat(rs.getDouble(7)).isEqualTo(2.25);
        assertThat(rs.getBigDecimal(8)).isEqualTo(new BigDecimal("12345678901234567890.123456789"));
        assertThat(rs.getString(9)).isEqualTo("héllo 😀");
        assertThat(rs.getBytes(10)).containsExactly(1, 2, 3);
        assertThat(rs.getDate(11)).isEqualTo(Date.valueOf("2024-02-29"));
        assertThat(rs.getTimestamp(12)).isEqualTo(Timestamp.valueOf("2024-01-31 10:11:12.123456"));
        assertThat(rs.getObject(13, LocalDateTime.class))
            .isEqualTo(LocalDateTime.of(2024, 3, 10, 2, 30));
        assertThat(rs.getObject(14)).isNull();
        assertThat(rs.getMetaData().getColumnType(14)).isEqualTo(Types.INTEGER);
      }
      assertThat(translated(p)).isTrue();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "it's",
        "x'); DROP TABLE t; --",
        "back\\slash\\",
        "/* c */ -- d",
        "' OR '1'='1",
        "ʼ unicode quote ʼ ＇",
        "nul\u0000byte",
        "?",
        "$1 :name"
      })
  void valuesStayValues(String value) throws SQLException {
    try (PreparedStatement p =
        connection.prepareStatement("SELECT ? AS v, length(?) AS n WHERE ? = ?")) {
      p.setString(1, value);
      p.setString(2, value);
      p.setString(3, value);
      p.setString(4, value);
      try (ResultSet rs = p.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString("v")).isEqualTo(value);
        assertThat(rs.getInt("n")).isEqualTo(value.codePointCount(0, value.length()));
        assertThat(rs.next()).isFalse();
      }
    }
  }

  @Test
  void reExecutionWithChangingParametersAndUnsetParameters() throws SQLException {
    try (PreparedStatement p =
        connection.prepareStatement(
            "SELECT id FROM (VALUES (1), (2), (3)) AS t(id) WHERE id >= ? ORDER BY id")) {
      for (int from = 1; from <= 3; from++) {
        p.setInt(1, from);
        int rows = 0;
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            assertThat(rs.getInt(1)).isEqualTo(from + rows);
            rows++;
          }
        }
        assertThat(rows).isEqualTo(4 - from);
      }
      p.clearParameters();
      assertThatThrownBy(p::executeQuery)
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("Parameter 1")
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("07001"));
      assertThatThrownBy(() -> p.setInt(2, 1))
          .isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("07009"));
      assertThatThrownBy(() -> p.executeQuery("SELECT 1")).isInstanceOf(SQLException.class);
    }
  }

  @Test
  void createArrayOfBindsAnArray() throws SQLException {
    try (PreparedStatement p = connection.prepareStatement("SELECT size(?) AS n, ?[1] AS second")) {
      Array array = connection.createArrayOf("INT", new Object[] {10, 20, 30});
      p.setArray(1, array);
      p.setArray(2, array);
      try (ResultSet rs = p.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt("n")).isEqualTo(3);
        assertThat(rs.getInt("second")).isEqualTo(20);
      }
    }
  }

  @Test
  void metadataBeforeExecution() throws SQLException {
    try (PreparedStatement p =
        connection.prepareStatement(
            "SELECT CAST(? AS INT) AS a, upper(?) AS b, DATE '2024-01-01' AS c")) {
      assertThat(p.getParameterMetaData().getParameterCount()).isEqualTo(2);
      ResultSetMetaData md = p.getMetaData();
      assertThat(md.getColumnCount()).isEqualTo(3);
      assertThat(md.getColumnLabel(1)).isEqualTo("a");
      assertThat(md.getColumnType(1)).isEqualTo(Types.INTEGER);
      assertThat(md.getColumnType(2)).isEqualTo(Types.VARCHAR);
      assertThat(md.getColumnType(3)).isEqualTo(Types.DATE);
      p.setLong(1, 5L);
      assertThat(p.getParameterMetaData().getParameterType(1)).isEqualTo(Types.BIGINT);
    }
  }

  @Test
  void textPathCarriesParametersAsNamedArguments() throws SQLException {
    // a hint on a SELECT with ORDER BY is not translated: the statement goes as text
    try (PreparedStatement p =
        connection.prepareStatement(
            "SELECT /*+ REPARTITION(1) */ id FROM range(10) WHERE id > ? ORDER BY id LIMIT 2")) {
      p.setInt(1, 6);
      try (ResultSet rs = p.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(7);
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(8);
        assertThat(rs.next()).isFalse();
      }
      assertThat(translated(p)).isFalse();
    }
  }

  @Test
  void everySetterRoundTripsThroughInsertAndSelect() throws SQLException {
    String table = "prepall_" + UUID.randomUUID().toString().replace("-", "");
    try (Statement s = connection.createStatement()) {
      s.execute(
          "CREATE TABLE "
              + table
              + " (bo BOOLEAN, ti TINYINT, si SMALLINT, i INT, "
              + "bi BIGINT, f FLOAT, d DOUBLE, de DECIMAL(20,4), st STRING, bin BINARY, dt DATE, "
              + "ts TIMESTAMP, ntz TIMESTAMP_NTZ, n INT) USING parquet");
      try {
        try (PreparedStatement p =
            connection.prepareStatement(
                "INSERT INTO " + table + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
          p.setBoolean(1, false);
          p.setByte(2, Byte.MIN_VALUE);
          p.setShort(3, Short.MAX_VALUE);
          p.setInt(4, Integer.MIN_VALUE);
          p.setLong(5, Long.MAX_VALUE);
          p.setFloat(6, -0.5f);
          p.setDouble(7, 1e300);
          p.setBigDecimal(8, new BigDecimal("-1234567890123456.7890"));
          p.setNString(9, "ünïcode 'quoted'");
          p.setBinaryStream(10, new java.io.ByteArrayInputStream(new byte[] {0, -1, 127}));
          p.setObject(11, LocalDate.of(1, 1, 1));
          p.setObject(12, Instant.parse("2024-03-10T10:02:03.456789Z"));
          p.setObject(13, LocalDateTime.of(9999, 12, 31, 23, 59, 59));
          p.setNull(14, Types.INTEGER);
          assertThat(p.executeUpdate()).as("one row inserted").isEqualTo(1);
        }
        try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getBoolean("bo")).isFalse();
          assertThat(rs.getByte("ti")).isEqualTo(Byte.MIN_VALUE);
          assertThat(rs.getShort("si")).isEqualTo(Short.MAX_VALUE);
          assertThat(rs.getInt("i")).isEqualTo(Integer.MIN_VALUE);
          assertThat(rs.getLong("bi")).isEqualTo(Long.MAX_VALUE);
          assertThat(rs.getFloat("f")).isEqualTo(-0.5f);
          assertThat(rs.getDouble("d")).isEqualTo(1e300);
          assertThat(rs.getBigDecimal("de")).isEqualTo(new BigDecimal("-1234567890123456.7890"));
          assertThat(rs.getString("st")).isEqualTo("ünïcode 'quoted'");
          assertThat(rs.getBytes("bin")).containsExactly(0, -1, 127);
          assertThat(rs.getObject("dt", LocalDate.class)).isEqualTo(LocalDate.of(1, 1, 1));
          assertThat(rs.getTimestamp("ts").toInstant())
              .isEqualTo(Instant.parse("2024-03-10T10:02:03.456789Z"));
          assertThat(rs.getObject("ntz", LocalDateTime.class))
              .isEqualTo(LocalDateTime.of(9999, 12, 31, 23, 59, 59));
          assertThat(rs.getObject("n")).isNull();
          assertThat(rs.next()).isFalse();
        }
      } finally {
        s.execute("DROP TABLE " + table);
      }
    }
  }

  @Test
  void insertAndSelectBackThroughATable() throws SQLException {
    String table = "prep_" + UUID.randomUUID().toString().replace("-", "");
    try (Statement s = connection.createStatement()) {
      s.execute(
          "CREATE TABLE "
              + table
              + " (id INT, name STRING, price DECIMAL(10,2), d DATE)"
              + " USING parquet");
      try {
        try (PreparedStatement insert =
            connection.prepareStatement("INSERT INTO " + table + " VALUES (?, ?, ?, ?)")) {
          for (int i = 1; i <= 3; i++) {
            insert.setInt(1, i);
            insert.setString(2, "n'" + i);
            insert.setBigDecimal(3, new BigDecimal(i + ".25"));
            insert.setObject(4, LocalDate.of(2024, 1, i));
            assertThat(insert.executeUpdate()).as("one row inserted").isEqualTo(1);
          }
        }
        try (PreparedStatement select =
            connection.prepareStatement(
                "SELECT id, name, price, d FROM " + table + " WHERE name = ? AND d = ?")) {
          select.setString(1, "n'2");
          select.setDate(2, Date.valueOf("2024-01-02"));
          try (ResultSet rs = select.executeQuery()) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(2);
            assertThat(rs.getBigDecimal(3)).isEqualTo(new BigDecimal("2.25"));
            assertThat(rs.next()).isFalse();
          }
        }
      } finally {
        s.execute("DROP TABLE " + table);
      }
    }
  }
}
