package dev.sparkjdbc.tck.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import dev.sparkjdbc.tck.harness.TestSchemas;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Results the server compresses ({@code spark.sql.execution.arrow.compression.codec} = lz4 or zstd,
 * any zstd level) read exactly as uncompressed ones on the same connection: queries of many types
 * over a few hundred thousand rows, metadata, an empty result, a prepared query, and the SET's own
 * result (compressed already). The driver's FINE record of the codec of each compressed result
 * proves the bytes came compressed; by default this runs on the standalone jar, where the codecs'
 * classes are relocated and minimized.
 */
@ExtendWith(SparkConnectServerExtension.class)
class CompressedResultsTest {
  private static final String CODEC = "spark.sql.execution.arrow.compression.codec";
  private static final String ZSTD_LEVEL = "spark.sql.execution.arrow.compression.zstd.level";

  /** Many types: numbers, decimals, strings (nulls among them), dates, timestamps, nested. */
  private static final String QUERY =
      "SELECT id, CAST(id AS INT) AS i, id * 1.5D AS d, CAST(id AS DECIMAL(20, 3)) / 7 AS dec,"
          + " CAST(id % 1000 AS STRING) AS s, IF(id % 7 = 0, NULL, concat('v', id)) AS n,"
          + " date_add(DATE'2020-01-01', CAST(id % 3000 AS INT)) AS dt, timestamp_seconds(id * 97)"
          + " AS ts, id % 2 = 0 AS b, CAST(CAST(id AS STRING) AS BINARY) AS bin, array(id, id + 1)"
          + " AS arr, named_struct('a', id, 'b', CAST(id % 13 AS STRING)) AS st, map('k', id) AS m"
          + " FROM range(";

