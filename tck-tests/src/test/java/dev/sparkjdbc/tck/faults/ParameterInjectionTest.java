package dev.sparkjdbc.tck.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkjdbc.jdbc.SparkConnectStatementInfo;
import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import dev.sparkjdbc.tck.harness.TestSchemas;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile parameter values through every path a bound value takes: statements the driver sends to
 * Spark as SQL text (DML, and queries the translator does not translate), where the driver writes
 * each value into the text as a SQL literal, and translated queries, where values are typed
 * literals of the plan. No value may change its statement: each reads back exactly equal, each
 * statement changes exactly the rows it should, and a table created beforehand (the canary, named
 * in the values that try to drop it) still exists afterwards. Runs on a Delta table and a parquet
 * table; UPDATE, DELETE and MERGE on Delta only (parquet tables refuse them: {@code
 * ParquetDmlTest}).
 *
 * <p>Delta DML costs a few Spark jobs per statement: a statement carries many values at once where
 * the shape allows it, and per-value statements use a short list of the worst values.
 */
@ExtendWith(SparkConnectServerExtension.class)
class ParameterInjectionTest {
  private static final String DELTA = "delta";
  private static final String PARQUET = "parquet";

  private final List<String> tables = new ArrayList<>();
  private Connection connection;
  private Statement statement;
  private String canary;

