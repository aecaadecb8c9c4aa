package dev.sparkjdbc.tck.translation;

import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import dev.sparkjdbc.tck.tpcds.TpcdsDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 99 TPC-DS queries (103 statements: q14, q23, q24 and q39 come in two parts) at SF 0.01 under
 * the never-worse rule ({@link CorpusRunner}). The query texts are the qualified ones Apache
 * Spark's own TPC-DS suite runs, in Spark's dialect ({@code tpcds/q*.sql} of the {@code spark-sql}
 * tests artifact, unpacked by the build into the directory of system property {@code
 * sparkjdbc.tpcds.queries}; never committed); the data comes from {@link TpcdsDatabase}.
 */
@ExtendWith(SparkConnectServerExtension.class)
class TpcdsNeverWorseTest {
  static final String CORPUS = "tpcds";
  private static final Pattern NAME = Pattern.compile("q(\\d+)([a-z]?)");

  private static CorpusRunner runner;

  @BeforeAll
  static void load(SparkConnectServer server) throws SQLException {
    long setup = TpcdsDatabase.load(server.url());
    // One side at a time: two concurrent broadcasts of customer_demographics (1.9 M rows) exhaust
    // the shared test server's heap and fail one side at random (q10, q35, q69).
    runner = new CorpusRunner(CORPUS, server.url(), TpcdsDatabase.SCHEMA, false, setup);
    // customer_demographics (1.9 M rows, 7.7 MB of parquet) is under Spark's 10 MB broadcast
    // threshold, and building its hash table can exhaust the shared test server's 2 GB heap ("Not
    // enough memory to build and broadcast", q10, q35, q69, either side at random). Both sessions
    // get the same lower threshold: small dimensions still broadcast, that one does not.
    runner.onBothSessions("SET spark.sql.autoBroadcastJoinThreshold=1048576");
  }

  @AfterAll
  static void summary() throws SQLException {
    if (runner != null) {
      runner.close();
    }
  }

  /** {@code q1} … {@code q99}, {@code q14a} before {@code q14b}. */
  static Stream<String> queries() throws IOException {
    try (Stream<Path> files = Files.list(directory())) {
      List<String> names =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".sql"))
              .map(n -> n.substring(0, n.length() - ".sql".length()))
              .filter(n -> NAME.matcher(n).matches())
              .sorted(Comparator.comparingInt((String n) -> number(n)).thenComparing(n -> n))
              .toList();
      if (names.size() != 103) {
        throw new IllegalStateException(
            "expected the 103 TPC-DS statements in " + directory() + ", found " + names.size());
      }
      return names.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void keepsTheNeverWorseRule(String query) {
    runner.check(query, read(query));
  }

  private static int number(String name) {
    Matcher m = NAME.matcher(name);
    if (!m.matches()) {
      throw new IllegalArgumentException(name);
    }
    return Integer.parseInt(m.group(1));
  }

  private static Path directory() {
    String dir = System.getProperty("sparkjdbc.tpcds.queries");
    if (dir == null || dir.isBlank()) {
      throw new IllegalStateException(
          "system property sparkjdbc.tpcds.queries is not set: run this suite through Maven");
    }
    return Path.of(dir);
  }

  /** The query text, without a trailing semicolon. */
  private static String read(String query) {
    try {
      String sql =
          Files.readString(directory().resolve(query + ".sql"), StandardCharsets.UTF_8).strip();
      return sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
