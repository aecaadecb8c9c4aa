package dev.sparkjdbc.tck.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Values of 10 MiB arrive whole: length and SHA-256 are computed by the server in the same row.
 * Empty values are not NULL.
 */
@ExtendWith(SparkConnectServerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LargeValuesTest {
  private static final int TEN_MIB = 10 * 1024 * 1024;

  private Connection connection;
  private Statement statement;

  @BeforeAll
  void connect(SparkConnectServer server) throws SQLException {
    connection = DriverManager.getConnection(server.url());
    statement = connection.createStatement();
  }

  @AfterAll
  void disconnect() throws SQLException {
    connection.close();
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  @Test
  void tenMiBBinary() throws Exception {
    // Not one repeated byte: a position mix-up would change the digest.
    try (ResultSet rs =
        statement.executeQuery(
            "SELECT b, length(b), sha2(b, 256), md5(b) FROM "
                + "(SELECT unhex(repeat('00017f80feff', "
                + TEN_MIB / 6
                + ")) || unhex(repeat('ab', "
                + TEN_MIB % 6
                + ")) AS b) t")) {
      assertThat(rs.next()).isTrue();
      byte[] bytes = rs.getBytes(1);
      assertThat(bytes).hasSize(rs.getInt(2));
      assertThat(bytes.length).isEqualTo(TEN_MIB);
      assertThat(sha256(bytes)).isEqualTo(rs.getString(3));
      assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes)))
          .isEqualTo(rs.getString(4));
      try (InputStream in = rs.getBinaryStream(1)) {
        assertThat(sha256(in.readAllBytes())).isEqualTo(rs.getString(3));
      }
      assertThat(rs.next()).isFalse();
    }
  }

  @Test
  void tenMiBString() throws Exception {
    // Mixed widths in UTF-8: 1, 2, 3 and 4 bytes per character (a, é, €, 😀).
    String unit = "aé€😀";
    int unitBytes = unit.getBytes(StandardCharsets.UTF_8).length; // 10
    int units = TEN_MIB / unitBytes;
    try (ResultSet rs =
        statement.executeQuery(
            "SELECT s, char_length(s), octet_length(s), "
                + "sha2(CAST(s AS BINARY), 256) FROM (SELECT repeat('"
                + unit
                + "', "
                + units
                + ") AS s) t")) {
      assertThat(rs.next()).isTrue();
      String s = rs.getString(1);
      assertThat(s.codePointCount(0, s.length())).isEqualTo(rs.getInt(2));
      byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
      assertThat(utf8.length).isEqualTo(rs.getInt(3));
      assertThat(utf8.length).isGreaterThanOrEqualTo(TEN_MIB - unitBytes);
      assertThat(sha256(utf8)).isEqualTo(rs.getString(4));
      try (Reader reader = rs.getCharacterStream(1)) {
        StringBuilder read = new StringBuilder();
        char[] buffer = new char[65536];
        for (int n; (n = reader.read(buffer)) > 0; ) {
          read.append(buffer, 0, n);
        }
        assertThat(read.length()).isEqualTo(s.length());
      }
    }
  }

  @Test
  void severalLargeValuesInOneResult() throws Exception {
    // Ten rows of 1 MiB each, distinct per row: batches bigger than gRPC's default message size.
    try (ResultSet rs =
        statement.executeQuery(
            "SELECT id, s, sha2(s, 256) FROM (SELECT id, repeat(CAST(id AS STRING) || 'xyz',"
                + " 262144) AS s FROM range(0, 10)) t ORDER BY id")) {
      int rows = 0;
      while (rs.next()) {
        String s = rs.getString(2);
        assertThat(s).startsWith(rs.getLong(1) + "xyz");
        assertThat(sha256(s.getBytes(StandardCharsets.UTF_8))).isEqualTo(rs.getString(3));
        rows++;
      }
      assertThat(rows).isEqualTo(10);
    }
  }

  @Test
  void emptyIsNotNull() throws SQLException {
    try (ResultSet rs =
        statement.executeQuery(
            "SELECT '' AS es, CAST(NULL AS STRING) AS ns, "
                + "X'' AS eb, CAST(NULL AS BINARY) AS nb, length('') AS el")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEmpty();
      assertThat(rs.wasNull()).isFalse();
      assertThat(rs.getObject(1)).isEqualTo("");
      assertThat(rs.wasNull()).isFalse();
      assertThat(rs.getString(2)).isNull();
      assertThat(rs.wasNull()).isTrue();
      assertThat(rs.getBytes(3)).isEmpty();
      assertThat(rs.wasNull()).isFalse();
      assertThat((byte[]) rs.getObject(3)).isEmpty();
      assertThat(rs.getBytes(4)).isNull();
      assertThat(rs.wasNull()).isTrue();
      assertThat(rs.getObject(4)).isNull();
      assertThat(rs.getInt(5)).isZero();
      assertThat(rs.wasNull()).isFalse();
    }
  }

  @Test
  void emptyAndNullStringsAcrossManyRows() throws SQLException {
    // Alternating '' and NULL over several batches: the validity bits must line up.
    try (ResultSet rs =
        statement.executeQuery(
            "SELECT id, CASE WHEN id % 3 = 0 THEN '' WHEN id % 3 = 1 THEN NULL ELSE CAST(id AS"
                + " STRING) END AS s FROM range(0, 25000)")) {
      int rows = 0;
      while (rs.next()) {
        long id = rs.getLong(1);
        String s = rs.getString(2);
        if (id % 3 == 0) {
          assertThat(s).as("row %d", id).isEmpty();
          assertThat(rs.wasNull()).isFalse();
        } else if (id % 3 == 1) {
          assertThat(s).as("row %d", id).isNull();
          assertThat(rs.wasNull()).isTrue();
        } else {
          assertThat(s).isEqualTo(Long.toString(id));
        }
        rows++;
      }
      assertThat(rows).isEqualTo(25000);
    }
  }
}
