package dev.sparkjdbc.tck.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code Statement.setMaxFieldSize(n)}: character (Spark STRING, CHAR, VARCHAR) and binary values
 * of result sets created after the call are cut to at most {@code n} bytes, text between characters
 * by its UTF-8 length, through getString, getObject, getBytes and the streams; every other column
 * is untouched; 0 is no limit; a negative size is an SQLException. The expected cut is computed
 * here.
 */
@ExtendWith(SparkConnectServerExtension.class)
class MaxFieldSizeTest {
  private Connection connection;

  @BeforeEach
  void connect(SparkConnectServer server) throws SQLException {
    connection = DriverManager.getConnection(server.url());
  }

  @AfterEach
  void disconnect() throws SQLException {
    connection.close();
  }

  /** The longest prefix of {@code s}, whole code points, of at most {@code max} UTF-8 bytes. */
  static String cut(String s, int max) {
    if (max == 0) {
      return s;
    }
    int end = 0;
    int bytes = 0;
    while (end < s.length()) {
      int cp = s.codePointAt(end);
      int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (bytes + size > max) {
        break;
      }
      bytes += size;
      end += Character.charCount(cp);
    }
    return s.substring(0, end);
  }

  static byte[] cut(byte[] b, int max) {
    return max == 0 || b.length <= max ? b : Arrays.copyOf(b, max);
  }

  static Stream<Arguments> texts() {
    List<String> values =
        List.of(
            "abcdefgh",
            "héllo wörld", // é and ö are two bytes each
            "a😀b😀c", // emoji: four bytes, two chars
            "😀😀😀",
            "中文字符串", // three bytes each
            "𝄞 clef",
            "");
    List<Integer> sizes = List.of(1, 2, 3, 4, 5, 6, 7, 8, 11, 100);
    return values.stream().flatMap(v -> sizes.stream().map(n -> Arguments.of(v, n)));
  }

