package dev.sparkjdbc.tck.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One column of every primitive Spark type, read with each getter JDBC defines for it. */
@Tag("smoke") // also run against older servers: docs/compatibility.md
@ExtendWith(SparkConnectServerExtension.class)
class PrimitiveTypesTest {
  // Server and client share the machine's default time zone, so the wall-clock timestamp
  // literal reads back as the same wall-clock time whatever that zone is.
  private static final String VALUES =
      """
      SELECT CAST(true AS BOOLEAN)                                               AS c_boolean,
             CAST(127 AS TINYINT)                                                AS c_tinyint,
             CAST(-32768 AS SMALLINT)                                            AS c_smallint,
             CAST(2147483647 AS INT)                                             AS c_int,
             CAST(-9223372036854775808 AS BIGINT)                                AS c_bigint,
             CAST(1.5 AS FLOAT)                                                  AS c_float,
             CAST(-2.25 AS DOUBLE)                                               AS c_double,
             CAST('1234567890123456789012345678.0123456789' AS DECIMAL(38,10))   AS c_decimal38,
             CAST(12345678.91 AS DECIMAL(10,2))                                  AS c_decimal10,
             'héllo, wörld'                                                      AS c_string,
             X'CAFEBABE'                                                         AS c_binary,
             DATE '2024-02-29'                                                   AS c_date,
             TIMESTAMP '2024-02-29 13:45:30.123456'                              AS c_timestamp
      """;

  private static final String NULLS =
      """
      SELECT CAST(NULL AS BOOLEAN) AS c_boolean, CAST(NULL AS TINYINT) AS c_tinyint,
             CAST(NULL AS SMALLINT) AS c_smallint, CAST(NULL AS INT) AS c_int,
             CAST(NULL AS BIGINT) AS c_bigint, CAST(NULL AS FLOAT) AS c_float,
             CAST(NULL AS DOUBLE) AS c_double, CAST(NULL AS DECIMAL(38,10)) AS c_decimal38,
             CAST(NULL AS DECIMAL(10,2)) AS c_decimal10, CAST(NULL AS STRING) AS c_string,
             CAST(NULL AS BINARY) AS c_binary, CAST(NULL AS DATE) AS c_date,
             CAST(NULL AS TIMESTAMP) AS c_timestamp
      """;

  private static final String[] LABELS = {
    "c_boolean",
    "c_tinyint",
    "c_smallint",
    "c_int",
    "c_bigint",
    "c_float",
    "c_double",
    "c_decimal38",
    "c_decimal10",
    "c_string",
    "c_binary",
    "c_date",
    "c_timestamp"
  };

  private static final int[] TYPES = {
    Types.BOOLEAN, Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.REAL,
    Types.DOUBLE, Types.DECIMAL, Types.DECIMAL, Types.VARCHAR, Types.VARBINARY, Types.DATE,
    Types.TIMESTAMP
  };

  private Connection connection;
  private Statement statement;

  @BeforeEach
  void connect(SparkConnectServer server) throws SQLException {
    connection = DriverManager.getConnection(server.url());
    statement = connection.createStatement();
  }

  @AfterEach
  void disconnect() throws SQLException {
    connection.close();
  }

