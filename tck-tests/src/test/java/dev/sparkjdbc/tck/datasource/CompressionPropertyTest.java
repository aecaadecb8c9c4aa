package dev.sparkjdbc.tck.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparkjdbc.tck.harness.BuildPaths;
import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Connection properties {@code compression} and {@code compression_level}: the driver sets Spark's
 * session conf {@code spark.sql.execution.arrow.compression.codec} (and the zstd level) when
 * connecting, without waiting for the answer; {@code server} leaves the session alone.
 *
 * <p>The session's conf is read back without decoding a (possibly compressed) result: Spark
 * substitutes {@code ${conf}} in SQL text, and {@code raise_error} returns the substituted text in
 * the error message, which travels outside Arrow. The set is not waited for on connect, so the
 * reads poll until the value shows (a query may overtake the set: documented in
 * docs/properties.md).
 */
@ExtendWith(SparkConnectServerExtension.class)
class CompressionPropertyTest {
  private static final String CODEC = "spark.sql.execution.arrow.compression.codec";
  private static final String LEVEL = "spark.sql.execution.arrow.compression.zstd.level";
  private static final Pattern READ = Pattern.compile("value=(.*?)=end");
  private static final long WAIT_MILLIS = 10_000;

  /**
   * A session conf's value, through an error message. Spark substitutes only a conf the session
   * holds a value for (an unset one with a checked value fails to substitute): read what was set.
   */
  private static String sessionConf(Connection c, String key) throws SQLException {
    try (Statement s = c.createStatement()) {
      // Text (not a translated plan): Spark's parser substitutes ${...} in SQL text only.
      s.executeQuery("SELECT raise_error('value=${" + key + "}=end')").close();
    } catch (SQLException e) {
      String message = String.valueOf(e.getMessage());
      Matcher m = READ.matcher(message);
      if (m.find()) {
        return m.group(1);
      }
      if (message.contains("The value '' in the config \"" + key + "\"")) {
        return ""; // not set in the session (yet)
      }
      throw e;
    }
    throw new AssertionError("raise_error did not fail");
  }

  /** Reads until {@code expected} shows or the wait is over; returns the last value read. */
  private static String awaitSessionConf(Connection c, String key, String expected)
      throws SQLException, InterruptedException {
    long deadline = System.currentTimeMillis() + WAIT_MILLIS;
    String seen = sessionConf(c, key);
    while (!seen.equals(expected) && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
      seen = sessionConf(c, key);
    }
    return seen;
  }

  private static List<String> warnings(Connection c) throws SQLException {
    List<String> all = new ArrayList<>();
    for (SQLWarning w = c.getWarnings(); w != null; w = w.getNextWarning()) {
      all.add(w.getSQLState() + " " + w.getMessage());
    }
    return all;
  }

  private static String textUrl(SparkConnectServer server, String parameters) {
    return server.url() + "/;translation_mode=text;" + parameters;
  }

  @Test
  void zstdWithALevelBecomesTheSessionsCodecAndLevel(SparkConnectServer server) throws Exception {
    try (Connection c =
        DriverManager.getConnection(textUrl(server, "compression=zstd;compression_level=7"))) {
      assertThat(awaitSessionConf(c, CODEC, "zstd")).isEqualTo("zstd");
      assertThat(sessionConf(c, LEVEL)).isEqualTo("7");
      assertThat(warnings(c)).as("warnings of a server that knows the conf").isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"lz4", "none", "LZ4"})
  void otherCodecsBecomeTheSessionsCodecAndLeaveTheLevelAlone(
      String codec, SparkConnectServer server) throws Exception {
    String session = "session_id=" + UUID.randomUUID() + ";";
    try (Connection first = DriverManager.getConnection(textUrl(server, session));
        Statement s = first.createStatement()) {
      s.execute("SET " + LEVEL + "=5");
      try (Connection c =
          DriverManager.getConnection(textUrl(server, session + "compression=" + codec))) {
        String expected = codec.toLowerCase(Locale.ROOT);
        assertThat(awaitSessionConf(c, CODEC, expected)).isEqualTo(expected);
        assertThat(sessionConf(c, LEVEL)).as("the level nobody asked to change").isEqualTo("5");
        assertThat(warnings(c)).isEmpty();
      }
    }
  }