  @BeforeEach
  void connect(SparkConnectServer server) throws SQLException {
    connection = DriverManager.getConnection(server.url());
    statement = connection.createStatement();
    canary = name("canary");
    statement.executeUpdate("CREATE TABLE " + canary + " (x INT) USING parquet");
    statement.executeUpdate("INSERT INTO " + canary + " VALUES (42)");
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

  private String name(String prefix) {
    String table = TestSchemas.unique(prefix);
    tables.add(table);
    return table;
  }

  /** A table of the format ({@code delta} or {@code parquet}) with the given columns. */
  private String table(String format, String columns) throws SQLException {
    String table = name("inj_" + format);
    statement.executeUpdate("CREATE TABLE " + table + " (" + columns + ") USING " + format);
    return table;
  }

  /** The canary is still there, with its one row: no value dropped or changed it. */
  private void assertCanaryIntact() throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT x FROM " + canary)) {
      assertThat(rs.next()).as("canary row").isTrue();
      assertThat(rs.getInt(1)).isEqualTo(42);
      assertThat(rs.next()).isFalse();
    }
  }

  /** Values that would break or change a statement they were pasted into. */
  private List<String> hostileValues() {
    return List.of(
        "'",
        "''",
        "'''",
        "\\",
        "\\\\",
        "\\'",
        "'\\",
        "\\''",
        "\"",
        "\"\"",
        "`",
        "``",
        "`x` `",
        "--",
        "-- comment",
        "/*",
        "*/",
        "/* c */",
        "/*+ REPARTITION(1) */",
        ";",
        "; SELECT 1",
        "'); DROP TABLE " + canary + "; --",
        "x'; DROP TABLE " + canary + "; --",
        "\"); DROP TABLE " + canary + "; --",
        "`; DROP TABLE " + canary + "; --",
        "' OR '1'='1",
        "\" OR \"1\"=\"1",
        "1 OR 1=1",
        "$",
        "$1",
        "${x}",
        "?",
        "??",
        "(?, ?)",
        ":name",
        ":1",
        "@p",
        "%",
        "_",
        "\u0000",
        "a\u0000b'\u0000",
        "\n",
        "line1\nline2\r\nline3",
        "\t",
        "\r",
        "tab\there",
        "😀",
        "emoji 😀🎉 and ✓",
        "עברית",
        "مرحبا \u200F",
        "\u202Eevil\u202C",
        "\uFEFFbom",
        "ʼ＇＂",
        "X'41'",
        "CAST(",
        ")",
        "{fn UCASE('x')}",
        "{d '2024-01-01'}",
        "{escape '\\'}",
        "\\u0027",
        "",
        " ");
  }

  /** The few values that try hardest, for statements that run once per value. */
  private List<String> worstValues() {
    return List.of(
        "'); DROP TABLE " + canary + "; --", "' OR '1'='1", "\\'", "a\u0000b'\u0000", "😀 */ ?");
  }

  /** k → v of every row, in key order (a translated query). */
  private Map<Integer, String> rows(String table) throws SQLException {
    Map<Integer, String> rows = new LinkedHashMap<>();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT k, v FROM " + table + " ORDER BY k")) {
      while (rs.next()) {
        rows.put(rs.getInt(1), rs.getString(2));
      }
    }
    return rows;
  }

  private static Map<Integer, String> keyed(List<String> values) {
    Map<Integer, String> rows = new LinkedHashMap<>();
    for (int k = 0; k < values.size(); k++) {
      rows.put(k, values.get(k));
    }
    return rows;
  }

  private static String placeholders(int rows, String row) {
    StringJoiner all = new StringJoiner(", ");
    for (int i = 0; i < rows; i++) {
      all.add(row);
    }
    return all.toString();
  }

  private long count(String table) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      assertThat(rs.next()).isTrue();
      return rs.getLong(1);
    }
  }

  private static boolean translated(Statement s) throws SQLException {
    return s.unwrap(SparkConnectStatementInfo.class).lastStatementTranslated();
  }

  /** One prepared INSERT … VALUES of every value: one execution, as SQL text. */
  private void insertAll(String table, List<String> values) throws SQLException {
    try (PreparedStatement p =
        connection.prepareStatement(
            "INSERT INTO " + table + " VALUES " + placeholders(values.size(), "(?, ?)"))) {
      for (int k = 0; k < values.size(); k++) {
        p.setInt(2 * k + 1, k);
        p.setString(2 * k + 2, values.get(k));
      }
      assertThat(p.executeUpdate()).isEqualTo(values.size());
    }
  }

  /** A prepared INSERT batch of every value: one entry each. */
  private void insertBatch(String table, List<String> values) throws SQLException {
    try (PreparedStatement p =
        connection.prepareStatement("INSERT INTO " + table + " VALUES (?, ?)")) {
      for (int k = 0; k < values.size(); k++) {
        p.setInt(1, k);
        p.setString(2, values.get(k));
        p.addBatch();
      }
      int[] ones = new int[values.size()];
      Arrays.fill(ones, 1);
      assertThat(p.executeBatch()).containsExactly(ones);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {DELTA, PARQUET})
  void preparedInsertValuesKeepsEveryValue(String format) throws SQLException {
    String t = table(format, "k INT, v STRING");
    List<String> values = hostileValues();
    insertAll(t, values);
    assertThat(count(t)).isEqualTo(values.size());
    assertThat(rows(t)).isEqualTo(keyed(values));

    // one row, one value at a time: the worst ones, each in the one-row statement
    try (PreparedStatement p = connection.prepareStatement("INSERT INTO " + t + " VALUES (?, ?)")) {
      List<String> worst = worstValues();
      for (int i = 0; i < worst.size(); i++) {
        p.setInt(1, 1000 + i);
        p.setString(2, worst.get(i));
        assertThat(p.executeUpdate()).isEqualTo(1);
      }
    }
    assertThat(count(t)).isEqualTo(values.size() + worstValues().size());
    assertCanaryIntact();
  }

  @ParameterizedTest
  @ValueSource(strings = {DELTA, PARQUET})
  void preparedInsertBatchKeepsEveryValue(String format) throws SQLException {
    String t = table(format, "k INT, v STRING");
    List<String> values = hostileValues();
    insertBatch(t, values);
    assertThat(count(t)).isEqualTo(values.size());
    assertThat(rows(t)).isEqualTo(keyed(values));
    assertCanaryIntact();
  }

  @ParameterizedTest
  @ValueSource(strings = {DELTA, PARQUET})
  void insertSelectAndUntranslatedQueriesKeepEveryValue(String format) throws SQLException {
    String t = table(format, "k INT, v STRING");
    List<String> values = hostileValues();
    StringJoiner selects = new StringJoiner(" UNION ALL ");
    for (int k = 0; k < values.size(); k++) {
      selects.add("SELECT ?, ?");
    }
    try (PreparedStatement p = connection.prepareStatement("INSERT INTO " + t + " " + selects)) {
      for (int k = 0; k < values.size(); k++) {
        p.setInt(2 * k + 1, k);
        p.setString(2 * k + 2, values.get(k));
      }
      assertThat(p.executeUpdate()).as("INSERT … SELECT has no known count").isZero();
    }
    assertThat(rows(t)).isEqualTo(keyed(values));

    // a query the translator sends as text (a hint with ORDER BY), reading the values back
    try (PreparedStatement p =
        connection.prepareStatement(
            "SELECT /*+ REPARTITION(1) */ k DIV 1 AS k, v FROM "
                + t
                + " WHERE v IN ("
                + placeholders(values.size(), "?")
                + ") ORDER BY k")) {
      for (int k = 0; k < values.size(); k++) {
        p.setString(k + 1, values.get(k));
      }
      Map<Integer, String> found = new LinkedHashMap<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          found.put(rs.getInt(1), rs.getString(2));
        }
      }
      assertThat(found).isEqualTo(keyed(values));
      assertThat(translated(p)).isFalse();
    }
    try (PreparedStatement p =
        connection.prepareStatement(
            "SELECT count(*) FROM " + t + " WHERE v = ? AND k DIV 1 >= 0")) {
      p.setString(1, "nothing' OR '1'='1");
      try (ResultSet rs = p.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).as("no row has this value").isZero();
      }
    }
    assertCanaryIntact();
  }

  @Test
  void untranslatedQueryKeepsEveryValue() throws SQLException {
    List<String> values = hostileValues();
    StringJoiner columns = new StringJoiner(", ");
    for (int i = 0; i < values.size(); i++) {
      columns.add("? AS v" + i);
    }
    try (PreparedStatement p =
        connection.prepareStatement(
            "SELECT /*+ REPARTITION(1) */ "
                + columns
                + ", id DIV 2 AS half FROM range(3) ORDER BY id")) {
      for (int i = 0; i < values.size(); i++) {
        p.setString(i + 1, values.get(i));
      }
      try (ResultSet rs = p.executeQuery()) {
        for (long row = 0; row < 3; row++) {
          assertThat(rs.next()).isTrue();
          for (int i = 0; i < values.size(); i++) {
            assertThat(rs.getString("v" + i)).as("value #%d", i).isEqualTo(values.get(i));
          }
          assertThat(rs.getLong("half")).isEqualTo(row / 2);
        }
        assertThat(rs.next()).isFalse();
      }
      assertThat(translated(p)).as("sent as SQL text").isFalse();
    }
    // a query whose text Spark parses, with a value on the right of each comparison
    try (PreparedStatement p =
        connection.prepareStatement(
            "SELECT /*+ REPARTITION(1) */ ?, * FROM range(1) WHERE ? = ? AND id DIV 1 = 0"
                + " ORDER BY id")) {
      for (String value : values) {
        p.setString(1, value);
        p.setString(2, value);
        p.setString(3, value);
        try (ResultSet rs = p.executeQuery()) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getString(1)).isEqualTo(value);
          assertThat(rs.next()).isFalse();
        }
      }
      p.setString(2, "a");
      p.setString(3, "b' OR '1'='1");
      try (ResultSet rs = p.executeQuery()) {
        assertThat(rs.next()).as("the comparison stays a comparison of two values").isFalse();
      }
      assertThat(translated(p)).isFalse();
    }
    assertCanaryIntact();
  }

  @Test
  void translatedQueryKeepsEveryValue() throws SQLException {
    List<String> values = hostileValues();
    StringJoiner columns = new StringJoiner(", ");
    for (int i = 0; i < values.size(); i++) {
      columns.add("? AS v" + i);
    }
    try (PreparedStatement p = connection.prepareStatement("SELECT " + columns)) {
      for (int i = 0; i < values.size(); i++) {
        p.setString(i + 1, values.get(i));
      }
      try (ResultSet rs = p.executeQuery()) {
        assertThat(rs.next()).isTrue();
        for (int i = 0; i < values.size(); i++) {
          assertThat(rs.getString(i + 1)).as("value #%d", i).isEqualTo(values.get(i));
        }
        assertThat(rs.next()).isFalse();
      }
      assertThat(translated(p)).as("translated into a plan").isTrue();
    }
    assertCanaryIntact();
  }

  @Test
  void updateSetAndWhereKeepEveryValueOnDelta() throws SQLException {
    String t = table(DELTA, "k INT, v STRING");
    List<String> values = hostileValues();
    List<String> placeholders = new ArrayList<>();
    for (int k = 0; k < values.size(); k++) {
      placeholders.add("before " + k);
    }
    insertBatch(t, placeholders);

    // every value in one UPDATE … SET, each row its own
    StringBuilder cases = new StringBuilder("CASE k");
    for (int k = 0; k < values.size(); k++) {
      cases.append(" WHEN ").append(k).append(" THEN ?");
    }
    cases.append(" END");
    try (PreparedStatement p =
        connection.prepareStatement("UPDATE " + t + " SET v = " + cases + " WHERE k < ?")) {
      for (int k = 0; k < values.size(); k++) {
        p.setString(k + 1, values.get(k));
      }
      p.setInt(values.size() + 1, values.size());
      assertThat(p.executeUpdate()).isEqualTo(values.size());
    }
    assertThat(rows(t)).isEqualTo(keyed(values));

    // UPDATE SET ? WHERE k = ? and SET ? WHERE v = ?, one value at a time
    List<String> worst = worstValues();
    Map<Integer, String> expected = keyed(values);
    try (PreparedStatement byKey =
            connection.prepareStatement("UPDATE " + t + " SET v = ? WHERE k = ?");
        PreparedStatement byValue =
            connection.prepareStatement("UPDATE " + t + " SET v = ? WHERE v = ?")) {
      byKey.setString(1, worst.get(0));
      byKey.setInt(2, 0);
      assertThat(byKey.executeUpdate()).isEqualTo(1);
      expected.put(0, worst.get(0));

      // the old value of key 1 ("''") becomes a hostile one, found by its own hostile value
      for (int i = 1; i < worst.size(); i++) {
        byValue.setString(1, worst.get(i));
        byValue.setString(2, expected.get(i));
        byValue.addBatch();
        expected.put(i, worst.get(i));
      }
      // matches no row: it must not turn into a condition that matches every row
      byValue.setString(1, "changed");
      byValue.setString(2, "nothing' OR '1'='1");
      byValue.addBatch();
      int[] counts = byValue.executeBatch();
      int[] wanted = new int[worst.size()];
      Arrays.fill(wanted, 1);
      wanted[worst.size() - 1] = 0;
      assertThat(counts).containsExactly(wanted);
    }
    assertThat(rows(t)).isEqualTo(expected);
    assertCanaryIntact();
  }

  @Test
  void deleteWhereKeepsEveryValueOnDelta() throws SQLException {
    String t = table(DELTA, "k INT, v STRING");
    List<String> values = hostileValues();
    insertBatch(t, values);

    // one value at a time: each deletes its own row; a value in no row deletes nothing
    List<String> worst = worstValues();
    Map<Integer, String> expected = keyed(values);
    try (PreparedStatement p = connection.prepareStatement("DELETE FROM " + t + " WHERE v = ?")) {
      for (String value : worst.subList(0, 3)) {
        p.setString(1, value);
        p.addBatch();
        expected.values().remove(value);
      }
      p.setString(1, "nothing' OR '1'='1");
      p.addBatch();
      assertThat(p.executeBatch()).containsExactly(1, 1, 1, 0);
    }
    assertThat(rows(t)).isEqualTo(expected);

    // every other remaining value in one DELETE … WHERE v IN (?, …)
    List<String> remaining = new ArrayList<>(expected.values());
    List<String> doomed = new ArrayList<>();
    for (int i = 0; i < remaining.size(); i += 2) {
      doomed.add(remaining.get(i));
    }
    try (PreparedStatement p =
        connection.prepareStatement(
            "DELETE FROM " + t + " WHERE v IN (" + placeholders(doomed.size(), "?") + ")")) {
      for (int i = 0; i < doomed.size(); i++) {
        p.setString(i + 1, doomed.get(i));
      }
      assertThat(p.executeUpdate()).isEqualTo(doomed.size());
    }
    expected.values().removeAll(doomed);
    assertThat(rows(t)).isEqualTo(expected);
    assertCanaryIntact();
  }

  @Test
  void mergeSourceKeepsEveryValueOnDelta() throws SQLException {
    String t = table(DELTA, "k INT, v STRING");
    List<String> values = hostileValues();
    // the even keys exist (MERGE updates them), the odd ones do not (MERGE inserts them)
    try (PreparedStatement p = connection.prepareStatement("INSERT INTO " + t + " VALUES (?, ?)")) {
      for (int k = 0; k < values.size(); k += 2) {
        p.setInt(1, k);
        p.setString(2, "old " + k);
        p.addBatch();
      }
      assertThat(p.executeBatch()).hasSize((values.size() + 1) / 2);
    }

    StringJoiner source = new StringJoiner(" UNION ALL ");
    for (int k = 0; k < values.size(); k++) {
      source.add("SELECT ? AS k, ? AS v");
    }
    try (PreparedStatement p =
        connection.prepareStatement(
            "MERGE INTO "
                + t
                + " t USING ("
                + source
                + ") s ON t.k = s.k WHEN MATCHED THEN UPDATE SET v = s.v"
                + " WHEN NOT MATCHED THEN INSERT (k, v) VALUES (s.k, s.v)")) {
      for (int k = 0; k < values.size(); k++) {
        p.setInt(2 * k + 1, k);
        p.setString(2 * k + 2, values.get(k));
      }
      assertThat(p.executeUpdate()).as("updated + inserted").isEqualTo(values.size());
    }
    assertThat(rows(t)).isEqualTo(keyed(values));

    // a value in the ON condition: matches nothing, so inserts one row and updates none
    try (PreparedStatement p =
        connection.prepareStatement(
            "MERGE INTO "
                + t
                + " t USING (SELECT ? AS k, ? AS v) s ON t.v = s.v AND t.k = s.k"
                + " WHEN MATCHED THEN UPDATE SET v = 'updated'"
                + " WHEN NOT MATCHED THEN INSERT (k, v) VALUES (s.k, s.v)")) {
      p.setInt(1, 0);
      p.setString(2, "x' OR '1'='1");
      assertThat(p.execute()).isFalse();
      assertThat(p.getUpdateCount()).isEqualTo(1);
    }
    assertThat(count(t)).isEqualTo(values.size() + 1);
    assertCanaryIntact();
  }

  @ParameterizedTest
  @ValueSource(strings = {DELTA, PARQUET})
  void oneMegabyteValueReadsBackEqual(String format) throws SQLException {
    String t = table(format, "k INT, v STRING");
    String big = megabyte("'\\\";--/*?:n$`\u0000😀\n");
    try (PreparedStatement p = connection.prepareStatement("INSERT INTO " + t + " VALUES (?, ?)")) {
      p.setInt(1, 1);
      p.setString(2, big);
      assertThat(p.executeUpdate()).isEqualTo(1);
    }
    assertSameText(rows(t).get(1), big);

    try (PreparedStatement p =
        connection.prepareStatement(
            "SELECT /*+ REPARTITION(1) */ ? AS v, length(?) AS n, id DIV 2 FROM range(1)"
                + " ORDER BY id")) {
      p.setString(1, big);
      p.setString(2, big);
      try (ResultSet rs = p.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertSameText(rs.getString("v"), big);
        assertThat(rs.getInt("n")).isEqualTo(big.codePointCount(0, big.length()));
      }
      assertThat(translated(p)).isFalse();
    }
    try (PreparedStatement p = connection.prepareStatement("SELECT ? AS v")) {
      p.setString(1, big);
      try (ResultSet rs = p.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertSameText(rs.getString("v"), big);
      }
    }

    if (format.equals(DELTA)) {
      String other = megabyte("é'); DROP TABLE " + canary + "; -- ");
      try (PreparedStatement p =
          connection.prepareStatement("UPDATE " + t + " SET v = ? WHERE v = ?")) {
        p.setString(1, other);
        p.setString(2, big);
        assertThat(p.executeUpdate()).isEqualTo(1);
      }
      assertSameText(rows(t).get(1), other);
      try (PreparedStatement p = connection.prepareStatement("DELETE FROM " + t + " WHERE v = ?")) {
        p.setString(1, other);
        assertThat(p.executeUpdate()).isEqualTo(1);
      }
      assertThat(count(t)).isZero();
    }
    assertCanaryIntact();
  }

  /** {@code unit} repeated to one million UTF-16 characters or a little more. */
  private static String megabyte(String unit) {
    return unit.repeat(1_000_000 / unit.length() + 1);
  }

  /** Equality of long texts, without printing a megabyte when they differ. */
  private static void assertSameText(String actual, String expected) {
    assertThat(actual).as("value read back").isNotNull();
    int at = 0;
    while (at < Math.min(actual.length(), expected.length())
        && actual.charAt(at) == expected.charAt(at)) {
      at++;
    }
    assertThat(actual.equals(expected))
        .as(
            "value of %d chars read back as %d chars, first difference at index %d",
            expected.length(), actual.length(), at)
        .isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {DELTA, PARQUET})
  void numericExtremesReadBackEqual(String format) throws SQLException {
    String t =
        table(
            format,
            "k INT, i INT, l BIGINT, d DOUBLE, f FLOAT, big DECIMAL(38,0), small DECIMAL(38,37),"
                + " wide DECIMAL(20,0)");
    Object[][] rows = {
      {
        Integer.MIN_VALUE,
        Long.MIN_VALUE,
        Double.NaN,
        Float.MIN_VALUE,
        new BigDecimal("-99999999999999999999999999999999999999"),
        new BigDecimal("-9.9999999999999999999999999999999999999"),
        new BigDecimal("-1.23E+10") // negative scale
      },
      {
        Integer.MAX_VALUE,
        Long.MAX_VALUE,
        Double.POSITIVE_INFINITY,
        Float.MAX_VALUE,
        new BigDecimal("12345678901234567890123456789012345678"),
        new BigDecimal("1.2345678901234567890123456789012345678"),
        new BigDecimal("1E+5")
      },
      {
        0,
        -1L,
        Double.NEGATIVE_INFINITY,
        Float.NaN,
        BigDecimal.ZERO,
        new BigDecimal("0E-37"),
        new BigDecimal("9.9E+19")
      },
      {-1, 1L, -0.0d, -Float.MIN_VALUE, BigDecimal.ONE, new BigDecimal("1E-37"), BigDecimal.TEN},
      {
        1,
        Long.MIN_VALUE + 1,
        Double.MIN_VALUE,
        Float.NEGATIVE_INFINITY,
        new BigDecimal("1E+37"),
        new BigDecimal("0.0000000000000000000000000000000000001"),
        new BigDecimal("-99999999999999999999")
      },
      {
        2,
        0L,
        -Double.MAX_VALUE,
        -0.0f,
        new BigDecimal("-1"),
        new BigDecimal("-1E-37"),
        new BigDecimal("-0")
      },
    };
    try (PreparedStatement p =
        connection.prepareStatement(
            "INSERT INTO "
                + t
                + " VALUES "
                + placeholders(rows.length, "(?, ?, ?, ?, ?, ?, ?, ?)"))) {
      for (int r = 0; r < rows.length; r++) {
        int at = r * 8;
        p.setInt(at + 1, r);
        p.setInt(at + 2, (Integer) rows[r][0]);
        p.setLong(at + 3, (Long) rows[r][1]);
        p.setDouble(at + 4, (Double) rows[r][2]);
        p.setFloat(at + 5, (Float) rows[r][3]);
        for (int c = 4; c < 7; c++) {
          p.setBigDecimal(at + 2 + c, (BigDecimal) rows[r][c]);
        }
      }
      assertThat(p.executeUpdate()).isEqualTo(rows.length);
    }
    assertNumericRows(t, rows);

    if (format.equals(DELTA)) {
      // the same values through UPDATE … SET: each row takes the values of the row before it
      try (PreparedStatement p =
          connection.prepareStatement(
              "UPDATE "
                  + t
                  + " SET i = ?, l = ?, d = ?, f = ?, big = ?, small = ?, wide = ? WHERE k = ?")) {
        p.setInt(1, (Integer) rows[0][0]);
        p.setLong(2, (Long) rows[0][1]);
        p.setDouble(3, (Double) rows[0][2]);
        p.setFloat(4, (Float) rows[0][3]);
        p.setBigDecimal(5, (BigDecimal) rows[0][4]);
        p.setBigDecimal(6, (BigDecimal) rows[0][5]);
        p.setBigDecimal(7, (BigDecimal) rows[0][6]);
        p.setInt(8, rows.length - 1);
        assertThat(p.executeUpdate()).isEqualTo(1);
        rows[rows.length - 1] = rows[0];
      }
      assertNumericRows(t, rows);
    }
    assertCanaryIntact();
  }

  /**
   * NULLs bound for a DECIMAL(38,20) column beside an exact value in the same multi-row INSERT (one
   * statement, as text). The NULLs must not change the other row's value: Spark gives the rows of
   * VALUES one common type, so a NULL typed wider than the value (e.g. DECIMAL(38,18)) would round
   * it to fewer fraction digits, or make a value of DECIMAL(38,37) overflow.
   */
  @ParameterizedTest
  @ValueSource(strings = {DELTA, PARQUET})
  void nullDecimalLeavesTheDigitsOfTheOtherRowsOfAnInsertAlone(String format) throws SQLException {
    String t = table(format, "k INT, fine DECIMAL(38,20)");
    try (PreparedStatement p =
        connection.prepareStatement("INSERT INTO " + t + " VALUES (?, ?), (?, ?), (?, ?)")) {
      p.setInt(1, 0);
      p.setBigDecimal(2, FINE);
      p.setInt(3, 1);
      p.setNull(4, Types.DECIMAL);
      p.setInt(5, 2);
      p.setBigDecimal(6, null);
      assertThat(p.executeUpdate()).isEqualTo(3);
    }
    assertDecimalsBesideNulls(t);
  }

  /** The same in an INSERT batch (one append of every entry's values). */
  @ParameterizedTest
  @ValueSource(strings = {DELTA, PARQUET})
  void nullDecimalLeavesTheDigitsOfTheOtherEntriesOfABatchAlone(String format) throws SQLException {
    String t = table(format, "k INT, fine DECIMAL(38,20)");
    try (PreparedStatement p = connection.prepareStatement("INSERT INTO " + t + " VALUES (?, ?)")) {
      p.setInt(1, 0);
      p.setBigDecimal(2, FINE);
      p.addBatch();
      p.setInt(1, 1);
      p.setNull(2, Types.NUMERIC);
      p.addBatch();
      p.setInt(1, 2);
      p.setObject(2, null, Types.DECIMAL);
      p.addBatch();
      assertThat(p.executeBatch()).containsExactly(1, 1, 1);
    }
    assertDecimalsBesideNulls(t);
  }

  private static final BigDecimal FINE = new BigDecimal("1.12345678901234567891");

  private void assertDecimalsBesideNulls(String t) throws SQLException {
    try (ResultSet rs = statement.executeQuery("SELECT k, fine FROM " + t + " ORDER BY k")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getBigDecimal("fine")).as("all 20 fraction digits").isEqualTo(FINE);
      for (int k = 1; k <= 2; k++) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt("k")).isEqualTo(k);
        assertThat(rs.getBigDecimal("fine")).isNull();
      }
      assertThat(rs.next()).isFalse();
    }
  }

  private void assertNumericRows(String t, Object[][] rows) throws SQLException {
    try (ResultSet rs =
        statement.executeQuery(
            "SELECT k, i, l, d, f, big, small, wide FROM " + t + " ORDER BY k")) {
      for (int r = 0; r < rows.length; r++) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt("k")).isEqualTo(r);
        assertThat(rs.getInt("i")).as("row %d", r).isEqualTo(rows[r][0]);
        assertThat(rs.getLong("l")).as("row %d", r).isEqualTo(rows[r][1]);
        // Double/Float equals: NaN equals NaN, -0.0 differs from 0.0
        assertThat(Double.valueOf(rs.getDouble("d"))).as("row %d", r).isEqualTo(rows[r][2]);
        assertThat(Float.valueOf(rs.getFloat("f"))).as("row %d", r).isEqualTo(rows[r][3]);
        String[] decimals = {"big", "small", "wide"};
        for (int c = 0; c < 3; c++) {
          BigDecimal expected = (BigDecimal) rows[r][4 + c];
          assertThat(rs.getBigDecimal(decimals[c]))
              .as("row %d %s", r, decimals[c])
              .isEqualByComparingTo(expected);
        }
      }
      assertThat(rs.next()).isFalse();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {DELTA, PARQUET})
  void datesAndTimestampsReadBackEqual(String format) throws SQLException {
    String t = table(format, "k INT, d DATE, ts TIMESTAMP, ntz TIMESTAMP_NTZ");
    LocalDate[] dates = {
      LocalDate.of(1, 1, 1),
      LocalDate.of(9999, 12, 31),
      LocalDate.of(1582, 10, 10), // in the gap of the Julian-Gregorian switch
      LocalDate.of(1970, 1, 1),
      LocalDate.of(2024, 2, 29),
    };
    OffsetDateTime[] instants = {
      OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
      OffsetDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000, ZoneOffset.UTC),
      OffsetDateTime.of(1582, 10, 10, 12, 0, 0, 1_000, ZoneOffset.UTC),
      OffsetDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000, ZoneOffset.UTC),
      OffsetDateTime.of(2024, 1, 31, 10, 11, 12, 123_456_000, ZoneOffset.ofHours(5)),
    };
    LocalDateTime[] wallClocks = {
      LocalDateTime.of(1, 1, 1, 0, 0),
      LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000),
      LocalDateTime.of(1582, 10, 10, 1, 2, 3, 4_000),
      LocalDateTime.of(1970, 1, 1, 0, 0, 0, 1_000),
      LocalDateTime.of(2024, 3, 10, 2, 30, 0, 654_321_000),
    };
    try (PreparedStatement p =
        connection.prepareStatement(
            "INSERT INTO " + t + " VALUES " + placeholders(dates.length + 1, "(?, ?, ?, ?)"))) {
      for (int r = 0; r < dates.length; r++) {
        p.setInt(4 * r + 1, r);
        p.setObject(4 * r + 2, dates[r]);
        p.setObject(4 * r + 3, instants[r]);
        p.setObject(4 * r + 4, wallClocks[r]);
      }
      // java.sql types too: a date and a timestamp with microseconds
      int at = 4 * dates.length;
      p.setInt(at + 1, dates.length);
      p.setDate(at + 2, Date.valueOf("2000-02-29"));
      p.setTimestamp(at + 3, Timestamp.valueOf("2024-01-31 10:11:12.123456"));
      p.setTimestamp(at + 4, Timestamp.valueOf("1999-12-31 23:59:59.999999"));
      assertThat(p.executeUpdate()).isEqualTo(dates.length + 1);
    }
    assertDateRows(t, dates, instants, wallClocks);

    if (format.equals(DELTA)) {
      // through UPDATE … SET: the first row takes the values of the second
      try (PreparedStatement p =
          connection.prepareStatement("UPDATE " + t + " SET d = ?, ts = ?, ntz = ? WHERE k = ?")) {
        p.setObject(1, dates[1]);
        p.setObject(2, instants[1]);
        p.setObject(3, wallClocks[1]);
        p.setInt(4, 0);
        assertThat(p.executeUpdate()).isEqualTo(1);
      }
      dates[0] = dates[1];
      instants[0] = instants[1];
      wallClocks[0] = wallClocks[1];
      assertDateRows(t, dates, instants, wallClocks);
    }
    assertCanaryIntact();
  }

  private void assertDateRows(
      String t, LocalDate[] dates, OffsetDateTime[] instants, LocalDateTime[] wallClocks)
      throws SQLException {
    try (ResultSet rs = statement.executeQuery("SELECT k, d, ts, ntz FROM " + t + " ORDER BY k")) {
      for (int r = 0; r < dates.length; r++) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt("k")).isEqualTo(r);
        assertThat(rs.getObject("d", LocalDate.class)).as("row %d", r).isEqualTo(dates[r]);
        assertThat(rs.getString("d")).as("row %d", r).isEqualTo(dates[r].toString());
        assertThat(rs.getObject("ts", OffsetDateTime.class).toInstant())
            .as("row %d", r)
            .isEqualTo(instants[r].toInstant());
        assertThat(rs.getObject("ntz", LocalDateTime.class))
            .as("row %d", r)
            .isEqualTo(wallClocks[r]);
      }
      assertThat(rs.next()).isTrue();
      assertThat(rs.getDate("d")).isEqualTo(Date.valueOf("2000-02-29"));
      assertThat(rs.getTimestamp("ts")).isEqualTo(Timestamp.valueOf("2024-01-31 10:11:12.123456"));
      assertThat(rs.getTimestamp("ts").getNanos()).isEqualTo(123_456_000);
      assertThat(rs.getTimestamp("ntz")).isEqualTo(Timestamp.valueOf("1999-12-31 23:59:59.999999"));
      assertThat(rs.getString("ntz")).isEqualTo("1999-12-31 23:59:59.999999");
      assertThat(rs.next()).isFalse();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {DELTA, PARQUET})
  void binaryAndArraysReadBackEqual(String format) throws SQLException {
    String t = table(format, "k INT, b BINARY, ints ARRAY<INT>, texts ARRAY<STRING>");
    byte[] everyByte = new byte[256];
    for (int i = 0; i < everyByte.length; i++) {
      everyByte[i] = (byte) i;
    }
    byte[] quotes = "'); DROP TABLE x; --\\'".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Integer[] ints = {1, null, Integer.MIN_VALUE, null};
    String[] texts = {"'", null, "'); DROP TABLE " + canary + "; --", "", "\u0000", "😀"};
    try (PreparedStatement p =
        connection.prepareStatement(
            "INSERT INTO " + t + " VALUES (?, ?, ?, ?), (?, ?, ?, ?), (?, ?, ?, ?)")) {
      p.setInt(1, 0);
      p.setBytes(2, everyByte);
      p.setArray(3, connection.createArrayOf("INT", ints));
      p.setArray(4, connection.createArrayOf("STRING", texts));
      p.setInt(5, 1);
      p.setBytes(6, quotes);
      p.setArray(7, connection.createArrayOf("INT", new Integer[] {null}));
      p.setArray(8, connection.createArrayOf("STRING", new String[0]));
      p.setInt(9, 2);
      p.setBytes(10, new byte[0]);
      p.setNull(11, Types.ARRAY);
      p.setNull(12, Types.ARRAY);
      assertThat(p.executeUpdate()).isEqualTo(3);
    }
    List<Object[]> expected = new ArrayList<>();
    expected.add(new Object[] {everyByte, ints, texts});
    expected.add(new Object[] {quotes, new Integer[] {null}, new String[0]});
    expected.add(new Object[] {new byte[0], null, null});
    assertBinaryRows(t, expected);

    if (format.equals(DELTA)) {
      try (PreparedStatement p =
          connection.prepareStatement(
              "UPDATE " + t + " SET b = ?, ints = ?, texts = ? WHERE k = ?")) {
        p.setBytes(1, everyByte);
        p.setArray(2, connection.createArrayOf("INT", ints));
        p.setArray(3, connection.createArrayOf("STRING", texts));
        p.setInt(4, 2);
        assertThat(p.executeUpdate()).isEqualTo(1);
      }
      expected.set(2, expected.get(0));
      assertBinaryRows(t, expected);
    }
    assertCanaryIntact();
  }

  private void assertBinaryRows(String t, List<Object[]> expected) throws SQLException {
    try (ResultSet rs =
        statement.executeQuery("SELECT k, b, ints, texts FROM " + t + " ORDER BY k")) {
      for (int r = 0; r < expected.size(); r++) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt("k")).isEqualTo(r);
        assertThat(rs.getBytes("b")).as("row %d", r).isEqualTo(expected.get(r)[0]);
        assertThat(elements(rs.getArray("ints"))).as("row %d", r).isEqualTo(expected.get(r)[1]);
        assertThat(elements(rs.getArray("texts"))).as("row %d", r).isEqualTo(expected.get(r)[2]);
      }
      assertThat(rs.next()).isFalse();
    }
  }

  private static Object[] elements(Array array) throws SQLException {
    return array == null ? null : (Object[]) array.getArray();
  }
}