  private final List<LogRecord> log = new CopyOnWriteArrayList<>();
  // The result package's logger only: FINE on all of "dev.sparkjdbc" would also turn on the
  // standalone jar's relocated libraries (dev.sparkjdbc.shaded.*: gRPC's and Netty's debug logs).
  private final Logger driverLog = Logger.getLogger("dev.sparkjdbc.jdbc.result");
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord r) {
          log.add(r);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private Level levelBefore;
  private String schema;

  @BeforeEach
  void captureDriverLog(SparkConnectServer server) throws SQLException {
    levelBefore = driverLog.getLevel();
    driverLog.setLevel(Level.FINE);
    driverLog.addHandler(capture);
    schema = TestSchemas.unique("codec");
    try (Connection c = DriverManager.getConnection(server.url())) {
      TestSchemas.execute(
          c,
          "CREATE SCHEMA " + schema,
          "CREATE TABLE " + schema + ".t (k INT, v STRING, x DECIMAL(10, 2)) USING parquet");
    }
  }

  @AfterEach
  void release(SparkConnectServer server) throws SQLException {
    driverLog.removeHandler(capture);
    driverLog.setLevel(levelBefore);
    try (Connection c = DriverManager.getConnection(server.url())) {
      TestSchemas.execute(c, "DROP SCHEMA " + schema + " CASCADE");
    }
  }

  /** The codecs the driver logged (once per compressed result) since the last call. */
  private List<String> codecsLogged() {
    List<String> codecs = new ArrayList<>();
    for (LogRecord r : log) {
      if (r.getMessage() != null
          && r.getMessage().startsWith("Reading Arrow batches compressed with")) {
        codecs.add(String.valueOf(r.getParameters()[0]));
      }
    }
    log.clear();
    return codecs;
  }

  /** Every row as text, hashed; with the row count and the columns' labels and types. */
  private static String digest(ResultSet rs) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    ResultSetMetaData md = rs.getMetaData();
    StringBuilder head = new StringBuilder();
    for (int c = 1; c <= md.getColumnCount(); c++) {
      head.append(md.getColumnLabel(c)).append(':').append(md.getColumnTypeName(c)).append(',');
    }
    long rows = 0;
    while (rs.next()) {
      rows++;
      for (int c = 1; c <= md.getColumnCount(); c++) {
        sha.update(String.valueOf(rs.getString(c)).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
    }
    return head + " rows=" + rows + " sha=" + HexFormat.of().formatHex(sha.digest());
  }

  private static String query(Connection c, String sql) throws Exception {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return digest(rs);
    }
  }

  /** Everything this test reads, one digest per result, in order. */
  private List<String> readAll(Connection c, long rows) throws Exception {
    List<String> results = new ArrayList<>();
    results.add(query(c, QUERY + rows + ")"));
    results.add(query(c, "SELECT * FROM " + schema + ".t")); // empty
    results.add(query(c, "SELECT id, CAST(id AS STRING) AS s FROM range(10) WHERE id < 0"));
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT id, CAST(id AS STRING) AS s, id * 2.5D AS d FROM range(?) WHERE id % ? = 0")) {
      p.setLong(1, rows);
      p.setInt(2, 3);
      try (ResultSet rs = p.executeQuery()) {
        results.add(digest(rs));
      }
    }
    DatabaseMetaData md = c.getMetaData();
    try (ResultSet rs = md.getTables(null, schema, "%", null)) {
      results.add(digest(rs));
    }
    try (ResultSet rs = md.getColumns(null, schema, "t", "%")) {
      results.add(digest(rs));
    }
    return results;
  }

  /** Sets a session conf; its result (one key/value row) is read back. */
  private static void set(Connection c, String key, String value) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SET " + key + "=" + value)) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo(key);
      assertThat(rs.getString(2)).isEqualTo(value);
      assertThat(rs.next()).isFalse();
    }
  }

  /**
   * lz4 with fewer rows: the server's LZ4 writer (Arrow's, on commons-compress) compresses at a
   * crawl (minutes for 300,000 rows of these columns on a shared 2-core machine); zstd covers
   * results of many batches.
   */
  @ParameterizedTest
  @CsvSource({"lz4, LZ4_FRAME, 6000", "zstd, ZSTD, 300000"})
  void compressedResultsReadAsUncompressedOnes(
      String codec, String arrowCodec, long rows, SparkConnectServer server) throws Exception {
    try (Connection c = DriverManager.getConnection(server.url())) {
      set(c, CODEC, codec);
      assertThat(codecsLogged())
          .as("the SET's own result came compressed")
          .containsExactly(arrowCodec);

      List<String> compressed = readAll(c, rows);
      List<String> logged = codecsLogged();

      set(c, CODEC, "none");
      codecsLogged();
      List<String> plain = readAll(c, rows);

      assertThat(codecsLogged()).as("nothing compressed under none").isEmpty();
      assertThat(compressed).isEqualTo(plain);
      assertThat(plain.get(0)).contains(" rows=" + rows + " ");
      assertThat(plain.get(1)).contains(" rows=0 ");
      assertThat(plain.get(3)).contains(" rows=" + (rows + 2) / 3 + " ");
      assertThat(plain.get(5)).contains(" rows=3 ");
      // Results with rows came compressed (a metadata call may be answered without Arrow).
      assertThat(logged).hasSizeGreaterThanOrEqualTo(3).containsOnly(arrowCodec);
    }
  }

  @ParameterizedTest
  @CsvSource({"-3, 300000", "19, 50000"}) // level 19 is slow to write: fewer rows
  void everyZstdLevelReads(int level, long rows, SparkConnectServer server) throws Exception {
    try (Connection c = DriverManager.getConnection(server.url())) {
      String sql = QUERY + rows + ")";
      String plain = query(c, sql);
      set(c, CODEC, "zstd");
      set(c, ZSTD_LEVEL, Integer.toString(level));
      codecsLogged();
      assertThat(query(c, sql)).isEqualTo(plain).contains(" rows=" + rows + " ");
      assertThat(codecsLogged()).containsExactly("ZSTD");
    }
  }

  @Test
  void aNewConnectionReadsUncompressedAgain(SparkConnectServer server) throws Exception {
    try (Connection c = DriverManager.getConnection(server.url())) {
      set(c, CODEC, "lz4");
    }
    codecsLogged();
    try (Connection c = DriverManager.getConnection(server.url())) {
      assertThat(query(c, "SELECT id FROM range(5)")).contains(" rows=5 ");
    }
    assertThat(codecsLogged()).as("the codec is a session setting").isEmpty();
  }
}
