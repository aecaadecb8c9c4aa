package dev.sparkjdbc.tck.translation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import dev.sparkjdbc.tck.tpch.TpchDatabase;
import dev.sparkjdbc.tck.tpch.TpchQueries;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 22 TPC-H queries (SF 0.01, resources {@code tpch/q01.sql} …), each run on the same server
 * translated by the driver ({@code translation_mode=strict}: a query it cannot translate fails) and
 * as SQL text ({@code translation_mode=text}). Both must give the same column labels, JDBC types
 * and type names, and the same rows: in order when the query sorts, as multisets otherwise, values
 * compared exactly (the prices are DECIMAL, so sums are exact).
 */
@ExtendWith(SparkConnectServerExtension.class)
class TpchDifferentialTest {
  private static final CorpusSummary SUMMARY = new CorpusSummary("tpch");
  private static long started;
  private static Connection warmUp;
  private static Connection text;
  private static Connection strict;

  @BeforeAll
  static void connect(SparkConnectServer server) throws SQLException {
    started = System.nanoTime();
    TpchDatabase db = TpchDatabase.on(server.url());
    warmUp = db.connect("text");
    text = db.connect("text");
    strict = db.connect("strict");
  }

  @AfterAll
  static void disconnect() throws SQLException {
    // The never-worse corpora's summary line, the strict connection standing for the default path.
    System.out.println(SUMMARY.line());
    System.out.printf(
        Locale.ROOT,
        "tpch: wall time %.1f s (tables and %d queries)%n",
        (System.nanoTime() - started) / 1e9,
        SUMMARY.cases());
    try (Connection a = warmUp;
        Connection b = text;
        Connection c = strict) {
      // closes all three
    }
  }

  static Stream<String> queries() {
    return TpchQueries.names().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void translatedQueryReturnsWhatTheSqlTextReturns(String query) {
    String sql = TpchQueries.sql(query);
    boolean ordered = hasOrderBy(sql);
    // A first run in a third session warms the server (JIT, code generation) so that the two
    // compared runs are timed alike: each is the first run of the query in its own session, so
    // neither gains from Spark Connect's per-session plan cache. It also shows that the text
    // path itself is deterministic.
    QueryResult first = run(query, "text (warm-up)", warmUp, sql);
    QueryResult expected = run(query, "text", text, sql);
    PathRun strictRun = PathRun.run(strict, sql);
    SUMMARY.add(
        query, NeverWorse.judge(sql, strictRun, new PathRun(expected, null, false, "text mode")));
    if (strictRun.failed()) {
      throw new AssertionError(
          query + " failed through the strict (translated) connection: " + strictRun.error(),
          strictRun.error());
    }
    QueryResult actual = strictRun.result();
    System.out.printf(
        Locale.ROOT,
        "TPC-H %s: text %5d ms, strict %5d ms (warm-up, text: %5d ms), %d rows%n",
        query,
        expected.millis(),
        actual.millis(),
        first.millis(),
        expected.rows().size());

    assertThat(first.difference(expected, ordered))
        .as("%s, text vs text: the query or the data is not deterministic", query)
        .isNull();
    assertThat(expected.difference(actual, ordered))
        .as("%s, strict (translated) vs text", query)
        .isNull();
    // All 22 return rows at SF 0.01 (Q17 one row holding NULL, Q8 market shares of 0).
    assertThat(expected.rows()).as("%s returns rows", query).isNotEmpty();
  }

  private static QueryResult run(String query, String side, Connection connection, String sql) {
    try {
      return QueryResult.run(connection, sql);
    } catch (SQLException e) {
      throw new AssertionError(query + " failed through the " + side + " connection: " + e, e);
    }
  }

  /** True when the outermost query sorts: in the TPC-H texts only the outermost one does. */
  private static boolean hasOrderBy(String sql) {
    String code = sql.replaceAll("--[^\\n]*", " ").toLowerCase(Locale.ROOT);
    return code.matches("(?s).*\\border\\s+by\\b.*");
  }
}