  /** Text is cut to n bytes of UTF-8, never inside a character, by every text getter. */
  @ParameterizedTest(name = "\"{0}\" at {1} bytes")
  @MethodSource("texts")
  void textIsCutBetweenCharacters(String value, int max) throws Exception {
    String expected = cut(value, max);
    assertThat(expected.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(max);
    try (Statement s = connection.createStatement()) {
      s.setMaxFieldSize(max);
      assertThat(s.getMaxFieldSize()).isEqualTo(max);
      try (ResultSet rs =
          s.executeQuery(
              "SELECT '"
                  + value
                  + "' AS s, CAST('"
                  + value
                  + "' AS VARCHAR(40)) AS vc, CAST('"
                  + value
                  + "' AS BINARY) AS b")) {
        assertThat(rs.next()).isTrue();
        for (int column = 1; column <= 2; column++) {
          assertThat(rs.getString(column)).as("getString(%d)", column).isEqualTo(expected);
          assertThat(rs.getObject(column)).as("getObject(%d)", column).isEqualTo(expected);
          assertThat(rs.getObject(column, String.class))
              .as("getObject(%d, String)", column)
              .isEqualTo(expected);
          assertThat(read(rs.getCharacterStream(column)))
              .as("getCharacterStream(%d)", column)
              .isEqualTo(expected);
        }
        byte[] utf8 = cut(value.getBytes(StandardCharsets.UTF_8), max);
        assertThat(rs.getBytes(3)).as("getBytes").containsExactly(utf8);
        assertThat((byte[]) rs.getObject(3)).as("getObject of binary").containsExactly(utf8);
        try (InputStream in = rs.getBinaryStream(3)) {
          assertThat(in.readAllBytes()).as("getBinaryStream").containsExactly(utf8);
        }
      }
    }
  }

  @Test
  void binaryIsCutToTheByte() throws Exception {
    byte[] full = {(byte) 0xCA, (byte) 0xFE, 0x00, (byte) 0xBA, (byte) 0xBE, (byte) 0xFF};
    try (Statement s = connection.createStatement()) {
      s.setMaxFieldSize(4);
      try (ResultSet rs = s.executeQuery("SELECT X'CAFE00BABEFF', X'CAFE', X''")) {
        assertThat(rs.next()).isTrue();
        byte[] four = Arrays.copyOf(full, 4);
        assertThat(rs.getBytes(1)).containsExactly(four);
        assertThat((byte[]) rs.getObject(1)).containsExactly(four);
        assertThat(rs.getObject(1, byte[].class)).containsExactly(four);
        try (InputStream in = rs.getBinaryStream(1)) {
          assertThat(in.readAllBytes()).containsExactly(four);
        }
        assertThat(rs.getBytes(2)).containsExactly((byte) 0xCA, (byte) 0xFE);
        assertThat(rs.getBytes(3)).isEmpty();
      }
    }
  }

  /** Numbers, dates, arrays, maps and structs are never cut, whatever their text's length. */
  @Test
  void otherColumnsAreUntouched() throws Exception {
    try (Statement s = connection.createStatement()) {
      s.setMaxFieldSize(3);
      try (ResultSet rs =
          s.executeQuery(
              "SELECT 123456789 AS i, CAST('12345.6789' AS DECIMAL(10,4)) AS d, 2.5e10 AS f,"
                  + " DATE '2024-02-29' AS dt, array('abcdefgh', 'ijklmnop') AS a,"
                  + " map('key', 'a long value') AS m, named_struct('x', 'abcdefgh') AS st,"
                  + " true AS b, NULL AS n, 'abcdefgh' AS s")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(123456789);
        assertThat(rs.getString(1)).isEqualTo("123456789");
        assertThat(rs.getObject(1)).isEqualTo(123456789);
        assertThat(rs.getBigDecimal(2)).isEqualTo(new BigDecimal("12345.6789"));
        assertThat(rs.getString(2)).isEqualTo("12345.6789");
        assertThat(rs.getString(3)).isEqualTo("2.5E10");
        assertThat(rs.getString(4)).isEqualTo("2024-02-29");
        assertThat(rs.getObject(4, LocalDate.class)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(rs.getString(5)).isEqualTo("[abcdefgh, ijklmnop]");
        assertThat((Object[]) rs.getArray(5).getArray()).containsExactly("abcdefgh", "ijklmnop");
        assertThat(rs.getString(6)).isEqualTo("{key -> a long value}");
        assertThat(rs.getString(7)).isEqualTo("{abcdefgh}");
        assertThat(rs.getString(8)).isEqualTo("true");
        assertThat(rs.getString(9)).isNull();
        assertThat(rs.getString(10)).isEqualTo("abc");
      }
    }
  }

  /** 0, the default, is no limit. */
  @Test
  void zeroIsNoLimit() throws Exception {
    String big = "x".repeat(100_000) + "😀";
    try (Statement s = connection.createStatement()) {
      assertThat(s.getMaxFieldSize()).as("default").isZero();
      s.setMaxFieldSize(10);
      s.setMaxFieldSize(0);
      assertThat(s.getMaxFieldSize()).isZero();
      try (ResultSet rs =
          s.executeQuery("SELECT repeat('x', 100000) || '😀' AS s, unhex(repeat('AB', 5000))")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo(big);
        assertThat(rs.getObject(1)).isEqualTo(big);
        assertThat(read(rs.getCharacterStream(1))).isEqualTo(big);
        assertThat(rs.getBytes(2)).hasSize(5000);
      }
    }
  }

  /** The size set applies to result sets made after the call; open ones keep theirs. */
  @Test
  void limitAppliesToLaterResultSets() throws Exception {
    try (Statement s = connection.createStatement()) {
      try (ResultSet before = s.executeQuery("SELECT 'abcdefgh'")) {
        s.setMaxFieldSize(2);
        assertThat(before.next()).isTrue();
        assertThat(before.getString(1)).as("made before the call").isEqualTo("abcdefgh");
      }
      try (ResultSet after = s.executeQuery("SELECT 'abcdefgh'")) {
        assertThat(after.next()).isTrue();
        assertThat(after.getString(1)).isEqualTo("ab");
      }
      s.setMaxFieldSize(5);
      assertThat(s.execute("SELECT 'abcdefgh'")).isTrue();
      try (ResultSet rs = s.getResultSet()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).as("through execute/getResultSet").isEqualTo("abcde");
      }
    }
  }

  /** A PreparedStatement honours it too, and it is per statement. */
  @Test
  void preparedStatementsAndOtherStatements() throws Exception {
    try (PreparedStatement p = connection.prepareStatement("SELECT ? AS s, ? AS b");
        Statement other = connection.createStatement()) {
      p.setMaxFieldSize(3);
      assertThat(p.getMaxFieldSize()).isEqualTo(3);
      p.setString(1, "héllo");
      p.setBytes(2, new byte[] {1, 2, 3, 4, 5});
      try (ResultSet rs = p.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("hé");
        assertThat(rs.getBytes(2)).containsExactly(1, 2, 3);
      }
      assertThat(other.getMaxFieldSize()).isZero();
      try (ResultSet rs = other.executeQuery("SELECT 'héllo'")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).as("another statement").isEqualTo("héllo");
      }
    }
  }

  /** NULL values stay NULL. */
  @Test
  void nullsStayNull() throws Exception {
    try (Statement s = connection.createStatement()) {
      s.setMaxFieldSize(1);
      try (ResultSet rs =
          s.executeQuery("SELECT CAST(NULL AS STRING) AS s, CAST(NULL AS BINARY) AS b")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isNull();
        assertThat(rs.wasNull()).isTrue();
        assertThat(rs.getObject(1)).isNull();
        assertThat(rs.getCharacterStream(1)).isNull();
        assertThat(rs.getBytes(2)).isNull();
        assertThat(rs.wasNull()).isTrue();
      }
    }
  }

  @Test
  void negativeSizeIsRefused() throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.setMaxFieldSize(7);
      for (int bad : new int[] {-1, Integer.MIN_VALUE}) {
        assertThatThrownBy(() -> s.setMaxFieldSize(bad))
            .isInstanceOf(SQLException.class)
            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).hasSize(5));
        assertThat(s.getMaxFieldSize()).as("unchanged after a refused size").isEqualTo(7);
      }
    }
  }

  private static String read(Reader in) throws IOException {
    try (in) {
      StringWriter w = new StringWriter();
      in.transferTo(w);
      return w.toString();
    }
  }
}