  @Test
  void typedGettersReturnTheSelectedValues() throws SQLException {
    try (ResultSet rs = statement.executeQuery(VALUES)) {
      assertThat(rs.next()).isTrue();

      assertThat(rs.getBoolean("c_boolean")).isTrue();
      assertThat(rs.getByte("c_tinyint")).isEqualTo((byte) 127);
      assertThat(rs.getShort("c_smallint")).isEqualTo((short) -32768);
      assertThat(rs.getInt("c_int")).isEqualTo(Integer.MAX_VALUE);
      assertThat(rs.getLong("c_bigint")).isEqualTo(Long.MIN_VALUE);
      assertThat(rs.getFloat("c_float")).isEqualTo(1.5f);
      assertThat(rs.getDouble("c_double")).isEqualTo(-2.25d);
      assertThat(rs.getBigDecimal("c_decimal38"))
          .isEqualTo(new BigDecimal("1234567890123456789012345678.0123456789"));
      assertThat(rs.getBigDecimal("c_decimal10")).isEqualTo(new BigDecimal("12345678.91"));
      assertThat(rs.getString("c_string")).isEqualTo("héllo, wörld");
      assertThat(rs.getBytes("c_binary"))
          .containsExactly((byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE);
      assertThat(rs.getDate("c_date").toLocalDate()).isEqualTo(LocalDate.of(2024, 2, 29));
      assertThat(rs.getTimestamp("c_timestamp"))
          .isEqualTo(Timestamp.valueOf("2024-02-29 13:45:30.123456"));
      assertThat(rs.wasNull()).isFalse();

      // Widening reads and getString work across types (JDBC 4.3, table B-6).
      assertThat(rs.getLong("c_int")).isEqualTo(2147483647L);
      assertThat(rs.getInt("c_tinyint")).isEqualTo(127);
      assertThat(rs.getString("c_int")).isEqualTo("2147483647");

      assertThat(rs.next()).isFalse();
    }
  }

  @Test
  void getObjectReturnsTheJdbcDefaultJavaTypes() throws SQLException {
    try (ResultSet rs = statement.executeQuery(VALUES)) {
      assertThat(rs.next()).isTrue();

      assertThat(rs.getObject("c_boolean")).isEqualTo(Boolean.TRUE);
      assertThat(rs.getObject("c_tinyint"))
          .isInstanceOf(Number.class)
          .extracting(n -> ((Number) n).intValue())
          .isEqualTo(127);
      assertThat(rs.getObject("c_smallint"))
          .isInstanceOf(Number.class)
          .extracting(n -> ((Number) n).intValue())
          .isEqualTo(-32768);
      assertThat(rs.getObject("c_int")).isEqualTo(Integer.MAX_VALUE);
      assertThat(rs.getObject("c_bigint")).isEqualTo(Long.MIN_VALUE);
      assertThat(rs.getObject("c_float")).isEqualTo(1.5f);
      assertThat(rs.getObject("c_double")).isEqualTo(-2.25d);
      assertThat(rs.getObject("c_decimal10")).isEqualTo(new BigDecimal("12345678.91"));
      assertThat(rs.getObject("c_string")).isEqualTo("héllo, wörld");
      assertThat((byte[]) rs.getObject("c_binary"))
          .containsExactly((byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE);
      assertThat(rs.getObject("c_date")).isInstanceOf(Date.class);
      assertThat(((Date) rs.getObject("c_date")).toLocalDate())
          .isEqualTo(LocalDate.of(2024, 2, 29));
      assertThat(rs.getObject("c_timestamp"))
          .isEqualTo(Timestamp.valueOf("2024-02-29 13:45:30.123456"));
    }
  }

  @Test
  void getObjectWithJavaTimeClasses() throws SQLException {
    try (ResultSet rs = statement.executeQuery(VALUES)) {
      assertThat(rs.next()).isTrue();

      // JDBC 4.2: DATE maps to LocalDate, TIMESTAMP to LocalDateTime.
      assertThat(rs.getObject("c_date", LocalDate.class)).isEqualTo(LocalDate.of(2024, 2, 29));
      assertThat(rs.getObject("c_timestamp", LocalDateTime.class))
          .isEqualTo(LocalDateTime.of(2024, 2, 29, 13, 45, 30, 123_456_000));
    }
  }

  @Test
  void nullsReadAsNullOrZeroAndSetWasNull() throws SQLException {
    try (ResultSet rs = statement.executeQuery(NULLS)) {
      assertThat(rs.next()).isTrue();

      for (int column = 1; column <= LABELS.length; column++) {
        assertThat(rs.getObject(column)).as(LABELS[column - 1]).isNull();
        assertThat(rs.wasNull()).as(LABELS[column - 1]).isTrue();
        assertThat(rs.getString(column)).as(LABELS[column - 1]).isNull();
        assertThat(rs.wasNull()).as(LABELS[column - 1]).isTrue();
      }
      assertThat(rs.getBoolean("c_boolean")).isFalse();
      assertThat(rs.wasNull()).isTrue();
      assertThat(rs.getByte("c_tinyint")).isZero();
      assertThat(rs.getShort("c_smallint")).isZero();
      assertThat(rs.getInt("c_int")).isZero();
      assertThat(rs.wasNull()).isTrue();
      assertThat(rs.getLong("c_bigint")).isZero();
      assertThat(rs.getFloat("c_float")).isZero();
      assertThat(rs.getDouble("c_double")).isZero();
      assertThat(rs.wasNull()).isTrue();
      assertThat(rs.getBigDecimal("c_decimal38")).isNull();
      assertThat(rs.getBytes("c_binary")).isNull();
      assertThat(rs.getDate("c_date")).isNull();
      assertThat(rs.getTimestamp("c_timestamp")).isNull();
      assertThat(rs.wasNull()).isTrue();

      assertThat(rs.next()).isFalse();
    }
  }

  @Test
  void metadataDescribesEveryColumn() throws SQLException {
    try (ResultSet rs = statement.executeQuery(VALUES)) {
      ResultSetMetaData meta = rs.getMetaData();

      assertThat(meta.getColumnCount()).isEqualTo(LABELS.length);
      for (int column = 1; column <= LABELS.length; column++) {
        assertThat(meta.getColumnLabel(column)).isEqualTo(LABELS[column - 1]);
        assertThat(meta.getColumnType(column)).as(LABELS[column - 1]).isEqualTo(TYPES[column - 1]);
      }
      assertThat(meta.getPrecision(8)).isEqualTo(38);
      assertThat(meta.getScale(8)).isEqualTo(10);
      assertThat(meta.getPrecision(9)).isEqualTo(10);
      assertThat(meta.getScale(9)).isEqualTo(2);
    }
  }

  @Test
  void findColumnIsCaseInsensitiveAndRejectsUnknownNames() throws SQLException {
    try (ResultSet rs = statement.executeQuery(VALUES)) {
      assertThat(rs.findColumn("c_int")).isEqualTo(4);
      assertThat(rs.findColumn("C_TIMESTAMP")).isEqualTo(13);
      assertThatThrownBy(() -> rs.findColumn("no_such_column")).isInstanceOf(SQLException.class);
    }
  }
}