  @Test
  void serverLeavesASharedSessionsCodecAlone(SparkConnectServer server) throws Exception {
    String session = UUID.randomUUID().toString();
    try (Connection first =
        DriverManager.getConnection(
            textUrl(server, "session_id=" + session + ";compression=zstd;compression_level=9"))) {
      assertThat(awaitSessionConf(first, CODEC, "zstd")).isEqualTo("zstd");
      try (Connection second =
          DriverManager.getConnection(
              textUrl(server, "session_id=" + session + ";compression=server"))) {
        Thread.sleep(300); // what a set sent on connect would need to arrive
        assertThat(sessionConf(second, CODEC)).isEqualTo("zstd");
        assertThat(sessionConf(second, LEVEL)).isEqualTo("9");
        assertThat(warnings(second)).isEmpty();
      }
    }
  }

  @Test
  void aLevelWithoutZstdIsIgnoredWithAWarning(SparkConnectServer server) throws Exception {
    try (Connection c =
        DriverManager.getConnection(textUrl(server, "compression=lz4;compression_level=5"))) {
      assertThat(warnings(c))
          .anySatisfy(w -> assertThat(w).startsWith("01000 ").contains("compression_level"));
      assertThat(awaitSessionConf(c, CODEC, "lz4")).isEqualTo("lz4");
    }
  }

  @Test
  void invalidValuesRefuseToConnectNamingTheProperty(SparkConnectServer server) {
    for (String bad :
        List.of(
            "compression=gzip",
            "compression=",
            "compression_level=23",
            "compression_level=-131073",
            "compression_level=fast",
            "compression_level=2147483648")) {
      String key = bad.substring(0, bad.indexOf('='));
      assertThatThrownBy(() -> DriverManager.getConnection(server.url() + "/;" + bad).close())
          .as(bad)
          .isInstanceOf(SQLNonTransientConnectionException.class)
          .hasMessageContaining("'" + key + "'")
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("08001");
    }
  }

  @Test
  void propertyInfoListsTheChoicesAndTheDefault(SparkConnectServer server) throws SQLException {
    Driver driver = DriverManager.getDriver(server.url());
    DriverPropertyInfo[] infos = driver.getPropertyInfo(server.url(), new Properties());
    DriverPropertyInfo compression =
        Arrays.stream(infos).filter(p -> p.name.equals("compression")).findFirst().orElseThrow();
    assertThat(compression.choices).containsExactly("auto", "server", "none", "lz4", "zstd");
    assertThat(compression.value).isEqualTo("auto");
    DriverPropertyInfo level =
        Arrays.stream(infos)
            .filter(p -> p.name.equals("compression_level"))
            .findFirst()
            .orElseThrow();
    assertThat(level.value).isEqualTo("0");
  }

  /**
   * A server without the conf (Spark 4.0) accepts the set of an unknown {@code spark.sql} key
   * silently: the connection works and says in a warning that results stay uncompressed. A server
   * with it gives no warning.
   */
  @Test
  @Tag("smoke") // also run against older servers: docs/compatibility.md
  void aServerWithoutTheConfWarnsAndStillConnects(SparkConnectServer server) throws Exception {
    boolean knowsTheConf = !BuildPaths.property("sparkjdbc.server.sparkVersion").startsWith("4.0");
    try (Connection c = DriverManager.getConnection(server.url() + "/;compression=zstd");
        Statement s = c.createStatement()) {
      List<String> warnings = warnings(c);
      long deadline = System.currentTimeMillis() + WAIT_MILLIS;
      // The answers to the set come without being waited for; a warning shows once they are in.
      while (!knowsTheConf && warnings.isEmpty() && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
        warnings = warnings(c);
      }
      if (knowsTheConf) {
        Thread.sleep(300);
        assertThat(warnings(c)).isEmpty();
      } else {
        assertThat(warnings)
            .anySatisfy(w -> assertThat(w).startsWith("01000 ").contains("does not know " + CODEC));
        try (ResultSet rs = s.executeQuery("SELECT 42")) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getInt(1)).isEqualTo(42);
        }
      }
    }
  }
}
